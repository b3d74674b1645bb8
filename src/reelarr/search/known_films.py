"""The library's films as releases are matched to them, kept in memory between RSS syncs.

An RSS sync matches thousands of releases against every film's ids and titles. Reading those from
the database and indexing them took a third of a second of each sync of a 10,000-film library,
though the library rarely changes between two syncs. The index is built at the first sync and then
kept; every change that can touch what a film is known by (added, retitled or refreshed, deleted)
publishes a movie event, from this process or another one (the shared-events bridge), and
the event marks that film stale: the next sync reads those films alone again (`MovieService.keys`
with their ids) and swaps them in the index. When this process may have missed other processes'
events (its link to them was down) the index is dropped, and none is kept longer than `max_age`,
a last guard against a change that reached no event.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from reelarr.events import EventBus, EventsMissed
from reelarr.memory import collector_paused
from reelarr.movies.events import MovieAdded, MovieDeleted, MovieUpdated
from reelarr.movies.model import MovieKeys
from reelarr.search.library_index import LibraryIndex

# MovieService.keys: every film's keys (None), or only those of these films.
Keys = Callable[[Iterable[int] | None], Awaitable[list[MovieKeys]]]

MAX_AGE_SECONDS = 6 * 3600.0


class KnownFilms:
    """The index of the library's films, built once and brought up to date from the movie events."""

    def __init__(
        self,
        bus: EventBus,
        keys: Keys,
        *,
        max_age: float = MAX_AGE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._keys = keys
        self._max_age = max_age
        self._clock = clock
        self._index: LibraryIndex[MovieKeys] | None = None
        self._built_at = 0.0
        self._stale: set[int] = set()
        self._generation = 0
        self._refreshing = asyncio.Lock()
        for event_type in (MovieAdded, MovieUpdated, MovieDeleted):
            bus.subscribe(event_type, self._film_changed, remote=True)
        bus.subscribe(EventsMissed, self._everything_changed, remote=True)

    async def index(self) -> LibraryIndex[MovieKeys]:
        """The index as the library is now: built, or brought up to date, first when it has to be.

        Read it before the next await: a later call may update it in place.
        """
        async with self._refreshing:
            while True:
                index = self._index
                if index is None or self._clock() - self._built_at > self._max_age:
                    await self._build()
                elif self._stale:  # films changed while they were read are read again
                    await self._update(index)
                else:
                    return index

    def drop(self) -> None:
        """Forget the index: the next sync builds it again."""
        self._index = None
        self._generation += 1

    async def _build(self) -> None:
        self._index = None
        generation = self._generation
        # Changes from now on are read again after the build, which may not have seen them.
        self._stale.clear()
        films = await self._keys(None)
        with collector_paused():
            index = LibraryIndex(films)
        if generation == self._generation:  # else dropped meanwhile: built again
            self._index, self._built_at = index, self._clock()

    async def _update(self, index: LibraryIndex[MovieKeys]) -> None:
        changed, self._stale = self._stale, set()
        try:
            films = await self._keys(changed)
        except BaseException:
            self._stale |= changed
            raise
        if index is not self._index:  # dropped meanwhile: built again whole
            return
        for film_id in changed:
            index.remove(film_id)
        for film in films:
            index.add(film)

    async def _film_changed(self, event: Any) -> None:
        if self._index is not None or self._refreshing.locked():
            self._stale.add(event.movie_id)

    async def _everything_changed(self, _event: object) -> None:
        self.drop()
