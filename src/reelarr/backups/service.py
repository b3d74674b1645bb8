"""Backups in the data dir: making them (manual, scheduled), listing, deleting, pruning and restoring."""

from __future__ import annotations

import asyncio
import os
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from reelarr import __version__
from reelarr.backups.archive import BackupArchive
from reelarr.backups.manifest import BackupInvalid, Manifest
from reelarr.backups.restore import restore_database
from reelarr.backups.settings_file import merged_settings
from reelarr.backups.snapshot import write_backup
from reelarr.db.engine import Database
from reelarr.db.migrate import head_revision
from reelarr.errors import NotFound
from reelarr.jobs.tables import WorkerRow
from reelarr.settings import CONFIG_FILE_NAME

_NAME = re.compile(r"^reelarr_backup_[\w.-]+\.zip$")


class BackupType(StrEnum):
    """Why a backup was made; each has its folder under Backups/ (Radarr's)."""

    SCHEDULED = "scheduled"
    MANUAL = "manual"
    UPDATE = "update"


@dataclass(frozen=True, slots=True)
class Backup:
    """A backup file in the backups folder."""

    name: str
    type: BackupType
    size: int
    time: datetime

    @property
    def id(self) -> int:
        """A stable id from the type and name (as Radarr derives its ids)."""
        return zlib.crc32(f"backup-{self.type.value}-{self.name}".encode()) & 0x7FFFFFFF


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore brought back: the backup's manifest, and whether the settings file changed
    (its settings are read at start: a running server needs a restart for them)."""

    manifest: Manifest
    settings_changed: bool


def backup_file_name(now: datetime) -> str:
    """A new backup's file name: Reelarr's version and the time it was made."""
    return f"reelarr_backup_v{__version__}_{now.astimezone(UTC):%Y.%m.%d_%H.%M.%S}.zip"


class BackupService:
    """The backups of one installation (its data dir and its database)."""

    def __init__(self, data_dir: Path, db: Database, clock: Callable[[], datetime]) -> None:
        self._data_dir = data_dir
        self._db = db
        self._clock = clock

    @property
    def folder(self) -> Path:
        """Backups/ in the data dir."""
        return self._data_dir / "Backups"

    def folder_of(self, kind: BackupType) -> Path:
        """The folder of one kind of backup."""
        return self.folder / kind.value

    async def create(self, kind: BackupType, folder: Path | None = None) -> Path:
        """Write a new backup and return its path."""
        now = self._clock()
        target = (folder or self.folder_of(kind)) / backup_file_name(now)
        settings = await asyncio.to_thread(_read_if_present, self._data_dir / CONFIG_FILE_NAME)
        await write_backup(self._db, settings, target, now)
        return target

    def list(self) -> list[Backup]:
        """Every backup in the backups folder, newest first."""
        found = []
        for kind in BackupType:
            folder = self.folder_of(kind)
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                if path.is_file() and _NAME.match(path.name):
                    stat = path.stat()
                    found.append(
                        Backup(path.name, kind, stat.st_size, datetime.fromtimestamp(stat.st_mtime, UTC))
                    )
        return sorted(found, key=lambda b: b.time, reverse=True)

    def path_of(self, backup_id: int) -> Path:
        """The file of the backup with this id; NotFound when there is none."""
        for backup in self.list():
            if backup.id == backup_id:
                return self.folder_of(backup.type) / backup.name
        raise NotFound(f"Backup with ID {backup_id} does not exist")

    def delete(self, backup_id: int) -> None:
        """Delete one backup file."""
        self.path_of(backup_id).unlink(missing_ok=True)

    def prune(self, kind: BackupType, retention_days: int) -> int:
        """Delete backups of `kind` older than the retention; returns how many went."""
        cutoff = self._clock() - timedelta(days=retention_days)
        old = [b for b in self.list() if b.type == kind and b.time < cutoff]
        for backup in old:
            (self.folder_of(kind) / backup.name).unlink(missing_ok=True)
        return len(old)

    async def running_workers(self, stale_after: timedelta) -> int:
        """How many server processes have sent a heartbeat on this database lately."""
        since = self._clock() - stale_after
        async with self._db.read() as session:
            rows = await session.scalars(select(WorkerRow.id).where(WorkerRow.heartbeat_at >= since))
            return len(rows.all())

    async def restore(self, path: Path, shown_as: str | None = None) -> Restored:
        """Restore the backup at `path` (called `shown_as` in messages): the database in one transaction,
        then the settings file."""
        with BackupArchive(path, head_revision(), shown_as) as archive:
            settings = _settings_text(archive.settings())
            await restore_database(self._db, archive, head_revision())
            manifest = archive.manifest
        changed = self._write_settings(settings) if settings is not None else False
        return Restored(manifest, changed)

    def _write_settings(self, text: str) -> bool:
        """Write the backup's settings file over this one's; whether its text changed."""
        target = self._data_dir / CONFIG_FILE_NAME
        current = target.read_text("utf-8") if target.is_file() else None
        merged = merged_settings(text, current)
        if merged == current:
            return False
        partial = target.with_name(target.name + ".partial")
        partial.write_text(merged, "utf-8")
        os.replace(partial, target)
        return True


def _settings_text(raw: bytes | None) -> str | None:
    if raw is None:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BackupInvalid("The backup's settings file is not text") from error


def _read_if_present(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None
