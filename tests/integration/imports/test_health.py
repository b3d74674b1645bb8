"""Radarr's import health checks, as /api/v3/health shows them (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

from tests.fixtures.indexers.releases import FixtureRelease
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command
from tests.support.qbittorrent import QBittorrentServer, qbittorrent_api
from tests.support.torrentfiles import make_torrent
from tests.support.waiting import eventually

CHECKS = ("ImportMechanismCheck", "DownloadClientRemovesCompletedDownloadsCheck", "RemotePathMappingCheck")


async def _health(library: Library) -> dict[str, dict[str, Any]]:
    response = await library.server.client.get("/api/v3/health")
    assert response.status_code == 200
    return {p["source"]: p for p in response.json() if p["source"] in CHECKS}


async def test_a_healthy_setup_reports_none_of_them(library: Library) -> None:
    assert await _health(library) == {}


async def test_completed_download_handling_turned_off_is_a_warning(library: Library) -> None:
    client = library.server.client
    options = (await client.get("/api/v3/config/downloadclient")).json()
    saved = await client.put(
        "/api/v3/config/downloadclient/1", json={**options, "enableCompletedDownloadHandling": False}
    )
    assert saved.status_code == 202
    found = (await _health(library))["ImportMechanismCheck"]
    assert (found["type"], found["message"]) == ("warning", "Enable Completed Download Handling if possible")


async def test_a_client_that_removes_torrents_at_its_share_limit_is_a_warning(
    library: Library, qbittorrent: QBittorrentServer
) -> None:
    api = qbittorrent_api(qbittorrent)
    before = await asyncio.to_thread(api.app_preferences)
    # A ratio no test reaches, so that the session's shared qBittorrent removes nothing meanwhile.
    removing = {"max_ratio_enabled": True, "max_ratio": 9999, "max_ratio_act": 1}
    await asyncio.to_thread(api.app_set_preferences, removing)
    try:
        found = (await _health(library))["DownloadClientRemovesCompletedDownloadsCheck"]
    finally:
        restore = {key: before[key] for key in removing}
        await asyncio.to_thread(api.app_set_preferences, restore)
    assert found["type"] == "warning"
    assert found["message"].startswith("Download client qBittorrent is set to remove completed downloads")


async def test_a_finished_download_this_machine_cannot_see_is_an_error(
    library: Library,
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    sample_media: SampleMedia,
    tmp_path: Path,
) -> None:
    title = "The.Matrix.1999.1080p.BluRay.x264-GROUP"
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    torrent, _hash = make_torrent(f"{title}.mkv", content)
    (qbittorrent.save_path / f"{title}.mkv").write_bytes(content)
    indexer_server.site("torznab").releases = [
        FixtureRelease(title, 8 * 1024**3, timedelta(hours=1), imdb_id=133093, tmdb_id=603, torrent=torrent)
    ]
    # A mapping to a folder that went away, as a share that is no longer mounted.
    gone = tmp_path / "unmounted"
    gone.mkdir()
    mapping = {"host": qbittorrent.host, "remotePath": f"{qbittorrent.save_path}/", "localPath": f"{gone}/"}
    assert (await library.server.client.post("/api/v3/remotepathmapping", json=mapping)).status_code == 201
    shutil.rmtree(gone)
    movie = await add_movie(library)
    releases = (await library.server.client.get("/api/v3/release", params={"movieId": movie["id"]})).json()
    grab = {"guid": releases[0]["guid"], "indexerId": releases[0]["indexerId"]}
    assert (await library.server.client.post("/api/v3/release", json=grab)).status_code == 200

    async def reported() -> dict[str, Any] | None:
        await run_command(library, "RefreshMonitoredDownloads")
        return (await _health(library)).get("RemotePathMappingCheck")

    found = await eventually(reported, within=60, every=0.5)
    assert found["type"] == "error"
    assert (
        f"reported files in {qbittorrent.save_path}/{title}.mkv (mapped to {gone}/{title}.mkv)"
        in found["message"]
    )
    [record] = (await library.server.client.get("/api/v3/queue")).json()["records"]
    assert record["trackedDownloadState"] == "importBlocked"
