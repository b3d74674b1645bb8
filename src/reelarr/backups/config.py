"""The backup settings (Radarr's host settings backupInterval and backupRetention), in the configuration store
under `backup.` until Settings → General holds them."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.configuration.sections import ConfigSection
from reelarr.configuration.store import ConfigStore
from reelarr.errors import ValidationFailure
from reelarr.events import EventBus

MINUTES_A_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class BackupConfig:
    """How often scheduled backups are made and how long they are kept, in days (Radarr's defaults)."""

    backup_interval: int = 7
    backup_retention: int = 28


def check(config: BackupConfig) -> list[ValidationFailure]:
    """Radarr's limits: a backup every 1 to 7 days, kept 1 to 90 days."""
    found = []
    if not 1 <= config.backup_interval <= 7:
        found.append(
            ValidationFailure("backupInterval", "Must be between 1 and 7 days", config.backup_interval)
        )
    if not 1 <= config.backup_retention <= 90:
        found.append(
            ValidationFailure("backupRetention", "Must be between 1 and 90 days", config.backup_retention)
        )
    return found


class BackupConfigService(ConfigSection[BackupConfig]):
    """Reads and saves the backup settings."""

    def __init__(self, store: ConfigStore, bus: EventBus) -> None:
        super().__init__(store, bus, BackupConfig, "backup.", check)
