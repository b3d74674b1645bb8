"""Saving a row whose name must be unique: a clash the database finds becomes the caller's 400."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError

from reelarr.db.base import Base
from reelarr.db.engine import Database
from reelarr.errors import NotFound, ValidationFailed

RowT = TypeVar("RowT", bound=Base)
ModelT = TypeVar("ModelT")


def _name_taken(name: str) -> ValidationFailed:
    return ValidationFailed.single("name", "Must be unique.", name)


async def insert_named(db: Database, row: RowT, to_model: Callable[[RowT], ModelT], name: str) -> ModelT:
    """Add the row and return it as a model; a name already taken fails on the name."""
    try:
        async with db.write() as session:
            session.add(row)
            await session.flush()
            return to_model(row)
    except IntegrityError as error:
        raise _name_taken(name) from error


async def update_named(
    db: Database,
    table: type[RowT],
    row_id: int,
    fill: Callable[[RowT], None],
    to_model: Callable[[RowT], ModelT],
    *,
    name: str,
    not_found: Callable[[int], NotFound],
) -> ModelT:
    """Fill the stored row and return it as a model; NotFound when it is gone, a taken name fails."""
    try:
        async with db.write() as session:
            row = await session.get(table, row_id)
            if row is None:
                raise not_found(row_id)
            fill(row)
            await session.flush()
            return to_model(row)
    except IntegrityError as error:
        raise _name_taken(name) from error
