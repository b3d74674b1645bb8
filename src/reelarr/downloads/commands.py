"""RefreshMonitoredDownloads: ask every download client what it holds, handle what failed and import
what finished, on Radarr's one-minute schedule (and sooner while downloads are under way)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from reelarr.downloads.tracking import TrackedDownload, TrackedDownloads, TrackedState
from reelarr.imports.completed import CompletedDownloads
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec

CHECK_EVERY_MINUTES = 1  # Radarr's checkForFinishedDownloadInterval default


def refresh_monitored_downloads_command(
    tracked: TrackedDownloads,
    completed: CompletedDownloads,
    process_failed: Callable[[TrackedDownload], Awaitable[bool]],
) -> CommandSpec:
    """RefreshMonitoredDownloads: refresh the tracked downloads of every enabled client, handle those
    their clients report failed, then import what finished."""

    # One pass at a time in a process: a pass queued while another runs waits, then sees in history
    # what the first did (imported, failed) instead of doing it again.
    passing = asyncio.Lock()

    async def run(_body: CommandBody, ctx: CommandContext) -> str:
        async with passing:
            return await one_pass(ctx)

    async def one_pass(ctx: CommandContext) -> str:
        await ctx.progress("Checking the download clients")
        for download in await tracked.refresh():
            if download.state is TrackedState.FAILED_PENDING:
                await process_failed(download)
        await ctx.progress("Importing finished downloads")
        handled = await completed.process()
        downloads = tracked.all()
        queued = sum(1 for d in downloads if d.in_queue)
        unavailable = sorted({d.client_name for d in downloads if d.client_unavailable})
        message = f"{queued} download(s) in the queue; {handled.message}"
        if unavailable:
            message += f"; unavailable: {', '.join(unavailable)}"
        return message

    return CommandSpec("RefreshMonitoredDownloads", run)
