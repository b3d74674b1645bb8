"""Grabbing end to end: a fixture Torznab's release goes to the session's real qBittorrent, by an
interactive grab, a film search and an RSS sync, and history records it (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from tests.fixtures.indexers.releases import FixtureRelease
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command
from tests.support.qbittorrent import QBittorrentServer, qbittorrent_api

MATRIX_1080P = "The.Matrix.1999.1080p.BluRay.x264-GROUP"
MATRIX_720P = "The.Matrix.1999.720p.WEB-DL.DD5.1.H.264-SCENE"


def _fixture_release(server: IndexerFixtureServer, title: str) -> FixtureRelease:
    return next(r for r in server.site("torznab").releases if r.title == title)


async def _torrents(qbittorrent: QBittorrentServer, category: str) -> dict[str, str]:
    """The category's torrents in qBittorrent: info hash (upper case) to name."""
    found = await asyncio.to_thread(qbittorrent_api(qbittorrent).torrents_info, category=category)
    return {str(t.hash).upper(): str(t.name) for t in found}


async def test_an_interactive_grab_sends_the_torrent_and_history_keeps_it(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    client = library.server.client
    releases = (await client.get("/api/v3/release", params={"movieId": movie["id"]})).json()
    # The user grabs the 720p release the profile would not choose: an interactive grab is theirs.
    chosen = next(r for r in releases if r["title"] == MATRIX_720P)
    response = await client.post(
        "/api/v3/release", json={"guid": chosen["guid"], "indexerId": chosen["indexerId"]}
    )
    assert response.status_code == 200, response.text
    assert response.json()["title"] == MATRIX_720P

    expected_hash = _fixture_release(indexer_server, MATRIX_720P).info_hash
    assert await _torrents(qbittorrent, library.category) == {expected_hash: f"{MATRIX_720P}.mkv"}
    page = (await client.get("/api/v3/history", params={"includeMovie": "true"})).json()
    assert page["totalRecords"] == 1
    [grab] = page["records"]
    assert (grab["eventType"], grab["sourceTitle"], grab["downloadId"]) == (
        "grabbed",
        MATRIX_720P,
        expected_hash,
    )
    assert grab["movieId"] == movie["id"]
    assert grab["movie"]["tmdbId"] == 603
    assert grab["quality"]["quality"]["name"] == "WEBDL-720p"
    assert grab["data"]["downloadClientName"] == "qBittorrent"
    assert grab["data"]["indexer"] == "Fixture"
    assert grab["data"]["releaseSource"] == "InteractiveSearch"
    assert grab["data"]["torrentInfoHash"] == expected_hash
    assert "apikey" in grab["data"]["downloadUrl"]  # as Radarr keeps it; the log never shows it
    by_movie = (await client.get("/api/v3/history/movie", params={"movieId": movie["id"]})).json()
    assert [h["id"] for h in by_movie] == [grab["id"]]
    assert "movie" not in by_movie[0]
    grabbed_only = (await client.get("/api/v3/history", params={"eventType": 1})).json()
    assert grabbed_only["totalRecords"] == 1
    assert (await client.get("/api/v3/history", params={"eventType": 4})).json()["totalRecords"] == 0
    decisions = (await client.get("/api/v3/release/decision", params={"movieId": movie["id"]})).json()
    assert {d["title"]: d.get("outcome") for d in decisions}[MATRIX_720P] == "grabbed"


async def test_a_release_no_longer_known_is_a_404(library: Library) -> None:
    missing = await library.server.client.post("/api/v3/release", json={"guid": "nope", "indexerId": 1})
    assert missing.status_code == 404
    assert "cache" in missing.json()["message"]


async def test_a_torrent_file_that_cannot_be_fetched_gives_way_to_its_magnet(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    client = library.server.client
    releases = (await client.get("/api/v3/release", params={"movieId": movie["id"]})).json()
    chosen = next(r for r in releases if r["title"] == MATRIX_1080P)
    indexer_server.fail("status", path="/torznab/dl", status=404)
    response = await client.post(
        "/api/v3/release", json={"guid": chosen["guid"], "indexerId": chosen["indexerId"]}
    )
    assert response.status_code == 200, response.text
    expected = _fixture_release(indexer_server, MATRIX_1080P).info_hash
    assert set(await _torrents(qbittorrent, library.category)) == {expected}
    [grab] = (await client.get("/api/v3/history")).json()["records"]
    assert grab["downloadId"] == expected


async def test_a_film_search_grabs_its_best_release_once(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    command = await run_command(library, "MoviesSearch", movieIds=[movie["id"]])
    assert command["status"] == "completed", command
    assert "grabbed 1" in command["message"]
    expected = _fixture_release(indexer_server, MATRIX_1080P).info_hash
    assert set(await _torrents(qbittorrent, library.category)) == {expected}
    [grab] = (await library.server.client.get("/api/v3/history")).json()["records"]
    assert (grab["sourceTitle"], grab["data"]["releaseSource"]) == (MATRIX_1080P, "UserInvokedSearch")


async def test_when_the_best_release_cannot_be_had_the_next_is_grabbed(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    site = indexer_server.site("torznab")
    best = _fixture_release(indexer_server, MATRIX_1080P)
    second = replace(best, title="The.Matrix.1999.1080p.WEB-DL.DDP5.1.H.264-OTHER", tags=(), seeders=20)
    site.releases = [replace(r, magnet=False) for r in [*site.releases, second]]
    indexer_server.fail("status", path=f"/torznab/dl/{best.id}", status=404)
    command = await run_command(library, "MoviesSearch", movieIds=[movie["id"]])
    assert "grabbed 1" in command["message"], command
    assert "HTTP 404" in command["message"]
    [grab] = (await library.server.client.get("/api/v3/history")).json()["records"]
    assert grab["sourceTitle"] == second.title
    assert set(await _torrents(qbittorrent, library.category)) == {grab["downloadId"]}


async def test_an_rss_sync_grabs_for_the_library_and_not_again_within_12_hours(
    library: Library, indexer_server: IndexerFixtureServer, qbittorrent: QBittorrentServer
) -> None:
    matrix = await add_movie(library)
    await add_movie(library, 550)
    command = await run_command(library, "RssSync")
    assert command["status"] == "completed", command
    history = (await library.server.client.get("/api/v3/history", params={"pageSize": 50})).json()
    grabbed = {r["movie"]["tmdbId"] if "movie" in r else r["movieId"]: r for r in history["records"]}
    assert len(grabbed) == 2
    assert {r["data"]["releaseSource"] for r in history["records"]} == {"Rss"}
    sent = await _torrents(qbittorrent, library.category)
    assert set(sent) == {r["downloadId"] for r in history["records"]}

    # The grabs are in the queue once the downloads are read again (the watcher does within 2 s);
    # Radarr's queue check comes before its history check, which then is not made.
    await library.server.services.tracked_downloads.refresh()
    again = await run_command(library, "RssSync")
    assert "grabbed 0" in again["message"], again
    assert (await library.server.client.get("/api/v3/history")).json()["totalRecords"] == 2
    client = library.server.client
    decisions = (await client.get("/api/v3/release/decision", params={"movieId": matrix["id"]})).json()
    best = next(d for d in decisions if d["title"] == "The.Matrix.1999.1080p.BluRay.x264-GROUP")
    assert best["rejections"] == ["Another release is queued and the Quality profile does not allow upgrades"]


async def test_with_qbittorrent_unreachable_nothing_is_grabbed_and_its_status_says_why(
    library: Library, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    client = library.server.client
    [definition] = (await client.get("/api/v3/downloadclient")).json()
    for field in definition["fields"]:
        if field["name"] == "port":
            field["value"] = 1
    response = await client.put(
        f"/api/v3/downloadclient/{definition['id']}", json=definition, params={"forceSave": "true"}
    )
    assert response.status_code == 202, response.text
    command = await run_command(library, "MoviesSearch", movieIds=[movie["id"]])
    assert "grabbed 0" in command["message"], command
    assert "Unable to connect" in command["message"]
    releases = (await client.get("/api/v3/release", params={"movieId": movie["id"]})).json()
    refused = await client.post(
        "/api/v3/release", json={"guid": releases[0]["guid"], "indexerId": releases[0]["indexerId"]}
    )
    assert refused.status_code == 409
    assert "Unable to connect" in refused.json()["message"]
    assert (await client.get("/api/v3/history")).json()["totalRecords"] == 0
    health = {h["source"]: h for h in (await client.get("/api/v3/health")).json()}
    assert "DownloadClientStatusCheck" in health or "DownloadClientCheck" in health
