"""CleanUpRecycleBin through the API: what the bin kept longer than the setting says goes, the rest
stays, and a bin without a cleanup age is left alone (both databases)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.support.live import LiveServer
from tests.support.waiting import eventually


async def _run(server: LiveServer, name: str) -> dict[str, object]:
    queued = (await server.client.post("/api/v3/command", json={"name": name})).json()

    async def finished() -> dict[str, object] | None:
        command: dict[str, object] = (await server.client.get(f"/api/v3/command/{queued['id']}")).json()
        return command if command["status"] in ("completed", "failed") else None

    return await eventually(finished, within=30)


def _kept(path: Path, days_ago: float) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"film")
    stamp = time.time() - days_ago * 86400
    os.utime(path, (stamp, stamp))
    return path


async def test_the_bin_keeps_files_for_the_days_set(server: LiveServer, tmp_path: Path) -> None:
    old = _kept(tmp_path / "A Film (1999)" / "old.mkv", days_ago=8)
    recent = _kept(tmp_path / "A Film (1999)" / "recent.mkv", days_ago=6)
    config = (await server.client.get("/api/v3/config/mediamanagement")).json()
    saved = await server.client.put(
        "/api/v3/config/mediamanagement/1", json={**config, "recycleBin": str(tmp_path)}
    )
    assert saved.status_code == 202, saved.text
    done = await _run(server, "CleanUpRecycleBin")
    assert done["message"] == "Removed 1 file(s) kept longer than 7 day(s)"
    assert not old.exists()
    assert recent.exists()
    tasks = (await server.client.get("/api/v3/system/task")).json()
    [task] = [t for t in tasks if t["taskName"] == "CleanUpRecycleBin"]
    assert task["interval"] == 24 * 60


async def test_a_cleanup_age_of_zero_keeps_everything(server: LiveServer, tmp_path: Path) -> None:
    old = _kept(tmp_path / "old.mkv", days_ago=400)
    config = (await server.client.get("/api/v3/config/mediamanagement")).json()
    config.update(recycleBin=str(tmp_path), recycleBinCleanupDays=0)
    assert (await server.client.put("/api/v3/config/mediamanagement/1", json=config)).status_code == 202
    done = await _run(server, "CleanUpRecycleBin")
    assert done["message"] == "Automatic cleanup of the recycle bin is off"
    assert old.exists()
