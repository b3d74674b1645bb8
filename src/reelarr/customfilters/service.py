"""Custom filters: kept as the UI sends them, checked only for a list name and a label."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from reelarr.customfilters.tables import CustomFilterRow
from reelarr.db.engine import Database
from reelarr.errors import NotFound, ValidationFailed, ValidationFailure


@dataclass(frozen=True, slots=True)
class CustomFilter:
    """A saved filter of one of the UI's lists (`type`: "movieIndex", "history", ...)."""

    id: int
    type: str
    label: str
    filters: list[dict[str, Any]] = field(default_factory=list)


def _of(row: CustomFilterRow) -> CustomFilter:
    return CustomFilter(row.id, row.type, row.label, list(row.filters))


def _not_found(filter_id: int) -> NotFound:
    return NotFound(f"CustomFilter with ID {filter_id} does not exist")


def _check(custom: CustomFilter) -> None:
    failures = [
        ValidationFailure(name, f"'{label}' must not be empty.", value, error_code="NotEmptyValidator")
        for name, label, value in (("type", "Type", custom.type), ("label", "Label", custom.label))
        if not value.strip()
    ]
    if failures:
        raise ValidationFailed(failures)


class CustomFilterService:
    """Adds, changes, lists and deletes custom filters."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def all(self) -> list[CustomFilter]:
        """Every filter, oldest first."""
        async with self._db.read() as session:
            return [
                _of(r) for r in await session.scalars(select(CustomFilterRow).order_by(CustomFilterRow.id))
            ]

    async def get(self, filter_id: int) -> CustomFilter:
        """One filter; NotFound when there is none with this id."""
        async with self._db.read() as session:
            row = await session.get(CustomFilterRow, filter_id)
        if row is None:
            raise _not_found(filter_id)
        return _of(row)

    async def add(self, custom: CustomFilter) -> CustomFilter:
        """Keep a new filter."""
        _check(custom)
        async with self._db.write() as session:
            row = CustomFilterRow(
                type=custom.type.strip(), label=custom.label.strip(), filters=custom.filters
            )
            session.add(row)
            await session.flush()
            return _of(row)

    async def update(self, custom: CustomFilter) -> CustomFilter:
        """Change a filter (NotFound for an unknown id)."""
        _check(custom)
        async with self._db.write() as session:
            row = await session.get(CustomFilterRow, custom.id)
            if row is None:
                raise _not_found(custom.id)
            row.type, row.label, row.filters = custom.type.strip(), custom.label.strip(), custom.filters
            await session.flush()
            return _of(row)

    async def delete(self, filter_id: int) -> None:
        """Remove a filter (NotFound for an unknown id)."""
        async with self._db.write() as session:
            row = await session.get(CustomFilterRow, filter_id)
            if row is None:
                raise _not_found(filter_id)
            await session.delete(row)
