"""Which films of a monitored collection to add, and when a collection is due a refresh (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from reelarr.collections.model import Collection, CollectionMovie
from reelarr.movies.availability import movie_status
from reelarr.movies.model import MovieStatus

# Radarr's: refreshed by the scheduled task once its data is over 15 days old.
REFRESH_AFTER = timedelta(days=15)


def part_status(movie: CollectionMovie, today: date) -> MovieStatus:
    """A film's status from the one date a collection gives (its first release)."""
    return movie_status(
        in_cinemas=movie.release_date, digital=None, physical=None, tmdb_status="", today=today
    )


def is_out(movie: CollectionMovie, today: date) -> bool:
    """Whether a film has come out (Radarr adds only films in cinemas or released)."""
    return part_status(movie, today) in (MovieStatus.IN_CINEMAS, MovieStatus.RELEASED)


def films_to_add(
    movies: Sequence[CollectionMovie], in_library: Iterable[int], excluded: Iterable[int], today: date
) -> list[CollectionMovie]:
    """The films of a collection to add: out already, not in the library, not excluded."""
    skip = set(in_library) | set(excluded)
    return [m for m in movies if m.tmdb_id not in skip and is_out(m, today)]


def missing_count(
    movies: Sequence[CollectionMovie], in_library: Iterable[int], excluded: Iterable[int]
) -> int:
    """Radarr's `missingMovies`: films of the collection neither in the library nor excluded."""
    skip = set(in_library) | set(excluded)
    return sum(1 for m in movies if m.tmdb_id not in skip)


def refresh_due(collection: Collection, now: datetime) -> bool:
    """Whether the scheduled refresh should ask TMDB about this collection again."""
    return collection.last_info_sync is None or now - collection.last_info_sync >= REFRESH_AFTER
