"""A backup from an older schema is restored as that schema, then migrated up; PostgreSQL's ids go on
after the restored ones."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from reelarr.backups.restore import _upgrade
from reelarr.backups.service import BackupService, BackupType
from reelarr.backups.snapshot import write_backup
from reelarr.db.base import utcnow
from reelarr.db.engine import Database
from reelarr.db.migrate import current_revision, head_revision
from reelarr.events import EventBus
from reelarr.tags.service import TagService
from tests.support.databases import create_postgres_database, drop_postgres_database, new_postgres_name

OLD_REVISION = "0015"


@pytest.fixture(params=["sqlite", "postgresql"])
async def old_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A database whose schema stopped at an older migration, holding two tags."""
    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path / 'old' / 'reelarr.db'}")
        name = None
    else:
        name = new_postgres_name()
        db = Database(await create_postgres_database(name))
    try:
        async with db.engine.begin() as conn:
            await conn.run_sync(_upgrade, OLD_REVISION)
            await conn.execute(text("insert into tags (id, label) values (7, 'seven'), (9, 'nine')"))
        yield db
    finally:
        await db.close()
        if name is not None:
            await drop_postgres_database(name)


async def test_an_older_backup_is_restored_and_migrated_up(
    old_database: Database, db: Database, tmp_path: Path
) -> None:
    old = await write_backup(old_database, None, tmp_path / "old.zip", utcnow())
    assert old.schema_revision == OLD_REVISION
    tags = TagService(db, EventBus())
    await tags.create("replaced")

    await BackupService(tmp_path / "data", db, utcnow).restore(tmp_path / "old.zip")

    assert await current_revision(db) == head_revision()
    assert sorted((t.id, t.label) for t in await tags.all()) == [(7, "seven"), (9, "nine")]
    assert (await tags.create("next")).id == 10


async def test_a_backup_restores_into_an_empty_database(
    old_database: Database, db: Database, tmp_path: Path
) -> None:
    await TagService(db, EventBus()).create("kept")
    made = await BackupService(tmp_path / "data", db, utcnow).create(BackupType.MANUAL)
    async with old_database.engine.begin() as conn:
        await conn.execute(text("drop table alembic_version"))

    await BackupService(tmp_path / "other", old_database, utcnow).restore(made)

    assert await current_revision(old_database) == head_revision()
    assert [t.label for t in await TagService(old_database, EventBus()).all()] == ["kept"]
