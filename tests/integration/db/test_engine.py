"""The database under concurrent use: many writers at once never see "database is locked"."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from sqlalchemy import func, select

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


def test_migrations_have_numeric_revisions() -> None:
    assert head_revision().isdigit()
