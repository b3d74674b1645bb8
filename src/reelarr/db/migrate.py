"""Alembic migrations, run at start-up and by `reelarr migrate`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from reelarr.db.engine import Database
from reelarr.db.revisions import MIGRATIONS_DIR, newest_script_revision

if TYPE_CHECKING:
    from alembic.config import Config

# Any fixed number: several processes starting at once take turns at migrating.
_PG_MIGRATION_LOCK = 7_878_001


def alembic_config() -> Config:
    """An Alembic config pointing at Reelarr's migration scripts."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest migration Reelarr knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


async def is_at_head(db: Database) -> bool:
    """Whether the database is stamped with the newest script (one query; Alembic costs a command ~0.2 s)."""
    try:
        async with db.engine.connect() as conn:
            stamped = (await conn.execute(text("select version_num from alembic_version"))).scalars().all()
    except DBAPIError:  # no alembic_version table yet: a new database
        return False
    return stamped == [newest_script_revision()]


def _upgrade(connection: Connection, cfg: Config) -> None:
    from alembic import command

    cfg.attributes["connection"] = connection
    command.upgrade(cfg, "head")


def _current(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


async def migrate(db: Database) -> None:
    """Bring the schema up to the newest migration; safe to run from several processes at once."""
    if await is_at_head(db):
        return
    cfg = alembic_config()
    async with db.engine.connect() as conn:
        if db.dialect == "postgresql":
            await conn.execute(text("select pg_advisory_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            await conn.commit()
        else:
            # A migration that rebuilds a SQLite table drops the old one; with foreign keys on, that
            # drop would cascade-delete the rows that point at it. SQLite only takes this pragma
            # outside a transaction, so it goes straight to the driver.
            await _sqlite_foreign_keys(conn, enabled=False)
        try:
            await conn.run_sync(_upgrade, cfg)
            await conn.commit()
            if db.dialect == "sqlite":
                broken = (await conn.exec_driver_sql("PRAGMA foreign_key_check")).all()
                await conn.commit()
                if broken:
                    raise RuntimeError(f"Migration left rows pointing nowhere: {broken[:5]}")
        finally:
            if db.dialect == "postgresql":
                await conn.execute(text("select pg_advisory_unlock(:k)"), {"k": _PG_MIGRATION_LOCK})
                await conn.commit()
            else:
                await _sqlite_foreign_keys(conn, enabled=True)


async def _sqlite_foreign_keys(conn: AsyncConnection, *, enabled: bool) -> None:
    raw = await conn.get_raw_connection()
    driver: Any = raw.driver_connection
    await driver.execute(f"PRAGMA foreign_keys={'ON' if enabled else 'OFF'}")


async def current_revision(db: Database) -> str | None:
    """The migration the database is at, or None for an empty database."""
    async with db.engine.connect() as conn:
        result: Any = await conn.run_sync(_current)
        return result if isinstance(result, str) or result is None else str(result)
