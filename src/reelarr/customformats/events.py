"""Events of the custom formats package."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("customformat.added")
@dataclass(frozen=True, slots=True, kw_only=True)
class CustomFormatAdded(Event):
    """A custom format was created (quality profiles give it a score of 0)."""

    format_id: int


@shared("customformat.updated")
@dataclass(frozen=True, slots=True, kw_only=True)
class CustomFormatUpdated(Event):
    """A custom format was changed (its name, conditions or renaming flag)."""

    format_id: int


@shared("customformat.deleted")
@dataclass(frozen=True, slots=True, kw_only=True)
class CustomFormatDeleted(Event):
    """A custom format was deleted (quality profiles drop its score)."""

    format_id: int
