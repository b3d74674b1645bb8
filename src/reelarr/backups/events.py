"""Events of the backups package."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("backup.restored")
@dataclass(frozen=True, slots=True, kw_only=True)
class BackupRestored(Event):
    """A backup replaced the database: every process drops what it keeps of the old contents."""
