"""A custom script for the tests: a small Python program that appends the `radarr_*` variables it was
run with to a JSON-lines file, prints a line, and exits with the code it was written with."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tests.support.waiting import eventually

_SOURCE = """#!{python}
import json, os, sys
told = {{k: v for k, v in os.environ.items() if k.startswith("radarr_")}}
with open({runs!r}, "a", encoding="utf-8") as out:
    out.write(json.dumps(told) + "\\n")
print("told of", told.get("radarr_eventtype"))
sys.exit({exit_code})
"""


class EnvDumpScript:
    """The script at `path`; `runs()` are the environments of its runs so far, oldest first."""

    def __init__(self, folder: Path, *, exit_code: int = 0, name: str = "dump-env.py") -> None:
        self.path = folder / name
        self.log = folder / f"{name}.runs"
        source = _SOURCE.format(python=sys.executable, runs=str(self.log), exit_code=exit_code)
        self.path.write_text(source, encoding="utf-8")
        self.path.chmod(0o755)

    def runs(self) -> list[dict[str, Any]]:
        """Each run's `radarr_*` variables."""
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines()]

    def runs_of(self, event_type: str) -> list[dict[str, Any]]:
        """The runs for one event type."""
        return [run for run in self.runs() if run.get("radarr_eventtype") == event_type]

    async def run_of(self, event_type: str) -> dict[str, Any]:
        """The one run for `event_type`, once it happened."""

        async def ran() -> list[dict[str, Any]] | None:
            return self.runs_of(event_type) or None

        (run,) = await eventually(ran)
        return run
