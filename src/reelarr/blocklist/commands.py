"""ClearBlocklist: empty the blocklist, as Radarr's command does."""

from __future__ import annotations

from reelarr.blocklist.service import BlocklistService
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec


def clear_blocklist_command(blocklist: BlocklistService) -> CommandSpec:
    """ClearBlocklist: take every release off the blocklist."""

    async def run(_body: CommandBody, ctx: CommandContext) -> str:
        await ctx.progress("Clearing the blocklist")
        return f"{await blocklist.clear()} release(s) taken off the blocklist"

    return CommandSpec("ClearBlocklist", run)
