"""The recycle bin's upkeep (Radarr's CleanUpRecycleBin): files kept longer than the user's
`recycleBinCleanupDays` are deleted, then the folders they leave empty. A file's age in the bin is
its modification time, which the import sets when it moves a file there."""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable
from datetime import datetime, timedelta

from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec
from reelarr.mediamanagement.config import MediaManagementConfigService

Clock = Callable[[], datetime]


def clean_recycle_bin(folder: str, older_than: datetime) -> int:
    """Delete what was put in the bin before `older_than` (blocking); how many files went."""
    removed = 0
    cutoff = older_than.timestamp()
    for directory, _folders, files in os.walk(folder, topdown=False):
        for name in files:
            path = os.path.join(directory, name)
            with contextlib.suppress(FileNotFoundError):
                if os.lstat(path).st_mtime < cutoff:
                    os.unlink(path)
                    removed += 1
        if directory != folder:
            with contextlib.suppress(OSError):  # not empty: something newer is kept in it
                os.rmdir(directory)
    return removed


def clean_up_recycle_bin_command(config: MediaManagementConfigService, clock: Clock) -> CommandSpec:
    """CleanUpRecycleBin: empty the recycle bin of what it kept long enough (daily, as in Radarr)."""

    async def run(_body: CommandBody, ctx: CommandContext) -> str:
        options = await config.get()
        if not options.recycle_bin:
            return "No recycle bin is set"
        if options.recycle_bin_cleanup_days == 0:
            return "Automatic cleanup of the recycle bin is off"
        await ctx.progress("Cleaning up the recycle bin")
        older_than = clock() - timedelta(days=options.recycle_bin_cleanup_days)
        removed = await asyncio.to_thread(clean_recycle_bin, options.recycle_bin, older_than)
        return f"Removed {removed} file(s) kept longer than {options.recycle_bin_cleanup_days} day(s)"

    return CommandSpec("CleanUpRecycleBin", run)
