"""Events of the provider families."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("provider.changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class ProviderChanged(Event):
    """A provider of a family was created, updated or deleted (`action`: created|updated|deleted), or
    changed its own settings (`settings`: a refreshed token)."""

    family: str
    provider_id: int
    action: str


@shared("provider.status")
@dataclass(frozen=True, slots=True, kw_only=True)
class ProviderStatusChanged(Event):
    """A provider failed or recovered."""

    provider_id: int
