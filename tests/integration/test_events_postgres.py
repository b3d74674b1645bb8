"""Shared events between processes over PostgreSQL: what one process cannot send (too large, or while
its link is down) reaches the others as EventsMissed, so they drop their caches instead of serving
stale ones (two bridges on a real PostgreSQL, standing in for two processes)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from reelarr.events import Event, EventBus, EventsMissed, shared
from reelarr.events_postgres import PostgresEventBridge, asyncpg_dsn
from tests.support.waiting import eventually


@shared("tests.film_renamed")
@dataclass(frozen=True, slots=True, kw_only=True)
class FilmRenamed(Event):
    title: str


@dataclass
class Process:
    bus: EventBus
    bridge: PostgresEventBridge
    renamed: list[str]
    missed: list[EventsMissed]


async def _process(dsn: str, origin: str) -> Process:
    bus = EventBus()
    process = Process(bus, PostgresEventBridge(dsn, bus, origin, reconnect_seconds=0.2), [], [])

    async def on_renamed(event: FilmRenamed) -> None:
        process.renamed.append(event.title)

    async def on_missed(event: EventsMissed) -> None:
        process.missed.append(event)

    bus.subscribe(FilmRenamed, on_renamed, remote=True)
    bus.subscribe(EventsMissed, on_missed)
    bus.bridge = process.bridge
    await process.bridge.start()
    return process


@pytest.fixture
async def two_processes(postgres_database_url: str) -> AsyncIterator[tuple[Process, Process]]:
    dsn = asyncpg_dsn(make_url(postgres_database_url))
    first, second = await _process(dsn, "first"), await _process(dsn, "second")
    try:
        yield first, second
    finally:
        await first.bridge.stop()
        await second.bridge.stop()


async def _until(check: Callable[[], bool], within: float = 10) -> None:
    async def probe() -> bool:
        return check()

    await eventually(probe, within=within)


async def _terminate_connections_of(process: Process, dsn: str) -> None:
    pids = [conn.get_server_pid() for conn in (process.bridge._listener, process.bridge._sender) if conn]
    admin = await asyncpg.connect(dsn)
    try:
        for pid in pids:
            await admin.execute("select pg_terminate_backend($1)", pid)
    finally:
        await admin.close()


async def test_an_event_reaches_the_other_process(two_processes: tuple[Process, Process]) -> None:
    first, second = two_processes
    await first.bus.publish(FilmRenamed(title="The Matrix"))
    await _until(lambda: second.renamed == ["The Matrix"], within=10)
    assert first.renamed == ["The Matrix"]  # delivered here too, once
    assert second.missed == []


async def test_an_event_too_large_to_share_reaches_the_others_as_missed(
    two_processes: tuple[Process, Process],
) -> None:
    first, second = two_processes
    await first.bus.publish(FilmRenamed(title="x" * 10_000))
    await _until(lambda: len(second.missed) == 1, within=10)
    assert second.renamed == []
    # Sharing goes on as before.
    await first.bus.publish(FilmRenamed(title="Alien"))
    await _until(lambda: second.renamed == ["Alien"], within=10)
    assert len(second.missed) == 1


async def test_events_published_while_the_link_was_down_reach_the_others_as_missed(
    two_processes: tuple[Process, Process], postgres_database_url: str
) -> None:
    first, second = two_processes
    dsn = asyncpg_dsn(make_url(postgres_database_url))
    await _terminate_connections_of(first, dsn)
    await _until(
        lambda: all(c is None or c.is_closed() for c in (first.bridge._listener, first.bridge._sender))
    )
    await first.bus.publish(FilmRenamed(title="Lost while away"))

    await _until(lambda: len(second.missed) == 1, within=15)
    assert second.renamed == []
    await first.bus.publish(FilmRenamed(title="Back"))
    await _until(lambda: second.renamed == ["Back"], within=10)
    await asyncio.sleep(0.3)
    assert len(second.missed) == 1
