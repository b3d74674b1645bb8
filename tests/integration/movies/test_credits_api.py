"""/api/v3/credit: a movie's cast and crew, kept from TMDB on add and refresh."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

from tests.integration.movies.conftest import Library
from tests.integration.movies.test_movie_api import _add, _commands_done
from tests.support.waiting import eventually


async def _credits(library: Library, **params: Any) -> list[dict[str, Any]]:
    response = await library.server.client.get("/api/v3/credit", params=params)
    assert response.status_code == 200, response.text
    credits: list[dict[str, Any]] = response.json()
    return credits


async def test_adding_a_movie_keeps_its_cast_in_billing_order_then_its_crew(library: Library) -> None:
    movie = await _add(library)
    tmdb = library.tmdb.catalog.movies[603]["credits"]
    credits = await _credits(library, movieId=movie["id"])

    cast = [c for c in credits if c["type"] == "cast"]
    crew = [c for c in credits if c["type"] == "crew"]
    assert credits == cast + crew, "the cast comes first"
    assert [c["personName"] for c in cast] == [
        p["name"] for p in sorted(tmdb["cast"], key=lambda p: p["order"])
    ]
    assert [c["order"] for c in cast] == sorted(c["order"] for c in cast)
    assert {(c["personName"], c["job"], c["department"]) for c in crew} == {
        (p["name"], p["job"], p["department"]) for p in tmdb["crew"]
    }
    neo = cast[0]
    assert neo["personName"] == "Keanu Reeves"
    assert neo["character"] == "Thomas A. Anderson / Neo"
    assert neo["creditTmdbId"] == "3fe5ae18eb4cd61df9e70340"
    assert neo["personTmdbId"] == 6384
    assert neo["movieMetadataId"] == movie["id"]
    [headshot] = neo["images"]
    assert headshot["coverType"] == "headshot"
    assert headshot["remoteUrl"] == headshot["url"]
    assert headshot["url"].endswith("/tbe7tNf76vBBgnrl9QRb5bQDQqC.jpg")
    assert "job" not in neo, "a cast credit has no job (nulls are left out)"
    assert all("character" not in c for c in crew)

    one = await library.server.client.get(f"/api/v3/credit/{neo['id']}")
    assert one.json() == neo
    assert await _credits(library, movieMetadataId=movie["id"]) == credits


async def test_a_refresh_replaces_the_credits_and_a_delete_removes_them(library: Library) -> None:
    movie = await _add(library)
    await eventually(lambda: _commands_done(library))  # the refresh an add queues
    services = library.server.services
    before = await _credits(library, movieId=movie["id"])
    metadata = await services.tmdb.movie(603)
    fewer = dataclasses.replace(metadata, cast=metadata.cast[:2], crew=())

    await services.movies.refresh_metadata(movie["id"], fewer)
    after = await _credits(library, movieId=movie["id"])
    assert [c["personName"] for c in after] == [m.name for m in metadata.cast[:2]]
    assert [c["id"] for c in after] == [c["id"] for c in before[:2]], "kept credits keep their ids"
    assert len(after) < len(before)

    recast = dataclasses.replace(metadata.cast[0], character="Neo")
    await services.movies.refresh_metadata(movie["id"], dataclasses.replace(fewer, cast=(recast,)))
    [changed] = await _credits(library, movieId=movie["id"])
    assert (changed["id"], changed["character"]) == (before[0]["id"], "Neo")
    await services.movies.refresh_metadata(movie["id"], fewer)
    after = await _credits(library, movieId=movie["id"])

    await services.movies.refresh_metadata(movie["id"], None)
    assert await _credits(library, movieId=movie["id"]) == after, "a film TMDB lost keeps its credits"

    response = await library.server.client.delete(f"/api/v3/movie/{movie['id']}")
    assert response.status_code == 200
    missing = await library.server.client.get(f"/api/v3/credit/{after[0]['id']}")
    assert missing.status_code == 404


async def test_bad_credit_requests(library: Library) -> None:
    client = library.server.client
    unknown_movie = await client.get("/api/v3/credit", params={"movieId": 999})
    assert unknown_movie.status_code == 404
    assert "999" in unknown_movie.json()["message"]
    assert (await client.get("/api/v3/credit/999")).status_code == 404
    without_movie = await client.get("/api/v3/credit")
    assert without_movie.status_code == 400
    assert without_movie.json()[0]["propertyName"] == "movieId"
    assert (await client.get("/api/v3/credit", params={"movieId": "x"})).status_code == 400


async def test_refreshes_of_one_movie_at_once_leave_one_set_of_credits(library: Library) -> None:
    movie = await _add(library)
    await eventually(lambda: _commands_done(library))
    services = library.server.services
    metadata = await services.tmdb.movie(603)
    before = await _credits(library, movieId=movie["id"])
    one_movie = f"/api/v3/movie/{movie['id']}"
    titles_before = (await library.server.client.get(one_movie)).json()["alternateTitles"]
    fresh = dataclasses.replace(metadata, cast=metadata.cast[1:])  # one credit fewer each time

    # (several processes may refresh the same film; on PostgreSQL each would read the old rows)
    await asyncio.gather(*(services.movies.refresh_metadata(movie["id"], fresh) for _ in range(6)))

    after = await _credits(library, movieId=movie["id"])
    assert len(after) == len(before) - 1
    assert len({c["creditTmdbId"] for c in after}) == len(after)
    titles = (await library.server.client.get(one_movie)).json()["alternateTitles"]
    assert titles == titles_before
