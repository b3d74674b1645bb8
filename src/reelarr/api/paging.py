"""Radarr's paging on the API: the query every paged endpoint takes and the envelope it answers with.

A handler takes `request: PagingQuery`, passes the `PageRequest` to its service (which uses
`reelarr.db.paging.fetch_page`) and returns `paging_resource(page, to_resource)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import Field

from reelarr.api.resource import Resource
from reelarr.db.paging import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    Page,
    PageRequest,
    SortDirection,
)
from reelarr.errors import ValidationFailed, ValidationFailure

T = TypeVar("T")
R = TypeVar("R")

# Radarr binds the enum ignoring case and also by number (Default=0, Ascending=1, Descending=2).
_DIRECTIONS = {
    "default": SortDirection.DEFAULT,
    "ascending": SortDirection.ASCENDING,
    "asc": SortDirection.ASCENDING,
    "descending": SortDirection.DESCENDING,
    "desc": SortDirection.DESCENDING,
    "0": SortDirection.DEFAULT,
    "1": SortDirection.ASCENDING,
    "2": SortDirection.DESCENDING,
}


class PagingResource(Resource, Generic[R]):
    """Radarr's paging envelope: the page served, how it is sorted, the exact total, the records."""

    page: int
    page_size: int
    sort_key: str
    sort_direction: SortDirection
    total_records: int
    records: list[R] = Field(default_factory=list)


def paging_resource(page: Page[T], convert: Callable[[T], R]) -> PagingResource[R]:
    """The envelope of a page, each record converted to its resource."""
    return PagingResource[R](
        page=page.page,
        page_size=page.page_size,
        sort_key=page.sort_key,
        sort_direction=page.sort_direction,
        total_records=page.total_records,
        records=[convert(r) for r in page.records],
    )


def sort_direction(value: str | None) -> SortDirection | None:
    """A sortDirection query value in any case (or Radarr's number); None when absent or blank."""
    if value is None or not value.strip():
        return None
    found = _DIRECTIONS.get(value.strip().lower())
    if found is None:
        raise ValidationFailed.single(
            "sortDirection", "'Sort Direction' must be one of: default, ascending, descending.", value
        )
    return found


async def paging_request(
    page: Annotated[int | None, Query()] = None,
    page_size: Annotated[int | None, Query(alias="pageSize")] = None,
    sort_key: Annotated[str | None, Query(alias="sortKey")] = None,
    sort_direction_value: Annotated[str | None, Query(alias="sortDirection")] = None,
) -> PageRequest:
    """The paging a request asks for: page 1 and 10 records unless told; big pages are cut to the maximum.

    A coroutine though it awaits nothing: FastAPI would run a plain function on the thread pool.
    """
    failures = []
    if page is not None and not 1 <= page <= MAX_PAGE:
        failures.append(
            ValidationFailure("page", f"'Page' must be between 1 and {MAX_PAGE}. You entered {page}.", page)
        )
    if page_size is not None and page_size < 0:
        failures.append(
            ValidationFailure("pageSize", "'Page Size' must be greater than or equal to '0'.", page_size)
        )
    try:
        direction = sort_direction(sort_direction_value)
    except ValidationFailed as error:
        failures.extend(error.failures)
        direction = None
    if failures:
        raise ValidationFailed(failures)
    size = DEFAULT_PAGE_SIZE if page_size is None else min(page_size, MAX_PAGE_SIZE)
    return PageRequest(page or 1, size, sort_key or None, direction)


PagingQuery = Annotated[PageRequest, Depends(paging_request)]
