"""Restore a backup into a database in one transaction: all of it or, on any error, nothing."""

from __future__ import annotations

import warnings
from itertools import islice
from typing import Any

from sqlalchemy import Connection, MetaData, Table, delete, func, select, text
from sqlalchemy.exc import SAWarning, StatementError
from sqlalchemy.ext.asyncio import AsyncConnection

from reelarr.backups.archive import BackupArchive
from reelarr.backups.manifest import BackupInvalid, TableEntry, decode_value
from reelarr.db.engine import Database
from reelarr.db.migrate import alembic_config

_BATCH = 500


def _upgrade(connection: Connection, revision: str) -> None:
    from alembic import command

    cfg = alembic_config()
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, revision)


def _reflected(connection: Connection) -> MetaData:
    metadata = MetaData()
    with warnings.catch_warnings():  # expression indexes are not reflected; rows need none
        warnings.simplefilter("ignore", SAWarning)
        metadata.reflect(connection)
    return metadata


async def _stamped(conn: AsyncConnection) -> str | None:
    metadata = await conn.run_sync(_reflected)
    if "alembic_version" not in metadata.tables:
        return None
    stamped = (await conn.execute(text("select version_num from alembic_version"))).scalars().all()
    return str(stamped[0]) if len(stamped) == 1 else None


async def _drop_everything(conn: AsyncConnection) -> None:
    metadata = await conn.run_sync(_reflected)
    await conn.run_sync(metadata.drop_all)


def _decoded(entry: TableEntry, record: dict[str, Any], naive: bool) -> dict[str, Any]:
    try:
        return {
            name: decode_value(entry.columns[name], value, naive_datetimes=naive)
            for name, value in record.items()
        }
    except (ValueError, TypeError, AttributeError) as error:
        raise BackupInvalid(f"The backup's table {entry.name} holds a value of the wrong kind") from error


async def _insert(
    conn: AsyncConnection, table: Table, entry: TableEntry, archive: BackupArchive, naive: bool
) -> None:
    unknown = set(entry.columns) - set(table.columns.keys())
    if unknown:
        raise BackupInvalid(f"The backup's table {entry.name} has columns {sorted(unknown)} its schema lacks")
    rows = (_decoded(entry, record, naive) for record in archive.rows(entry))
    while batch := list(islice(rows, _BATCH)):
        await conn.execute(table.insert(), batch)


async def _load_tables(conn: AsyncConnection, archive: BackupArchive, naive: bool) -> None:
    metadata = await conn.run_sync(_reflected)
    entries = {entry.name: entry for entry in archive.manifest.tables}
    absent = [name for name in entries if name not in metadata.tables]
    if absent:
        raise BackupInvalid(f"The backup holds tables {absent} that its schema revision does not have")
    ordered = [t for t in metadata.sorted_tables if t.name in entries]
    if conn.dialect.name == "postgresql" and ordered:
        # Every table at once, before any row changes: a server's transactions wait, none deadlocks with us.
        quote = conn.dialect.identifier_preparer.quote
        await conn.execute(
            text(f"lock table {', '.join(quote(t.name) for t in ordered)} in access exclusive mode")
        )
    for table in reversed(ordered):  # rows the migrations seeded make way for the backup's
        await conn.execute(delete(table))
    for table in ordered:
        await _insert(conn, table, entries[table.name], archive, naive)


async def _reset_sequences(conn: AsyncConnection) -> None:
    """After explicit ids went in, make PostgreSQL's next generated id follow the largest one."""
    metadata = await conn.run_sync(_reflected)
    for table in metadata.sorted_tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1:
            continue
        column = keys[0].name
        sequence = await conn.scalar(
            text("select pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column}
        )
        if sequence is None:
            continue
        top = select(func.max(table.c[column])).scalar_subquery()
        await conn.execute(select(func.setval(sequence, func.coalesce(top, 1), top.is_not(None))))


async def _restore_in(conn: AsyncConnection, db: Database, archive: BackupArchive, head: str) -> None:
    revision = archive.manifest.schema_revision
    if db.dialect == "postgresql":
        await conn.execute(text("select pg_advisory_xact_lock(7878001)"))  # no migration runs meanwhile
    if await _stamped(conn) != revision or revision != head:
        await _drop_everything(conn)
        await conn.run_sync(_upgrade, revision)
    await _load_tables(conn, archive, naive=db.dialect == "sqlite")
    if revision != head:
        await conn.run_sync(_upgrade, "head")
    if db.dialect == "postgresql":
        await _reset_sequences(conn)
    else:
        broken = (await conn.exec_driver_sql("PRAGMA foreign_key_check")).all()
        if broken:
            raise BackupInvalid(f"The backup's rows point at rows it does not hold: {broken[:3]}")


async def _sqlite_foreign_keys(conn: AsyncConnection, *, enabled: bool) -> None:
    raw = await conn.get_raw_connection()
    driver: Any = raw.driver_connection
    await driver.execute(f"PRAGMA foreign_keys={'ON' if enabled else 'OFF'}")


async def restore_database(db: Database, archive: BackupArchive, head: str) -> None:
    """Replace the database's contents with the backup's, then migrate them to `head`; one transaction."""
    async with db.engine.connect() as conn:
        if db.dialect == "sqlite":
            # Tables are dropped and rebuilt; with foreign keys on, that would cascade. Checked before commit.
            await _sqlite_foreign_keys(conn, enabled=False)
        try:
            async with conn.begin():
                await _restore_in(conn, db, archive, head)
        except StatementError as error:
            # The database's own message can quote the rows, secrets included: name only the kind.
            kind = type(error.orig).__name__ if error.orig is not None else type(error).__name__
            raise BackupInvalid(
                f"The backup's rows do not fit the database ({kind}); nothing was changed"
            ) from None
        finally:
            if db.dialect == "sqlite":
                await _sqlite_foreign_keys(conn, enabled=True)
