"""The durable command queue: enqueue, claim, finish, retry, cancel, recover."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

import orjson
from pydantic import ValidationError as PydanticValidationError
from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from reelarr.db.engine import Database
from reelarr.errors import Conflict, NotFound, ReelarrError, ValidationFailed, ValidationFailure
from reelarr.events import EventBus
from reelarr.jobs.events import CommandUpdated, ScheduledTaskUpdated
from reelarr.jobs.model import (
    FINISHED_STATUSES,
    Command,
    CommandPriority,
    CommandResult,
    CommandStatus,
    CommandTrigger,
)
from reelarr.jobs.registry import CommandRegistry
from reelarr.jobs.serialize import command_to_json
from reelarr.jobs.tables import CommandRow, ScheduledTaskRow

Clock = Callable[[], datetime]
# Body keys that describe how a command was sent rather than what it should do.
_ENVELOPE_KEYS = frozenset({"name", "trigger", "sendupdatestoclient", "priority", "commandname"})


class CommandTakenOver(ReelarrError):
    """A worker reports on a command it no longer holds (it was thought dead and the command requeued)."""

    def __init__(self, command_id: int, worker_id: str) -> None:
        super().__init__(f"Command {command_id} is no longer held by worker {worker_id}")


def retry_delay(attempt: int, base_seconds: float, max_seconds: float, rng: random.Random) -> float:
    """Exponential backoff with jitter: half the capped delay fixed, the other half random."""
    capped = min(max_seconds, base_seconds * 2.0 ** max(0, attempt - 1))
    return capped / 2 + rng.uniform(0, capped / 2)


def _dedup_key(name: str, body: dict[str, Any]) -> str:
    meaningful = {k: v for k, v in body.items() if k.lower() not in _ENVELOPE_KEYS}
    canonical = orjson.dumps([name.lower(), meaningful], option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(canonical).hexdigest()


def _to_command(row: CommandRow) -> Command:
    return Command(
        id=row.id,
        name=row.name,
        body=dict(row.body),
        priority=CommandPriority.from_rank(row.priority),
        status=CommandStatus(row.status),
        result=CommandResult(row.result),
        trigger=CommandTrigger(row.trigger),
        message=row.message,
        exception=row.exception,
        attempts=row.attempts,
        max_attempts=row.max_attempts,
        queued_at=row.queued_at,
        next_attempt_at=row.next_attempt_at,
        started_at=row.started_at,
        ended_at=row.ended_at,
        state_changed_at=row.state_changed_at,
        worker_id=row.worker_id,
    )


class CommandQueue:
    """Stores commands and moves them through their states; every change is published as an event."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        registry: CommandRegistry,
        clock: Clock,
        *,
        default_max_attempts: int = 5,
        retry_base_seconds: float = 2.0,
        retry_max_seconds: float = 600.0,
        rng: random.Random | None = None,
    ) -> None:
        self._db = db
        self._bus = bus
        self._registry = registry
        self._clock = clock
        self._default_max_attempts = default_max_attempts
        self._retry_base = retry_base_seconds
        self._retry_max = retry_max_seconds
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not security

    async def enqueue(
        self,
        name: str,
        body: dict[str, Any] | None = None,
        *,
        trigger: CommandTrigger = CommandTrigger.MANUAL,
        priority: CommandPriority | None = None,
    ) -> Command:
        """Queue a command, or return the identical one already waiting; the body is validated first."""
        spec = self._registry.get(name)
        if spec is None:
            raise ValidationFailed.single("name", f"Unknown command: {name}", name)
        try:
            params = spec.body.model_validate(body or {})
        except PydanticValidationError as error:
            raise ValidationFailed.from_pydantic(error) from error
        if spec.check is not None:
            await spec.check(params)
        stored = params.model_dump(mode="json", by_alias=True, exclude_none=True)
        stored.pop("name", None)
        key = _dedup_key(spec.name, stored)
        now = self._clock()
        async with self._db.write() as session:
            existing = await session.scalar(
                select(CommandRow).where(
                    CommandRow.dedup_key == key, CommandRow.status == CommandStatus.QUEUED
                )
            )
            if existing is not None:
                return _to_command(existing)
            row = CommandRow(
                name=spec.name,
                body=stored,
                priority=(priority or spec.priority).rank,
                status=CommandStatus.QUEUED,
                result=CommandResult.UNKNOWN,
                trigger=trigger,
                attempts=0,
                max_attempts=spec.max_attempts or self._default_max_attempts,
                queued_at=now,
                next_attempt_at=now,
                state_changed_at=now,
                dedup_key=key,
            )
            session.add(row)
            await session.flush()
            command = _to_command(row)
        await self._publish(command)
        return command

    async def get(self, command_id: int) -> Command:
        """The command with this id."""
        async with self._db.read() as session:
            row = await session.get(CommandRow, command_id)
        if row is None:
            raise NotFound(f"Command with ID {command_id} does not exist")
        return _to_command(row)

    async def recent(self, *, limit: int = 500) -> list[Command]:
        """Unfinished commands and recently finished ones, newest first."""
        async with self._db.read() as session:
            rows = await session.scalars(select(CommandRow).order_by(CommandRow.id.desc()).limit(limit))
            return [_to_command(r) for r in rows]

    async def count_by_status(self) -> dict[str, int]:
        """How many commands are in each status."""
        async with self._db.read() as session:
            rows = await session.execute(select(CommandRow.status, func.count()).group_by(CommandRow.status))
            return {str(status): int(count) for status, count in rows}

    async def cancel(self, command_id: int) -> Command:
        """Cancel a command that has not started yet."""
        now = self._clock()
        async with self._db.write() as session:
            row = await session.get(CommandRow, command_id)
            if row is None:
                raise NotFound(f"Command with ID {command_id} does not exist")
            if row.status != CommandStatus.QUEUED:
                raise Conflict(f"Command {command_id} is {row.status} and can no longer be cancelled")
            row.status = CommandStatus.CANCELLED
            row.result = CommandResult.UNSUCCESSFUL
            row.ended_at = now
            row.state_changed_at = now
            row.message = "Cancelled"
            command = _to_command(row)
        await self._publish(command)
        return command

    async def retry(self, command_id: int) -> Command:
        """Queue a failed, cancelled or orphaned command again with a fresh set of attempts."""
        now = self._clock()
        async with self._db.write() as session:
            row = await session.get(CommandRow, command_id)
            if row is None:
                raise NotFound(f"Command with ID {command_id} does not exist")
            if row.status not in (CommandStatus.FAILED, CommandStatus.CANCELLED, CommandStatus.ORPHANED):
                raise ValidationFailed(
                    [
                        ValidationFailure(
                            "status", f"Only failed commands can be retried; this one is {row.status}"
                        )
                    ]
                )
            row.status = CommandStatus.QUEUED
            row.result = CommandResult.UNKNOWN
            row.attempts = 0
            row.next_attempt_at = now
            row.started_at = None
            row.ended_at = None
            row.worker_id = None
            row.state_changed_at = now
            row.message = "Retrying by request"
            command = _to_command(row)
        await self._publish(command)
        return command

    async def claim(self, worker_id: str) -> Command | None:
        """Take the next due command for `worker_id`; no two workers in any process get the same one."""
        now = self._clock()
        next_id = (
            select(CommandRow.id)
            .where(CommandRow.status == CommandStatus.QUEUED, CommandRow.next_attempt_at <= now)
            .order_by(CommandRow.priority, CommandRow.next_attempt_at, CommandRow.id)
            .limit(1)
            .with_for_update(skip_locked=True)
            .scalar_subquery()
        )
        stmt = (
            update(CommandRow)
            .where(CommandRow.id == next_id, CommandRow.status == CommandStatus.QUEUED)
            .values(
                status=CommandStatus.STARTED,
                worker_id=worker_id,
                started_at=now,
                state_changed_at=now,
                attempts=CommandRow.attempts + 1,
                message=None,
            )
            .returning(CommandRow)
            .execution_options(synchronize_session=False)
        )
        async with self._db.write() as session:
            row = (await session.execute(stmt)).scalars().first()
            command = _to_command(row) if row is not None else None
        if command is not None:
            await self._publish(command)
        return command

    async def progress(self, command_id: int, message: str) -> None:
        """Record what a running command is doing."""
        async with self._db.write() as session:
            row = await session.get(CommandRow, command_id)
            if row is None or row.status != CommandStatus.STARTED:
                return
            row.message = message
            command = _to_command(row)
        await self._publish(command)

    async def complete(
        self, command_id: int, message: str | None, *, worker_id: str | None = None
    ) -> Command:
        """Mark a running command completed, and its scheduled task as run.

        With `worker_id`, only while that worker still holds the command (CommandTakenOver otherwise).
        """
        now = self._clock()
        async with self._db.write() as session:
            row = await self._started_row(session, command_id, worker_id)
            row.status = CommandStatus.COMPLETED
            row.result = CommandResult.SUCCESSFUL
            row.ended_at = now
            row.state_changed_at = now
            row.message = message or "Completed"
            row.exception = None
            task_ran = await self._mark_task_run(session, row)
            command = _to_command(row)
        await self._publish(command, task_ran=task_ran)
        return command

    async def fail(
        self, command_id: int, error: str, *, retryable: bool, worker_id: str | None = None
    ) -> Command:
        """Record a failed attempt: queue the command again after a backoff, or leave it failed."""
        now = self._clock()
        task_ran = False
        async with self._db.write() as session:
            row = await self._started_row(session, command_id, worker_id)
            row.exception = error
            row.worker_id = None
            row.state_changed_at = now
            if retryable and row.attempts < row.max_attempts:
                delay = retry_delay(row.attempts, self._retry_base, self._retry_max, self._rng)
                row.status = CommandStatus.QUEUED
                row.next_attempt_at = now + timedelta(seconds=delay)
                row.message = (
                    f"Attempt {row.attempts} of {row.max_attempts} failed: {error}; retrying in {delay:.0f}s"
                )
            else:
                row.status = CommandStatus.FAILED
                row.result = CommandResult.UNSUCCESSFUL
                row.ended_at = now
                row.message = f"Failed: {error}"
                task_ran = await self._mark_task_run(session, row)
            command = _to_command(row)
        await self._publish(command, task_ran=task_ran)
        return command

    async def release(self, command_ids: Sequence[int], reason: str, *, ran: bool = True) -> list[Command]:
        """Put started commands back in the queue (a worker stopped); out of attempts, they are orphaned."""
        if not command_ids:
            return []
        now = self._clock()
        released: list[Command] = []
        async with self._db.write() as session:
            rows = await session.scalars(
                select(CommandRow).where(
                    CommandRow.id.in_(command_ids), CommandRow.status == CommandStatus.STARTED
                )
            )
            for row in rows:
                row.worker_id = None
                row.state_changed_at = now
                if not ran:
                    # Claimed but never begun: the claim's attempt is given back.
                    row.attempts = max(row.attempts - 1, 0)
                if row.attempts < row.max_attempts:
                    row.status = CommandStatus.QUEUED
                    row.next_attempt_at = now
                    row.message = f"{reason}; queued again"
                else:
                    row.status = CommandStatus.ORPHANED
                    row.result = CommandResult.UNSUCCESSFUL
                    row.ended_at = now
                    row.message = f"{reason}; out of attempts"
                released.append(_to_command(row))
        for command in released:
            await self._publish(command)
        return released

    async def started_by_missing_workers(self, live_worker_ids: Sequence[str]) -> list[int]:
        """Ids of started commands whose worker is not among the live ones."""
        async with self._db.read() as session:
            rows = await session.scalars(
                select(CommandRow.id).where(
                    CommandRow.status == CommandStatus.STARTED,
                    or_(CommandRow.worker_id.is_(None), CommandRow.worker_id.not_in(live_worker_ids)),
                )
            )
            return list(rows)

    async def delete_finished_before(self, cutoff: datetime, *, failed_cutoff: datetime) -> int:
        """Forget finished commands: successful ones before `cutoff`, others before `failed_cutoff`."""
        finished = [s.value for s in FINISHED_STATUSES]
        async with self._db.write() as session:
            result = await session.execute(
                delete(CommandRow).where(
                    CommandRow.status.in_(finished),
                    or_(
                        and_(CommandRow.result == CommandResult.SUCCESSFUL, CommandRow.ended_at < cutoff),
                        and_(
                            CommandRow.result != CommandResult.SUCCESSFUL, CommandRow.ended_at < failed_cutoff
                        ),
                    ),
                )
            )
            return int(getattr(result, "rowcount", 0) or 0)

    async def _started_row(self, session: AsyncSession, command_id: int, worker_id: str | None) -> CommandRow:
        row = await session.get(CommandRow, command_id, with_for_update=True)
        if row is None:
            raise NotFound(f"Command with ID {command_id} does not exist")
        if worker_id is not None and (row.status != CommandStatus.STARTED or row.worker_id != worker_id):
            raise CommandTakenOver(command_id, worker_id)
        return row

    async def _mark_task_run(self, session: AsyncSession, row: CommandRow) -> bool:
        task = await session.scalar(select(ScheduledTaskRow).where(ScheduledTaskRow.type_name == row.name))
        if task is None or row.ended_at is None or not self._is_plain_run(row):
            return False
        task.last_execution = row.ended_at
        task.last_start_time = row.started_at
        return True

    def _is_plain_run(self, row: CommandRow) -> bool:
        """A run with the command's default parameters, as the scheduler queues it.

        Only such a run is its scheduled task's run (Radarr's UpdateScheduledTask): refreshing one
        film is not the library's refresh, and must not move that task's next run.
        """
        spec = self._registry.get(row.name)
        if spec is None:
            return True
        try:
            return spec.body.model_validate(row.body) == spec.body()
        except PydanticValidationError:
            return False

    async def _publish(self, command: Command, *, task_ran: bool = False) -> None:
        await self._bus.publish(CommandUpdated(command=command_to_json(command)))
        if task_ran:
            await self._bus.publish(ScheduledTaskUpdated(task_name=command.name))
