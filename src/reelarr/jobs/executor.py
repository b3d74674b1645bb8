"""Runs queued commands: worker tasks per process, a heartbeat, and recovery of dead workers' commands."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable
from datetime import timedelta

from reelarr.errors import Conflict, NotFound, RemoteRejected, ValidationFailed
from reelarr.events import EventBus
from reelarr.jobs.events import CommandUpdated
from reelarr.jobs.model import Command, CommandContext, CommandStatus
from reelarr.jobs.queue import CommandQueue, CommandTakenOver
from reelarr.jobs.registry import CommandRegistry
from reelarr.jobs.workers import WorkerRegistry

log = logging.getLogger(__name__)

# Errors that another attempt cannot fix: the input or the remote's answer will be the same.
_PERMANENT_ERRORS = (ValidationFailed, NotFound, Conflict, RemoteRejected)


class CommandExecutor:
    """Claims and runs commands until stopped; failures are retried with backoff by the queue."""

    def __init__(
        self,
        queue: CommandQueue,
        registry: CommandRegistry,
        workers: WorkerRegistry,
        bus: EventBus,
        *,
        concurrency: int = 3,
        poll_seconds: float = 1.0,
        heartbeat_seconds: float = 5.0,
        stale_seconds: float = 30.0,
        shutdown_grace_seconds: float = 10.0,
    ) -> None:
        self._queue = queue
        self._registry = registry
        self._workers = workers
        self._concurrency = concurrency
        self._poll = poll_seconds
        self._heartbeat = heartbeat_seconds
        self._stale = timedelta(seconds=stale_seconds)
        self._grace = shutdown_grace_seconds
        # Set and replaced on every wake-up: a loop takes the current one before it claims, so a
        # command queued while its claim ran still wakes it (an Event cleared after the claim
        # would lose that wake-up).
        self._wake = asyncio.Event()
        # The one idle loop that polls; the others sleep until woken.
        self._poller: int | None = None
        self._stopping = asyncio.Event()
        self._loops: list[asyncio.Task[None]] = []
        self._running: dict[int, asyncio.Task[None]] = {}
        bus.subscribe(CommandUpdated, self._on_command_updated, remote=True)

    @property
    def worker_id(self) -> str:
        """This process's worker id."""
        return self._workers.identity.id

    async def start(self) -> None:
        """Register this worker, recover commands of dead workers, and start running commands."""
        await self._workers.register()
        await self.recover()
        self._loops = [
            asyncio.create_task(self._work_loop(i), name=f"command-worker-{i}")
            for i in range(self._concurrency)
        ]
        self._loops.append(asyncio.create_task(self._heartbeat_loop(), name="command-heartbeat"))

    async def stop(self) -> None:
        """Stop claiming, give running commands a grace period, and hand back the unfinished ones."""
        self._stopping.set()
        self._notify()
        running = dict(self._running)
        if running:
            await asyncio.wait(running.values(), timeout=self._grace)
        unfinished = [command_id for command_id, task in running.items() if not task.done()]
        for command_id in unfinished:
            running[command_id].cancel()
        await asyncio.gather(*(running[c] for c in unfinished), return_exceptions=True)
        await self._stop_loops()
        with contextlib.suppress(Exception):
            await self._queue.release(unfinished, "Reelarr stopped while the command ran")
        with contextlib.suppress(Exception):
            await self._workers.unregister()

    async def _stop_loops(self) -> None:
        # The loops see _stopping once their current database call returns. Cancelling one in the
        # middle of a query can leave a pooled PostgreSQL connection busy, so the pool's close hangs.
        if not self._loops:
            return
        _, late = await asyncio.wait(self._loops, timeout=self._grace)
        for task in late:
            task.cancel()
        await asyncio.gather(*self._loops, return_exceptions=True)

    async def recover(self) -> None:
        """Queue again the commands that dead workers had started."""
        await self._workers.remove_dead(self._stale)
        live = await self._workers.live_ids()
        orphaned = await self._queue.started_by_missing_workers(live)
        if orphaned:
            log.warning("Recovering %d command(s) left by stopped workers", len(orphaned))
            await self._queue.release(orphaned, "The process running it stopped")

    def _notify(self) -> None:
        """Wake every idle loop to claim again."""
        woken, self._wake = self._wake, asyncio.Event()
        woken.set()

    async def _on_command_updated(self, event: CommandUpdated) -> None:
        if event.command.get("status") == CommandStatus.QUEUED:
            self._notify()

    async def _work_loop(self, index: int) -> None:
        # One idle loop polls (for commands that fall due, or that another process queued without
        # its event reaching this one); the others sleep until woken. Each idle poll is a write
        # transaction, and every loop polling made an idle server busy for nothing. A loop that
        # takes a command gives the role up, so polling goes on while it runs a long command.
        while not self._stopping.is_set():
            wake = self._wake
            try:
                command = await self._queue.claim(self.worker_id)
            except Exception:
                log.exception("Could not claim a command; trying again shortly")
                command = None
            if command is not None and self._stopping.is_set():
                # Claimed while stopping: hand it back for the next process instead of starting it.
                with contextlib.suppress(Exception):
                    await self._queue.release(
                        [command.id], "Reelarr stopped before the command ran", ran=False
                    )
                return
            if command is None:
                if self._poller is None:
                    self._poller = index
                timeout = self._poll if self._poller == index else None
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), timeout=timeout)
                continue
            if self._poller == index:
                self._poller = None
            # More may be due (a poll found one), and an idle loop must take up polling: wake them.
            self._notify()
            task = asyncio.create_task(self._run(command), name=f"command-{command.id}")
            self._running[command.id] = task
            try:
                await asyncio.shield(task)
            except asyncio.CancelledError:
                if not task.done():
                    raise
            finally:
                if task.done():
                    self._running.pop(command.id, None)

    async def _run(self, command: Command) -> None:
        spec = self._registry.get(command.name)
        if spec is None:
            await self._queue.fail(
                command.id, f"No handler for {command.name} in this process", retryable=False
            )
            return

        async def progress(message: str) -> None:
            await self._queue.progress(command.id, message)

        context = CommandContext(
            command_id=command.id, trigger=command.trigger, attempt=command.attempts, progress=progress
        )
        try:
            body = spec.body.model_validate(command.body)
            message = await spec.handler(body, context)
        except asyncio.CancelledError:
            raise
        except _PERMANENT_ERRORS as error:
            log.warning("Command %s (%d) failed: %s", command.name, command.id, error)
            await self._report(
                self._queue.fail(command.id, str(error), retryable=False, worker_id=self.worker_id)
            )
        except Exception as error:
            log.exception("Command %s (%d) failed on attempt %d", command.name, command.id, command.attempts)
            outcome = f"{type(error).__name__}: {error}"
            await self._report(
                self._queue.fail(command.id, outcome, retryable=True, worker_id=self.worker_id)
            )
        else:
            await self._report(self._queue.complete(command.id, message, worker_id=self.worker_id))

    @staticmethod
    async def _report(outcome: Awaitable[Command]) -> None:
        try:
            await outcome
        except CommandTakenOver as error:
            # This worker missed heartbeats and another took the command over; its report is moot.
            log.warning("%s; its outcome here is dropped", error)

    async def _heartbeat_loop(self) -> None:
        while not self._stopping.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), timeout=self._heartbeat)
            if self._stopping.is_set():
                return
            try:
                await self._workers.heartbeat()
                await self.recover()
            except Exception:
                log.exception("Worker heartbeat failed; trying again")
