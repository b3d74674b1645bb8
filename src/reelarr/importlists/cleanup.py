"""Which library films the clean-up acts on (Radarr's CleanLibrary), decided without side effects, and
when it must not act at all."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reelarr.importlists.model import ListSyncLevel, OfferedMovie
from reelarr.movies.model import Movie

# What a list's last fetch was, kept in its status notes.
FETCH_OK, FETCH_EMPTY, FETCH_TRUNCATED, FETCH_FAILED = "ok", "empty", "truncated", "failed"
_HOLDING = {
    FETCH_EMPTY: "was empty",
    FETCH_TRUNCATED: "was truncated",
    FETCH_FAILED: "failed",
}


@dataclass(frozen=True, slots=True)
class CleanupAction:
    """What the clean-up does (or would do) to one library film no list offers."""

    movie_id: int
    tmdb_id: int
    title: str
    year: int
    action: ListSyncLevel


def off_lists(library: Iterable[Movie], offered: Sequence[OfferedMovie]) -> list[Movie]:
    """The library films no list offers, matched by TMDB id or IMDb id (as Radarr matches them)."""
    tmdb_ids = {m.tmdb_id for m in offered}
    imdb_ids = {m.imdb_id for m in offered if m.imdb_id}
    return [
        movie
        for movie in library
        if movie.tmdb_id not in tmdb_ids and not (movie.imdb_id and movie.imdb_id in imdb_ids)
    ]


def plan(
    library: Iterable[Movie], offered: Sequence[OfferedMovie], level: ListSyncLevel
) -> list[CleanupAction]:
    """What `level` does to each film off the lists; nothing when disabled, and an unmonitored film
    needs no unmonitoring."""
    if level == ListSyncLevel.DISABLED:
        return []
    films = off_lists(library, offered)
    if level == ListSyncLevel.KEEP_AND_UNMONITOR:
        films = [m for m in films if m.monitored]
    return [CleanupAction(m.id, m.tmdb_id, m.title, m.year, level) for m in sorted(films, key=lambda m: m.id)]


def hold_reason(last_fetches: dict[str, str | None]) -> str | None:
    """Why the clean-up must not act, from each enabled list's last fetch (by name); None when it may.

    It acts only when every enabled list's last fetch was whole and not empty: a list that failed, was
    empty or was cut short would otherwise read as having dropped its films.
    """
    if not last_fetches:
        return "no list is enabled"
    reasons = []
    for name, state in sorted(last_fetches.items()):
        if state is None:
            reasons.append(f"{name} was never fetched")
        elif state in _HOLDING:
            reasons.append(f"{name} {_HOLDING[state]}")
    return "; ".join(reasons) or None
