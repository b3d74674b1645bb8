"""Real Radarr clients (pyarr, aiopyarr, arrapi, radarr-py) and replays of others against a live Reelarr.

Every test gets `library`: a server on SQLite and on PostgreSQL, wired to the fixture TMDB, with
one root folder. The helpers here add films the way Overseerr does (lookup, then the minimal body),
so that a test about one client does not depend on another client's library.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiopyarr.models.host_configuration import PyArrHostConfiguration
from aiopyarr.radarr_client import RadarrClient

from tests.fixtures.media import MediaKind, SampleMedia
from tests.fixtures.media.plugin import sample_media
from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.integration.movies.conftest import Library, indexer_fixture_server, indexer_server, library
from tests.support.live import API_KEY
from tests.support.waiting import eventually

__all__ = [
    "Library",
    "add_film",
    "add_film_with_file",
    "aiopyarr_client",
    "indexer_fixture_server",
    "indexer_server",
    "library",
    "lookup",
    "sample_media",
    "settled",
    "tmdb_fixture_server",
    "tmdb_server",
]

FINISHED = {"completed", "failed", "aborted", "cancelled", "orphaned"}

# Radarr's default "HD-1080p" profile.
HD_1080P = 4


async def lookup(library: Library, tmdb_id: int) -> dict[str, Any]:
    """The lookup result for one TMDB id (with its library state when it is in the library)."""
    response = await library.server.client.get("/api/v3/movie/lookup", params={"term": f"tmdb:{tmdb_id}"})
    assert response.status_code == 200, response.text
    [found] = response.json()
    assert isinstance(found, dict)
    return found


async def add_film(library: Library, tmdb_id: int, **overrides: Any) -> dict[str, Any]:
    """Add a film with Overseerr's minimal body; `overrides` replace its fields."""
    found = await lookup(library, tmdb_id)
    body = {
        "title": found["title"],
        "qualityProfileId": HD_1080P,
        "profileId": HD_1080P,
        "titleSlug": str(tmdb_id),
        "minimumAvailability": "released",
        "tmdbId": tmdb_id,
        "year": found["year"],
        "rootFolderPath": str(library.root),
        "monitored": True,
        "tags": [],
        "addOptions": {"searchForMovie": False},
        **overrides,
    }
    response = await library.server.client.post("/api/v3/movie", json=body)
    assert response.status_code == 201, response.text
    added: dict[str, Any] = response.json()
    return added


async def settled(library: Library, movie_id: int) -> dict[str, Any]:
    """The movie once every queued command has finished (an add queues a refresh, which rescans)."""
    client = library.server.client

    async def done() -> dict[str, Any] | None:
        commands = (await client.get("/api/v3/command")).json()
        if any(c["status"] not in FINISHED for c in commands):
            return None
        movie: dict[str, Any] = (await client.get(f"/api/v3/movie/{movie_id}")).json()
        return movie

    return await eventually(done, within=30)


async def add_film_with_file(
    library: Library, media: SampleMedia, tmdb_id: int, release: str, **overrides: Any
) -> dict[str, Any]:
    """Put a 90-minute sample video named `release`.mkv in the film's folder, add the film, and
    return it once the rescan that follows the add has recorded the file."""
    folder = library.root / (await lookup(library, tmdb_id))["folder"]
    media.copy_to(MediaKind.FEATURE_90MIN, folder / f"{release}.mkv")
    movie = await settled(library, (await add_film(library, tmdb_id, **overrides))["id"])
    assert movie["hasFile"] is True, movie
    return movie


def aiopyarr_for(library: Library, session: aiohttp.ClientSession, api_key: str = API_KEY) -> RadarrClient:
    """aiopyarr's client configured as Home Assistant configures it (a URL, a key, its own session)."""
    host = PyArrHostConfiguration(api_token=api_key, verify_ssl=False, url=library.server.url)
    return RadarrClient(host_configuration=host, session=session)


@pytest.fixture
async def aiopyarr_client(library: Library) -> AsyncIterator[RadarrClient]:
    """aiopyarr 23.4.0's Radarr client with the right key."""
    async with aiohttp.ClientSession() as session:
        yield aiopyarr_for(library, session)
