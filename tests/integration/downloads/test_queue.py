"""/api/v3/queue against the session's real qBittorrent: what is grabbed shows with Radarr's fields,
counts and details; removal from the client, ignoring, and a client that is down (both databases)."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.indexers.torrents import payload
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command
from tests.support.qbittorrent import QBittorrentServer, qbittorrent_api
from tests.support.torrentfiles import make_torrent
from tests.support.waiting import eventually

MATRIX_1080P = "The.Matrix.1999.1080p.BluRay.x264-GROUP"
IN_FLIGHT = {"queued", "downloading", "warning", "paused"}


async def _grab(library: Library, movie_id: int, title: str = MATRIX_1080P) -> dict[str, Any]:
    client = library.server.client
    releases = (await client.get("/api/v3/release", params={"movieId": movie_id})).json()
    chosen = next(r for r in releases if r["title"] == title)
    response = await client.post(
        "/api/v3/release", json={"guid": chosen["guid"], "indexerId": chosen["indexerId"]}
    )
    assert response.status_code == 200, response.text
    [grab] = (await client.get("/api/v3/history", params={"eventType": 1, "pageSize": 1})).json()["records"]
    return dict(grab)


async def _queue(library: Library, **params: Any) -> dict[str, Any]:
    response = await library.server.client.get("/api/v3/queue", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_a_grabbed_release_is_in_the_queue_with_radarrs_fields(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    assert (await _queue(library))["totalRecords"] == 0
    grab = await _grab(library, movie["id"])
    page = await _queue(library, includeMovie="true")
    # Radarr's rule for a missing direction: descending ("default" is the queue's own, ascending).
    assert (page["totalRecords"], page["sortKey"], page["sortDirection"]) == (1, "timeleft", "descending")
    own = await _queue(library, sortDirection="default")
    assert own["sortDirection"] == "ascending"
    [item] = page["records"]
    assert item["movieId"] == movie["id"]
    assert item["movie"]["tmdbId"] == 603
    assert item["downloadId"] == grab["downloadId"]
    assert item["title"] == f"{MATRIX_1080P}.mkv"
    assert item["quality"]["quality"]["name"] == "Bluray-1080p"
    assert (item["protocol"], item["downloadClient"], item["indexer"]) == (
        "torrent",
        "qBittorrent",
        "Fixture",
    )
    assert item["size"] == len(payload(MATRIX_1080P))
    assert item["status"] in IN_FLIGHT
    assert item["trackedDownloadState"] == "downloading"
    assert item["trackedDownloadStatus"] in {"ok", "warning"}
    assert isinstance(item["statusMessages"], list)
    assert item["added"] == grab["date"]
    status = (await library.server.client.get("/api/v3/queue/status")).json()
    assert (status["totalCount"], status["count"], status["unknownCount"]) == (1, 1, 0)
    details = (
        await library.server.client.get("/api/v3/queue/details", params={"movieId": movie["id"]})
    ).json()
    assert [d["id"] for d in details] == [item["id"]]
    assert (await library.server.client.get("/api/v3/queue/details", params={"movieId": 999})).json() == []


async def test_removing_from_the_client_deletes_the_torrent(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    grab = await _grab(library, movie["id"])
    [item] = (await _queue(library))["records"]
    client = library.server.client
    refused = await client.delete(f"/api/v3/queue/{item['id']}", params={"changeCategory": "true"})
    assert refused.status_code == 400
    assert (await client.delete("/api/v3/queue/12345")).status_code == 404
    response = await client.delete(f"/api/v3/queue/{item['id']}")
    assert response.status_code == 200, response.text
    api = qbittorrent_api(qbittorrent)
    left = await asyncio.to_thread(api.torrents_info, category=library.category)
    assert [t.hash.upper() for t in left] == []
    assert (await _queue(library))["totalRecords"] == 0
    assert grab["downloadId"]


async def test_ignoring_leaves_the_torrent_but_not_the_queue(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    grab = await _grab(library, movie["id"])
    [item] = (await _queue(library))["records"]
    client = library.server.client
    response = await client.request(
        "DELETE", "/api/v3/queue/bulk", json={"ids": [item["id"]]}, params={"removeFromClient": "false"}
    )
    assert response.status_code == 200, response.text
    api = qbittorrent_api(qbittorrent)
    left = await asyncio.to_thread(api.torrents_info, category=library.category)
    assert [t.hash.upper() for t in left] == [grab["downloadId"]]
    await library.server.services.tracked_downloads.refresh()
    assert (await _queue(library))["totalRecords"] == 0
    ignored = (await client.get("/api/v3/history", params={"eventType": "downloadIgnored"})).json()
    assert [r["downloadId"] for r in ignored["records"]] == [grab["downloadId"]]


async def test_torrents_added_by_hand_are_matched_by_title_or_listed_as_unknown(
    library: Library, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    api = qbittorrent_api(qbittorrent)
    known, known_hash = make_torrent("The.Matrix.1999.720p.BluRay.x264-HAND.mkv", payload("hand-1"))
    stranger, stranger_hash = make_torrent("Holiday.Videos.2019.mkv", payload("hand-2"))
    for torrent in (known, stranger):
        await asyncio.to_thread(api.torrents_add, torrent_files=torrent, category=library.category)
    await library.server.services.tracked_downloads.refresh()
    page = await _queue(library)
    assert [(r["downloadId"], r["movieId"]) for r in page["records"]] == [(known_hash, movie["id"])]
    everything = await _queue(library, includeUnknownMovieItems="true")
    unknown = next(r for r in everything["records"] if r["downloadId"] == stranger_hash)
    assert "movieId" not in unknown
    assert unknown["trackedDownloadStatus"] == "warning"
    assert unknown["statusMessages"][-1]["messages"] == ["Unknown Movie"]
    status = (await library.server.client.get("/api/v3/queue/status")).json()
    assert (status["totalCount"], status["count"], status["unknownCount"]) == (2, 1, 1)
    assert status["unknownWarnings"] is True


async def test_a_client_that_goes_down_keeps_its_downloads_marked_unavailable(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    await _grab(library, movie["id"])
    assert (await _queue(library))["totalRecords"] == 1
    client = library.server.client
    [definition] = (await client.get("/api/v3/downloadclient")).json()
    for field in definition["fields"]:
        if field["name"] == "port":
            field["value"] = 1
    response = await client.put(
        f"/api/v3/downloadclient/{definition['id']}", json=definition, params={"forceSave": "true"}
    )
    assert response.status_code == 202, response.text
    await library.server.services.tracked_downloads.refresh()

    async def unavailable() -> list[dict[str, Any]] | None:
        records: list[dict[str, Any]] = (await _queue(library))["records"]
        return records if records and records[0]["status"] == "downloadClientUnavailable" else None

    [item] = await eventually(unavailable)
    assert item["movieId"] == movie["id"]
    command = await client.post("/api/v3/command", json={"name": "RefreshMonitoredDownloads"})
    assert command.status_code == 201


async def test_while_a_release_downloads_the_others_are_refused_for_the_queue(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    await _grab(library, movie["id"])
    await run_command(library, "RefreshMonitoredDownloads")
    releases = (await library.server.client.get("/api/v3/release", params={"movieId": movie["id"]})).json()
    others = [r for r in releases if r["title"] != MATRIX_1080P]
    assert others
    for release in others:
        assert not release["approved"]
    queued_reason = "Another release is queued and the Quality profile does not allow upgrades"
    assert all(
        queued_reason in r["rejections"] for r in others if r["quality"]["quality"]["name"] == "WEBDL-1080p"
    )
