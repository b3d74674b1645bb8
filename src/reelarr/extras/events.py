"""Events of the extras package."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("extrafile.changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class ExtraFilesChanged(Event):
    """A film's extra files were recorded, moved or forgotten."""

    movie_id: int
