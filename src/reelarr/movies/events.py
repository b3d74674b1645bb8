"""Events of the movies package."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("movie.added")
@dataclass(frozen=True, slots=True, kw_only=True)
class MovieAdded(Event):
    """A movie was added to the library."""

    movie_id: int
    search: bool = False


@shared("movie.updated")
@dataclass(frozen=True, slots=True, kw_only=True)
class MovieUpdated(Event):
    """A movie's settings or metadata changed."""

    movie_id: int


@shared("movie.deleted")
@dataclass(frozen=True, slots=True, kw_only=True)
class MovieDeleted(Event):
    """A movie left the library."""

    movie_id: int
    tmdb_id: int
    title: str
    deleted_files: bool = False
