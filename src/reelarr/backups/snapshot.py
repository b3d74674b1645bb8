"""Write a backup: the settings file and every table, read in one consistent read transaction."""

from __future__ import annotations

import json
import os
import warnings
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, Table, select
from sqlalchemy.exc import SAWarning
from sqlalchemy.ext.asyncio import AsyncConnection

from reelarr import __version__
from reelarr.backups.manifest import (
    MANIFEST_NAME,
    SETTINGS_NAME,
    Manifest,
    TableEntry,
    column_kind,
    encode_value,
)
from reelarr.db.engine import Database
from reelarr.errors import NotFound

# Not kept: the schema stamp is the manifest's revision; workers are the processes alive now; the
# command queue is work in flight (a restored "started" row would name a live worker and never end);
# shared events are news for the processes running now.
SKIPPED_TABLES = frozenset({"alembic_version", "workers", "commands", "shared_events"})


async def _reflect(conn: AsyncConnection) -> list[Table]:
    metadata = MetaData()
    with warnings.catch_warnings():  # expression indexes are not reflected; rows need none
        warnings.simplefilter("ignore", SAWarning)
        await conn.run_sync(lambda sync: metadata.reflect(sync))
    return [t for t in metadata.sorted_tables if t.name not in SKIPPED_TABLES]


async def _revision(conn: AsyncConnection) -> str:
    from sqlalchemy import text

    stamped = (await conn.execute(text("select version_num from alembic_version"))).scalars().all()
    if len(stamped) != 1:
        raise NotFound("The database has no Reelarr schema yet; start Reelarr or run `reelarr migrate` first")
    return str(stamped[0])


async def _write_table(conn: AsyncConnection, table: Table, archive: zipfile.ZipFile) -> TableEntry:
    kinds = {column.name: column_kind(column.type) for column in table.columns}
    entry = TableEntry(table.name, kinds, 0)
    order = list(table.primary_key.columns) or list(table.columns)
    rows = 0
    with archive.open(entry.file_name, "w", force_zip64=True) as member:
        result = await conn.stream(select(table).order_by(*order))
        async for row in result.mappings():
            record: dict[str, Any] = {name: encode_value(kinds[name], row[name]) for name in kinds}
            member.write(json.dumps(record, separators=(",", ":"), ensure_ascii=False).encode() + b"\n")
            rows += 1
    return TableEntry(table.name, kinds, rows)


async def write_backup(db: Database, settings: bytes | None, target: Path, now: datetime) -> Manifest:
    """Write a backup zip at `target` (whole or not at all) and return its manifest."""
    partial = target.with_name(target.name + ".partial")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            has_settings = settings is not None
            if settings is not None:
                archive.writestr(SETTINGS_NAME, settings)
            async with db.read() as session:
                options: dict[str, Any] = {}
                if db.dialect == "postgresql":
                    options["isolation_level"] = "REPEATABLE READ"
                conn = await session.connection(execution_options=options)
                revision = await _revision(conn)
                entries = [await _write_table(conn, table, archive) for table in await _reflect(conn)]
            manifest = Manifest(__version__, revision, db.dialect, now, tuple(entries), has_settings)
            archive.writestr(MANIFEST_NAME, manifest.to_json())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return manifest
