"""A server wired to the fixture TMDB, with a root folder on disk, an indexer (a fixture Torznab) and a
download client (the session's real qBittorrent)."""

from __future__ import annotations

import asyncio
import uuid
import warnings
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
from tests.support.downloadclients import add_qbittorrent
from tests.support.live import LiveServer, live_server
from tests.support.qbittorrent import QBittorrentServer, forget_category, forget_leftovers

__all__ = ["indexer_fixture_server", "indexer_server", "tmdb_fixture_server", "tmdb_server"]


@dataclass
class Library:
    """A running server, its fixture TMDB, a root folder and its download client's category."""

    server: LiveServer
    tmdb: TmdbFixtureServer
    root: Path
    category: str = ""  # the download client's category in the session's qBittorrent


def imported_category(category: str) -> str:
    """The post-import category a test may give its client (emptied after the test too)."""
    return f"{category}-imported"


@pytest.fixture
async def library(
    database_url: str,
    tmp_path: Path,
    tmdb_server: TmdbFixtureServer,
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
) -> AsyncIterator[Library]:
    """A server with TMDB configured, one root folder, one indexer and one download client: what a
    healthy Radarr has."""
    root = tmp_path / "movies"
    root.mkdir()
    settings = make_settings(
        database_url,
        tmp_path / "data",
        tmdb_api_url=tmdb_server.api_url,
        tmdb_api_key=tmdb_server.api_key,
        tmdb_image_url=tmdb_server.image_url,
        indexer_request_interval_seconds=0,  # a fixture indexer needs no pacing; tests of pacing set it
    )
    # A category of the test's own: the session's qBittorrent is shared, and what a test grabs is
    # removed after it (the same release grabbed twice would be refused as a duplicate). It is
    # emptied once the server has stopped, so that no search still running can grab after it.
    category = f"reelarr-{uuid.uuid4().hex[:12]}"
    # Tests run one at a time on the session's qBittorrent, so anything in it now is another test's
    # leftover. Removed, and named, so that the test that leaks can be found.
    if leftovers := await asyncio.to_thread(forget_leftovers, qbittorrent):
        warnings.warn(f"qBittorrent held torrents of earlier tests: {', '.join(leftovers)}", stacklevel=1)
    try:
        async with live_server(settings) as server:
            response = await server.client.post("/api/v3/rootfolder", json={"path": str(root)})
            assert response.status_code == 201, response.text
            response = await server.client.post("/api/v3/indexer", json=nab_resource(indexer_server))
            assert response.status_code == 201, response.text
            await add_qbittorrent(server.client, qbittorrent, movieCategory=category)
            yield Library(server, tmdb_server, root, category)
    finally:
        for name in (category, imported_category(category)):
            await asyncio.to_thread(forget_category, qbittorrent, name)
