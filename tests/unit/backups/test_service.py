"""Backup names and ids: Radarr's shape, stable across listings."""

from __future__ import annotations

from datetime import UTC, datetime

from reelarr import __version__
from reelarr.backups.service import Backup, BackupType, backup_file_name


def test_a_backup_is_named_for_the_version_and_the_time() -> None:
    name = backup_file_name(datetime(2026, 12, 7, 1, 2, 3, tzinfo=UTC))
    assert name == f"reelarr_backup_v{__version__}_2026.12.07_01.02.03.zip"


def test_ids_depend_on_type_and_name_only() -> None:
    now = datetime(2026, 12, 7, tzinfo=UTC)
    manual = Backup("a.zip", BackupType.MANUAL, 1, now)
    assert manual.id == Backup("a.zip", BackupType.MANUAL, 99, datetime(2020, 1, 1, tzinfo=UTC)).id
    assert manual.id != Backup("a.zip", BackupType.SCHEDULED, 1, now).id
    assert 0 < manual.id <= 2**31 - 1
