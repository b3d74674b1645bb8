"""A `Probe` command that records each execution in a file, so tests can see what ran, where and how often.

Body: {"tag": str, "sleepSeconds": float, "failTimes": int}. Each attempt appends one JSON line
`{tag, commandId, pid, attempt, outcome}` to REELARR_PROBE_FILE; the first `failTimes` attempts fail.
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec
from reelarr.plugins import PluginHost


class ProbeBody(CommandBody):
    """What the probe should do."""

    tag: str = ""
    sleep_seconds: float = 0.0
    fail_times: int = 0


def _record(line: dict[str, object]) -> None:
    path = Path(os.environ["REELARR_PROBE_FILE"])
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(line) + "\n")


async def _run(body: ProbeBody, ctx: CommandContext) -> str:
    base = {"tag": body.tag, "commandId": ctx.command_id, "pid": os.getpid(), "attempt": ctx.attempt}
    _record({**base, "outcome": "started"})
    await ctx.progress(f"Probing {body.tag}")
    if body.sleep_seconds:
        await asyncio.sleep(body.sleep_seconds)
    if ctx.attempt <= body.fail_times:
        _record({**base, "outcome": "failed"})
        raise RuntimeError(f"probe failure {ctx.attempt}")
    _record({**base, "outcome": "completed"})
    return f"Probed {body.tag}"


def setup(host: PluginHost) -> None:
    """Register the Probe command."""
    host.commands.add(CommandSpec("Probe", _run, body=ProbeBody, max_attempts=4))
