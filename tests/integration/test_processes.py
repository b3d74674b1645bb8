"""Several Reelarr processes: a shared queue without double runs, shared live events, crash recovery."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import websockets

from tests.support.live import API_KEY
from tests.support.processes import ReelarrProcess
from tests.support.waiting import eventually

pytestmark = pytest.mark.multiprocess
PROBE = "tests.plugins.probe"


def _probe_lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


async def _all_finished(client: Any, ids: list[int]) -> bool:
    commands = {c["id"]: c for c in (await client.get("/api/v3/command")).json()}
    return all(commands.get(i, {}).get("status") in ("completed", "failed") for i in ids)


async def test_two_processes_share_the_queue_and_never_run_a_command_twice(
    postgres_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Several processes share one queue on PostgreSQL; SQLite serves a single process.
    database_url = postgres_database_url
    probe_file = tmp_path / "probe.jsonl"
    monkeypatch.setenv("REELARR_PROBE_FILE", str(probe_file))
    with (
        ReelarrProcess(tmp_path / "a", database_url, plugins=PROBE, command_workers="4") as a,
        ReelarrProcess(tmp_path / "b", database_url, plugins=PROBE, command_workers="4") as b,
    ):
        async with a.client() as client_a, b.client() as client_b:
            ids: list[int] = []
            for n in range(200):
                client = client_a if n % 2 else client_b
                body = {"name": "Probe", "tag": f"p{n}", "sleepSeconds": 0.01}
                ids.append((await client.post("/api/v3/command", json=body)).json()["id"])
            await eventually(lambda: _all_finished(client_a, ids), within=120)
            statuses = Counter(
                c["status"] for c in (await client_a.get("/api/v3/command")).json() if c["id"] in set(ids)
            )
    lines = _probe_lines(probe_file)
    started = Counter(line["commandId"] for line in lines if line["outcome"] == "started")
    assert statuses == {"completed": 200}
    assert sorted(started) == sorted(ids)
    assert set(started.values()) == {1}, "no command ran twice"
    assert {line["pid"] for line in lines} == {a.pid, b.pid}, "both processes took work"


async def test_events_reach_websocket_clients_of_every_process(
    postgres_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Several processes share one queue on PostgreSQL; SQLite serves a single process.
    database_url = postgres_database_url
    monkeypatch.setenv("REELARR_PROBE_FILE", str(tmp_path / "probe.jsonl"))
    with (
        ReelarrProcess(tmp_path / "worker", database_url, plugins=PROBE) as worker,
        ReelarrProcess(tmp_path / "web", database_url, plugins=PROBE, run_commands="false") as web,
    ):
        ws_url = web.url.replace("http://", "ws://") + f"/ws?access_token={API_KEY}"
        async with websockets.connect(ws_url, open_timeout=10) as ws, web.client() as client:
            assert json.loads(await ws.recv(decode=True))["name"] == "version"
            queued = (await client.post("/api/v3/command", json={"name": "Probe", "tag": "x"})).json()

            async def completed_by_the_worker() -> dict[str, Any] | None:
                message = json.loads(await ws.recv(decode=True))
                resource = message.get("resource", {})
                if message["name"] == "command" and resource.get("id") == queued["id"]:
                    return resource if resource["status"] == "completed" else None
                return None

            done = await eventually(completed_by_the_worker, within=30, every=0)
    assert done["message"] == "Probed x"
    assert worker.pid != web.pid


async def test_command_running_when_the_process_dies_runs_again_after_restart(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    probe_file = tmp_path / "probe.jsonl"
    monkeypatch.setenv("REELARR_PROBE_FILE", str(probe_file))
    data_dir = tmp_path / "data"
    first = ReelarrProcess(data_dir, database_url, plugins=PROBE)
    with first:
        async with first.client() as client:
            body = {"name": "Probe", "tag": "long", "sleepSeconds": 2}
            command_id = (await client.post("/api/v3/command", json=body)).json()["id"]

        async def started() -> bool:
            return any(line["outcome"] == "started" for line in _probe_lines(probe_file))

        await eventually(started, within=30)
        first.kill()

    with ReelarrProcess(data_dir, database_url, plugins=PROBE) as second:
        client = second.client()

        async def finished() -> dict[str, Any] | None:
            command: dict[str, Any] = (await client.get(f"/api/v3/command/{command_id}")).json()
            return command if command["status"] in ("completed", "failed", "orphaned") else None

        try:
            command = await eventually(finished, within=60)
        finally:
            await client.aclose()
    lines = _probe_lines(probe_file)
    assert command["status"] == "completed"
    assert [(line["pid"], line["attempt"]) for line in lines if line["outcome"] == "started"] == [
        (first.pid, 1),
        (second.pid, 2),
    ]
    assert [line["outcome"] for line in lines].count("completed") == 1
