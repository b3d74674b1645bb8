"""The metadata TTL cache: expiry, bound, single flight."""

from __future__ import annotations

import asyncio

import pytest

from reelarr.metadata.cache import TtlCache


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_entries_expire_after_their_ttl() -> None:
    clock = Clock()
    cache: TtlCache[str] = TtlCache(10, clock)
    cache.put("k", "v", ttl=60)
    clock.now += 59
    assert cache.get("k") == "v"
    clock.now += 1
    assert cache.get("k") is None
    assert len(cache) == 0


def test_the_least_recently_used_entry_goes_first() -> None:
    cache: TtlCache[int] = TtlCache(2, Clock())
    cache.put("a", 1, ttl=60)
    cache.put("b", 2, ttl=60)
    assert cache.get("a") == 1
    cache.put("c", 3, ttl=60)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)


async def test_concurrent_misses_share_one_fetch() -> None:
    cache: TtlCache[str] = TtlCache(10, Clock())
    calls = 0
    gate = asyncio.Event()

    async def fetch() -> str:
        nonlocal calls
        calls += 1
        await gate.wait()
        return "value"

    waiters = [asyncio.create_task(cache.get_or_fetch("k", 60, fetch)) for _ in range(5)]
    await asyncio.sleep(0)
    gate.set()
    assert await asyncio.gather(*waiters) == ["value"] * 5
    assert calls == 1
    assert await cache.get_or_fetch("k", 60, fetch) == "value"
    assert calls == 1


async def test_a_failed_fetch_is_not_kept() -> None:
    cache: TtlCache[str] = TtlCache(10, Clock())

    async def broken() -> str:
        raise RuntimeError("down")

    async def working() -> str:
        return "value"

    with pytest.raises(RuntimeError):
        await cache.get_or_fetch("k", 60, broken)
    assert await cache.get_or_fetch("k", 60, working) == "value"


async def test_a_caller_giving_up_does_not_cancel_the_fetch_for_others() -> None:
    cache: TtlCache[str] = TtlCache(10, Clock())
    gate = asyncio.Event()

    async def fetch() -> str:
        await gate.wait()
        return "value"

    impatient = asyncio.create_task(cache.get_or_fetch("k", 60, fetch))
    patient = asyncio.create_task(cache.get_or_fetch("k", 60, fetch))
    await asyncio.sleep(0)
    impatient.cancel()
    gate.set()
    assert await patient == "value"


async def test_clear_keeps_a_fetch_under_way_from_filling_the_cache() -> None:
    cache: TtlCache[str] = TtlCache(10, Clock())
    gate = asyncio.Event()

    async def fetch() -> str:
        await gate.wait()
        return "old"

    pending = asyncio.create_task(cache.get_or_fetch("k", 60, fetch))
    await asyncio.sleep(0)
    cache.clear()
    gate.set()
    assert await pending == "old"
    assert cache.get("k") is None
