"""radarr-py 1.2.0 and collections: Radarr's own CollectionResource and CollectionUpdateResource models
(strict types and enums) read and send /api/v3/collection as they do with Radarr."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
import radarr

from tests.clients.conftest import Library, add_film
from tests.support.live import API_KEY
from tests.support.waiting import eventually

T = TypeVar("T")
MATRIX, MATRIX_COLLECTION = 603, 2344


async def call(method: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run one (blocking) radarr-py call off the event loop the server runs in."""
    return await asyncio.to_thread(method, *args, **kwargs)


@pytest.fixture
def client(library: Library) -> Iterator[radarr.ApiClient]:
    """radarr-py's client, sending the key in the X-Api-Key header."""
    config = radarr.Configuration(host=library.server.url, api_key={"X-Api-Key": API_KEY})
    with radarr.ApiClient(config) as api_client:
        yield api_client


async def _read_from_tmdb(library: Library) -> None:
    """Wait until the film's collection holds TMDB's films."""

    async def read() -> bool:
        found = (await library.server.client.get("/api/v3/collection")).json()
        return bool(found) and bool(found[0]["movies"])

    await eventually(read, within=30)


async def test_radarr_py_reads_and_edits_collections(library: Library, client: radarr.ApiClient) -> None:
    await add_film(library, MATRIX)
    await _read_from_tmdb(library)
    collections = radarr.CollectionApi(client)

    [listed] = await call(collections.list_collection)
    by_tmdb_id = await call(collections.list_collection, tmdb_id=MATRIX_COLLECTION)
    one = await call(collections.get_collection_by_id, listed.id)

    assert (listed.title, listed.tmdb_id, listed.monitored) == (
        "The Matrix Collection",
        MATRIX_COLLECTION,
        False,
    )
    assert [c.id for c in by_tmdb_id] == [listed.id]
    assert one.movies is not None
    films = {m.tmdb_id: m for m in one.movies}
    assert films[MATRIX].is_existing is True
    assert films[604].is_existing is False
    assert films[604].status == radarr.MovieStatusType.RELEASED
    assert one.missing_movies == 3

    one.search_on_add = True
    one.minimum_availability = radarr.MovieStatusType.INCINEMAS
    edited = await call(collections.update_collection, str(one.id), one)
    assert edited.search_on_add is True
    assert edited.minimum_availability == radarr.MovieStatusType.INCINEMAS

    update = radarr.CollectionUpdateResource(
        collection_ids=[one.id], monitor_movies=False, search_on_add=False
    )
    await call(collections.put_collection, update)
    after = await call(collections.get_collection_by_id, one.id)
    assert (after.search_on_add, after.monitored) == (False, False)
    movies = (await library.server.client.get("/api/v3/movie")).json()
    assert [m["monitored"] for m in movies] == [False]
