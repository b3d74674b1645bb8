"""A release chosen while no download client can take it waits in /api/v3/queue as
`downloadClientUnavailable` (the client disabled, or the session's real qBittorrent unreachable), is
grabbed by the next RSS sync or from the queue once the client is back, or dropped from the queue; the
UI hears of it over /ws (both databases)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import websockets
from websockets.asyncio.client import ClientConnection

from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command
from tests.support.live import API_KEY
from tests.support.qbittorrent import QBittorrentServer, qbittorrent_api

MATRIX_1080P = "The.Matrix.1999.1080p.BluRay.x264-GROUP"
NO_CLIENT = "No torrent download client is available"


async def _edit_client(library: Library, **changes: Any) -> None:
    """Change the library's qBittorrent: `enable`, or a field of its settings (`port`)."""
    client = library.server.client
    [definition] = (await client.get("/api/v3/downloadclient")).json()
    for field in definition["fields"]:
        if field["name"] in changes:
            field["value"] = changes.pop(field["name"])
    response = await client.put(
        f"/api/v3/downloadclient/{definition['id']}",
        json={**definition, **changes},
        params={"forceSave": "true"},
    )
    assert response.status_code == 202, response.text


async def _queue(library: Library) -> list[dict[str, Any]]:
    response = await library.server.client.get("/api/v3/queue")
    assert response.status_code == 200, response.text
    records: list[dict[str, Any]] = response.json()["records"]
    return records


async def _outcome(library: Library, movie_id: int, title: str = MATRIX_1080P) -> dict[str, Any]:
    decisions = (
        await library.server.client.get("/api/v3/release/decision", params={"movieId": movie_id})
    ).json()
    return dict(next(d for d in decisions if d["title"] == title))


async def _torrents(library: Library, qbittorrent: QBittorrentServer) -> list[str]:
    found = await asyncio.to_thread(qbittorrent_api(qbittorrent).torrents_info, category=library.category)
    return [str(t.name) for t in found]


async def _waiting_for_client(library: Library) -> tuple[dict[str, Any], dict[str, Any]]:
    """A film whose best release an RSS sync chose while its qBittorrent was disabled; the film and
    its queue item."""
    movie = await add_movie(library)
    await _edit_client(library, enable=False)
    command = await run_command(library, "RssSync")
    assert command["status"] == "completed", command
    assert "grabbed 0" in command["message"], command
    [item] = await _queue(library)
    return movie, item


async def test_a_release_no_client_can_take_waits_in_the_queue(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie, item = await _waiting_for_client(library)
    assert (item["movieId"], item["title"], item["protocol"]) == (movie["id"], MATRIX_1080P, "torrent")
    assert item["status"] == "downloadClientUnavailable"
    # As Radarr's pending releases: not a tracked download, so no tracked state and no messages.
    assert "trackedDownloadState" not in item
    assert "trackedDownloadStatus" not in item
    assert "downloadId" not in item
    assert item["statusMessages"] == []
    assert item["sizeleft"] == item["size"] > 0
    assert "estimatedCompletionTime" in item  # the next RSS sync
    decision = await _outcome(library, movie["id"])
    assert (decision["outcome"], decision["outcomeMessage"]) == ("downloadClientUnavailable", NO_CLIENT)
    status = (await library.server.client.get("/api/v3/queue/status")).json()
    assert (status["totalCount"], status["count"]) == (1, 1)
    assert await _torrents(library, qbittorrent) == []


async def test_the_next_rss_sync_grabs_it_once_the_client_is_back(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie, _item = await _waiting_for_client(library)
    again = await run_command(library, "RssSync")
    assert "grabbed 0" in again["message"], again
    assert [i["status"] for i in await _queue(library)] == ["downloadClientUnavailable"]
    await _edit_client(library, enable=True)
    command = await run_command(library, "RssSync")
    assert "grabbed 1" in command["message"], command
    assert await _torrents(library, qbittorrent) == [f"{MATRIX_1080P}.mkv"]
    assert (await _outcome(library, movie["id"]))["outcome"] == "grabbed"
    await library.server.services.tracked_downloads.refresh()
    [downloading] = await _queue(library)
    assert downloading["status"] != "downloadClientUnavailable"
    assert downloading["trackedDownloadState"] == "downloading"
    [grab] = (await library.server.client.get("/api/v3/history", params={"eventType": 1})).json()["records"]
    assert (grab["sourceTitle"], grab["data"]["releaseSource"]) == (MATRIX_1080P, "Rss")


async def test_an_unreachable_client_keeps_it_waiting_until_it_is_grabbed_from_the_queue(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    await _edit_client(library, port=1)
    command = await run_command(library, "RssSync")
    assert "grabbed 0" in command["message"], command
    [item] = await _queue(library)
    assert item["status"] == "downloadClientUnavailable"
    decision = await _outcome(library, movie["id"])
    assert decision["outcome"] == "downloadClientUnavailable"
    assert "Unable to connect" in decision["outcomeMessage"]
    client = library.server.client
    refused = await client.post(f"/api/v3/queue/grab/{item['id']}")
    assert refused.status_code == 409
    assert "Unable to connect" in refused.json()["message"]
    assert [i["id"] for i in await _queue(library)] == [item["id"]]

    await _edit_client(library, port=qbittorrent.port)
    response = await client.post(f"/api/v3/queue/grab/{item['id']}")
    assert response.status_code == 200, response.text
    assert await _torrents(library, qbittorrent) == [f"{MATRIX_1080P}.mkv"]
    assert (await _outcome(library, movie["id"]))["outcome"] == "grabbed"
    assert (await client.post(f"/api/v3/queue/grab/{item['id']}")).status_code == 404


async def test_removing_a_release_waiting_for_a_client_drops_it(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie, item = await _waiting_for_client(library)
    client = library.server.client
    response = await client.delete(f"/api/v3/queue/{item['id']}")
    assert response.status_code == 200, response.text
    assert await _queue(library) == []
    assert "outcome" not in await _outcome(library, movie["id"])
    await _edit_client(library, enable=True)
    assert (await client.post(f"/api/v3/queue/grab/{item['id']}")).status_code == 404
    assert await _torrents(library, qbittorrent) == []


async def _next_queue_message(ws: ClientConnection) -> dict[str, Any]:
    while True:
        message: dict[str, Any] = json.loads(await ws.recv(decode=True))
        if message["name"] == "queue":
            return message


async def test_the_ui_hears_when_a_release_begins_and_stops_waiting(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    await add_movie(library)
    await _edit_client(library, enable=False)
    url = library.server.url.replace("http://", "ws://") + f"/ws?access_token={API_KEY}"
    async with websockets.connect(url, open_timeout=10) as ws:
        assert (await run_command(library, "RssSync"))["status"] == "completed"
        message = await asyncio.wait_for(_next_queue_message(ws), 10)
        assert message == {"name": "queue", "action": "sync"}
        [item] = await _queue(library)
        assert item["status"] == "downloadClientUnavailable"
        assert (await library.server.client.delete(f"/api/v3/queue/{item['id']}")).status_code == 200
        assert (await asyncio.wait_for(_next_queue_message(ws), 10))["action"] == "sync"
