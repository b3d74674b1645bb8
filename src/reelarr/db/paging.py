"""One page of a query, as Radarr's paged endpoints serve them: an exact total and a sorted slice.

Services build the select and name the columns a client may sort by; `reelarr.api.paging` turns the
query string into a `PageRequest` and the `Page` into Radarr's paging envelope.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

T = TypeVar("T")
U = TypeVar("U")
SortColumn = ColumnElement[Any] | InstrumentedAttribute[Any]

DEFAULT_PAGE_SIZE = 10
# Clients ask for "everything" by sending pageSize=totalRecords; beyond this a page is cut, and
# the envelope says so (pageSize is what was served), so a client that loops pages still gets all.
MAX_PAGE_SIZE = 10_000
# Radarr's page numbers are int32; a bigger one could overflow the offset in the database driver.
MAX_PAGE = 2**31 - 1


class SortDirection(StrEnum):
    """Radarr's sort directions; `default` means the endpoint's own direction."""

    DEFAULT = "default"
    ASCENDING = "ascending"
    DESCENDING = "descending"


@dataclass(frozen=True, slots=True)
class PageRequest:
    """What a client asked for; `sort_direction` None is Radarr's missing value (descending)."""

    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    sort_key: str | None = None
    sort_direction: SortDirection | None = None

    @property
    def offset(self) -> int:
        """How many rows come before this page."""
        return (self.page - 1) * self.page_size


@dataclass(frozen=True, slots=True)
class Sorting:
    """The order a page is actually served in."""

    key: str
    direction: SortDirection


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of records with the sorting used and the exact number of records on every page."""

    page: int
    page_size: int
    sort_key: str
    sort_direction: SortDirection
    total_records: int
    records: list[T] = field(default_factory=list)

    def map(self, convert: Callable[[T], U]) -> Page[U]:
        """The same page with every record converted."""
        return Page(
            self.page,
            self.page_size,
            self.sort_key,
            self.sort_direction,
            self.total_records,
            [convert(r) for r in self.records],
        )


def resolve_sorting(
    request: PageRequest,
    keys: Collection[str],
    *,
    default_key: str,
    default_direction: SortDirection = SortDirection.ASCENDING,
) -> Sorting:
    """Radarr's rule: a key not among `keys` (compared ignoring case) falls back to the default key;
    a missing direction is descending, `default` is the endpoint's direction."""
    by_lower = {k.lower(): k for k in keys}
    key = by_lower.get((request.sort_key or "").lower(), default_key)
    if request.sort_direction is None:
        direction = SortDirection.DESCENDING
    elif request.sort_direction is SortDirection.DEFAULT:
        direction = default_direction
    else:
        direction = request.sort_direction
    if direction is SortDirection.DEFAULT:
        direction = SortDirection.ASCENDING
    return Sorting(key, direction)


def _nullable(column: SortColumn) -> bool:
    """False only for a table column declared NOT NULL (an expression may always be null)."""
    return bool(getattr(getattr(column, "expression", column), "nullable", True))


def _ordered(column: SortColumn, direction: SortDirection) -> ColumnElement[Any]:
    descending = direction is SortDirection.DESCENDING
    if not _nullable(column):
        # No nulls to place: the plain order, which an index on the column serves read forwards or
        # backwards (PostgreSQL's index keeps nulls last, so ASC NULLS FIRST would sort every row).
        return column.desc() if descending else column.asc()
    # Both dialects then put nulls in the same place (they differ by default).
    return column.desc().nulls_last() if descending else column.asc().nulls_first()


async def fetch_page(
    session: AsyncSession,
    query: Select[Any],
    request: PageRequest,
    sort_columns: Mapping[str, SortColumn],
    *,
    default_key: str,
    default_direction: SortDirection = SortDirection.ASCENDING,
    tiebreaker: SortColumn | None = None,
    scalars: bool = True,
) -> Page[Any]:
    """Count what `query` selects and fetch the requested page of it, sorted by an allowed key.

    `tiebreaker` (usually the primary key) orders equal sort values, so pages never overlap or skip;
    a page past the end is empty. With `scalars` the records are the first entity of each row.
    """
    if default_key not in sort_columns:
        raise ValueError(f"The default sort key {default_key!r} is not among the sort columns")
    sorting = resolve_sorting(
        request, sort_columns.keys(), default_key=default_key, default_direction=default_direction
    )
    count_query = select(func.count()).select_from(query.order_by(None).subquery())
    total = int((await session.execute(count_query)).scalar_one())
    records: list[Any] = []
    if request.page_size > 0 and request.offset < total:
        order = [_ordered(sort_columns[sorting.key], sorting.direction)]
        if tiebreaker is not None and sort_columns[sorting.key] is not tiebreaker:
            order.append(_ordered(tiebreaker, sorting.direction))
        sliced = query.order_by(None).order_by(*order).offset(request.offset).limit(request.page_size)
        if scalars:
            records = list(await session.scalars(sliced))
        else:
            records = list((await session.execute(sliced)).all())
    return Page(request.page, request.page_size, sorting.key, sorting.direction, total, records)
