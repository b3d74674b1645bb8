"""ImportListSync against the fixture list server and fixture TMDB, on SQLite and PostgreSQL: what it
adds and with which options, what it only offers, and what its clean-up does or refuses to do."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import pytest

from tests.fixtures.importlists.server import API_KEY, FIGHT_CLUB, INCEPTION, MATRIX, Answer
from tests.fixtures.webhook.server import WebhookReceiver
from tests.integration.importlists.conftest import ListsEnv
from tests.support.notifications import add_webhook
from tests.support.waiting import eventually

DAY = timedelta(days=1)


async def add_by_hand(env: ListsEnv, tmdb_id: int, **add_options: Any) -> dict[str, Any]:
    """A film added through the API (no list offers it)."""
    body = {
        "tmdbId": tmdb_id,
        "qualityProfileId": env.profile_id,
        "rootFolderPath": str(env.root),
        "monitored": True,
        "addOptions": {"searchForMovie": False, **add_options},
    }
    response = await env.server.client.post("/api/v3/movie", json=body)
    assert response.status_code == 201, response.text
    added: dict[str, Any] = response.json()
    return added


async def test_a_sync_adds_the_lists_films_with_the_lists_options(lists_env: ListsEnv) -> None:
    tag = (await lists_env.server.client.post("/api/v3/tag", json={"label": "fromlist"})).json()
    lists_env.lists.offer(MATRIX, FIGHT_CLUB)
    await lists_env.add_radarr_list(monitor="none", minimumAvailability="announced", tags=[tag["id"]])
    await lists_env.sync()
    library = await lists_env.library()
    assert set(library) == {MATRIX.tmdb_id, FIGHT_CLUB.tmdb_id}
    matrix = library[MATRIX.tmdb_id]
    assert (matrix["monitored"], matrix["minimumAvailability"], matrix["tags"]) == (
        False,
        "announced",
        [tag["id"]],
    )
    assert (matrix["qualityProfileId"], matrix["rootFolderPath"].rstrip("/")) == (
        lists_env.profile_id,
        str(lists_env.root),
    )


async def test_the_webhook_says_a_list_added_a_film_and_a_client_its_own(
    lists_env: ListsEnv, receiver: WebhookReceiver
) -> None:
    await add_webhook(lists_env.server.client, receiver.url(), switches=("onMovieAdded",))
    lists_env.lists.offer(MATRIX)
    await lists_env.add_radarr_list()
    await lists_env.sync()
    await add_by_hand(lists_env, FIGHT_CLUB.tmdb_id)
    await add_by_hand(lists_env, INCEPTION.tmdb_id, addMethod="collection")

    async def told() -> dict[int, str] | None:
        added = [r.json() for r in receiver.requests() if r.json()["eventType"] == "MovieAdded"]
        return {p["movie"]["tmdbId"]: p["addMethod"] for p in added} if len(added) == 3 else None

    assert await eventually(told) == {
        MATRIX.tmdb_id: "list",
        FIGHT_CLUB.tmdb_id: "manual",
        INCEPTION.tmdb_id: "collection",
    }


async def test_an_unknown_add_method_is_a_400_that_adds_nothing(lists_env: ListsEnv) -> None:
    body = {
        "tmdbId": MATRIX.tmdb_id,
        "qualityProfileId": lists_env.profile_id,
        "rootFolderPath": str(lists_env.root),
        "addOptions": {"addMethod": "discover"},
    }
    response = await lists_env.server.client.post("/api/v3/movie", json=body)
    assert response.status_code == 400, response.text
    assert response.json()[0]["propertyName"] == "addOptions.addMethod"
    assert await lists_env.library() == {}


async def test_rss_and_stevenlu_films_are_found_on_tmdb_by_imdb_id(lists_env: ListsEnv) -> None:
    lists_env.lists.offer(MATRIX, INCEPTION)
    await lists_env.add_list(
        "RSSImport", {"link": lists_env.lists.url("/rss")}, config_contract="RSSImportSettings"
    )
    await lists_env.add_list(
        "StevenLuImport", {"link": lists_env.lists.url("/stevenlu.json")}, config_contract="StevenLuSettings"
    )
    await lists_env.sync()
    assert set(await lists_env.library()) == {MATRIX.tmdb_id, INCEPTION.tmdb_id}
    offered = (await lists_env.server.client.get("/api/v3/importlist/movie")).json()
    assert sorted((m["tmdbId"], len(m["lists"])) for m in offered) == [(603, 2), (27205, 2)]


async def test_a_plex_watchlist_feed_adds_its_films_by_tmdb_or_imdb_guid(lists_env: ListsEnv) -> None:
    lists_env.lists.offer(MATRIX, FIGHT_CLUB, INCEPTION)
    await lists_env.add_list(
        "PlexRssImport", {"url": lists_env.lists.url("/plex")}, config_contract="PlexRssImportSettings"
    )
    await lists_env.sync()
    assert set(await lists_env.library()) == {MATRIX.tmdb_id, FIGHT_CLUB.tmdb_id, INCEPTION.tmdb_id}


async def test_a_couchpotato_list_adds_its_wanted_films_and_keeps_its_key_out_of_logs(
    lists_env: ListsEnv, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="httpx")
    caplog.set_level(logging.DEBUG, logger="reelarr")
    lists_env.lists.offer(MATRIX, FIGHT_CLUB)
    port = int(lists_env.lists.url().rsplit(":", 1)[1])
    created = await lists_env.add_list(
        "CouchPotatoImport",
        {"link": "http://127.0.0.1", "port": port, "apiKey": API_KEY, "onlyActive": True},
        config_contract="CouchPotatoSettings",
    )
    await lists_env.sync()
    assert set(await lists_env.library()) == {MATRIX.tmdb_id, FIGHT_CLUB.tmdb_id}
    assert next(f for f in created["fields"] if f["name"] == "apiKey")["value"] == "********"
    assert lists_env.lists.requests("/couchpotato")
    assert API_KEY not in caplog.text


async def test_excluded_films_are_not_added(lists_env: ListsEnv) -> None:
    response = await lists_env.server.client.post(
        "/api/v3/exclusions",
        json={"tmdbId": FIGHT_CLUB.tmdb_id, "movieTitle": "Fight Club", "movieYear": 1999},
    )
    assert response.status_code in (200, 201), response.text
    lists_env.lists.offer(MATRIX, FIGHT_CLUB)
    await lists_env.add_radarr_list()
    await lists_env.sync()
    assert set(await lists_env.library()) == {MATRIX.tmdb_id}
    offered = {m["tmdbId"]: m for m in (await lists_env.server.client.get("/api/v3/importlist/movie")).json()}
    assert (offered[FIGHT_CLUB.tmdb_id]["isExcluded"], offered[MATRIX.tmdb_id]["isExisting"]) == (True, True)


async def test_a_list_without_enable_auto_only_offers_its_films(lists_env: ListsEnv) -> None:
    lists_env.lists.offer(MATRIX, FIGHT_CLUB)
    created = await lists_env.add_radarr_list(enableAuto=False)
    await lists_env.sync()
    assert await lists_env.library() == {}
    offered = (await lists_env.server.client.get("/api/v3/importlist/movie")).json()
    assert sorted((m["tmdbId"], m["isExisting"], m["isExcluded"], m["lists"]) for m in offered) == [
        (550, False, False, [created["id"]]),
        (603, False, False, [created["id"]]),
    ]


@pytest.mark.parametrize("level", ["logOnly", "keepAndUnmonitor", "removeAndKeep", "removeAndDelete"])
@pytest.mark.parametrize("answer", [Answer.ERROR, Answer.GARBAGE, Answer.EMPTY])
async def test_a_failed_garbage_or_empty_fetch_removes_nothing(
    lists_env: ListsEnv, level: str, answer: Answer
) -> None:
    lists_env.lists.offer(MATRIX)
    await lists_env.add_radarr_list()
    await lists_env.sync()
    await add_by_hand(lists_env, FIGHT_CLUB.tmdb_id)
    await lists_env.set_level(level)
    lists_env.lists.answer("/api/v3/movie", answer)
    lists_env.clock.advance(DAY)
    await lists_env.sync()
    library = await lists_env.library()
    assert set(library) == {MATRIX.tmdb_id, FIGHT_CLUB.tmdb_id}
    assert library[FIGHT_CLUB.tmdb_id]["monitored"] is True
    preview = (await lists_env.server.client.get("/api/v3/importlist/cleanup/preview")).json()
    assert preview["willAct"] is False
    assert ("failed" if answer != Answer.EMPTY else "was empty") in preview["heldReason"]


async def test_a_list_too_slow_to_answer_removes_nothing(lists_env: ListsEnv) -> None:
    lists_env.lists.offer(MATRIX)
    await lists_env.add_radarr_list()
    await lists_env.sync()
    await add_by_hand(lists_env, FIGHT_CLUB.tmdb_id)
    await lists_env.set_level("removeAndKeep")
    lists_env.lists.answer("/api/v3/movie", Answer.SLOW)
    lists_env.clock.advance(DAY)
    await lists_env.sync()
    assert set(await lists_env.library()) == {MATRIX.tmdb_id, FIGHT_CLUB.tmdb_id}


async def _off_list_film(env: ListsEnv, level: str) -> dict[str, Any]:
    """A list offering the Matrix synced once, then Fight Club added by hand, the level set and the
    clock moved past the list's refresh interval (the next sync fetches it again)."""
    env.lists.offer(MATRIX)
    await env.add_radarr_list()
    await env.sync()
    hand = await add_by_hand(env, FIGHT_CLUB.tmdb_id)
    await env.set_level(level)
    env.clock.advance(DAY)
    return hand


