"""The library list keeps each movie's rendered resource and renders again only what changed."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import AsyncIterator, Sequence
from datetime import date
from typing import Any

import orjson
import pytest

from reelarr.events import EventBus, EventsMissed
from reelarr.movies import list_cache
from reelarr.movies.events import MovieAdded, MovieDeleted, MovieFileAdded, MovieUpdated
from reelarr.movies.list_cache import MovieListCache
from reelarr.quality.service import QualitySettingsChanged
from tests.support.waiting import eventually

TODAY = date(2026, 11, 25)


class Library:
    """Movies by id with a version each, and a record of what was rendered."""

    def __init__(self, ids: list[int]) -> None:
        self.versions = dict.fromkeys(ids, 1)
        self.rendered: list[int] = []
        self.gate: asyncio.Event | None = None

    async def order(self) -> list[int]:
        return sorted(self.versions)

    async def render(self, ids: Sequence[int] | None) -> AsyncIterator[dict[int, bytes]]:
        wanted = sorted(self.versions) if ids is None else list(ids)
        if self.gate is not None:
            await self.gate.wait()
        self.rendered.extend(wanted)
        yield {i: orjson.dumps({"id": i, "v": self.versions[i]}) for i in wanted if i in self.versions}


async def listed(cache: MovieListCache, library: Library, today: date = TODAY) -> list[dict[str, int]]:
    body = b"".join((await cache.body(today, library.order, library.render)).chunks("identity"))
    result: list[dict[str, int]] = orjson.loads(body)
    return result


async def test_the_first_list_renders_every_movie_and_the_next_none() -> None:
    library = Library([3, 1, 2])
    cache = MovieListCache(EventBus())
    assert await listed(cache, library) == [{"id": 1, "v": 1}, {"id": 2, "v": 1}, {"id": 3, "v": 1}]
    library.rendered.clear()
    await listed(cache, library)
    assert library.rendered == []


async def test_a_change_renders_only_that_movie() -> None:
    bus, library = EventBus(), Library([1, 2, 3])
    cache = MovieListCache(bus)
    await listed(cache, library)
    library.rendered.clear()
    library.versions[2] = 2
    await bus.publish(MovieUpdated(movie_id=2))
    assert await listed(cache, library) == [{"id": 1, "v": 1}, {"id": 2, "v": 2}, {"id": 3, "v": 1}]
    assert library.rendered == [2]
    await bus.publish(MovieFileAdded(movie_id=3, movie_file_id=9))
    library.rendered.clear()
    await listed(cache, library)
    assert library.rendered == [3]


async def test_added_and_deleted_movies_come_and_go() -> None:
    bus, library = EventBus(), Library([1, 2])
    cache = MovieListCache(bus)
    await listed(cache, library)
    library.versions[5] = 1
    await bus.publish(MovieAdded(movie_id=5))
    del library.versions[1]
    await bus.publish(MovieDeleted(movie_id=1, tmdb_id=1, title="x"))
    assert [m["id"] for m in await listed(cache, library)] == [2, 5]


async def test_changes_from_other_processes_count_too() -> None:
    bus, library = EventBus(), Library([1])
    cache = MovieListCache(bus)
    await listed(cache, library)
    library.versions[1] = 7
    await bus.deliver_remote("movie.updated", {"movie_id": 1})
    assert await listed(cache, library) == [{"id": 1, "v": 7}]


async def test_profile_changes_a_lost_link_and_a_new_day_render_everything() -> None:
    bus, library = EventBus(), Library([1, 2])
    cache = MovieListCache(bus)
    await listed(cache, library)
    for trigger in (QualitySettingsChanged(what="profiles"), EventsMissed()):
        await bus.publish(trigger)
        library.rendered.clear()
        await listed(cache, library)
        assert library.rendered == [1, 2], type(trigger).__name__
    library.rendered.clear()
    await listed(cache, library, date(2026, 11, 26))
    assert library.rendered == [1, 2]


async def test_an_old_list_is_rendered_again() -> None:
    now = [0.0]
    library = Library([1])
    cache = MovieListCache(EventBus(), max_age=60, clock=lambda: now[0])
    await listed(cache, library)
    now[0] = 61
    library.rendered.clear()
    await listed(cache, library)
    assert library.rendered == [1]


async def test_a_change_during_rendering_is_not_lost() -> None:
    bus, library = EventBus(), Library([1])
    cache = MovieListCache(bus)
    library.gate = asyncio.Event()
    first = asyncio.create_task(listed(cache, library))
    await asyncio.sleep(0)
    library.versions[1] = 2
    await bus.publish(MovieUpdated(movie_id=1))
    library.gate.set()
    await first
    assert await listed(cache, library) == [{"id": 1, "v": 2}]


async def test_a_big_list_is_kept_in_segments_that_join_into_one_array() -> None:
    library = Library(list(range(1, 1203)))
    body = await MovieListCache(EventBus()).body(TODAY, library.order, library.render)
    chunks = list(body.chunks("identity"))
    assert len(chunks) == 7, "[ and ] around three segments with commas between"
    assert [m["id"] for m in orjson.loads(b"".join(chunks))] == list(range(1, 1203))
    assert body.length("identity") == len(b"".join(chunks))


async def test_the_kept_list_in_gzip_decodes_to_the_plain_one() -> None:
    bus, library = EventBus(), Library(list(range(1, 1203)))
    cache = MovieListCache(bus)
    await listed(cache, library)
    library.versions[700] = 2
    await bus.publish(MovieUpdated(movie_id=700))
    body = await cache.body(TODAY, library.order, library.render)
    packed = b"".join(body.chunks("gzip"))
    assert len(packed) == body.length("gzip")
    assert gzip.decompress(packed) == b"".join(body.chunks("identity"))
    assert orjson.loads(gzip.decompress(packed))[699] == {"id": 700, "v": 2}


async def test_a_change_remakes_only_its_segment_and_keeps_the_others() -> None:
    bus, library = EventBus(), Library(list(range(1, 1203)))
    cache = MovieListCache(bus)
    await listed(cache, library)
    before = list(cache._segments)
    library.versions[2] = 2
    await bus.publish(MovieUpdated(movie_id=2))
    library.rendered.clear()
    movies = await listed(cache, library)
    assert library.rendered == [2]
    assert movies[1] == {"id": 2, "v": 2}
    assert len(movies) == 1202
    assert cache._segments[0] is not before[0]
    assert cache._segments[1:] == before[1:]


async def test_a_movie_added_in_the_middle_and_one_deleted_keep_the_order() -> None:
    bus, library = EventBus(), Library([*range(1, 600), *range(602, 1300)])
    cache = MovieListCache(bus)
    await listed(cache, library)
    library.versions[600] = 1
    await bus.publish(MovieAdded(movie_id=600))
    del library.versions[1100]
    await bus.publish(MovieDeleted(movie_id=1100, tmdb_id=1100, title="x"))
    library.rendered.clear()
    assert [m["id"] for m in await listed(cache, library)] == sorted(library.versions)
    assert library.rendered == [600]


async def test_an_empty_library_is_an_empty_array() -> None:
    assert await listed(MovieListCache(EventBus()), Library([])) == []


async def _rendered_soon(library: Library, expected: list[int]) -> None:
    async def done() -> bool:
        return library.rendered == expected

    await eventually(done, within=5, every=0.01)


async def test_warming_renders_at_start_and_after_everything_was_dropped() -> None:
    bus, library = EventBus(), Library([1, 2])
    cache = MovieListCache(bus)
    cache.start_warming(lambda: TODAY, library.order, library.render, settle=0.01)
    try:
        await _rendered_soon(library, [1, 2])
        library.rendered.clear()
        assert [m["id"] for m in await listed(cache, library)] == [1, 2]
        assert library.rendered == [], "the client got the list rendered ahead of time"

        await bus.publish(QualitySettingsChanged(what="profiles"))
        await _rendered_soon(library, [1, 2])
        library.rendered.clear()
        await listed(cache, library)
        assert library.rendered == []
    finally:
        await cache.stop_warming()


async def test_warming_survives_a_failed_rendering() -> None:
    bus, library = EventBus(), Library([1])
    failures = [RuntimeError("database away"), RuntimeError("still away")]

    async def order() -> list[int]:
        if failures:
            raise failures.pop()
        return await library.order()

    cache = MovieListCache(bus)
    cache.start_warming(lambda: TODAY, order, library.render, settle=0.01)
    try:
        await eventually(lambda: _failed_twice(failures), within=5, every=0.01)
        await asyncio.sleep(0.05)
        assert library.rendered == [], "failed twice (the first failure is tried again once)"
        await bus.publish(EventsMissed())
        await _rendered_soon(library, [1])
    finally:
        await cache.stop_warming()


async def _failed_twice(failures: list[RuntimeError]) -> bool:
    return not failures


async def test_warming_stops_even_when_its_cancellation_is_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    # Python 3.11's wait_for loses a cancellation that comes as the event it waits on is set (a change
    # at shutdown), and the warming slept on for a day. Here every cancellation of a wait is lost.
    bus, library = EventBus(), Library([1])
    cache = MovieListCache(bus)
    wait_for = asyncio.wait_for

    async def losing_the_cancellation(awaitable: Any, timeout: float | None) -> Any:  # noqa: ASYNC109
        waiting = asyncio.ensure_future(awaitable)
        try:
            return await wait_for(asyncio.shield(waiting), timeout)
        except asyncio.CancelledError:
            waiting.cancel()
            return None

    monkeypatch.setattr(list_cache.asyncio, "wait_for", losing_the_cancellation)
    cache.start_warming(lambda: TODAY, library.order, library.render, settle=0)
    await _rendered_soon(library, [1])
    await asyncio.sleep(0.05)  # the warming waits for a change again
    warming = cache._warming
    stopping = asyncio.create_task(cache.stop_warming())
    stopped, _ = await asyncio.wait({stopping}, timeout=5)
    if not stopped:  # stop the warming with the real wait_for, not to outlive the test
        monkeypatch.undo()
        cache._cold.set()
        await asyncio.sleep(0.05)
        assert warming is not None
        warming.cancel()
        await stopping
    assert stopped, "the warming went on after its cancellation was lost"
