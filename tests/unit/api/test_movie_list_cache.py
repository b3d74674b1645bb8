"""The rendered library list is reused until something in it may have changed."""

from __future__ import annotations

import asyncio
from datetime import date

from reelarr.api.v3.movie_list_cache import MovieListCache
from reelarr.events import EventBus, EventsMissed
from reelarr.movies.events import MovieFileAdded, MovieUpdated
from reelarr.quality.service import QualitySettingsChanged

TODAY = date(2026, 11, 25)


class Builder:
    def __init__(self) -> None:
        self.builds = 0

    async def __call__(self) -> bytes:
        self.builds += 1
        return f"[{self.builds}]".encode()


async def test_the_list_is_built_once_until_a_change() -> None:
    bus, build = EventBus(), Builder()
    cache = MovieListCache(bus)
    assert await cache.get(TODAY, build) == b"[1]"
    assert await cache.get(TODAY, build) == b"[1]"
    for event in (
        MovieUpdated(movie_id=1),
        MovieFileAdded(movie_id=1, movie_file_id=2),
        QualitySettingsChanged(what="profiles"),
        EventsMissed(),
    ):
        await bus.publish(event)
        before = build.builds
        await cache.get(TODAY, build)
        assert build.builds == before + 1, type(event).__name__


async def test_changes_from_other_processes_count_too() -> None:
    bus, build = EventBus(), Builder()
    cache = MovieListCache(bus)
    await cache.get(TODAY, build)
    await bus.deliver_remote("movie.updated", {"movie_id": 3})
    assert await cache.get(TODAY, build) == b"[2]"


async def test_a_new_day_renders_again() -> None:
    bus, build = EventBus(), Builder()
    cache = MovieListCache(bus)
    await cache.get(TODAY, build)
    assert await cache.get(date(2026, 11, 26), build) == b"[2]"


async def test_an_old_list_is_rendered_again() -> None:
    now = [0.0]
    bus, build = EventBus(), Builder()
    cache = MovieListCache(bus, max_age=60, clock=lambda: now[0])
    await cache.get(TODAY, build)
    now[0] = 61
    assert await cache.get(TODAY, build) == b"[2]"


async def test_a_change_during_a_build_is_not_lost() -> None:
    bus = EventBus()
    cache = MovieListCache(bus)
    started, finish = asyncio.Event(), asyncio.Event()
    builds = 0

    async def slow_build() -> bytes:
        nonlocal builds
        builds += 1
        started.set()
        await finish.wait()
        return b"[stale]"

    first = asyncio.create_task(cache.get(TODAY, slow_build))
    await started.wait()
    await bus.publish(MovieUpdated(movie_id=1))
    finish.set()
    assert await first == b"[stale]"
    finish.set()
    await cache.get(TODAY, slow_build)
    assert builds == 2, "the list built across a change was not kept"