async def test_the_preview_names_what_a_sync_would_remove(lists_env: ListsEnv) -> None:
    lists_env.lists.offer(MATRIX)
    await lists_env.add_radarr_list()
    await lists_env.sync()
    hand = await add_by_hand(lists_env, FIGHT_CLUB.tmdb_id)
    await lists_env.set_level("removeAndKeep")
    preview = (await lists_env.server.client.get("/api/v3/importlist/cleanup/preview")).json()
    assert preview == {
        "listSyncLevel": "removeAndKeep",
        "willAct": True,
        "movies": [
            {
                "movieId": hand["id"],
                "tmdbId": 550,
                "title": "Fight Club",
                "year": 1999,
                "action": "removeAndKeep",
            }
        ],
    }
    assert set(await lists_env.library()) == {MATRIX.tmdb_id, FIGHT_CLUB.tmdb_id}


async def test_log_only_keeps_and_tags_the_film(lists_env: ListsEnv) -> None:
    tag = (await lists_env.server.client.post("/api/v3/tag", json={"label": "offlist"})).json()
    await _off_list_film(lists_env, "logOnly")
    response = await lists_env.server.client.put("/api/v3/config/importlist", json={"listSyncTag": tag["id"]})
    assert response.status_code == 202, response.text
    await lists_env.sync()
    film = (await lists_env.library())[FIGHT_CLUB.tmdb_id]
    assert (film["monitored"], film["tags"]) == (True, [tag["id"]])


