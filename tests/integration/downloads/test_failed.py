"""Failed download handling against the session's real qBittorrent (both databases): blocklisting from
the queue and from history, the search again and when it is skipped, the Blocklist check refusing the
release in a real search, and a download its client reports failed."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

from reelarr.downloadclients.base import DownloadStatus
from reelarr.downloads.tracking import TrackedState
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.integration.downloads.test_queue import MATRIX_1080P, _grab, _queue
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie
from tests.support.qbittorrent import QBittorrentServer, qbittorrent_api
from tests.support.waiting import eventually


async def _torrents(library: Library, qbittorrent: QBittorrentServer) -> list[str]:
    api = qbittorrent_api(qbittorrent)
    return [t.hash.upper() for t in await asyncio.to_thread(api.torrents_info, category=library.category)]


async def _searches(library: Library, movie_id: int) -> list[dict[str, Any]]:
    commands = (await library.server.client.get("/api/v3/command")).json()
    return [c for c in commands if c["name"] == "MoviesSearch" and c["body"].get("movieIds") == [movie_id]]


async def _failures(library: Library) -> list[dict[str, Any]]:
    page = (await library.server.client.get("/api/v3/history", params={"eventType": "downloadFailed"})).json()
    records: list[dict[str, Any]] = page["records"]
    return records


async def _blocklist(library: Library) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = (await library.server.client.get("/api/v3/blocklist")).json()["records"]
    return records


async def test_blocklisting_from_the_queue_fails_the_download_and_searches_again(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    grab = await _grab(library, movie["id"])
    [item] = (await _queue(library))["records"]
    client = library.server.client
    response = await client.delete(f"/api/v3/queue/{item['id']}", params={"blocklist": "true"})
    assert response.status_code == 200, response.text
    assert await _torrents(library, qbittorrent) == []
    assert (await _queue(library))["totalRecords"] == 0
    [failed] = await _failures(library)
    assert (failed["movieId"], failed["sourceTitle"], failed["downloadId"]) == (
        movie["id"],
        MATRIX_1080P,
        grab["downloadId"],
    )
    assert failed["data"]["message"] == "Manually marked as failed"
    assert (failed["data"]["downloadClientName"], failed["data"]["indexer"]) == ("qBittorrent", "Fixture")
    [blocked] = await _blocklist(library)
    assert (blocked["movieId"], blocked["sourceTitle"], blocked["protocol"], blocked["indexer"]) == (
        movie["id"],
        MATRIX_1080P,
        "torrent",
        "Fixture",
    )
    assert blocked["quality"]["quality"]["name"] == "Bluray-1080p"
    assert await eventually(lambda: _searches(library, movie["id"]))


async def test_a_blocklisted_release_is_rejected_by_the_next_search(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    await _grab(library, movie["id"])
    [item] = (await _queue(library))["records"]
    client = library.server.client
    response = await client.delete(
        f"/api/v3/queue/{item['id']}", params={"blocklist": "true", "skipRedownload": "true"}
    )
    assert response.status_code == 200, response.text
    releases = (await client.get("/api/v3/release", params={"movieId": movie["id"]})).json()
    chosen = next(r for r in releases if r["title"] == MATRIX_1080P)
    assert chosen["rejected"] is True
    assert "Release is blocklisted" in chosen["rejections"]
    others = [r for r in releases if r["title"] != MATRIX_1080P]
    assert others
    assert all("Release is blocklisted" not in r["rejections"] for r in others)
    assert await _searches(library, movie["id"]) == []


async def test_blocklisting_without_removal_keeps_the_torrent_and_skips_the_search(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    grab = await _grab(library, movie["id"])
    [item] = (await _queue(library))["records"]
    response = await library.server.client.request(
        "DELETE",
        "/api/v3/queue/bulk",
        json={"ids": [item["id"]]},
        params={"removeFromClient": "false", "blocklist": "true", "skipRedownload": "true"},
    )
    assert response.status_code == 200, response.text
    assert await _torrents(library, qbittorrent) == [grab["downloadId"]]
    assert (await _queue(library))["totalRecords"] == 0
    await library.server.services.tracked_downloads.refresh()
    assert (await _queue(library))["totalRecords"] == 0
    [blocked] = await _blocklist(library)
    assert blocked["sourceTitle"] == MATRIX_1080P
    assert await _searches(library, movie["id"]) == []


async def test_marking_a_grab_failed_from_history(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    grab = await _grab(library, movie["id"])
    client = library.server.client
    config = (await client.get("/api/v3/config/downloadclient")).json()
    config["autoRedownloadFailedFromInteractiveSearch"] = False
    saved = await client.put("/api/v3/config/downloadclient", json=config)
    assert saved.status_code == 202, saved.text
    assert (await client.post("/api/v3/history/failed/999999")).status_code == 404
    response = await client.post(f"/api/v3/history/failed/{grab['id']}")
    assert response.status_code == 200, response.text
    [failed] = await _failures(library)
    assert failed["downloadId"] == grab["downloadId"]
    [blocked] = await _blocklist(library)
    assert blocked["sourceTitle"] == MATRIX_1080P
    # The release was grabbed from an interactive search, and those are not searched again now.
    assert await _searches(library, movie["id"]) == []
    assert (await _queue(library))["totalRecords"] == 0


async def test_a_download_its_client_reports_failed_is_blocklisted_and_removed(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    grab = await _grab(library, movie["id"])
    services = library.server.services
    [tracked] = await services.tracked_downloads.refresh()
    # qBittorrent never reports a torrent failed (its errors are warnings, as in Radarr); a usenet
    # client does. The state a refresh gives such a download is what the monitoring loop hands on.
    reported = replace(
        tracked,
        state=TrackedState.FAILED_PENDING,
        item=replace(
            tracked.item, status=DownloadStatus.FAILED, message="Par repair failed", can_be_removed=True
        ),
    )
    assert await services.failed_downloads.process_failed(reported) is True
    assert await services.failed_downloads.process_failed(tracked) is False  # not failed: left alone
    [failed] = await _failures(library)
    assert failed["data"]["message"] == "Par repair failed"
    [blocked] = await _blocklist(library)
    assert blocked["message"] == "Par repair failed"
    entries = await services.blocklist.for_movie(movie["id"])
    assert [e.torrent_info_hash for e in entries] == [grab["downloadId"]]
    assert await _torrents(library, qbittorrent) == []
    assert await eventually(lambda: _searches(library, movie["id"]))
