"""Searching for films end to end: a fixture Torznab's releases decided, kept, chosen and explained."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.fixtures.indexers.releases import GB, FixtureRelease
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command
from tests.support.qbittorrent import QBittorrentServer, qbittorrent_api

MATRIX_1080P = "The.Matrix.1999.1080p.BluRay.x264-GROUP"
MATRIX_2160P = "The.Matrix.1999.2160p.UHD.BluRay.REMUX.HDR.HEVC-OTHER"
MATRIX_720P = "The.Matrix.1999.720p.WEB-DL.DD5.1.H.264-SCENE"


async def _decisions(library: Library, movie_id: int) -> dict[str, dict[str, Any]]:
    response = await library.server.client.get("/api/v3/release/decision", params={"movieId": movie_id})
    assert response.status_code == 200
    return {d["title"]: d for d in response.json()}


async def test_an_interactive_search_answers_every_release_with_its_decision(library: Library) -> None:
    movie = await add_movie(library)
    response = await library.server.client.get("/api/v3/release", params={"movieId": movie["id"]})
    assert response.status_code == 200, response.text
    assert "X-Indexer-Errors" not in response.headers
    releases = {r["title"]: r for r in response.json()}
    assert set(releases) == {MATRIX_1080P, MATRIX_2160P, MATRIX_720P}
    best = releases[MATRIX_1080P]
    assert best["approved"] is True
    assert best["rejections"] == []
    assert best["quality"]["quality"]["name"] == "Bluray-1080p"
    assert best["mappedMovieId"] == movie["id"]
    assert best["protocol"] == "torrent"
    assert best["seeders"] == 120
    assert best["leechers"] == 5
    assert best["indexerFlags"] == ["G_Freeleech"]
    weights = {title: r["releaseWeight"] for title, r in releases.items()}
    assert sorted(weights, key=weights.__getitem__) == [MATRIX_2160P, MATRIX_1080P, MATRIX_720P]
    uhd = releases[MATRIX_2160P]
    assert uhd["approved"] is False
    assert uhd["rejected"] is True
    assert uhd["rejections"] == ["Remux-2160p is not wanted in profile"]
    kept = await _decisions(library, movie["id"])
    assert kept[MATRIX_2160P]["rejectionReasons"][0]["reason"] == "qualityNotWanted"
    assert kept[MATRIX_1080P]["source"] == "interactiveSearch"
    assert kept[MATRIX_1080P].get("outcome") is None, "an interactive search chooses nothing itself"


async def test_a_films_search_chooses_its_best_release(library: Library) -> None:
    movie = await add_movie(library)
    done = await run_command(library, "MoviesSearch", movieIds=[movie["id"]])
    assert done["status"] == "completed", done
    assert "1 chosen" in done["message"]
    kept = await _decisions(library, movie["id"])
    assert kept[MATRIX_1080P]["outcome"] == "grabbed"  # chosen, then sent to the library's qBittorrent
    assert kept[MATRIX_1080P]["source"] == "userInvokedSearch"
    assert kept[MATRIX_720P]["rejections"] == ["WEBDL-720p is not wanted in profile"]
    assert (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json().get("lastSearchTime")


async def test_an_rss_sync_decides_the_feed_for_the_films_of_the_library(library: Library) -> None:
    matrix = await add_movie(library)
    fight_club = await add_movie(library, 550, qualityProfileId=1)
    done = await run_command(library, "RssSync")
    assert done["status"] == "completed", done
    assert done["message"].startswith("RSS sync: 7 release(s) from 1 indexer(s), 2 chosen")
    matrix_kept = await _decisions(library, matrix["id"])
    assert matrix_kept[MATRIX_1080P]["outcome"] == "grabbed"
    assert matrix_kept[MATRIX_1080P]["source"] == "rss"
    fight_kept = await _decisions(library, fight_club["id"])
    assert set(fight_kept) == {"Fight.Club.1999.1080p.BluRay.x264-GROUP", "Fight.Club.1999.DVDRip.XviD-OLD"}
    assert fight_kept["Fight.Club.1999.1080p.BluRay.x264-GROUP"]["outcome"] == "grabbed"


async def test_a_delay_holds_releases_until_a_later_sync(
    library: Library, indexer_server: IndexerFixtureServer
) -> None:
    movie = await add_movie(library)
    client = library.server.client
    global_profile = (await client.get("/api/v3/delayprofile/1")).json()
    await client.put("/api/v3/delayprofile/1", json={**global_profile, "torrentDelay": 24 * 60})
    await run_command(library, "RssSync")
    kept = await _decisions(library, movie["id"])
    assert kept[MATRIX_1080P]["outcome"] == "pending"
    assert kept[MATRIX_1080P]["temporarilyRejected"] is True
    assert kept[MATRIX_1080P]["rejections"] == ["Waiting for better quality release"]

    await client.put("/api/v3/delayprofile/1", json={**global_profile, "torrentDelay": 0})
    # The feed is empty now: only the waiting release is decided again.
    indexer_server.site("torznab").releases = []
    done = await run_command(library, "RssSync")
    assert done["status"] == "completed"
    kept = await _decisions(library, movie["id"])
    assert kept[MATRIX_1080P]["outcome"] == "grabbed"


async def test_an_indexer_that_fails_is_named_and_the_others_still_answer(
    library: Library, indexer_server: IndexerFixtureServer
) -> None:
    movie = await add_movie(library)
    broken = nab_resource(indexer_server, "newznab", name="Broken")
    broken["fields"] = [
        f if f["name"] != "apiKey" else {"name": "apiKey", "value": "wrong"} for f in broken["fields"]
    ]
    response = await library.server.client.post("/api/v3/indexer?forceSave=true", json=broken)
    assert response.status_code == 201, response.text
    answer = await library.server.client.get("/api/v3/release", params={"movieId": movie["id"]})
    assert answer.status_code == 200
    assert {r["title"] for r in answer.json()} >= {MATRIX_1080P}
    failures = json.loads(answer.headers["X-Indexer-Errors"])
    assert [f["indexer"] for f in failures] == ["Broken"]
    assert "wrong" not in answer.headers["X-Indexer-Errors"], "the bad key is not repeated"


async def test_a_pushed_release_is_decided_and_grabbed(
    library: Library, qbittorrent: QBittorrentServer
) -> None:
    movie = await add_movie(library)
    listed = (await library.server.client.get("/api/v3/release", params={"movieId": movie["id"]})).json()
    url = next(r["downloadUrl"] for r in listed if r["title"] == MATRIX_1080P)  # autobrr sends the indexer's
    pushed = {
        "title": "The.Matrix.1999.1080p.BluRay.x264-PUSHED",
        "downloadUrl": url,
        "protocol": "torrent",
        "publishDate": (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
        "size": 9 * 1024**3,
        "indexer": "fixture",
    }
    response = await library.server.client.post("/api/v3/release/push", json=pushed)
    assert response.status_code == 200, response.text
    (decision,) = response.json()
    assert decision["approved"] is True
    assert decision["guid"] == f"PUSH-{url}"
    assert decision["indexer"] == "Fixture", "the indexer named is found ignoring case"
    kept = await _decisions(library, movie["id"])
    assert kept[pushed["title"]]["outcome"] == "grabbed"
    assert kept[pushed["title"]]["source"] == "releasePush"
    api = qbittorrent_api(qbittorrent)
    sent = await asyncio.to_thread(api.torrents_info, category=library.category)
    assert [t.name for t in sent] == [f"{MATRIX_1080P}.mkv"]  # the torrent the indexer's link serves


async def test_bad_pushes_are_refused_with_radarrs_reasons(library: Library) -> None:
    missing = await library.server.client.post("/api/v3/release/push", json={"title": ""})
    assert missing.status_code == 400
    assert {f["propertyName"] for f in missing.json()} == {"title", "downloadUrl", "protocol", "publishDate"}
    unreadable = await library.server.client.post(
        "/api/v3/release/push",
        json={
            "title": "???",
            "downloadUrl": "http://127.0.0.1:9/x.torrent",
            "protocol": "torrent",
            "publishDate": datetime.now(UTC).isoformat(),
        },
    )
    assert unreadable.status_code == 400
    assert unreadable.json()[0]["errorMessage"] == "Unable to parse"


async def test_a_backlog_search_keeps_to_each_indexers_hourly_budget(library: Library) -> None:
    client = library.server.client
    (indexer,) = (await client.get("/api/v3/indexer")).json()
    response = await client.put(f"/api/v3/indexer/{indexer['id']}", json={**indexer, "queriesPerHour": 1})
    assert response.status_code == 202, response.text
    await add_movie(library)
    await add_movie(library, 550)
    done = await run_command(library, "MissingMoviesSearch")
    assert done["status"] == "completed", done
    assert done["message"].startswith("Searched 1 of 2 film(s)")
    assert "query budgets allow more from" in done["message"]


async def test_searching_without_indexers_says_so(library: Library) -> None:
    movie = await add_movie(library)
    client = library.server.client
    (indexer,) = (await client.get("/api/v3/indexer")).json()
    await client.delete(f"/api/v3/indexer/{indexer['id']}")
    done = await run_command(library, "MoviesSearch", movieIds=[movie["id"]])
    assert done["message"] == "No indexers are configured, so nothing was searched"


async def test_an_rss_sync_knows_a_film_by_its_alternative_titles(
    library: Library, indexer_server: IndexerFixtureServer
) -> None:
    spirited_away = await add_movie(library, 129)
    await add_movie(library)
    title = "Le.Voyage.de.Chihiro.2001.1080p.BluRay.x264-GROUP"
    indexer_server.site("torznab").releases = [FixtureRelease(title, 8 * GB, timedelta(hours=3))]
    done = await run_command(library, "RssSync")
    assert done["message"].startswith("RSS sync: 1 release(s) from 1 indexer(s)"), done
    # Only decisions about a film of the library are kept: this one was matched to Spirited Away.
    assert (await _decisions(library, spirited_away["id"]))[title]["rejections"] == [
        "English is wanted, but found Japanese"
    ]
