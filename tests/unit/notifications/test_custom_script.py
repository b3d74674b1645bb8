"""Running a custom script: its output kept short, a script that hangs killed with what it started,
one that cannot start failing with the reason."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import pytest

from reelarr.notifications.base import NotificationFailed
from reelarr.notifications.custom_script import run_script


def script(folder: Path, body: str, *, executable: bool = True) -> str:
    path = folder / "script.sh"
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755 if executable else 0o644)
    return str(path)


async def test_the_exit_code_and_the_last_lines_of_output_are_kept(tmp_path: Path) -> None:
    path = script(
        tmp_path, 'i=0; while [ $i -lt 30 ]; do echo "line $i"; i=$((i+1)); done; echo oops >&2; exit 4'
    )
    run = await run_script(path, {"radarr_eventtype": "Test"}, 10)
    assert run.exit_code == 4
    assert run.output == [f"line {i}" for i in range(11, 30)] + ["oops"]


async def test_the_script_gets_the_variables_and_the_processs_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REELARR_TEST_MARK", "kept")
    path = script(tmp_path, 'echo "$radarr_eventtype $REELARR_TEST_MARK"')
    run = await run_script(path, {"radarr_eventtype": "Grab"}, 10)
    assert (run.exit_code, run.output) == (0, ["Grab kept"])


async def test_a_script_that_hangs_is_killed_with_its_children(tmp_path: Path) -> None:
    child = tmp_path / "child.pid"
    path = script(tmp_path, f"sleep 60 & echo $! > {child}; wait")
    started = time.monotonic()
    with pytest.raises(NotificationFailed, match=r"^The script did not finish within 0.5 s$"):
        await run_script(path, {}, 0.5)
    assert time.monotonic() - started < 5
    pid = int(child.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        await asyncio.sleep(0.05)
    pytest.fail(f"the script's child {pid} still runs")


async def test_a_file_that_is_not_executable_fails_with_the_reason(tmp_path: Path) -> None:
    path = script(tmp_path, "exit 0", executable=False)
    with pytest.raises(NotificationFailed, match=r"^Unable to run the script: Permission denied$"):
        await run_script(path, {}, 10)
