"""`reelarr backup`, `reelarr restore FILE` and `reelarr db copy --to URL`."""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reelarr.db.engine import Database
    from reelarr.settings import Settings


def _now() -> datetime:
    return datetime.now(UTC)


async def _has_tables(db: Database) -> bool:
    from sqlalchemy import inspect

    async with db.read() as session:
        conn = await session.connection()
        names: list[str] = await conn.run_sync(lambda sync: inspect(sync).get_table_names())
    return bool(names)


async def _servers_running(db: Database, settings: Settings) -> int:
    from reelarr.backups.service import BackupService

    if not await _has_tables(db):
        return 0
    stale = timedelta(seconds=max(settings.worker_stale_seconds, 30.0))
    try:
        return await BackupService(settings.data_dir, db, _now).running_workers(stale)
    except Exception:  # no workers table: a database older than the command queue has no server on it
        return 0


async def make_backup(settings: Settings, folder: Path | None) -> Path:
    """Write a manual backup (into `folder`, or Backups/manual in the data dir); its path."""
    from reelarr.backups.service import BackupService, BackupType
    from reelarr.db.engine import Database

    db = Database(settings.resolved_database_url)
    try:
        return await BackupService(settings.data_dir, db, _now).create(BackupType.MANUAL, folder)
    finally:
        await db.close()


async def restore_backup(settings: Settings, path: Path) -> str:
    """Restore a backup into the installation unless a server runs on it; what was restored."""
    from reelarr.backups.manifest import BackupInvalid
    from reelarr.backups.service import BackupService
    from reelarr.db.engine import Database

    db = Database(settings.resolved_database_url)
    try:
        if running := await _servers_running(db, settings):
            raise BackupInvalid(
                f"A Reelarr server is running on this database ({running} process(es) seen in the last "
                "30 seconds). Stop it first, or restore from System → Backup in its UI."
            )
        manifest = (await BackupService(settings.data_dir, db, _now).restore(path)).manifest
    finally:
        await db.close()
    return (
        f"Restored the backup made by Reelarr {manifest.reelarr_version} "
        f"on {manifest.created_at:%Y-%m-%d %H:%M} "
        f"UTC ({manifest.database_kind}, schema {manifest.schema_revision}) into {db.dialect}"
    )


async def copy_database(settings: Settings, target_url: str, replace: bool) -> str:
    """Copy the installation's database into another (e.g. SQLite into PostgreSQL) through a backup."""
    from reelarr.backups.archive import BackupArchive
    from reelarr.backups.manifest import BackupInvalid
    from reelarr.backups.restore import restore_database
    from reelarr.backups.snapshot import write_backup
    from reelarr.db.engine import Database
    from reelarr.db.migrate import head_revision

    source = Database(settings.resolved_database_url)
    target = Database(target_url)
    try:
        if source.url == target.url:
            raise BackupInvalid("The target is the installation's own database")
        if not replace and await _has_tables(target):
            raise BackupInvalid("The target database is not empty; pass --replace to overwrite what it holds")
        with tempfile.TemporaryDirectory(prefix="reelarr-copy-") as scratch:
            path = Path(scratch) / "copy.zip"
            manifest = await write_backup(source, None, path, _now())
            with BackupArchive(path, head_revision()) as archive:
                await restore_database(target, archive, head_revision())
    finally:
        await source.close()
        await target.close()
    rows = sum(t.rows for t in manifest.tables)
    shown = target.url.render_as_string(hide_password=True)
    return (
        f"Copied {rows} rows in {len(manifest.tables)} tables to {shown}. To use it, set database_url in "
        "config.toml (or REELARR_DATABASE_URL) to that database and restart Reelarr."
    )


def run_backup(args: argparse.Namespace, settings: Settings) -> str:
    """`reelarr backup`."""
    return f"Backup written to {asyncio.run(make_backup(settings, args.to))}"


def run_restore(args: argparse.Namespace, settings: Settings) -> str:
    """`reelarr restore FILE`."""
    return asyncio.run(restore_backup(settings, args.file))


def run_copy(args: argparse.Namespace, settings: Settings) -> str:
    """`reelarr db copy --to URL`."""
    return asyncio.run(copy_database(settings, args.to, args.replace))
