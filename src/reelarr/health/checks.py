"""Checks of the parts every installation has: the database and the data directory."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from reelarr.db.engine import Database
from reelarr.health.model import HealthLevel, HealthResult

# Below this much free space in the data dir, the database and logs are at risk.
LOW_SPACE_BYTES = 100 * 1024 * 1024


class DatabaseCheck:
    """The database answers a query."""

    name = "DatabaseCheck"

    def __init__(self, db: Database) -> None:
        self._db = db

    async def check(self) -> list[HealthResult]:
        """Report an error when the database does not answer."""
        try:
            await self._db.ping()
        except Exception as error:
            return [HealthResult(self.name, HealthLevel.ERROR, f"The database cannot be reached: {error}")]
        return []


class DataDirectoryCheck:
    """The data directory is writable and has room."""

    name = "DataDirectoryCheck"

    def __init__(self, data_dir: Path) -> None:
        self._dir = data_dir

    async def check(self) -> list[HealthResult]:
        """Report a data dir that cannot be written or is nearly full."""
        if not os.access(self._dir, os.W_OK):
            return [
                HealthResult(self.name, HealthLevel.ERROR, f"The data folder {self._dir} is not writable")
            ]
        free = shutil.disk_usage(self._dir).free
        if free < LOW_SPACE_BYTES:
            return [
                HealthResult(
                    self.name,
                    HealthLevel.WARNING,
                    f"Only {free // (1024 * 1024)} MB free for the data folder {self._dir}",
                )
            ]
        return []
