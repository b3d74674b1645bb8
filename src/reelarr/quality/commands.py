"""The ResetQualityDefinitions command."""

from __future__ import annotations

from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec
from reelarr.quality.service import QualityService


class ResetQualityDefinitionsBody(CommandBody):
    """Radarr's parameter: also put the titles back."""

    reset_titles: bool = False


def reset_quality_definitions_command(quality: QualityService) -> CommandSpec:
    """ResetQualityDefinitions: put every size (and, when asked, title) back to the defaults."""

    async def run(body: ResetQualityDefinitionsBody, _ctx: CommandContext) -> str:
        await quality.reset_definitions(titles=body.reset_titles)
        return "Quality definitions reset"

    return CommandSpec("ResetQualityDefinitions", run, body=ResetQualityDefinitionsBody)
