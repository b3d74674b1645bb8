"""What renaming tells the rest of Reelarr."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("moviefile.renamed")
@dataclass(frozen=True, slots=True, kw_only=True)
class MovieFileRenamed(Event):
    """A film's file got a new name (Radarr's MovieFileRenamedEvent); `original_path` is where it was."""

    movie_id: int
    movie_file_id: int
    original_path: str
