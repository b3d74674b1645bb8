"""The rendered library list, kept until anything in it may have changed.

Rendering 10,000 movies costs about a second of CPU; clients (the UI, Overseerr's scanner, Home
Assistant) ask for the whole list often while it rarely changes. Every change that can alter a
movie's resource publishes an event (from any process); each drops the list. The date is part of
the key (status and isAvailable move with it), and an entry never outlives `max_age` as a last guard.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import date

from reelarr.events import EventBus, EventsMissed
from reelarr.movies.events import (
    MovieAdded,
    MovieDeleted,
    MovieFileAdded,
    MovieFileDeleted,
    MovieFileUpdated,
    MovieUpdated,
)
from reelarr.quality.service import QualitySettingsChanged

_INVALIDATING = (
    MovieAdded,
    MovieUpdated,
    MovieDeleted,
    MovieFileAdded,
    MovieFileUpdated,
    MovieFileDeleted,
    QualitySettingsChanged,
    EventsMissed,
)


class MovieListCache:
    """One rendered list, rebuilt on the first request after a change (one build at a time)."""

    def __init__(
        self, bus: EventBus, *, max_age: float = 300.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._max_age = max_age
        self._clock = clock
        self._body: bytes | None = None
        self._day: date | None = None
        self._built_at = 0.0
        self._generation = 0
        self._building = asyncio.Lock()
        for event_type in _INVALIDATING:
            bus.subscribe(event_type, self._invalidate, remote=True)

    async def get(self, today: date, build: Callable[[], Awaitable[bytes]]) -> bytes:
        """The list for `today`, rendered by `build` when there is no valid one."""
        if (body := self._valid(today)) is not None:
            return body
        async with self._building:
            if (body := self._valid(today)) is not None:
                return body
            generation = self._generation
            body = await build()
            # A change during the build may be missing from it: serve it, keep it only if none came.
            if generation == self._generation:
                self._body, self._day, self._built_at = body, today, self._clock()
            return body

    def _valid(self, today: date) -> bytes | None:
        if self._body is None or self._day != today or self._clock() - self._built_at > self._max_age:
            return None
        return self._body

    async def _invalidate(self, _event: object) -> None:
        self._generation += 1
        self._body = None
