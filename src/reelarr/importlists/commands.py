"""The ImportListSync command: every 5 minutes as Radarr schedules it; each list waits out its own
minimum refresh interval, so a list is fetched at most that often."""

from __future__ import annotations

from pydantic import Field

from reelarr.importlists.sync import ImportListSync
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec

SYNC_EVERY_MINUTES = 5


class ImportListSyncBody(CommandBody):
    """One list (`definitionId`, synced whether due or not) or every due list (none)."""

    definition_id: int | None = Field(default=None, ge=1, le=2**31 - 1)


def import_list_sync_command(sync: ImportListSync) -> CommandSpec:
    """ImportListSync: fetch the lists, add their films, clean up as the options say."""

    async def run(body: ImportListSyncBody, ctx: CommandContext) -> str:
        report = await sync.run(body.definition_id, progress=ctx.progress)
        return report.summary()

    return CommandSpec("ImportListSync", run, body=ImportListSyncBody)
