"""Watching active downloads closely, so that an import starts within seconds of completion.

Radarr looks at its clients once a minute. Reelarr does that too (RefreshMonitoredDownloads, every
`checkForFinishedDownloadInterval`), and, while any download is under way or was just grabbed,
also reads the clients every few seconds in this process. That read changes nothing; when it sees a
download newly finished, it queues RefreshMonitoredDownloads, which imports through the durable
command queue (so that two processes never import the same download).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from reelarr.downloads.tracking import TrackedDownloads, TrackedState
from reelarr.jobs.model import CommandTrigger
from reelarr.jobs.queue import CommandQueue

log = logging.getLogger(__name__)
# How long a stop waits for a look under way (reading each client, queueing imports) to end.
_STOP_GRACE_SECONDS = 5.0
ACTIVE_POLL_SECONDS = 2.0


class DownloadWatcher:
    """Polls the clients while downloads are active and queues their import as soon as they finish."""

    def __init__(self, tracked: TrackedDownloads, commands: CommandQueue, every: float = ACTIVE_POLL_SECONDS):
        self._tracked = tracked
        self._commands = commands
        self._every = every
        self._signalled: set[int] = set()
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Start watching in the background."""
        self._stopping.clear()
        self._task = asyncio.create_task(self._run(), name="download-watcher")

    async def stop(self) -> None:
        """Stop watching."""
        self._stopping.set()
        if self._task is not None:
            # The loop sees _stopping once its current look ends. Cancelling a look in the middle of
            # a query can leave a pooled PostgreSQL connection busy, and the pool's close then hangs
            # (as the command executor's loops did); only a look still going after the grace is cut.
            _, late = await asyncio.wait({self._task}, timeout=_STOP_GRACE_SECONDS)
            for task in late:
                task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def _run(self) -> None:
        while not self._stopping.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), timeout=self._every)
            if self._stopping.is_set() or not self._tracked.active:
                continue
            try:
                await self.look()
            except Exception:  # a failed look is retried at the next tick; the server stays up
                log.exception("Watching the downloads failed; trying again")

    async def look(self) -> bool:
        """Read the clients once; whether an import was queued for a newly finished download."""
        downloads = await self._tracked.refresh()
        pending = {
            d.id for d in downloads if d.state is TrackedState.IMPORT_PENDING and not d.client_unavailable
        }
        new = pending - self._signalled
        self._signalled = pending
        if not new:
            return False
        await self._commands.enqueue("RefreshMonitoredDownloads", trigger=CommandTrigger.SCHEDULED)
        return True
