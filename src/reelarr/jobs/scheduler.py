"""Scheduled tasks: rows with an interval and a last run; the scheduler queues the due ones."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from reelarr.db.engine import Database
from reelarr.errors import NotFound
from reelarr.events import EventBus
from reelarr.jobs.events import ScheduledTaskUpdated
from reelarr.jobs.model import CommandTrigger
from reelarr.jobs.queue import CommandQueue
from reelarr.jobs.registry import CommandRegistry
from reelarr.jobs.tables import ScheduledTaskRow

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class ScheduledTask:
    """A scheduled task as the API shows it."""

    id: int
    name: str
    interval_minutes: float
    last_execution: datetime
    last_start_time: datetime | None
    last_queued_at: datetime

    @property
    def next_execution(self) -> datetime:
        """When the scheduler will queue it next."""
        return max(self.last_execution, self.last_queued_at) + timedelta(minutes=self.interval_minutes)

    @property
    def last_duration(self) -> timedelta | None:
        """How long the last run took."""
        if self.last_start_time is None or self.last_start_time > self.last_execution:
            return None
        return self.last_execution - self.last_start_time


def _to_task(row: ScheduledTaskRow) -> ScheduledTask:
    return ScheduledTask(
        id=row.id,
        name=row.type_name,
        interval_minutes=row.interval_minutes,
        last_execution=row.last_execution,
        last_start_time=row.last_start_time,
        last_queued_at=row.last_queued_at,
    )


class Scheduler:
    """Keeps the task table in step with the registry and queues tasks when they are due."""

    def __init__(
        self,
        db: Database,
        queue: CommandQueue,
        registry: CommandRegistry,
        bus: EventBus,
        clock: Clock,
        *,
        interval_seconds: float = 30.0,
    ) -> None:
        self._db = db
        self._bus = bus
        self._queue = queue
        self._registry = registry
        self._clock = clock
        self._interval = interval_seconds
        self._stopping = asyncio.Event()
        self._loop: asyncio.Task[None] | None = None

    async def sync_tasks(self) -> None:
        """Add new tasks (first run one interval from now), update intervals, drop tasks no longer defined."""
        now = self._clock()
        definitions = self._registry.tasks()
        insert = pg_insert if self._db.dialect == "postgresql" else sqlite_insert
        async with self._db.write() as session:
            for task in definitions:
                await session.execute(
                    insert(ScheduledTaskRow)
                    .values(
                        type_name=task.command_name,
                        interval_minutes=task.interval_minutes,
                        last_execution=now,
                        last_queued_at=now,
                    )
                    .on_conflict_do_update(
                        index_elements=[ScheduledTaskRow.type_name],
                        set_={"interval_minutes": task.interval_minutes},
                    )
                )
            await session.execute(
                delete(ScheduledTaskRow).where(
                    ScheduledTaskRow.type_name.not_in([t.command_name for t in definitions])
                )
            )

    async def tasks(self) -> list[ScheduledTask]:
        """Every scheduled task."""
        async with self._db.read() as session:
            rows = await session.scalars(select(ScheduledTaskRow).order_by(ScheduledTaskRow.type_name))
            return [_to_task(r) for r in rows]

    async def task(self, task_id: int) -> ScheduledTask:
        """One scheduled task by id."""
        async with self._db.read() as session:
            row = await session.get(ScheduledTaskRow, task_id)
        if row is None:
            raise NotFound(f"Task with ID {task_id} does not exist")
        return _to_task(row)

    async def queue_due(self) -> int:
        """Queue every task whose time has come; each is queued by one process only. Returns how many."""
        now = self._clock()
        queued = 0
        for task in await self.tasks():
            if task.next_execution > now:
                continue
            async with self._db.write() as session:
                claimed = await session.execute(
                    update(ScheduledTaskRow)
                    .where(
                        ScheduledTaskRow.id == task.id, ScheduledTaskRow.last_queued_at == task.last_queued_at
                    )
                    .values(last_queued_at=now)
                )
            if not getattr(claimed, "rowcount", 0):
                continue
            await self._queue.enqueue(task.name, trigger=CommandTrigger.SCHEDULED)
            await self._bus.publish(ScheduledTaskUpdated(task_name=task.name))
            queued += 1
        return queued

    async def start(self) -> None:
        """Start queueing due tasks in the background."""
        self._loop = asyncio.create_task(self._run(), name="scheduler")

    async def stop(self) -> None:
        """Stop the background loop."""
        self._stopping.set()
        if self._loop is not None:
            self._loop.cancel()
            await asyncio.gather(self._loop, return_exceptions=True)

    async def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                await self.queue_due()
            except Exception:
                log.exception("Scheduler could not queue due tasks; trying again")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), timeout=self._interval)
