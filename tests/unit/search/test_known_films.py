"""The library's index is built once and then follows the movie events, from this process or others."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

import pytest

from reelarr.events import EventBus, EventsMissed, event_payload
from reelarr.movies.events import MovieAdded, MovieDeleted, MovieUpdated
from reelarr.movies.model import MovieKeys
from reelarr.parsing import parse_names
from reelarr.search.known_films import KnownFilms
from reelarr.search.library_index import LibraryIndex


def _keys(movie_id: int, title: str, year: int = 1999) -> MovieKeys:
    clean = "".join(c for c in title.lower() if c.isalnum())
    return MovieKeys(movie_id, 1000 + movie_id, None, title, title, clean, year)


class Library:
    """The films as the database has them, and every read of them (None: all of them)."""

    def __init__(self, *films: MovieKeys) -> None:
        self.films = {film.id: film for film in films}
        self.reads: list[set[int] | None] = []
        self.reading: asyncio.Event | None = None  # set: a read waits for it
        self.read_started = asyncio.Event()
        self.away = False  # a read fails, as with the database away

    async def keys(self, ids: Iterable[int] | None) -> list[MovieKeys]:
        wanted = None if ids is None else set(ids)
        self.reads.append(wanted)
        self.read_started.set()
        if self.away:
            raise ConnectionError("database away")
        found = [f for f in self.films.values() if wanted is None or f.id in wanted]
        if self.reading is not None:
            await self.reading.wait()
        return found


def _matched(index: LibraryIndex[MovieKeys], title: str) -> int | None:
    names = parse_names(title)
    assert names is not None
    film = index.match(names)
    return None if film is None else film.id


async def test_the_index_is_built_once_and_kept() -> None:
    library = Library(_keys(1, "The Matrix"))
    known = KnownFilms(EventBus(), library.keys)
    first = await known.index()
    assert await known.index() is first
    assert library.reads == [None]


async def test_a_film_added_is_read_alone_and_matched() -> None:
    bus, library = EventBus(), Library(_keys(1, "The Matrix"))
    known = KnownFilms(bus, library.keys)
    await known.index()
    library.films[2] = _keys(2, "Fight Club")
    await bus.publish(MovieAdded(movie_id=2))
    assert _matched(await known.index(), "Fight.Club.1999.1080p.BluRay.x264-GRP") == 2
    assert library.reads == [None, {2}]


async def test_a_film_retitled_is_known_by_its_new_title_only() -> None:
    bus, library = EventBus(), Library(_keys(1, "The Matrix"))
    known = KnownFilms(bus, library.keys)
    await known.index()
    library.films[1] = _keys(1, "The Matrix Reloaded", 2003)
    await bus.publish(MovieUpdated(movie_id=1))
    index = await known.index()
    assert _matched(index, "The.Matrix.Reloaded.2003.1080p.BluRay.x264-GRP") == 1
    assert _matched(index, "The.Matrix.1999.1080p.BluRay.x264-GRP") is None


async def test_a_film_deleted_is_matched_no_more() -> None:
    bus, library = EventBus(), Library(_keys(1, "The Matrix"), _keys(2, "Fight Club"))
    known = KnownFilms(bus, library.keys)
    await known.index()
    del library.films[1]
    await bus.publish(MovieDeleted(movie_id=1, tmdb_id=1001, title="The Matrix"))
    index = await known.index()
    assert _matched(index, "The.Matrix.1999.1080p.BluRay.x264-GRP") is None
    assert len(index) == 1


async def test_another_process_changing_a_film_is_followed() -> None:
    bus, library = EventBus(), Library(_keys(1, "The Matrix"))
    known = KnownFilms(bus, library.keys)
    await known.index()
    library.films[2] = _keys(2, "Fight Club")
    # As the PostgreSQL bridge delivers what another process published.
    await bus.deliver_remote("movie.added", event_payload(MovieAdded(movie_id=2)))
    assert _matched(await known.index(), "Fight.Club.1999.1080p.BluRay.x264-GRP") == 2


async def test_missed_events_drop_the_index() -> None:
    bus, library = EventBus(), Library(_keys(1, "The Matrix"))
    known = KnownFilms(bus, library.keys)
    await known.index()
    library.films[2] = _keys(2, "Fight Club")  # changed elsewhere, its event lost
    await bus.publish(EventsMissed())
    assert _matched(await known.index(), "Fight.Club.1999.1080p.BluRay.x264-GRP") == 2
    assert library.reads == [None, None]


async def test_a_film_changed_while_the_index_is_built_is_read_again() -> None:
    bus, library = EventBus(), Library(_keys(1, "The Matrix"))
    known = KnownFilms(bus, library.keys)
    library.reading = asyncio.Event()
    building = asyncio.create_task(known.index())
    await library.read_started.wait()
    # The build read the films before this one was added; its event comes while the build runs.
    library.films[2] = _keys(2, "Fight Club")
    await bus.publish(MovieAdded(movie_id=2))
    library.reading.set()
    index = await building
    assert library.reads == [None, {2}]
    assert _matched(index, "Fight.Club.1999.1080p.BluRay.x264-GRP") == 2


async def test_missed_events_while_the_index_is_built_build_it_again() -> None:
    bus, library = EventBus(), Library(_keys(1, "The Matrix"))
    known = KnownFilms(bus, library.keys)
    library.reading = asyncio.Event()
    building = asyncio.create_task(known.index())
    await library.read_started.wait()
    await bus.publish(EventsMissed())
    library.reading.set()
    await building
    assert library.reads == [None, None]


async def test_a_failed_read_leaves_the_changed_films_stale() -> None:
    bus, library = EventBus(), Library(_keys(1, "The Matrix"))
    known = KnownFilms(bus, library.keys)
    await known.index()
    library.films[2] = _keys(2, "Fight Club")
    await bus.publish(MovieAdded(movie_id=2))
    library.away = True
    with pytest.raises(ConnectionError):
        await known.index()
    library.away = False
    assert _matched(await known.index(), "Fight.Club.1999.1080p.BluRay.x264-GRP") == 2


async def test_an_index_older_than_its_max_age_is_built_again() -> None:
    now = [0.0]
    library = Library(_keys(1, "The Matrix"))
    known = KnownFilms(EventBus(), library.keys, max_age=60, clock=lambda: now[0])
    await known.index()
    now[0] = 30
    await known.index()
    now[0] = 61
    await known.index()
    assert library.reads == [None, None]
