"""The executor runs commands, retries failures with backoff, and recovers what dead workers left."""

from __future__ import annotations

import asyncio

import pytest

from reelarr.db.base import utcnow
from reelarr.db.engine import Database
from reelarr.errors import NotFound
from reelarr.events import EventBus
from reelarr.jobs.executor import CommandExecutor
from reelarr.jobs.model import Command, CommandBody, CommandContext, CommandSpec, CommandStatus
from reelarr.jobs.queue import CommandQueue
from reelarr.jobs.registry import CommandRegistry
from reelarr.jobs.workers import WorkerIdentity, WorkerRegistry
from tests.support.waiting import eventually


class Rig:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.bus = EventBus()
        self.registry = CommandRegistry()
        self.queue = CommandQueue(
            db, self.bus, self.registry, utcnow, retry_base_seconds=0.05, retry_max_seconds=0.1
        )
        self.calls: list[tuple[str, int]] = []

    def executor(self, identity: WorkerIdentity | None = None) -> CommandExecutor:
        workers = WorkerRegistry(self.db, identity or WorkerIdentity.of_this_process(), utcnow, "test")
        return CommandExecutor(
            self.queue,
            self.registry,
            workers,
            self.bus,
            concurrency=2,
            poll_seconds=0.05,
            heartbeat_seconds=0.1,
            stale_seconds=3.0,
            shutdown_grace_seconds=0.5,
        )

    async def finished(self, command_id: int) -> Command:
        async def probe() -> Command | None:
            command = await self.queue.get(command_id)
            return command if command.finished else None

        return await eventually(probe)


@pytest.fixture
def rig(db: Database) -> Rig:
    return Rig(db)


async def test_runs_a_command_and_records_its_message(rig: Rig) -> None:
    async def greet(_body: CommandBody, ctx: CommandContext) -> str:
        await ctx.progress("greeting")
        return "Hello"

    rig.registry.add(CommandSpec("Greet", greet))
    executor = rig.executor()
    await executor.start()
    try:
        queued = await rig.queue.enqueue("Greet")
        done = await rig.finished(queued.id)
    finally:
        await executor.stop()
    assert done.status == CommandStatus.COMPLETED
    assert done.message == "Hello"
    assert done.started_at is not None
    assert done.ended_at is not None


async def test_failing_command_is_retried_then_succeeds(rig: Rig) -> None:
    attempts: list[int] = []

    async def flaky(_body: CommandBody, ctx: CommandContext) -> None:
        attempts.append(ctx.attempt)
        if ctx.attempt < 3:
            raise ConnectionError("indexer down")

    rig.registry.add(CommandSpec("Flaky", flaky, max_attempts=5))
    executor = rig.executor()
    await executor.start()
    try:
        done = await rig.finished((await rig.queue.enqueue("Flaky")).id)
    finally:
        await executor.stop()
    assert attempts == [1, 2, 3]
    assert done.status == CommandStatus.COMPLETED


async def test_command_that_keeps_failing_ends_failed_with_its_error(rig: Rig) -> None:
    async def broken(_body: CommandBody, _ctx: CommandContext) -> None:
        raise RuntimeError("disk on fire")

    rig.registry.add(CommandSpec("Broken", broken, max_attempts=2))
    executor = rig.executor()
    await executor.start()
    try:
        done = await rig.finished((await rig.queue.enqueue("Broken")).id)
    finally:
        await executor.stop()
    assert done.status == CommandStatus.FAILED
    assert done.attempts == 2
    assert "disk on fire" in (done.exception or "")


async def test_permanent_error_fails_at_once(rig: Rig) -> None:
    async def missing(_body: CommandBody, _ctx: CommandContext) -> None:
        raise NotFound("Movie 7 does not exist")

    rig.registry.add(CommandSpec("Missing", missing, max_attempts=5))
    executor = rig.executor()
    await executor.start()
    try:
        done = await rig.finished((await rig.queue.enqueue("Missing")).id)
    finally:
        await executor.stop()
    assert done.status == CommandStatus.FAILED
    assert done.attempts == 1


async def test_command_left_by_a_dead_worker_is_run_again(rig: Rig) -> None:
    ran = asyncio.Event()

    async def job(_body: CommandBody, _ctx: CommandContext) -> None:
        ran.set()

    rig.registry.add(CommandSpec("Job", job))
    dead = WorkerRegistry(rig.db, WorkerIdentity("dead-worker", "elsewhere", 1), utcnow, "test")
    await dead.register()
    queued = await rig.queue.enqueue("Job")
    assert (await rig.queue.claim("dead-worker")) is not None  # it started, then its process died
    executor = rig.executor()
    await executor.start()
    try:
        done = await rig.finished(queued.id)
    finally:
        await executor.stop()
    assert ran.is_set()
    assert done.status == CommandStatus.COMPLETED
    assert done.attempts == 2


