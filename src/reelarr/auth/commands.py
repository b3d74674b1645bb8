"""The ResetApiKey command."""

from __future__ import annotations

from reelarr.auth.api_keys import ApiKeys
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec


def reset_api_key_command(api_keys: ApiKeys) -> CommandSpec:
    """ResetApiKey: replace the API key with a new random one."""

    async def run(_body: CommandBody, _ctx: CommandContext) -> str:
        await api_keys.regenerate()
        return "API key regenerated; clients must use the new one"

    return CommandSpec("ResetApiKey", run, max_attempts=1)
