"""The database under concurrent use: many writers at once never see "database is locked"; one
transaction around many writes (an import's kind) is all or nothing."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from reelarr.configuration.store import ConfigStore
from reelarr.configuration.tables import ConfigRow
from reelarr.db.engine import Database
from reelarr.db.migrate import head_revision
from tests.support.processes import REPO_ROOT

WRITER = """
import asyncio, sys
from reelarr.db.engine import Database
from reelarr.configuration.store import ConfigStore
async def main():
    db = Database(sys.argv[1])
    store = ConfigStore(db)
    for i in range(100):
        await store.set(f"other-{i}", "x" * 1000)
    await db.close()
asyncio.run(main())
"""


async def test_concurrent_writers_all_succeed(db: Database) -> None:
    store = ConfigStore(db)
    await asyncio.gather(*(store.set(f"key-{i}", str(i)) for i in range(200)))
    async with db.read() as session:
        assert await session.scalar(select(func.count()).select_from(ConfigRow)) == 200


async def test_another_process_writing_at_the_same_time_does_not_fail_us(db: Database) -> None:
    other = await asyncio.create_subprocess_exec(
        sys.executable, "-c", WRITER, db.url.render_as_string(False), cwd=REPO_ROOT
    )
    store = ConfigStore(db)
    for i in range(100):
        await store.set(f"mine-{i}", "y" * 1000)
    assert await asyncio.wait_for(other.wait(), 60) == 0
    async with db.read() as session:
        assert await session.scalar(select(func.count()).select_from(ConfigRow)) == 200


async def test_reads_go_on_while_a_write_is_open(db: Database) -> None:
    store = ConfigStore(db)
    await store.set("seen", "before")
    async with db.write() as session:
        session.add(ConfigRow(key="pending", value="uncommitted"))
        await session.flush()
        assert await asyncio.wait_for(store.get("seen"), 5) == "before"
        assert await store.get("pending") is None


async def test_a_failed_write_leaves_nothing_behind(db: Database) -> None:
    store = ConfigStore(db)
    try:
        async with db.write() as session:
            session.add(ConfigRow(key="half", value="written"))
            await session.flush()
            raise RuntimeError("crash in the middle")
    except RuntimeError:
        pass
    assert await store.get("half") is None


async def test_get_or_create_keeps_the_first_value(db: Database) -> None:
    store = ConfigStore(db)
    values = await asyncio.gather(*(store.get_or_create("api_key", f"v{i}") for i in range(10)))
    assert len(set(values)) == 1


async def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        async with db.read() as session:
            assert (await session.execute(select(func.sqlite_version()))).scalar_one()
        async with db.engine.connect() as conn:
            journal = (await conn.exec_driver_sql("PRAGMA journal_mode")).scalar_one()
            timeout = (await conn.exec_driver_sql("PRAGMA busy_timeout")).scalar_one()
    finally:
        await db.close()
    assert journal == "wal"
    assert timeout >= 30_000


async def _count(db: Database) -> int:
    async with db.read() as session:
        return int(await session.scalar(select(func.count()).select_from(ConfigRow)) or 0)


async def test_a_transaction_commits_every_write_inside_it_at_its_end(db: Database) -> None:
    store = ConfigStore(db)
    other = Database(db.url.render_as_string(False))  # another process's view
    try:
        async with db.transaction():
            await store.set("first", "1")
            await store.set("second", "2")
            assert (await store.get("first"), await _count(db)) == ("1", 2)  # seen inside
            assert await _count(other) == 0  # nobody else sees it before the end
        assert await _count(other) == 2
    finally:
        await other.close()


async def test_a_transaction_that_raises_leaves_none_of_its_writes(db: Database) -> None:
    store = ConfigStore(db)
    await store.set("before", "kept")

    async def two_good_rows_then_a_bad_one() -> None:
        async with db.transaction():
            await store.set("first", "1")
            await store.set("second", "2")
            raise RuntimeError("the third row is bad")

    with pytest.raises(RuntimeError, match="the third row is bad"):
        await two_good_rows_then_a_bad_one()
    assert (await store.get("first"), await store.get("before"), await _count(db)) == (None, "kept", 1)


async def test_a_write_failing_inside_a_transaction_undoes_only_itself(db: Database) -> None:
    store = ConfigStore(db)

    async def two_rows_one_with_a_key_taken() -> None:
        async with db.write() as session:
            session.add(ConfigRow(key="second", value="2"))
            session.add(ConfigRow(key="first", value="again"))
            await session.flush()

    async with db.transaction():
        await store.set("first", "1")
        with pytest.raises(IntegrityError):
            await two_rows_one_with_a_key_taken()
        await store.set("third", "3")  # PostgreSQL too carries on after the failed statement
    assert {k: await store.get(k) for k in ("first", "second", "third")} == {
        "first": "1",
        "second": None,
        "third": "3",
    }


async def test_rows_read_inside_a_transaction_are_not_written_when_changed_later(db: Database) -> None:
    store = ConfigStore(db)
    await store.set("kept", "as is")
    async with db.transaction():
        async with db.read() as session:
            row = await session.get(ConfigRow, "kept")
        assert row is not None
        row.value = "changed by a caller"  # as with a session of its own, this is not saved
        await store.set("other", "x")
    assert await store.get("kept") == "as is"


async def test_a_transaction_cannot_be_opened_inside_another(db: Database) -> None:
    async with db.transaction():
        with pytest.raises(RuntimeError, match="already open"):
            async with db.transaction():
                pass


def test_migrations_have_numeric_revisions() -> None:
    assert head_revision().isdigit()
