"""Releases waiting out a delay in /api/v3/queue, grabbed from it now or dropped from it, against the
session's real qBittorrent (both databases)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command
from tests.support.qbittorrent import QBittorrentServer

MATRIX_1080P = "The.Matrix.1999.1080p.BluRay.x264-GROUP"
MATRIX_720P = "The.Matrix.1999.720p.WEB-DL.DD5.1.H.264-SCENE"
HD_720P_1080P = 6  # Radarr's "HD - 720p/1080p" profile
DELAY_MINUTES = 24 * 60


async def _waiting(library: Library, delay: int = DELAY_MINUTES, **values: Any) -> dict[str, Any]:
    """A film whose best release waits out a torrent delay (a day) after an RSS sync."""
    movie = await add_movie(library, **values)
    client = library.server.client
    profile = (await client.get("/api/v3/delayprofile/1")).json()
    assert (await client.put("/api/v3/delayprofile/1", json={**profile, "torrentDelay": delay})).is_success
    assert (await run_command(library, "RssSync"))["status"] == "completed"
    return movie


async def _queue(library: Library, **params: Any) -> list[dict[str, Any]]:
    response = await library.server.client.get("/api/v3/queue", params={"includeMovie": "true", **params})
    assert response.status_code == 200, response.text
    records: list[dict[str, Any]] = response.json()["records"]
    return records


async def test_a_delayed_release_is_in_the_queue_until_its_delay_ends(
    library: Library, indexer_server: IndexerFixtureServer
) -> None:
    movie = await _waiting(library)
    [item] = await _queue(library)
    assert (item["movieId"], item["movie"]["tmdbId"]) == (movie["id"], 603)
    assert (item["title"], item["status"], item["protocol"]) == (MATRIX_1080P, "delay", "torrent")
    assert item["quality"]["quality"]["name"] == "Bluray-1080p"
    assert item["sizeleft"] == item["size"] > 0
    assert "trackedDownloadState" not in item
    assert "downloadId" not in item
    # Due when the release (a few hours old) is a day old, at the RSS sync after that (30 minutes).
    left = datetime.fromisoformat(item["estimatedCompletionTime"]) - datetime.now(UTC)
    assert timedelta(hours=12) < left <= timedelta(minutes=DELAY_MINUTES + 30)
    assert item["timeleft"].count(":") == 2
    status = (await library.server.client.get("/api/v3/queue/status")).json()
    assert (status["totalCount"], status["count"]) == (1, 1)
    details = (
        await library.server.client.get("/api/v3/queue/details", params={"movieId": movie["id"]})
    ).json()
    assert [d["id"] for d in details] == [item["id"]]


async def test_grabbing_a_waiting_release_sends_it_to_the_client_now(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    await _waiting(library)
    [waiting] = await _queue(library)
    client = library.server.client
    assert (await client.post("/api/v3/queue/grab/12345")).status_code == 404
    response = await client.post(f"/api/v3/queue/grab/{waiting['id']}")
    assert response.status_code == 200, response.text
    await library.server.services.tracked_downloads.refresh()
    [downloading] = await _queue(library)
    assert downloading["status"] != "delay"
    assert downloading["trackedDownloadState"] == "downloading"
    assert downloading["title"].startswith(MATRIX_1080P)
    [grab] = (await client.get("/api/v3/history", params={"eventType": 1})).json()["records"]
    assert grab["downloadId"] == downloading["downloadId"]
    assert (await client.post(f"/api/v3/queue/grab/{waiting['id']}")).status_code == 404


async def test_grabbing_in_bulk_and_removing_a_waiting_release(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    await _waiting(library)
    [waiting] = await _queue(library)
    client = library.server.client
    missing = await client.post("/api/v3/queue/grab/bulk", json={"ids": [waiting["id"] + 1]})
    assert missing.status_code == 404
    response = await client.delete(f"/api/v3/queue/{waiting['id']}")
    assert response.status_code == 200, response.text
    assert await _queue(library) == []
    assert (await client.post("/api/v3/queue/grab/bulk", json={"ids": [waiting["id"]]})).status_code == 404
    history = (await client.get("/api/v3/history", params={"eventType": 1})).json()
    assert history["totalRecords"] == 0


async def test_several_waiting_releases_are_removed_in_one_bulk_call(
    library: Library, indexer_server: IndexerFixtureServer
) -> None:
    await add_movie(library, 550)  # Fight Club, whose releases wait beside The Matrix's
    await _waiting(library)
    waiting = await _queue(library)
    assert {item["movie"]["tmdbId"] for item in waiting} == {603, 550}
    client = library.server.client
    response = await client.request("DELETE", "/api/v3/queue/bulk", json={"ids": [i["id"] for i in waiting]})
    assert response.status_code == 200, response.text
    assert await _queue(library) == []


async def test_removing_a_waiting_release_with_the_blocklist_keeps_it_from_coming_back(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await _waiting(library)
    [waiting] = await _queue(library)
    client = library.server.client
    response = await client.delete(f"/api/v3/queue/{waiting['id']}", params={"blocklist": "true"})
    assert response.status_code == 200, response.text
    [entry] = (await client.get("/api/v3/blocklist/movie", params={"movieId": movie["id"]})).json()
    assert (entry["sourceTitle"], entry["message"]) == (MATRIX_1080P, "Pending release manually blocklisted")
    assert (await run_command(library, "RssSync"))["status"] == "completed"
    assert MATRIX_1080P not in {r["title"] for r in await _queue(library)}


async def _two_waiting(library: Library) -> tuple[dict[str, Any], Callable[[], Awaitable[dict[str, Any]]]]:
    """A film (of the 720p/1080p profile) whose 1080p and 720p releases both wait out a two-day delay;
    the film and what became of each of its releases."""
    movie = await _waiting(library, delay=2 * DELAY_MINUTES, qualityProfileId=HD_720P_1080P)
    client = library.server.client

    async def outcomes() -> dict[str, Any]:
        decisions = (await client.get("/api/v3/release/decision", params={"movieId": movie["id"]})).json()
        return {d["title"]: d.get("outcome") for d in decisions}

    kept = await outcomes()
    assert (kept[MATRIX_1080P], kept[MATRIX_720P]) == ("pending", "pending")
    return movie, outcomes


async def test_grabbing_a_waiting_release_drops_the_films_waiting_releases_it_supersedes(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    _movie, outcomes = await _two_waiting(library)
    [waiting] = await _queue(library)
    assert waiting["title"] == MATRIX_1080P
    assert (await library.server.client.post(f"/api/v3/queue/grab/{waiting['id']}")).status_code == 200
    kept = await outcomes()
    assert (kept[MATRIX_1080P], kept[MATRIX_720P]) == ("grabbed", "superseded")
    await library.server.services.tracked_downloads.refresh()
    assert [i["title"] for i in await _queue(library) if i["status"] == "delay"] == []


async def test_a_better_waiting_release_waits_on_when_a_lesser_one_is_grabbed(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie, outcomes = await _two_waiting(library)
    client = library.server.client
    # The interactive search shows the releases without changing what became of them.
    releases = (await client.get("/api/v3/release", params={"movieId": movie["id"]})).json()
    assert (await outcomes())[MATRIX_1080P] == "pending"
    lesser = next(r for r in releases if r["title"] == MATRIX_720P)
    response = await client.post(
        "/api/v3/release", json={"guid": lesser["guid"], "indexerId": lesser["indexerId"]}
    )
    assert response.status_code == 200, response.text
    kept = await outcomes()
    assert (kept[MATRIX_1080P], kept[MATRIX_720P]) == ("pending", "grabbed")
    assert [i["title"] for i in await _queue(library) if i["status"] == "delay"] == [MATRIX_1080P]
