"""The clean-up's plan: which library films are off every list, what each level does to them, and when
the clean-up must not act at all."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reelarr.importlists.cleanup import (
    FETCH_EMPTY,
    FETCH_FAILED,
    FETCH_OK,
    FETCH_TRUNCATED,
    hold_reason,
    plan,
)
from reelarr.importlists.model import ListSyncLevel, OfferedMovie
from reelarr.languages import lang
from reelarr.movies.model import MinimumAvailability, Movie


def movie(movie_id: int, tmdb_id: int, *, imdb_id: str | None = None, monitored: bool = True) -> Movie:
    return Movie(
        id=movie_id,
        tmdb_id=tmdb_id,
        imdb_id=imdb_id,
        title=f"Film {tmdb_id}",
        original_title=f"Film {tmdb_id}",
        sort_title=f"film {tmdb_id}",
        clean_title=f"film{tmdb_id}",
        year=1999,
        overview="",
        runtime=100,
        tmdb_status="Released",
        original_language=lang("English"),
        monitored=monitored,
        minimum_availability=MinimumAvailability.RELEASED,
        quality_profile_id=1,
        path=f"/m/{tmdb_id}",
        root_folder_path="/m",
        added=datetime(2026, 1, 1, tzinfo=UTC),
    )


LIBRARY = [movie(1, 603), movie(2, 550), movie(3, 27205, imdb_id="tt1375666"), movie(4, 155, monitored=False)]
OFFERED = [OfferedMovie(7, 603, "The Matrix"), OfferedMovie(8, 99999, "Inception?", imdb_id="tt1375666")]


def test_films_offered_by_tmdb_or_imdb_id_are_kept() -> None:
    assert [a.movie_id for a in plan(LIBRARY, OFFERED, ListSyncLevel.REMOVE_AND_KEEP)] == [2, 4]


def test_disabled_plans_nothing() -> None:
    assert plan(LIBRARY, OFFERED, ListSyncLevel.DISABLED) == []


def test_unmonitoring_leaves_out_films_already_unmonitored() -> None:
    actions = plan(LIBRARY, OFFERED, ListSyncLevel.KEEP_AND_UNMONITOR)
    assert [(a.movie_id, a.action) for a in actions] == [(2, ListSyncLevel.KEEP_AND_UNMONITOR)]


def test_with_no_list_offering_anything_every_film_is_off_the_lists() -> None:
    assert [a.movie_id for a in plan(LIBRARY, [], ListSyncLevel.LOG_ONLY)] == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("fetches", "reason"),
    [
        ({}, "no list is enabled"),
        ({"A": FETCH_OK, "B": FETCH_FAILED}, "B failed"),
        ({"A": FETCH_EMPTY}, "A was empty"),
        ({"A": FETCH_TRUNCATED, "B": None}, "A was truncated; B was never fetched"),
    ],
)
def test_the_clean_up_holds_unless_every_list_was_fetched_whole(
    fetches: dict[str, str | None], reason: str
) -> None:
    assert hold_reason(fetches) == reason


def test_the_clean_up_acts_when_every_list_was_fetched_whole() -> None:
    assert hold_reason({"A": FETCH_OK, "B": FETCH_OK}) is None
