"""Radarr's paging parameters and envelope: defaults, any-case directions, bounds, nulls omitted."""

from __future__ import annotations

import pytest

from reelarr.api.paging import PagingResource, paging_request, paging_resource, sort_direction
from reelarr.api.resource import Resource
from reelarr.db.paging import (
    MAX_PAGE_SIZE,
    Page,
    PageRequest,
    SortDirection,
    Sorting,
    resolve_sorting,
)
from reelarr.errors import ValidationFailed

KEYS = ["id", "movieTitle", "movieYear"]


async def test_defaults_are_page_one_of_ten() -> None:
    assert await paging_request() == PageRequest(1, 10, None, None)


@pytest.mark.parametrize(
    ("value", "direction"),
    [
        ("ascending", SortDirection.ASCENDING),
        ("Ascending", SortDirection.ASCENDING),
        ("DESCENDING", SortDirection.DESCENDING),
        ("desc", SortDirection.DESCENDING),
        ("default", SortDirection.DEFAULT),
        ("1", SortDirection.ASCENDING),
        ("2", SortDirection.DESCENDING),
        ("", None),
        (None, None),
    ],
)
def test_sort_direction_in_any_case(value: str | None, direction: SortDirection | None) -> None:
    assert sort_direction(value) == direction


async def test_an_unknown_direction_is_a_validation_failure() -> None:
    with pytest.raises(ValidationFailed) as error:
        await paging_request(sort_direction_value="sideways")
    assert error.value.failures[0].property_name == "sortDirection"


@pytest.mark.parametrize(("page", "page_size"), [(0, 10), (-1, 10), (2**31, 10), (1, -1)])
async def test_out_of_range_numbers_are_validation_failures(page: int, page_size: int) -> None:
    with pytest.raises(ValidationFailed):
        await paging_request(page=page, page_size=page_size)


async def test_a_huge_page_size_is_cut_to_the_maximum() -> None:
    assert (await paging_request(page_size=10**9)).page_size == MAX_PAGE_SIZE


async def test_page_size_zero_is_allowed() -> None:
    assert (await paging_request(page_size=0)).page_size == 0


def test_offset() -> None:
    assert PageRequest(page=3, page_size=25).offset == 50


@pytest.mark.parametrize(
    ("request_", "sorting"),
    [
        (PageRequest(), Sorting("id", SortDirection.DESCENDING)),
        (
            PageRequest(sort_key="movietitle", sort_direction=SortDirection.ASCENDING),
            Sorting("movieTitle", SortDirection.ASCENDING),
        ),
        (
            PageRequest(sort_key="nope", sort_direction=SortDirection.DEFAULT),
            Sorting("id", SortDirection.ASCENDING),
        ),
        (
            PageRequest(sort_key="movieYear", sort_direction=SortDirection.DEFAULT),
            Sorting("movieYear", SortDirection.ASCENDING),
        ),
    ],
)
def test_sorting_falls_back_as_radarr_does(request_: PageRequest, sorting: Sorting) -> None:
    assert resolve_sorting(request_, KEYS, default_key="id") == sorting


def test_default_direction_is_the_endpoints() -> None:
    request = PageRequest(sort_direction=SortDirection.DEFAULT)
    resolved = resolve_sorting(request, KEYS, default_key="id", default_direction=SortDirection.DESCENDING)
    assert resolved.direction is SortDirection.DESCENDING


class _Item(Resource):
    id: int
    note: str | None = None


def test_envelope_is_camel_case_with_nulls_left_out() -> None:
    page = Page(2, 1, "id", SortDirection.ASCENDING, 3, [1])
    envelope: PagingResource[_Item] = paging_resource(page, lambda i: _Item(id=i))
    assert envelope.dump() == {
        "page": 2,
        "pageSize": 1,
        "sortKey": "id",
        "sortDirection": "ascending",
        "totalRecords": 3,
        "records": [{"id": 1}],
    }


def test_page_map_keeps_the_paging() -> None:
    page = Page(1, 10, "id", SortDirection.DESCENDING, 2, [1, 2]).map(str)
    assert page == Page(1, 10, "id", SortDirection.DESCENDING, 2, ["1", "2"])