async def test_stopping_hands_back_a_command_still_running(rig: Rig) -> None:
    started = asyncio.Event()

    async def slow(_body: CommandBody, _ctx: CommandContext) -> None:
        started.set()
        await asyncio.sleep(60)

    rig.registry.add(CommandSpec("Slow", slow))
    executor = rig.executor()
    await executor.start()
    queued = await rig.queue.enqueue("Slow")
    await asyncio.wait_for(started.wait(), 10)
    await executor.stop()
    after = await rig.queue.get(queued.id)
    assert after.status == CommandStatus.QUEUED
    assert after.worker_id is None


async def test_workers_of_two_processes_never_share_a_command(rig: Rig) -> None:
    runs: list[int] = []

    async def count(_body: CommandBody, ctx: CommandContext) -> None:
        runs.append(ctx.command_id)
        await asyncio.sleep(0.01)

    rig.registry.add(CommandSpec("Count", count))
    ids = [(await rig.queue.enqueue("Count", {"n": n})).id for n in range(30)]
    # Two executors standing in for two processes on two hosts (one process runs one executor).
    executors = [rig.executor(), rig.executor(WorkerIdentity("second-process", "another-host", 4242))]
    for executor in executors:
        await executor.start()
    try:
        for command_id in ids:
            await rig.finished(command_id)
    finally:
        for executor in executors:
            await executor.stop()
    assert sorted(runs) == sorted(ids)


async def test_stopping_lets_a_claim_in_flight_finish_and_hands_its_command_back(rig: Rig) -> None:
    ran: list[int] = []

    async def record(_body: CommandBody, ctx: CommandContext) -> None:
        ran.append(ctx.command_id)

    rig.registry.add(CommandSpec("Record", record))
    executor = rig.executor()
    await executor.start()
    in_claim = asyncio.Event()
    release_claim = asyncio.Event()
    claim = rig.queue.claim
    finished_claims: list[Command | None] = []

    async def slow_claim(worker_id: str) -> Command | None:
        # Stands in for a database round trip that is still under way when the server stops.
        in_claim.set()
        await release_claim.wait()
        command = await claim(worker_id)
        finished_claims.append(command)
        return command

    rig.queue.claim = slow_claim  # type: ignore[method-assign]
    await asyncio.wait_for(in_claim.wait(), 10)
    queued = await rig.queue.enqueue("Record")
    stopping = asyncio.create_task(executor.stop())
    await asyncio.sleep(0.1)
    release_claim.set()
    await asyncio.wait_for(stopping, 10)

    # The claim was not cancelled halfway: it returned, and what it took was handed back unrun.
    assert queued.id in [c.id for c in finished_claims if c is not None]
    assert ran == []
    after = await rig.queue.get(queued.id)
    assert after.status == CommandStatus.QUEUED
    assert after.worker_id is None
    assert after.attempts == 0


async def test_a_retry_falls_due_and_runs_while_another_command_holds_a_loop(rig: Rig) -> None:
    """Polling goes on while a loop runs a long command: the idle loop takes it up (when only the
    first loop polled and it held the long command, the retry waited for it to end)."""
    release = asyncio.Event()
    attempts: list[int] = []

    async def hold(_body: CommandBody, _ctx: CommandContext) -> None:
        await release.wait()

    async def flaky(_body: CommandBody, ctx: CommandContext) -> None:
        attempts.append(ctx.attempt)
        if ctx.attempt < 2:
            raise ConnectionError("indexer down")

    rig.registry.add(CommandSpec("Hold", hold))
    rig.registry.add(CommandSpec("Flaky", flaky, max_attempts=3))
    held = await rig.queue.enqueue("Hold")  # queued first: the first loop started claims it
    executor = rig.executor()
    await executor.start()
    try:

        async def started() -> bool | None:
            return (await rig.queue.get(held.id)).status == CommandStatus.STARTED or None

        await eventually(started)
        done = await rig.finished((await rig.queue.enqueue("Flaky")).id)
        assert not release.is_set()
    finally:
        release.set()
        await executor.stop()
    assert attempts == [1, 2]
    assert done.status == CommandStatus.COMPLETED
