"""A server wired to the fixture TMDB, with one root folder: enough for films and their collections."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.fixtures.webhook.server import receiver
from tests.integration.movies.conftest import Library
from tests.support.live import live_server

__all__ = ["receiver", "tmdb_fixture_server", "tmdb_server"]


@pytest.fixture
async def library(
    database_url: str, tmp_path: Path, tmdb_server: TmdbFixtureServer
) -> AsyncIterator[Library]:
    """A server with TMDB configured and one root folder (no indexer, no download client)."""
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
        yield Library(server, tmdb_server, root)
