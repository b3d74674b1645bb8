"""Events of the naming package."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("naming.config")
@dataclass(frozen=True, slots=True, kw_only=True)
class NamingConfigChanged(Event):
    """The naming settings were saved; every process reads them again."""
