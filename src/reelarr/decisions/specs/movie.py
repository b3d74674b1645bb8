"""Checks of the film: monitored, available yet, the one searched for, tagged for the indexer."""

from __future__ import annotations

from reelarr.decisions.rejection import Reason, Rejection
from reelarr.decisions.subject import Subject
from reelarr.movies.availability import is_available


def monitored(subject: Subject) -> Rejection | None:
    """Reject releases for an unmonitored film, unless a person searched for it."""
    if subject.user_invoked or subject.movie.monitored:
        return None
    return Rejection(Reason.MOVIE_NOT_MONITORED, "Movie is not monitored")


def availability(subject: Subject) -> Rejection | None:
    """Reject releases before the film is available (plus the delay), unless a person searched."""
    if subject.user_invoked:
        return None
    movie = subject.movie
    delay = subject.settings.availability_delay_days
    available = is_available(
        movie.minimum_availability,
        in_cinemas=movie.in_cinemas,
        digital=movie.digital_release,
        physical=movie.physical_release,
        today=subject.now.date(),
        delay_days=delay,
    )
    if available:
        return None
    message = (
        f"Movie {movie.title} ({movie.year}) will only be considered available {delay} days after "
        f"{movie.minimum_availability.value}"
    )
    return Rejection(Reason.AVAILABILITY, message)


def wrong_movie(subject: Subject) -> Rejection | None:
    """In a search, reject a release that turned out to be another film."""
    if subject.search is not None and subject.search.movie_id != subject.movie.id:
        return Rejection(Reason.WRONG_MOVIE, "Wrong movie")
    return None


def indexer_tags(subject: Subject) -> Rejection | None:
    """Reject a release from a tagged indexer when the film carries none of its tags."""
    tags = subject.indexer.tags
    if tags and not tags & set(subject.movie.tags):
        return Rejection(Reason.NO_MATCHING_TAG, "Movie tags do not match any of the indexer tags")
    return None