async def test_keep_and_unmonitor_unmonitors_the_film(lists_env: ListsEnv) -> None:
    await _off_list_film(lists_env, "keepAndUnmonitor")
    await lists_env.sync()
    library = await lists_env.library()
    assert (library[FIGHT_CLUB.tmdb_id]["monitored"], library[MATRIX.tmdb_id]["monitored"]) == (False, True)


async def test_remove_and_keep_removes_the_film_and_keeps_its_folder(lists_env: ListsEnv) -> None:
    hand = await _off_list_film(lists_env, "removeAndKeep")
    folder = lists_env.root / "Fight Club (1999)"
    folder.mkdir(exist_ok=True)
    (folder / "Fight Club (1999).mkv").write_bytes(b"film")
    await lists_env.sync()
    assert set(await lists_env.library()) == {MATRIX.tmdb_id}
    assert (folder / "Fight Club (1999).mkv").exists(), hand["path"]


async def test_remove_and_delete_sends_the_files_to_the_recycle_bin(
    lists_env: ListsEnv, tmp_path: Any
) -> None:
    hand = await _off_list_film(lists_env, "removeAndDelete")
    folder = lists_env.root / hand["folderName"] if hand.get("folderName") else None
    folder = folder or type(lists_env.root)(hand["path"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "film.mkv").write_bytes(b"film")
    recycle = tmp_path / "recycle"
    recycle.mkdir()
    config = (await lists_env.server.client.get("/api/v3/config/mediamanagement")).json()
    config["recycleBin"] = str(recycle)
    response = await lists_env.server.client.put("/api/v3/config/mediamanagement", json=config)
    assert response.status_code == 202, response.text
    await lists_env.sync()
    assert set(await lists_env.library()) == {MATRIX.tmdb_id}
    assert not (folder / "film.mkv").exists()
    assert (recycle / folder.name / "film.mkv").read_bytes() == b"film"


async def test_remove_and_delete_without_a_recycle_bin_keeps_the_files(lists_env: ListsEnv) -> None:
    hand = await _off_list_film(lists_env, "removeAndDelete")
    folder = type(lists_env.root)(hand["path"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "film.mkv").write_bytes(b"film")
    await lists_env.sync()
    assert set(await lists_env.library()) == {MATRIX.tmdb_id}
    assert (folder / "film.mkv").read_bytes() == b"film"


async def test_a_list_is_not_fetched_again_before_its_refresh_interval(lists_env: ListsEnv) -> None:
    lists_env.lists.offer(MATRIX)
    await lists_env.add_radarr_list()
    fetches = len(lists_env.lists.requests("/api/v3/movie"))  # the test on save
    await lists_env.sync()
    await lists_env.sync()
    assert len(lists_env.lists.requests("/api/v3/movie")) == fetches + 1
    lists_env.clock.advance(timedelta(minutes=16))
    await lists_env.sync()
    assert len(lists_env.lists.requests("/api/v3/movie")) == fetches + 2


async def test_the_films_of_a_disabled_list_still_count_as_on_a_list(lists_env: ListsEnv) -> None:
    lists_env.lists.offer(MATRIX)
    radarr = await lists_env.add_radarr_list()
    await lists_env.add_list(
        "RSSImport", {"link": lists_env.lists.url("/rss")}, config_contract="RSSImportSettings"
    )
    await lists_env.sync()
    lists_env.lists.offer(FIGHT_CLUB)
    await add_by_hand(lists_env, FIGHT_CLUB.tmdb_id)
    radarr["enabled"] = False
    response = await lists_env.server.client.put(f"/api/v3/importlist/{radarr['id']}", json=radarr)
    assert response.status_code == 202, response.text
    await lists_env.set_level("removeAndKeep")
    lists_env.clock.advance(DAY)
    await lists_env.sync()
    assert set(await lists_env.library()) == {MATRIX.tmdb_id, FIGHT_CLUB.tmdb_id}


async def test_films_offered_in_discover_are_added_by_post_and_bad_ones_skipped(lists_env: ListsEnv) -> None:
    lists_env.lists.offer(MATRIX, FIGHT_CLUB)
    await lists_env.add_radarr_list(enableAuto=False)
    await lists_env.sync()
    chosen = [
        {
            "tmdbId": MATRIX.tmdb_id,
            "qualityProfileId": lists_env.profile_id,
            "rootFolderPath": str(lists_env.root),
        },
        {
            "tmdbId": FIGHT_CLUB.tmdb_id,
            "qualityProfileId": lists_env.profile_id,
            "rootFolderPath": "/nowhere",
        },
        {"tmdbId": 0},
    ]
    response = await lists_env.server.client.post("/api/v3/importlist/movie", json=chosen)
    assert response.status_code == 200, response.text
    assert [m["tmdbId"] for m in response.json()] == [MATRIX.tmdb_id]
    offered = {
        m["tmdbId"]: m["isExisting"]
        for m in (await lists_env.server.client.get("/api/v3/importlist/movie")).json()
    }
    assert offered == {MATRIX.tmdb_id: True, FIGHT_CLUB.tmdb_id: False}


async def _collections_settled(env: ListsEnv) -> list[dict[str, Any]]:
    """Wait until every RefreshCollections queued so far has finished; the collections then."""
    client = env.server.client

    async def done() -> bool:
        commands = (await client.get("/api/v3/command")).json()
        refreshes = [c for c in commands if c["name"] == "RefreshCollections"]
        return bool(refreshes) and all(c["status"] in ("completed", "failed") for c in refreshes)

    await eventually(done, within=30)
    found: list[dict[str, Any]] = (await client.get("/api/v3/collection")).json()
    return found


async def _library_becomes(env: ListsEnv, tmdb_ids: set[int]) -> None:
    async def reached() -> bool:
        return set(await env.library()) == tmdb_ids

    await eventually(reached, within=30)


async def test_a_list_monitoring_movie_and_collection_monitors_the_films_collection(
    lists_env: ListsEnv,
) -> None:
    lists_env.lists.offer(MATRIX, FIGHT_CLUB)  # Fight Club belongs to no collection
    await lists_env.add_radarr_list(monitor="movieAndCollection")
    await lists_env.sync()

    [collection] = await _collections_settled(lists_env)
    assert (collection["tmdbId"], collection["monitored"], collection["searchOnAdd"]) == (2344, True, False)
    # The monitored collection adds the rest of the Matrix films TMDB gives (not Resurrections).
    await _library_becomes(lists_env, {MATRIX.tmdb_id, FIGHT_CLUB.tmdb_id, 604, 605})


async def test_a_list_monitoring_movie_and_collection_monitors_a_collection_already_there(
    lists_env: ListsEnv,
) -> None:
    await add_by_hand(lists_env, 604)  # The Matrix Reloaded brings the collection, unmonitored
    [before] = await _collections_settled(lists_env)
    assert before["monitored"] is False
    lists_env.lists.offer(MATRIX)
    await lists_env.add_radarr_list(monitor="movieAndCollection")
    await lists_env.sync()

    async def monitored() -> list[dict[str, Any]] | None:
        found = (await lists_env.server.client.get("/api/v3/collection")).json()
        return found if found and found[0]["monitored"] else None

    [collection] = await eventually(monitored, within=30)
    assert collection["id"] == before["id"]
    await _library_becomes(lists_env, {MATRIX.tmdb_id, 604, 605})


async def test_a_list_monitoring_the_movie_only_leaves_its_collection_unmonitored(
    lists_env: ListsEnv,
) -> None:
    lists_env.lists.offer(MATRIX)
    await lists_env.add_radarr_list(monitor="movieOnly")
    await lists_env.sync()

    [collection] = await _collections_settled(lists_env)
    assert collection["monitored"] is False
    assert set(await lists_env.library()) == {MATRIX.tmdb_id}
