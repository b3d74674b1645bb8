"""Which films of a monitored collection are added, how many count as missing, when one is refreshed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from reelarr.collections.model import Collection, CollectionMovie
from reelarr.collections.sync import films_to_add, is_out, missing_count, part_status, refresh_due
from reelarr.movies.model import MinimumAvailability, MovieStatus

TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)


def _film(tmdb_id: int, released: date | None) -> CollectionMovie:
    return CollectionMovie(tmdb_id, f"Film {tmdb_id}", f"Film {tmdb_id}", f"film {tmdb_id}", "", 0, released)


def _collection(last_sync: datetime | None) -> Collection:
    return Collection(
        id=1,
        tmdb_id=2344,
        title="The Matrix Collection",
        sort_title="matrix collection",
        overview="",
        monitored=True,
        quality_profile_id=4,
        root_folder_path="/movies",
        minimum_availability=MinimumAvailability.RELEASED,
        search_on_add=False,
        added=NOW,
        last_info_sync=last_sync,
    )


@pytest.mark.parametrize(
    ("released", "status"),
    [
        (None, MovieStatus.TBA),
        (TODAY + timedelta(days=30), MovieStatus.ANNOUNCED),
        (TODAY - timedelta(days=10), MovieStatus.IN_CINEMAS),
        (TODAY - timedelta(days=400), MovieStatus.RELEASED),
    ],
)
def test_a_films_status_comes_from_its_release_date(released: date | None, status: MovieStatus) -> None:
    assert part_status(_film(1, released), TODAY) == status


def test_only_films_in_cinemas_or_released_are_out() -> None:
    assert is_out(_film(1, TODAY - timedelta(days=10)), TODAY)
    assert not is_out(_film(1, TODAY + timedelta(days=1)), TODAY)
    assert not is_out(_film(1, None), TODAY)


def test_films_to_add_leave_out_those_in_the_library_excluded_or_not_out() -> None:
    films = [
        _film(603, date(1999, 3, 31)),  # in the library
        _film(604, date(2003, 5, 15)),
        _film(605, date(2003, 11, 5)),  # excluded
        _film(624860, TODAY + timedelta(days=5)),  # not out yet
        _film(700, None),  # no date
    ]

    assert [f.tmdb_id for f in films_to_add(films, {603}, {605}, TODAY)] == [604]


def test_missing_counts_every_film_neither_in_the_library_nor_excluded() -> None:
    films = [_film(603, date(1999, 3, 31)), _film(604, None), _film(605, None), _film(606, None)]

    assert missing_count(films, {603}, {605}) == 2
    assert missing_count(films, {603, 604, 606}, {605}) == 0


@pytest.mark.parametrize(
    ("last_sync", "due"),
    [
        (None, True),
        (NOW - timedelta(days=15), True),
        (NOW - timedelta(days=14, hours=23), False),
        (NOW - timedelta(hours=1), False),
    ],
)
def test_a_collection_is_refreshed_once_its_data_is_15_days_old(
    last_sync: datetime | None, due: bool
) -> None:
    assert refresh_due(_collection(last_sync), NOW) is due
