"""What the release profiles domain tells the others."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("releaseprofile.changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class ReleaseProfilesChanged(Event):
    """A release profile was added, changed or removed."""
