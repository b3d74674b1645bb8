"""Reelarr's ApplicationUpdate: it installs no update itself, so a new version is noticed at start-up,
when the running version differs from the one the last run recorded in the database."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.configuration.store import ConfigStore

VERSION_KEY = "app.last_run_version"


@dataclass(frozen=True, slots=True)
class VersionChange:
    """The version the last run recorded, and the one running now."""

    previous: str
    new: str

    @property
    def message(self) -> str:
        """Radarr's ApplicationUpdateMessage.Message, naming the application that was updated."""
        return f"Reelarr updated from {self.previous} to {self.new}"


async def record_running_version(config: ConfigStore, running: str) -> VersionChange | None:
    """Record the running version; the change from the last run's when this process is the one that
    recorded it. None on a first start (nothing to compare with), an unchanged version, or when another
    process sharing the database recorded it first, so that one start of a new version is told once."""
    stored = await config.get_or_create(VERSION_KEY, running)
    if stored == running:
        return None
    if not await config.replace(VERSION_KEY, stored, running):
        return None
    return VersionChange(previous=stored, new=running)
