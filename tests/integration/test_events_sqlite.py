"""Shared events between processes on one SQLite file: each sees the others' events and not its own,
a late starter does not replay history, what a process could not share or read in time reaches the
others as EventsMissed (two bridges with their own Database on a real file, standing in for two
processes)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reelarr.db.engine import Database
from reelarr.db.shared_events import SharedEventRow
from reelarr.events import Event, EventBus, EventsMissed, shared
from reelarr.events_sqlite import SqliteEventBridge
from tests.support.databases import copy_sqlite
from tests.support.waiting import eventually


@shared("tests.film_retitled")
@dataclass(frozen=True, slots=True, kw_only=True)
class FilmRetitled(Event):
    title: str
    aliases: object = ()


@dataclass
class Clock:
    now: datetime = field(default_factory=lambda: datetime(2026, 12, 7, 12, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Process:
    db: Database
    bus: EventBus
    bridge: SqliteEventBridge
    retitled: list[str]
    missed: list[EventsMissed]


@dataclass
class Installation:
    url: str
    clock: Clock
    processes: list[Process] = field(default_factory=list)

    async def start(self, origin: str, *, keep_seconds: float = 600.0) -> Process:
        db = Database(self.url)
        bus = EventBus()
        bridge = SqliteEventBridge(
            db, bus, origin, poll_seconds=0.05, keep_seconds=keep_seconds, prune_seconds=0, clock=self.clock
        )
        process = Process(db, bus, bridge, [], [])

        async def on_retitled(event: FilmRetitled) -> None:
            process.retitled.append(event.title)

        async def on_missed(event: EventsMissed) -> None:
            process.missed.append(event)

        bus.subscribe(FilmRetitled, on_retitled, remote=True)
        bus.subscribe(EventsMissed, on_missed)
        bus.bridge = bridge
        await bridge.start()
        self.processes.append(process)
        return process

    async def stop(self, process: Process) -> None:
        if process in self.processes:
            self.processes.remove(process)
            process.bus.bridge = None
            await process.bridge.stop()
            await process.db.close()

    async def rows(self) -> int:
        db = Database(self.url)
        try:
            async with db.read() as session:
                return int(await session.scalar(select(func.count()).select_from(SharedEventRow)) or 0)
        finally:
            await db.close()


@pytest.fixture
async def installation(sqlite_template: Path, tmp_path: Path) -> AsyncIterator[Installation]:
    found = Installation(copy_sqlite(sqlite_template, tmp_path / "reelarr.db"), Clock())
    try:
        yield found
    finally:
        for process in list(found.processes):
            await found.stop(process)


async def _until(check: Callable[[], bool], within: float = 5) -> None:
    async def probe() -> bool:
        return check()

    await eventually(probe, within=within)


async def test_an_event_reaches_the_other_process_and_not_its_sender_twice(
    installation: Installation,
) -> None:
    first = await installation.start("first")
    second = await installation.start("second")

    await first.bus.publish(FilmRetitled(title="The Matrix"))
    await first.bus.publish(FilmRetitled(title="Alien"))

    await _until(lambda: second.retitled == ["The Matrix", "Alien"])
    await asyncio.sleep(0.3)  # several polls of the sender's own reader
    assert first.retitled == ["The Matrix", "Alien"]  # delivered here once, when published
    assert second.retitled == ["The Matrix", "Alien"]
    assert first.missed == second.missed == []


async def test_a_process_started_later_does_not_replay_what_happened_before(
    installation: Installation,
) -> None:
    first = await installation.start("first")
    await first.bus.publish(FilmRetitled(title="Before"))
    await installation.stop(first)  # everything it sent is in the table when stop returns
    assert await installation.rows() == 1

    late = await installation.start("late")
    await asyncio.sleep(0.3)
    assert late.retitled == []
    assert late.missed == []

    again = await installation.start("again")
    await again.bus.publish(FilmRetitled(title="After"))
    await _until(lambda: late.retitled == ["After"])


async def test_a_sender_that_stops_right_after_publishing_has_shared_everything(
    installation: Installation,
) -> None:
    listener = await installation.start("listener")
    sender = await installation.start("cli")
    for n in range(50):
        await sender.bus.publish(FilmRetitled(title=f"Film {n}"))
    await installation.stop(sender)

    assert await installation.rows() == 50
    await _until(lambda: len(listener.retitled) == 50)
    assert listener.retitled == [f"Film {n}" for n in range(50)]


async def test_an_event_that_cannot_be_shared_reaches_the_others_as_missed(
    installation: Installation,
) -> None:
    first = await installation.start("first")
    second = await installation.start("second")

    await first.bus.publish(FilmRetitled(title="Unsendable", aliases={"a set is no JSON"}))
    await _until(lambda: len(second.missed) == 1)
    assert second.retitled == []
    assert first.missed == []  # its own notice is not news to the sender

    await first.bus.publish(FilmRetitled(title="Alien"))
    await _until(lambda: second.retitled == ["Alien"])
    assert len(second.missed) == 1


async def test_old_rows_are_pruned_and_a_reader_that_missed_them_drops_its_caches(
    installation: Installation,
) -> None:
    sleeper = await installation.start("sleeper")
    await sleeper.bridge.stop()  # as a process suspended for a while: it read up to here
    writer = await installation.start("writer", keep_seconds=600)
    await writer.bus.publish(FilmRetitled(title="Old"))
    installation.clock.now += timedelta(minutes=11)
    await writer.bus.publish(FilmRetitled(title="New"))

    async def pruned() -> bool:
        return await installation.rows() == 1

    await eventually(pruned, within=5)

    # The sleeper wakes: it read nothing past "Old", which is gone.
    await sleeper.bridge._receive()
    assert len(sleeper.missed) == 1
    assert sleeper.retitled == ["New"]
