"""The Housekeeping command runs what each domain registered, and one failure stops no other."""

from __future__ import annotations

import pytest

from reelarr.jobs.housekeeping import HousekeepingFailed, housekeeping_command
from reelarr.jobs.model import CommandBody, CommandContext, CommandTrigger
from reelarr.jobs.registry import CommandRegistry


def _context(progress: list[str]) -> CommandContext:
    async def report(message: str) -> None:
        progress.append(message)

    return CommandContext(command_id=1, trigger=CommandTrigger.SCHEDULED, attempt=1, progress=report)


async def test_every_registered_cleanup_runs_in_order() -> None:
    registry = CommandRegistry()
    ran: list[str] = []

    async def sessions() -> int:
        ran.append("sessions")
        return 3

    async def failures() -> int:
        ran.append("failures")
        return 0

    registry.add_housekeeping("expired sessions", sessions)
    registry.add_housekeeping("old login failures", failures)
    progress: list[str] = []
    message = await housekeeping_command(registry).handler(CommandBody(), _context(progress))
    assert ran == ["sessions", "failures"]
    assert message == "Removed 3 expired sessions, 0 old login failures"
    assert progress == ["Removing expired sessions", "Removing old login failures"]


async def test_a_failing_cleanup_does_not_stop_the_others_and_fails_the_command() -> None:
    registry = CommandRegistry()
    ran: list[str] = []

    async def broken() -> int:
        raise OSError("disk gone")

    async def fine() -> int:
        ran.append("fine")
        return 1

    registry.add_housekeeping("covers", broken)
    registry.add_housekeeping("expired sessions", fine)
    with pytest.raises(HousekeepingFailed, match="could not remove covers"):
        await housekeeping_command(registry).handler(CommandBody(), _context([]))
    assert ran == ["fine"]
