"""Housekeeping commands: forget old commands, and run every domain's registered cleanup."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec
from reelarr.jobs.queue import CommandQueue
from reelarr.jobs.registry import CommandRegistry

Clock = Callable[[], datetime]
# Failures stay visible (and retryable) longer than successes.
KEEP_SUCCESSFUL = timedelta(days=1)
KEEP_UNSUCCESSFUL = timedelta(days=7)

log = logging.getLogger(__name__)


class HousekeepingFailed(RuntimeError):
    """Some cleanups failed (the others ran); the command is retried with backoff."""


def messaging_cleanup_command(queue: CommandQueue, clock: Clock) -> CommandSpec:
    """MessagingCleanup: delete finished commands past their keeping time."""

    async def run(_body: CommandBody, _ctx: CommandContext) -> str:
        now = clock()
        removed = await queue.delete_finished_before(
            now - KEEP_SUCCESSFUL, failed_cutoff=now - KEEP_UNSUCCESSFUL
        )
        return f"Removed {removed} finished command(s)"

    return CommandSpec("MessagingCleanup", run)


def housekeeping_command(registry: CommandRegistry) -> CommandSpec:
    """Housekeeping: run each domain's cleanup; one failing does not stop the others."""

    async def run(_body: CommandBody, ctx: CommandContext) -> str:
        done: list[str] = []
        failed: list[str] = []
        for task in registry.housekeeping():
            await ctx.progress(f"Removing {task.what}")
            try:
                removed = await task.run()
            except Exception:
                log.exception("Housekeeping could not remove %s", task.what)
                failed.append(task.what)
                continue
            done.append(f"{removed} {task.what}")
        summary = "Removed " + (", ".join(done) if done else "nothing")
        if failed:
            raise HousekeepingFailed(f"{summary}; could not remove {', '.join(failed)}")
        return summary

    return CommandSpec("Housekeeping", run)
