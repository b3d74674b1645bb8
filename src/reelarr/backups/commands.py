"""Backup: Radarr's command, run by hand (manual backup) or by the scheduler (scheduled, then pruned)."""

from __future__ import annotations

from reelarr.backups.config import MINUTES_A_DAY, BackupConfigService
from reelarr.backups.service import BackupService, BackupType
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec, CommandTrigger
from reelarr.jobs.registry import CommandRegistry

DEFAULT_BACKUP_MINUTES = 7 * MINUTES_A_DAY


def backup_command(backups: BackupService, config: BackupConfigService) -> CommandSpec:
    """Backup: write a backup zip; a scheduled one also deletes scheduled backups past the retention."""

    async def run(_body: CommandBody, ctx: CommandContext) -> str:
        kind = BackupType.SCHEDULED if ctx.trigger == CommandTrigger.SCHEDULED else BackupType.MANUAL
        await ctx.progress("Starting Backup")
        made = await backups.create(kind)
        pruned = 0
        if kind == BackupType.SCHEDULED:
            pruned = backups.prune(kind, (await config.get()).backup_retention)
        return f"Backup {made.name} written" + (f"; {pruned} old backup(s) deleted" if pruned else "")

    return CommandSpec("Backup", run)


async def schedule_backups(registry: CommandRegistry, config: BackupConfigService) -> None:
    """Backup runs as often as the backup settings say."""
    registry.schedule("Backup", (await config.get()).backup_interval * MINUTES_A_DAY)
