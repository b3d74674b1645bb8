"""The CheckHealth command."""

from __future__ import annotations

from reelarr.health.service import HealthService
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec


def check_health_command(health: HealthService) -> CommandSpec:
    """CheckHealth: run every health check now."""

    async def run(_body: CommandBody, ctx: CommandContext) -> str:
        await ctx.progress("Checking health")
        problems = await health.run()
        return f"{len(problems)} problem(s) found" if problems else "No problems found"

    return CommandSpec("CheckHealth", run)
