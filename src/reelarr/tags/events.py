"""Events of the tags package."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("tag.changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class TagsChanged(Event):
    """A tag was created, renamed or deleted; lists of tags must be fetched again."""

    tag_id: int
