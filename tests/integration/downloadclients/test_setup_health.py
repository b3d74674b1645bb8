"""Radarr's checks of how download clients are set up, as /api/v3/health shows them (SQLite and
PostgreSQL): downloads saved in a root folder, and a client that sorts Reelarr's downloads."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.fixtures.indexers.plugin import indexer_fixture_server, indexer_server
from tests.fixtures.sabnzbd.server import SabnzbdFixtureServer, sabnzbd
from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.integration.movies.conftest import Library, library
from tests.support.downloadclients import add_sabnzbd
from tests.support.qbittorrent import QBittorrentServer, qbittorrent_api

__all__ = [
    "indexer_fixture_server",
    "indexer_server",
    "library",
    "sabnzbd",
    "tmdb_fixture_server",
    "tmdb_server",
]
CHECKS = ("DownloadClientRootFolderCheck", "DownloadClientSortingCheck")


async def _health(library: Library) -> dict[str, dict[str, Any]]:
    response = await library.server.client.get("/api/v3/health")
    assert response.status_code == 200
    return {p["source"]: p for p in response.json() if p["source"] in CHECKS}


async def test_a_healthy_setup_reports_neither(library: Library, sabnzbd: SabnzbdFixtureServer) -> None:
    await add_sabnzbd(library.server.client, sabnzbd)
    assert await _health(library) == {}


async def test_a_client_saving_into_a_root_folder_is_a_warning(
    library: Library, qbittorrent: QBittorrentServer
) -> None:
    api = qbittorrent_api(qbittorrent)
    inside = library.root / "downloads"
    await asyncio.to_thread(api.torrents_edit_category, name=library.category, save_path=str(inside))
    found = (await _health(library))["DownloadClientRootFolderCheck"]
    assert found["type"] == "warning"
    assert found["message"] == (
        f"Download client qBittorrent places downloads in the root folder {library.root}. "
        "You should not download to a root folder."
    )
    assert found["wikiUrl"].endswith("#downloads-in-root-folder")


async def test_a_client_sorting_reelarrs_category_is_a_warning(
    library: Library, sabnzbd: SabnzbdFixtureServer
) -> None:
    await add_sabnzbd(library.server.client, sabnzbd)
    with sabnzbd.state.lock:
        sabnzbd.state.misc.update({"enable_movie_sorting": True, "movie_categories": ["movies"]})
    found = (await _health(library))["DownloadClientSortingCheck"]
    assert found["type"] == "warning"
    assert found["message"] == (
        "Download client SABnzbd has Movie sorting enabled for Reelarr's category. You should disable "
        "sorting in your download client to avoid import issues."
    )
