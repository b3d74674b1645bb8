"""Which release dates of which movies fall in a window of days, for the calendar and its iCal feed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from reelarr.movies.model import Movie


class ReleaseKind(StrEnum):
    """Radarr's calendar release types."""

    CINEMA = "cinemaRelease"
    DIGITAL = "digitalRelease"
    PHYSICAL = "physicalRelease"


_LABELS = {
    ReleaseKind.CINEMA: "Cinema Release",
    ReleaseKind.DIGITAL: "Digital Release",
    ReleaseKind.PHYSICAL: "Physical Release",
}


@dataclass(frozen=True, slots=True)
class ReleaseEvent:
    """One release of one movie on one day."""

    movie: Movie
    kind: ReleaseKind
    day: date

    @property
    def label(self) -> str:
        """How a calendar names the release, e.g. "Digital Release"."""
        return _LABELS[self.kind]


def release_events(
    movies: list[Movie], start: date, end: date, kinds: frozenset[ReleaseKind] = frozenset(ReleaseKind)
) -> list[ReleaseEvent]:
    """Every release of these movies from `start` to `end` (both included), in date then title order."""
    events = []
    for movie in movies:
        for kind, day in (
            (ReleaseKind.CINEMA, movie.in_cinemas),
            (ReleaseKind.DIGITAL, movie.digital_release),
            (ReleaseKind.PHYSICAL, movie.physical_release),
        ):
            if day is not None and kind in kinds and start <= day <= end:
                events.append(ReleaseEvent(movie, kind, day))
    return sorted(events, key=lambda e: (e.day, e.movie.sort_title))
