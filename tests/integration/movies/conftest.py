"""A server wired to the fixture TMDB, with a root folder on disk and an indexer (a fixture Torznab)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import make_settings
from tests.fixtures.indexers.plugin import indexer_fixture_server, indexer_server
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.support.live import LiveServer, live_server

__all__ = ["indexer_fixture_server", "indexer_server", "tmdb_fixture_server", "tmdb_server"]


@dataclass
class Library:
    """A running server, its fixture TMDB and a root folder."""

    server: LiveServer
    tmdb: TmdbFixtureServer
    root: Path


@pytest.fixture
async def library(
    database_url: str, tmp_path: Path, tmdb_server: TmdbFixtureServer, indexer_server: IndexerFixtureServer
) -> AsyncIterator[Library]:
    """A server with TMDB configured, one root folder and one indexer: what a healthy Radarr has."""
    root = tmp_path / "movies"
    root.mkdir()
    settings = make_settings(
        database_url,
        tmp_path / "data",
        tmdb_api_url=tmdb_server.api_url,
        tmdb_api_key=tmdb_server.api_key,
        tmdb_image_url=tmdb_server.image_url,
    )
    async with live_server(settings) as server:
        response = await server.client.post("/api/v3/rootfolder", json={"path": str(root)})
        assert response.status_code == 201, response.text
        response = await server.client.post("/api/v3/indexer", json=nab_resource(indexer_server))
        assert response.status_code == 201, response.text
        yield Library(server, tmdb_server, root)
