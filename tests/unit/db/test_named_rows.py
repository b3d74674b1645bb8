"""Rows whose name must be unique, on SQLite and PostgreSQL: a clash the database finds fails on the name."""

from __future__ import annotations

import pytest

from reelarr.autotagging.tables import AutoTagRow
from reelarr.db.engine import Database
from reelarr.db.named_rows import insert_named, update_named
from reelarr.errors import NotFound, ValidationFailed


def _row(name: str) -> AutoTagRow:
    return AutoTagRow(name=name, remove_tags_automatically=False, tags=[], specifications=[])


def _named(row: AutoTagRow) -> tuple[int, str]:
    return row.id, row.name


def _gone(row_id: int) -> NotFound:
    return NotFound(f"Row {row_id} does not exist")


async def test_a_row_is_added_and_read_back_with_its_id(db: Database) -> None:
    row_id, name = await insert_named(db, _row("Old films"), _named, "Old films")
    assert row_id > 0
    assert name == "Old films"


async def test_a_name_already_taken_fails_on_the_name_and_writes_nothing(db: Database) -> None:
    await insert_named(db, _row("Old films"), _named, "Old films")
    with pytest.raises(ValidationFailed) as raised:
        await insert_named(db, _row("Old films"), _named, "Old films")
    [failure] = raised.value.failures
    assert (failure.property_name, failure.error_message) == ("name", "Must be unique.")
    async with db.read() as session:
        assert len((await session.execute(AutoTagRow.__table__.select())).all()) == 1


async def test_an_update_fills_the_stored_row(db: Database) -> None:
    row_id, _ = await insert_named(db, _row("Old films"), _named, "Old films")

    def rename(row: AutoTagRow) -> None:
        row.name = "Older films"

    assert await update_named(
        db, AutoTagRow, row_id, rename, _named, name="Older films", not_found=_gone
    ) == (
        row_id,
        "Older films",
    )


async def test_an_update_to_a_taken_name_fails_on_the_name_and_keeps_the_old_one(db: Database) -> None:
    await insert_named(db, _row("Old films"), _named, "Old films")
    row_id, _ = await insert_named(db, _row("New films"), _named, "New films")

    def rename(row: AutoTagRow) -> None:
        row.name = "Old films"

    with pytest.raises(ValidationFailed):
        await update_named(db, AutoTagRow, row_id, rename, _named, name="Old films", not_found=_gone)
    async with db.read() as session:
        kept = await session.get(AutoTagRow, row_id)
        assert kept is not None
        assert kept.name == "New films"


async def test_an_update_of_a_row_that_is_gone_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound, match="Row 999 does not exist"):
        await update_named(db, AutoTagRow, 999, lambda row: None, _named, name="x", not_found=_gone)
