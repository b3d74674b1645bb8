"""Backup: Radarr's command, run by hand (manual backup) or by the scheduler (scheduled, then pruned)."""

from __future__ import annotations

from reelarr.backups.service import BackupService, BackupType
from reelarr.configuration.backup import BackupConfig
from reelarr.configuration.sections import ConfigSection
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec, CommandTrigger
from reelarr.jobs.registry import CommandRegistry

MINUTES_A_DAY = 24 * 60
DEFAULT_BACKUP_MINUTES = 7 * MINUTES_A_DAY


def backup_command(backups: BackupService, config: ConfigSection[BackupConfig]) -> CommandSpec:
    """Backup: write a backup zip; a scheduled one also deletes scheduled backups past the retention."""

    async def run(_body: CommandBody, ctx: CommandContext) -> str:
        kind = BackupType.SCHEDULED if ctx.trigger == CommandTrigger.SCHEDULED else BackupType.MANUAL
        await ctx.progress("Starting Backup")
        made = await backups.create(kind)
        pruned = 0
        if kind == BackupType.SCHEDULED:
            pruned = backups.prune(kind, (await config.get()).retention)
        return f"Backup {made.name} written" + (f"; {pruned} old backup(s) deleted" if pruned else "")

    return CommandSpec("Backup", run)


async def schedule_backups(registry: CommandRegistry, config: ConfigSection[BackupConfig]) -> None:
    """Backup runs as often as the backup settings say."""
    registry.schedule("Backup", (await config.get()).interval * MINUTES_A_DAY)
