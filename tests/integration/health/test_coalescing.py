"""Many clients polling /api/v3/health at once share one run of the checks, but not one begun before a
change of the settings the checks read."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from reelarr.health.model import HealthLevel, HealthResult
from reelarr.health.service import HealthService
from tests.support.live import LiveServer
from tests.support.waiting import eventually


class GatedCheck:
    """A slow check (a remote that takes its time): counts its runs, answers when let through."""

    name = "GatedCheck"

    def __init__(self) -> None:
        self.runs = 0
        self.gate = asyncio.Event()

    async def check(self) -> list[HealthResult]:
        self.runs += 1
        await self.gate.wait()
        return [HealthResult(self.name, HealthLevel.WARNING, f"run {self.runs}")]


def counted_asks(health: HealthService) -> Callable[[], int]:
    """Count the calls that reach the health service's `run` (one per request); read the count."""
    asked = 0
    run = health.run

    async def counted_run() -> list[HealthResult]:
        nonlocal asked
        asked += 1
        return await run()

    health.run = counted_run  # type: ignore[method-assign]
    return lambda: asked


async def test_concurrent_health_requests_share_one_run_of_the_checks(server: LiveServer) -> None:
    check = GatedCheck()
    server.services.health.register(check)
    asked = counted_asks(server.services.health)
    clients = 20
    requests = [asyncio.create_task(server.client.get("/api/v3/health")) for _ in range(clients)]

    async def all_waiting() -> bool:
        return asked() == clients

    await eventually(all_waiting)
    check.gate.set()
    answers = [(await r).json() for r in requests]
    assert check.runs == 1
    assert all(a == answers[0] for a in answers)
    assert [p["message"] for p in answers[0] if p["source"] == "GatedCheck"] == ["run 1"]
    # Once over, a run is not reused: the next request sees the checks as they are now.
    again = (await server.client.get("/api/v3/health")).json()
    assert [p["message"] for p in again if p["source"] == "GatedCheck"] == ["run 2"]


async def test_a_request_after_a_settings_change_does_not_share_a_run_begun_before_it(
    server: LiveServer, tmp_path: Path
) -> None:
    check = GatedCheck()
    server.services.health.register(check)
    asked = counted_asks(server.services.health)
    before = asyncio.create_task(server.client.get("/api/v3/health"))

    async def running() -> bool:
        return check.runs == 1

    await eventually(running)
    # The user adds a root folder while the checks run: what they read may have changed.
    folder = tmp_path / "movies"
    folder.mkdir()
    added = await server.client.post("/api/v3/rootfolder", json={"path": str(folder)})
    assert added.status_code == 201, added.text
    after = asyncio.create_task(server.client.get("/api/v3/health"))

    async def both_asked() -> bool:
        return asked() == 2

    await eventually(both_asked)
    check.gate.set()
    first, second = (await before).json(), (await after).json()
    assert [p["message"] for p in first if p["source"] == "GatedCheck"] == ["run 1"]
    assert [p["message"] for p in second if p["source"] == "GatedCheck"] == ["run 2"]
    assert check.runs == 2
