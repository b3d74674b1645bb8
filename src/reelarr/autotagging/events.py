"""Events of the auto tagging package."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("autotag.changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class AutoTagsChanged(Event):
    """An auto tagging rule was created, changed or deleted (Radarr's AutoTagsUpdatedEvent)."""

    auto_tag_id: int
