"""Many clients polling /api/v3/health at once share one run of the checks."""

from __future__ import annotations

import asyncio

from reelarr.health.model import HealthLevel, HealthResult
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


async def test_concurrent_health_requests_share_one_run_of_the_checks(server: LiveServer) -> None:
    health = server.services.health
    check = GatedCheck()
    health.register(check)
    asked = 0
    run = health.run

    async def counted_run() -> list[HealthResult]:
        nonlocal asked
        asked += 1
        return await run()

    health.run = counted_run  # type: ignore[method-assign]
    clients = 20
    requests = [asyncio.create_task(server.client.get("/api/v3/health")) for _ in range(clients)]

    async def all_waiting() -> bool:
        return asked == clients

    await eventually(all_waiting)
    check.gate.set()
    answers = [(await r).json() for r in requests]
    assert check.runs == 1
    assert all(a == answers[0] for a in answers)
    assert [p["message"] for p in answers[0] if p["source"] == "GatedCheck"] == ["run 1"]
    # Once over, a run is not reused: the next request sees the checks as they are now.
    again = (await server.client.get("/api/v3/health")).json()
    assert [p["message"] for p in again if p["source"] == "GatedCheck"] == ["run 2"]
