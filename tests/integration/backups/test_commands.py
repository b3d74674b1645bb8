"""The Backup command: by hand a manual backup; on schedule a scheduled one, and scheduled backups past
the retention deleted (manual ones never)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from reelarr.backups.commands import backup_command
from reelarr.backups.service import BackupService, BackupType
from reelarr.configuration.backup import BackupConfig, backup_section
from reelarr.configuration.store import ConfigStore
from reelarr.db.base import utcnow
from reelarr.db.engine import Database
from reelarr.events import EventBus
from reelarr.jobs.model import CommandBody, CommandContext, CommandTrigger


async def _progress(_message: str) -> None:
    return None


def _age(path: Path, days: int) -> None:
    then = (utcnow() - timedelta(days=days)).timestamp()
    os.utime(path, (then, then))


def _old_backup(folder: Path, name: str, days: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"PK")
    _age(path, days)
    return path


async def test_a_scheduled_backup_deletes_scheduled_backups_past_the_retention(
    db: Database, tmp_path: Path
) -> None:
    backups = BackupService(tmp_path, db, utcnow)
    config = backup_section(ConfigStore(db), EventBus())
    await config.save(BackupConfig(interval=1, retention=10))
    stale = _old_backup(backups.folder_of(BackupType.SCHEDULED), "reelarr_backup_v0_old.zip", 11)
    fresh = _old_backup(backups.folder_of(BackupType.SCHEDULED), "reelarr_backup_v0_fresh.zip", 9)
    manual = _old_backup(backups.folder_of(BackupType.MANUAL), "reelarr_backup_v0_manual.zip", 400)
    spec = backup_command(backups, config)

    message = await spec.handler(CommandBody(), CommandContext(1, CommandTrigger.SCHEDULED, 1, _progress))

    assert message is not None
    assert message.endswith("1 old backup(s) deleted")
    kinds = sorted((b.type.value, b.name == stale.name) for b in backups.list())
    assert kinds == [("manual", False), ("scheduled", False), ("scheduled", False)]
    assert fresh.exists()
    assert manual.exists()


async def test_a_backup_by_hand_is_manual_and_deletes_nothing(db: Database, tmp_path: Path) -> None:
    backups = BackupService(tmp_path, db, utcnow)
    stale = _old_backup(backups.folder_of(BackupType.SCHEDULED), "reelarr_backup_v0_old.zip", 400)
    spec = backup_command(backups, backup_section(ConfigStore(db), EventBus()))

    await spec.handler(CommandBody(), CommandContext(1, CommandTrigger.MANUAL, 1, _progress))

    assert [b.type for b in backups.list()] == [BackupType.MANUAL, BackupType.SCHEDULED]
    assert stale.exists()
