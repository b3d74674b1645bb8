"""Settings → General → Backups: where scheduled backups go (the data dir's Backups), how often, and how
long they are kept.

Stored in the configuration store under `backup.folder`, `backup.interval` (days) and
`backup.retention` (days); the backup task reads them through `backup_section`.
"""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.configuration.sections import ConfigSection
from reelarr.configuration.store import ConfigStore
from reelarr.errors import ValidationFailure
from reelarr.events import EventBus

DEFAULT_FOLDER = "Backups"


@dataclass(frozen=True, slots=True)
class BackupConfig:
    """Radarr's backup options with its defaults; a relative folder is under the data dir."""

    folder: str = DEFAULT_FOLDER
    interval: int = 7
    retention: int = 28


def check(config: BackupConfig) -> list[ValidationFailure]:
    """Radarr's rules: an interval of 1 to 7 days, a retention of 1 to 90 days, a folder."""
    found: list[ValidationFailure] = []
    if config.folder != DEFAULT_FOLDER:
        # Backups, their downloads and restores all live under <data dir>/Backups (backups/service.py).
        found.append(
            ValidationFailure(
                "backupFolder",
                f"Reelarr keeps its backups in the data folder's {DEFAULT_FOLDER} folder; "
                "another folder is not supported",
                config.folder,
            )
        )
    if not 1 <= config.interval <= 7:
        found.append(
            ValidationFailure(
                "backupInterval",
                "'Backup Interval' must be between 1 and 7.",
                config.interval,
                error_code="InclusiveBetweenValidator",
            )
        )
    if not 1 <= config.retention <= 90:
        found.append(
            ValidationFailure(
                "backupRetention",
                "'Backup Retention' must be between 1 and 90.",
                config.retention,
                error_code="InclusiveBetweenValidator",
            )
        )
    return found


def backup_section(store: ConfigStore, bus: EventBus) -> ConfigSection[BackupConfig]:
    """The backup options in the configuration store."""
    return ConfigSection(store, bus, BackupConfig, "backup.", check)
