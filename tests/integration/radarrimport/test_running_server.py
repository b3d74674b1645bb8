"""`reelarr import-radarr` beside a running server: the server's list and live pages show the films
at once (not when its list cache expires), on SQLite as on PostgreSQL; a server started afterwards
does not replay the import, and no server hears its own events twice (real processes)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
import websockets

from tests.fixtures.radarr import data
from tests.fixtures.radarr.server import RadarrServer
from tests.support.live import API_KEY
from tests.support.processes import REPO_ROOT, ReelarrProcess
from tests.support.waiting import eventually

pytestmark = pytest.mark.multiprocess


@asynccontextmanager
async def _live_messages(server: ReelarrProcess) -> AsyncIterator[list[dict[str, Any]]]:
    """Every message the server's live page sends, as it arrives."""
    url = server.url.replace("http://", "ws://") + f"/ws?access_token={API_KEY}"
    messages: list[dict[str, Any]] = []
    async with websockets.connect(url, open_timeout=10) as ws:
        assert json.loads(await ws.recv(decode=True))["name"] == "version"

        async def collect() -> None:
            async for message in ws:
                messages.append(json.loads(message))

        task = asyncio.create_task(collect())
        try:
            yield messages
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


def _named(messages: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [m for m in messages if m["name"] == name]


async def _import(database_url: str, data_dir: Path, radarr: RadarrServer, library: Path) -> None:
    env = {**os.environ, "REELARR_DATABASE_URL": database_url, "REELARR_DATA_DIR": str(data_dir)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    argv = ["-m", "reelarr", "import-radarr", "--url", radarr.url, "--api-key", data.API_KEY]
    for folder in ("movies", "movies-4k", "downloads"):
        argv += ["--map-path", f"/{folder}={library / folder}"]
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *argv,
        env=env,
        cwd=REPO_ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await process.communicate()
    assert process.returncode == 0, out.decode()
    assert "database is locked" not in out.decode()


async def test_a_running_server_shows_imported_films_at_once(
    database_url: str, tmp_path: Path, radarr: RadarrServer, library: Path
) -> None:
    data_dir = tmp_path / "data"
    with ReelarrProcess(data_dir, database_url) as running:
        async with running.client() as client, _live_messages(running) as live:
            assert (await client.get("/api/v3/movie")).json() == []  # the list is now cached

            await _import(database_url, data_dir, radarr, library)

            async def listed() -> list[str]:
                films = (await client.get("/api/v3/movie")).json()
                return sorted(f["title"] for f in films) if len(films) == 3 else []

            # Within seconds, where the cache lives five minutes: the bridge's polls, not the cache's expiry.
            titles = await eventually(listed, within=10, every=0.05)
            assert len(titles) == 3
            assert len({m["resource"]["id"] for m in _named(live, "movie")}) == 3

            # A server started after the import hears nothing of it, and hears what happens now.
            with ReelarrProcess(tmp_path / "late", database_url, run_commands="false") as late:
                async with _live_messages(late) as late_live:
                    await asyncio.sleep(1.5)  # three polls of its bridge
                    assert _named(late_live, "movie") == []
                    tags_before = len(_named(live, "tag"))
                    assert (await client.post("/api/v3/tag", json={"label": "after"})).status_code == 201

                    async def told() -> bool:
                        return bool(_named(late_live, "tag"))

                    await eventually(told, within=5)
                    await asyncio.sleep(1.0)  # two polls: its own row must not come back to it
                    assert len(_named(late_live, "tag")) == 1
                    assert len(_named(live, "tag")) == tags_before + 1
            assert "database is locked" not in late.log_path.read_text(errors="replace")
    assert "database is locked" not in running.log_path.read_text(errors="replace")
