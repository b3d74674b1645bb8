"""Events of the movies package."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared
from reelarr.movies.model import AddMethod, Movie, MovieFile


@shared("movie.added")
@dataclass(frozen=True, slots=True, kw_only=True)
class MovieAdded(Event):
    """A movie was added to the library."""

    movie_id: int
    search: bool = False
    monitor_collection: bool = False  # a collection the film brings is monitored
    add_method: AddMethod = AddMethod.MANUAL


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


@shared("moviefile.added")
@dataclass(frozen=True, slots=True, kw_only=True)
class MovieFileAdded(Event):
    """A movie got a file: found by a rescan, or imported."""

    movie_id: int
    movie_file_id: int


@shared("moviefile.updated")
@dataclass(frozen=True, slots=True, kw_only=True)
class MovieFileUpdated(Event):
    """What Reelarr knows of a movie file changed (size, media info, or a user's edit)."""

    movie_id: int
    movie_file_id: int


@shared("moviefile.deleted")
@dataclass(frozen=True, slots=True, kw_only=True)
class MovieFileDeleted(Event):
    """A movie file's record is gone; `reason` is Radarr's (missingFromDisk, manual, upgrade)."""

    movie_id: int
    movie_file_id: int
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MovieScanned(Event):
    """A movie's folder was rescanned (Radarr's MovieScannedEvent); `movie_file_id` is its file after it.

    Not shared: what follows a scan (recording the extra files beside the video) is done once, by the
    process that scanned.
    """

    movie_id: int
    movie_file_id: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class MovieGone(Event):
    """A movie left the library, as it was with its file (for whoever tells of it: notifications).

    Not shared: published beside MovieDeleted by the process that deleted the film, which alone tells
    of it; the rows are gone by then, so the film travels with the event.
    """

    movie: Movie
    file: MovieFile | None
    deleted_files: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class MovieFileGone(Event):
    """A movie file's record is gone, with the file as it was; `reason` as MovieFileDeleted's.

    Not shared, for the same reason as MovieGone.
    """

    file: MovieFile
    reason: str
