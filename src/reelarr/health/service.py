"""Runs the registered checks and remembers their last results."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass

from reelarr.events import Event, EventBus, shared
from reelarr.health.model import HealthCheck, HealthLevel, HealthResult

log = logging.getLogger(__name__)


@shared("health.changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class HealthChanged(Event):
    """The set of health problems changed."""


class HealthService:
    """A list of checks, each run with a time limit; a check that crashes is itself a problem.

    One run at a time: callers that ask while the checks are running share that run's result (fifty
    clients polling /health run the checks once, not fifty times over each other). A run is never kept
    once it has ended, so a caller that fixed something and asks again sees the fix; nor is one shared
    that began before a change of the settings the checks read (`changed`): its callers wait for it
    and share the next.
    """

    def __init__(self, bus: EventBus, *, timeout_seconds: float = 10.0) -> None:
        self._bus = bus
        self._checks: list[HealthCheck] = []
        self._timeout = timeout_seconds
        self._last: list[HealthResult] = []
        self._running: asyncio.Future[list[HealthResult]] | None = None
        self._changes = 0  # settings changes seen, and how many of them the running run had seen
        self._running_for = 0
        self.runs = 0  # how many times the checks ran (a shared run counts once)

    def register(self, check: HealthCheck) -> None:
        """Add a check."""
        self._checks.append(check)

    async def run(self) -> list[HealthResult]:
        """Run every check (or join the run under way) and return the problems; publishes HealthChanged
        when they changed."""
        running = self._running
        if running is not None and self._running_for < self._changes:
            # Begun before a change (the indexer the user just fixed): its answer may be stale.
            with contextlib.suppress(Exception):
                await asyncio.shield(running)
            running = self._running
        if running is None:
            self._running_for = self._changes
            running = self._running = asyncio.ensure_future(self._run_all())
            running.add_done_callback(self._ended)
        # Shielded: a caller that goes away (a client that hung up) does not cancel the others' run.
        return list(await asyncio.shield(running))

    async def changed(self, _event: Event | None = None) -> None:
        """Settings the checks read changed: a run under way is not shared from now on (an event handler)."""
        self._changes += 1

    def _ended(self, run: asyncio.Future[list[HealthResult]]) -> None:
        if self._running is run:
            self._running = None

    async def _run_all(self) -> list[HealthResult]:
        self.runs += 1
        results = await asyncio.gather(*(self._run_one(c) for c in self._checks))
        problems = [r for found in results for r in found if r.level != HealthLevel.OK]
        changed = problems != self._last
        self._last = problems
        if changed:
            await self._bus.publish(HealthChanged())
        return problems

    @property
    def last(self) -> list[HealthResult]:
        """The problems found by the last run."""
        return list(self._last)

    async def _run_one(self, check: HealthCheck) -> list[HealthResult]:
        try:
            return await asyncio.wait_for(check.check(), timeout=self._timeout)
        except TimeoutError:
            return [
                HealthResult(
                    check.name, HealthLevel.ERROR, f"{check.name} did not answer in {self._timeout:.0f}s"
                )
            ]
        except Exception as error:
            log.exception("Health check %s crashed", check.name)
            return [HealthResult(check.name, HealthLevel.ERROR, f"{check.name} failed: {error}")]
