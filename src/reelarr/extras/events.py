"""Events of the extras package."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("extrafile.changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class ExtraFilesChanged(Event):
    """A film's extra files were recorded, moved or forgotten."""

    movie_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtraFilesRecorded(Event):
    """A rescan recorded the files beside a film's video (metadata files are written after it, so a
    writer knows which files are its own). Not shared: what follows is done by the process that scanned."""

    movie_id: int
    movie_file_id: int | None
