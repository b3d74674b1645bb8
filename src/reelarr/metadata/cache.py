"""A bounded in-memory cache with expiry, for answers of metadata sources."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from reelarr.remote.policy import Clock

V = TypeVar("V")


class TtlCache(Generic[V]):
    """Least-recently-used entries go first past `max_entries`; concurrent misses share one fetch."""

    def __init__(self, max_entries: int, clock: Clock) -> None:
        self._max_entries = max(1, max_entries)
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, V]] = OrderedDict()
        self._inflight: dict[str, asyncio.Task[V]] = {}
        self._generation = 0  # bumped by clear(): a fetch started before it must not fill the cache

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> V | None:
        """The live value under `key`, or None."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        expires, value = entry
        if self._clock() >= expires:
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return value

    def put(self, key: str, value: V, ttl: float) -> None:
        """Keep `value` for `ttl` seconds."""
        if ttl <= 0:
            return
        self._entries[key] = (self._clock() + ttl, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self._max_entries:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        """Forget everything, including fetches under way."""
        self._entries.clear()
        self._inflight.clear()
        self._generation += 1

    async def get_or_fetch(self, key: str, ttl: float, fetch: Callable[[], Awaitable[V]]) -> V:
        """The cached value, or the result of `fetch` (run once however many callers wait for it)."""
        cached = self.get(key)
        if cached is not None:
            return cached
        task = self._inflight.get(key)
        if task is None:
            task = asyncio.ensure_future(self._fill(key, ttl, fetch, self._generation))
            self._inflight[key] = task
            task.add_done_callback(lambda done: self._settle(key, done))
        # A caller that gives up must not cancel the fetch the others wait for.
        return await asyncio.shield(task)

    async def _fill(self, key: str, ttl: float, fetch: Callable[[], Awaitable[V]], generation: int) -> V:
        value = await fetch()
        if generation == self._generation:
            self.put(key, value, ttl)
        return value

    def _settle(self, key: str, task: asyncio.Task[V]) -> None:
        if self._inflight.get(key) is task:
            del self._inflight[key]
        if not task.cancelled():
            task.exception()  # mark it retrieved: every waiter may have gone
