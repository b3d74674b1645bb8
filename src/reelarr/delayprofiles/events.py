"""What the delay profiles domain tells the others."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("delayprofile.changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class DelayProfilesChanged(Event):
    """A delay profile was added, changed, reordered or removed."""
