"""The library list, kept rendered and compressed, and rendered again only where it changed.

Rendering 10,000 movies costs about a second of CPU; clients (the UI, Overseerr's scanner, Home
Assistant) ask for the whole list often while it rarely changes. The list is kept as compressed
segments of consecutive movies (`list_segments`: ~16% of the JSON, sent as they are to gzip
clients). Every change that can alter a movie's resource publishes an event naming the movie
(from any process), which marks just that movie stale: its segment is made again, the movie
rendered and its neighbours taken out of the old segment; changes that can touch every movie
(quality profiles, a lost link to the other processes, a new day: status and isAvailable move with
the date) drop every segment, and no segment outlives `max_age` as a last guard. Once started, it
renders the whole list again in the background after start-up and whenever everything was dropped,
so that no client waits for that second.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from reelarr.events import EventBus, EventsMissed
from reelarr.movies.events import (
    MovieAdded,
    MovieDeleted,
    MovieFileAdded,
    MovieFileDeleted,
    MovieFileUpdated,
    MovieUpdated,
)
from reelarr.movies.list_segments import ListBody, Render, Segment, build, plan
from reelarr.quality.service import QualitySettingsChanged

ListOrder = Callable[[], Awaitable[list[int]]]
Today = Callable[[], date]

log = logging.getLogger(__name__)


class MovieListCache:
    """The list's kept segments and order; one rendering at a time."""

    def __init__(
        self, bus: EventBus, *, max_age: float = 300.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._max_age = max_age
        self._clock = clock
        self._segments: list[Segment] = []
        self._stale: set[int] = set()
        self._order: list[int] | None = None
        self._order_generation = 0
        self._generation = 0
        self._day: date | None = None
        self._since = 0.0
        self._rendering = asyncio.Lock()
        self._cold = asyncio.Event()
        self._warming: asyncio.Task[None] | None = None
        self._stopping = False
        for event_type in (MovieAdded, MovieUpdated, MovieFileAdded, MovieFileUpdated, MovieFileDeleted):
            bus.subscribe(event_type, self._movie_changed, remote=True)
        bus.subscribe(MovieDeleted, self._movie_deleted, remote=True)
        bus.subscribe(QualitySettingsChanged, self._everything_changed, remote=True)
        bus.subscribe(EventsMissed, self._everything_changed, remote=True)

    async def body(self, today: date, order: ListOrder, render: Render) -> ListBody:
        """The list as JSON, in any encoding; only stale movies are rendered."""
        async with self._rendering:
            if self._day != today or self._clock() - self._since > self._max_age:
                self._drop_all()
                self._day, self._since = today, self._clock()
            ids = await self._current_order(order)
            steps = plan(ids, self._segments, self._stale)
            runs = [s for s in steps if isinstance(s, list)]
            known = {i for s in self._segments for i in s.ids} if runs else set()
            todo = {i for run in runs for i in run if i in self._stale or i not in known}
            self._stale.difference_update(todo)
            generation = self._generation
            segments = await build(steps, self._segments, todo, render, whole=len(todo) == len(ids))
            # Kept only if nothing dropped everything meanwhile; movies changed again while they
            # were rendered are still stale, so their segments are made again next time.
            if generation == self._generation:
                self._segments = segments
        return ListBody(segments)

    async def _current_order(self, order: ListOrder) -> list[int]:
        if self._order is not None:
            return self._order
        generation = self._order_generation
        ids = await order()
        if generation == self._order_generation:
            self._order = ids
        return ids

    async def _movie_changed(self, event: Any) -> None:
        self._stale.add(event.movie_id)
        # Added, or retitled: the list's order may have changed with it.
        self._order = None
        self._order_generation += 1

    async def _movie_deleted(self, event: MovieDeleted) -> None:
        self._stale.discard(event.movie_id)
        self._order = None
        self._order_generation += 1

    async def _everything_changed(self, _event: object) -> None:
        self._drop_all()

    def start_warming(self, today: Today, order: ListOrder, render: Render, *, settle: float = 2.0) -> None:
        """Keep the whole list rendered in the background: now, after a drop, each new day, at `max_age`.

        `settle` seconds pass first, so that a burst of changes is rendered once.
        """
        self._cold.set()
        self._stopping = False
        self._warming = asyncio.create_task(
            self._warm(today, order, render, settle), name="movie-list-warming"
        )

    async def stop_warming(self) -> None:
        """Stop the background rendering (at shutdown)."""
        if self._warming is not None:
            # Python 3.11's wait_for loses a cancellation that comes as the event it waits on is set
            # (a change at shutdown): the loop then slept on for a day. It also stops at this flag.
            self._stopping = True
            self._cold.set()
            self._warming.cancel()
            # wait, not await: the warming's cancellation is not the caller's, and the caller's is not
            # to be swallowed with it.
            await asyncio.wait({self._warming})
            self._warming = None

    async def _warm(self, today: Today, order: ListOrder, render: Render, settle: float) -> None:
        while not self._stopping:
            with contextlib.suppress(TimeoutError):
                wake = min(_seconds_to_next_utc_day(), self._max_age + 1.0)
                await asyncio.wait_for(self._cold.wait(), timeout=wake)
            if self._stopping:
                return
            await asyncio.sleep(settle)
            self._cold.clear()
            try:
                await self.body(today(), order, render)
            except Exception:  # the database may be away; a client's request will tell it plainly
                log.warning("Could not render the movie list ahead of time", exc_info=True)

    def _drop_all(self) -> None:
        self._cold.set()
        self._generation += 1
        self._segments = []
        self._order = None
        self._order_generation += 1


def _seconds_to_next_utc_day() -> float:
    now = datetime.now(UTC)
    tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    return (tomorrow - now).total_seconds() + 1.0
