"""Steps of the Slack, Apprise and Notifiarr tests: a notification resource as Radarr's UI sends it, and
a library whose film is grabbed through a usenet blackhole (Notifiarr's address pointed at a fixture)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import make_settings
from tests.fixtures.indexers.releases import FixtureRelease, fixture_now
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.push.server import ServiceReceiver
from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command
from tests.support.live import live_server
from tests.support.notifications import add_blackhole

RELEASE = "The.Matrix.1999.1080p.BluRay.x264-GROUP"


def field(resource: dict[str, Any], name: str) -> Any:
    """The field of a resource named so."""
    return next(f for f in resource["fields"] if f["name"] == name)


async def resource(
    client: httpx.AsyncClient,
    implementation: str,
    *,
    fields: dict[str, Any],
    name: str | None = None,
    **options: Any,
) -> dict[str, Any]:
    """The blank notification of the schema, named, with these fields and switches."""
    schema = (await client.get("/api/v3/notification/schema")).json()
    blank: dict[str, Any] = next(e for e in schema if e["implementation"] == implementation)
    for found in blank["fields"]:
        if found["name"] in fields:
            found["value"] = fields[found["name"]]
    return {**blank, "name": name or implementation, **options}


async def add(
    client: httpx.AsyncClient,
    implementation: str,
    *,
    fields: dict[str, Any],
    switches: tuple[str, ...],
    force_save: bool = False,
    name: str | None = None,
) -> dict[str, Any]:
    """Create a notification with these switches on (tested on the way in unless `force_save`)."""
    body = await resource(client, implementation, fields=fields, name=name, **dict.fromkeys(switches, True))
    params = {"forceSave": "true"} if force_save else {}
    response = await client.post("/api/v3/notification", json=body, params=params)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


@dataclass
class PushLibrary:
    """A running server with a root folder, a usenet indexer offering RELEASE and a blackhole."""

    library: Library

    @property
    def client(self) -> httpx.AsyncClient:
        """The server's API client."""
        return self.library.server.client

    async def grab(self) -> dict[str, Any]:
        """Add The Matrix and search for it: RELEASE is grabbed; the film as the API shows it."""
        movie = await add_movie(self.library)
        command = await run_command(self.library, "MoviesSearch", movieIds=[movie["id"]])
        assert "grabbed 1" in command["message"], command
        film: dict[str, Any] = (await self.client.get(f"/api/v3/movie/{movie['id']}")).json()
        return film


@pytest.fixture
async def push_library(
    database_url: str,
    tmp_path: Path,
    tmdb_server: TmdbFixtureServer,
    indexer_server: IndexerFixtureServer,
    notifiarr_receiver: ServiceReceiver,
) -> AsyncIterator[PushLibrary]:
    """A server (Notifiarr's API at the fixture) ready to grab The Matrix from a fixture newznab."""
    root, nzbs, watch = tmp_path / "movies", tmp_path / "nzbs", tmp_path / "watch"
    for folder in (root, nzbs, watch):
        folder.mkdir()
    settings = make_settings(
        database_url,
        tmp_path / "data",
        tmdb_api_url=tmdb_server.api_url,
        tmdb_api_key=tmdb_server.api_key,
        tmdb_image_url=tmdb_server.image_url,
        indexer_request_interval_seconds=0,
        notifiarr_url=notifiarr_receiver.url(""),
    )
    release = FixtureRelease(
        RELEASE, 8 * 1024**3, timedelta(hours=5), imdb_id=133093, tmdb_id=603, published=fixture_now()
    )
    indexer_server.site("newznab").releases = [release]
    async with live_server(settings) as server:
        client = server.client
        response = await client.post("/api/v3/rootfolder", json={"path": str(root)})
        assert response.status_code == 201, response.text
        response = await client.post("/api/v3/indexer", json=nab_resource(indexer_server, "newznab"))
        assert response.status_code == 201, response.text
        await add_blackhole(client, nzbs, watch)
        yield PushLibrary(Library(server, tmdb_server, root))
