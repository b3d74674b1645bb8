"""The health service runs every check with a time limit and reports changes."""

from __future__ import annotations

import asyncio

from reelarr.events import EventBus
from reelarr.health.model import HealthLevel, HealthResult
from reelarr.health.service import HealthChanged, HealthService


class FixedCheck:
    def __init__(self, name: str, results: list[HealthResult]) -> None:
        self.name = name
        self.results = results

    async def check(self) -> list[HealthResult]:
        return self.results


class HangingCheck:
    name = "HangingCheck"

    async def check(self) -> list[HealthResult]:
        await asyncio.sleep(60)
        return []


class CrashingCheck:
    name = "CrashingCheck"

    async def check(self) -> list[HealthResult]:
        raise OSError("disk gone")


async def test_only_problems_are_reported() -> None:
    service = HealthService(EventBus())
    service.register(FixedCheck("Fine", [HealthResult("Fine", HealthLevel.OK, "all good")]))
    service.register(FixedCheck("Bad", [HealthResult("Bad", HealthLevel.WARNING, "not good")]))
    assert [r.source for r in await service.run()] == ["Bad"]


async def test_a_hanging_check_becomes_an_error_after_the_time_limit() -> None:
    service = HealthService(EventBus(), timeout_seconds=0.05)
    service.register(HangingCheck())
    [problem] = await service.run()
    assert problem.level == HealthLevel.ERROR
    assert "did not answer" in problem.message


async def test_a_crashing_check_becomes_an_error() -> None:
    service = HealthService(EventBus())
    service.register(CrashingCheck())
    [problem] = await service.run()
    assert problem.source == "CrashingCheck"
    assert "disk gone" in problem.message


async def test_changes_are_published_once() -> None:
    bus = EventBus()
    changes: list[HealthChanged] = []

    async def record(event: HealthChanged) -> None:
        changes.append(event)

    bus.subscribe(HealthChanged, record)
    check = FixedCheck("Flaky", [HealthResult("Flaky", HealthLevel.ERROR, "down")])
    service = HealthService(bus)
    service.register(check)
    await service.run()
    await service.run()
    check.results = []
    await service.run()
    assert len(changes) == 2
