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


class GatedCheck:
    """A check that counts its runs and answers only when let through."""

    name = "GatedCheck"

    def __init__(self) -> None:
        self.runs = 0
        self.entered = asyncio.Event()
        self.gate = asyncio.Event()

    async def check(self) -> list[HealthResult]:
        self.runs += 1
        self.entered.set()
        await self.gate.wait()
        return [HealthResult(self.name, HealthLevel.WARNING, f"run {self.runs}")]


async def test_callers_during_a_run_share_it() -> None:
    service = HealthService(EventBus())
    check = GatedCheck()
    service.register(check)
    callers = [asyncio.create_task(service.run()) for _ in range(20)]
    await check.entered.wait()
    check.gate.set()
    answers = await asyncio.gather(*callers)
    assert check.runs == 1
    assert service.runs == 1
    assert {a[0].message for a in answers} == {"run 1"}


async def test_a_run_is_not_kept_once_it_ended() -> None:
    service = HealthService(EventBus())
    check = GatedCheck()
    check.gate.set()
    service.register(check)
    await service.run()
    [problem] = await service.run()
    assert problem.message == "run 2"


async def test_a_caller_that_goes_away_does_not_cancel_the_others_run() -> None:
    service = HealthService(EventBus())
    check = GatedCheck()
    service.register(check)
    leaving = asyncio.create_task(service.run())
    staying = asyncio.create_task(service.run())
    await check.entered.wait()
    leaving.cancel()
    check.gate.set()
    [problem] = await staying
    assert problem.message == "run 1"
