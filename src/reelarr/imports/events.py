"""What importing tells the rest of Reelarr."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("movie_imported")
@dataclass(frozen=True, slots=True, kw_only=True)
class MovieImported(Event):
    """A download's file went into the library (Radarr's MovieImportedEvent; an upgrade when it
    replaced a file)."""

    movie_id: int
    movie_file_id: int
    download_id: str | None
    is_upgrade: bool
