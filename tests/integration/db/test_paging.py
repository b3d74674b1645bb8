"""fetch_page on both databases: exact totals, stable slices, pages past the end, Radarr's sort fallbacks."""

from __future__ import annotations

from sqlalchemy import func, select

from reelarr.db.engine import Database
from reelarr.db.paging import PageRequest, SortDirection, fetch_page
from reelarr.movies.tables import ImportExclusionRow

COLUMNS = {
    "id": ImportExclusionRow.id,
    "movieTitle": func.lower(ImportExclusionRow.movie_title),
    "movieYear": ImportExclusionRow.movie_year,
}


async def _rows(db: Database, years: list[int]) -> None:
    async with db.write() as session:
        session.add_all(
            ImportExclusionRow(tmdb_id=100 + i, movie_title=f"Film {i:02d}", movie_year=year)
            for i, year in enumerate(years)
        )


async def _page(db: Database, request: PageRequest, **kwargs: object) -> tuple[int, list[int], str, str]:
    async with db.read() as session:
        page = await fetch_page(
            session,
            select(ImportExclusionRow),
            request,
            COLUMNS,
            default_key="id",
            tiebreaker=ImportExclusionRow.id,
            **kwargs,  # type: ignore[arg-type]
        )
    return page.total_records, [r.tmdb_id for r in page.records], page.sort_key, page.sort_direction


async def test_pages_cover_every_row_once_even_when_sort_values_tie(db: Database) -> None:
    await _rows(db, [2000] * 7 + [1999] * 6)
    seen: list[int] = []
    for number in range(1, 6):
        request = PageRequest(number, 3, "movieYear", SortDirection.ASCENDING)
        total, ids, _, _ = await _page(db, request)
        assert total == 13
        seen.extend(ids)
    assert sorted(seen) == list(range(100, 113))
    assert len(seen) == 13
    assert seen[:6] == list(range(107, 113)), "1999 first, ties by id"


async def test_a_page_past_the_end_is_empty_with_the_exact_total(db: Database) -> None:
    await _rows(db, [2000] * 4)
    assert (await _page(db, PageRequest(3, 2)))[:2] == (4, [])
    assert (await _page(db, PageRequest(2, 2, sort_direction=SortDirection.ASCENDING)))[:2] == (4, [102, 103])


async def test_page_size_zero_counts_without_records(db: Database) -> None:
    await _rows(db, [2000] * 3)
    assert (await _page(db, PageRequest(1, 0)))[:2] == (3, [])


async def test_an_empty_table_has_a_total_of_zero(db: Database) -> None:
    assert await _page(db, PageRequest()) == (0, [], "id", "descending")


async def test_unknown_key_falls_back_and_missing_direction_is_descending(db: Database) -> None:
    await _rows(db, [2001, 2002, 2003])
    total, ids, key, direction = await _page(db, PageRequest(sort_key="title"))
    assert (total, ids, key, direction) == (3, [102, 101, 100], "id", "descending")


async def test_default_direction_is_the_endpoints(db: Database) -> None:
    await _rows(db, [2001, 2002, 2003])
    request = PageRequest(sort_direction=SortDirection.DEFAULT)
    _, ids, _, direction = await _page(db, request, default_direction=SortDirection.DESCENDING)
    assert (ids, direction) == ([102, 101, 100], "descending")


async def test_sort_key_ignores_case_and_titles_sort_ignoring_case(db: Database) -> None:
    async with db.write() as session:
        session.add_all(
            [
                ImportExclusionRow(tmdb_id=1, movie_title="banana", movie_year=1),
                ImportExclusionRow(tmdb_id=2, movie_title="Apple", movie_year=1),
                ImportExclusionRow(tmdb_id=3, movie_title="cherry", movie_year=1),
            ]
        )
    _, ids, key, _ = await _page(
        db, PageRequest(sort_key="MOVIETITLE", sort_direction=SortDirection.ASCENDING)
    )
    assert (ids, key) == ([2, 1, 3], "movieTitle")


async def test_rows_instead_of_scalars(db: Database) -> None:
    await _rows(db, [2001, 2002])
    async with db.read() as session:
        page = await fetch_page(
            session,
            select(ImportExclusionRow.tmdb_id, ImportExclusionRow.movie_year),
            PageRequest(sort_direction=SortDirection.ASCENDING),
            COLUMNS,
            default_key="id",
            scalars=False,
        )
    assert [tuple(r) for r in page.records] == [(100, 2001), (101, 2002)]
