"""Worker processes announce themselves with a heartbeat so others can recover their commands."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from reelarr.db.engine import Database
from reelarr.jobs.tables import WorkerRow

Clock = Callable[[], datetime]


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True, slots=True)
class WorkerIdentity:
    """Who this process is among the workers."""

    id: str
    hostname: str
    pid: int

    @classmethod
    def of_this_process(cls) -> WorkerIdentity:
        """A fresh identity for the running process."""
        return cls(id=uuid.uuid4().hex, hostname=socket.gethostname(), pid=os.getpid())


class WorkerRegistry:
    """The table of live workers: registration, heartbeats and finding the dead."""

    def __init__(self, db: Database, identity: WorkerIdentity, clock: Clock, version: str) -> None:
        self._db = db
        self.identity = identity
        self._clock = clock
        self._version = version

    async def register(self) -> None:
        """Announce this worker."""
        now = self._clock()
        async with self._db.write() as session:
            session.add(
                WorkerRow(
                    id=self.identity.id,
                    hostname=self.identity.hostname,
                    pid=self.identity.pid,
                    started_at=now,
                    heartbeat_at=now,
                    version=self._version,
                )
            )

    async def heartbeat(self) -> None:
        """Say this worker is still alive (and announce it again if another process removed it)."""
        async with self._db.write() as session:
            result = await session.execute(
                update(WorkerRow).where(WorkerRow.id == self.identity.id).values(heartbeat_at=self._clock())
            )
            missing = not getattr(result, "rowcount", 0)
        if missing:
            await self.register()

    async def unregister(self) -> None:
        """Remove this worker on a clean shutdown."""
        async with self._db.write() as session:
            await session.execute(delete(WorkerRow).where(WorkerRow.id == self.identity.id))

    async def remove_dead(self, stale_after: timedelta) -> list[str]:
        """Delete workers whose heartbeat stopped, or whose process on this host is gone; return their ids."""
        now = self._clock()
        async with self._db.read() as session:
            rows = list(await session.scalars(select(WorkerRow)))
        dead = [
            row.id
            for row in rows
            if row.id != self.identity.id
            and (
                row.heartbeat_at < now - stale_after
                or (row.hostname == self.identity.hostname and row.pid == self.identity.pid)
                or (row.hostname == self.identity.hostname and not _pid_alive(row.pid))
            )
        ]
        if dead:
            async with self._db.write() as session:
                await session.execute(delete(WorkerRow).where(WorkerRow.id.in_(dead)))
        return dead

    async def live_ids(self) -> list[str]:
        """Ids of every registered worker."""
        async with self._db.read() as session:
            return list(await session.scalars(select(WorkerRow.id)))
