"""Housekeeping commands: forget old commands, sessions and login failures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from reelarr.auth.sessions import Sessions
from reelarr.auth.throttle import LoginThrottle
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec
from reelarr.jobs.queue import CommandQueue

Clock = Callable[[], datetime]
# Failures stay visible (and retryable) longer than successes.
KEEP_SUCCESSFUL = timedelta(days=1)
KEEP_UNSUCCESSFUL = timedelta(days=7)


def messaging_cleanup_command(queue: CommandQueue, clock: Clock) -> CommandSpec:
    """MessagingCleanup: delete finished commands past their keeping time."""

    async def run(_body: CommandBody, _ctx: CommandContext) -> str:
        now = clock()
        removed = await queue.delete_finished_before(
            now - KEEP_SUCCESSFUL, failed_cutoff=now - KEEP_UNSUCCESSFUL
        )
        return f"Removed {removed} finished command(s)"

    return CommandSpec("MessagingCleanup", run)


def housekeeping_command(sessions: Sessions, throttle: LoginThrottle) -> CommandSpec:
    """Housekeeping: delete expired sessions and login failures that no longer count."""

    async def run(_body: CommandBody, ctx: CommandContext) -> str:
        await ctx.progress("Removing expired sessions")
        sessions_removed = await sessions.delete_expired()
        failures_removed = await throttle.delete_older_than_window()
        return f"Removed {sessions_removed} expired session(s) and {failures_removed} old login failure(s)"

    return CommandSpec("Housekeeping", run)
