"""/api/v3/importlist and /api/v3/config/importlist: Radarr's resources for import lists, on SQLite and
PostgreSQL, against the fixture list server."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.fixtures.importlists.server import API_KEY, MATRIX, Answer
from tests.integration.importlists.conftest import ListsEnv
from tests.support.waiting import eventually

MASK = "********"


def field(resource: dict[str, Any], name: str) -> Any:
    return next(f for f in resource["fields"] if f["name"] == name)


async def test_the_schema_offers_radarrs_lists_with_their_fields_and_types(lists_env: ListsEnv) -> None:
    schema = (await lists_env.server.client.get("/api/v3/importlist/schema")).json()
    by_name = {e["implementation"]: e for e in schema}
    assert {"RadarrImport", "RSSImport", "StevenLuImport"} <= set(by_name)
    radarr = by_name["RadarrImport"]
    assert (radarr["configContract"], radarr["implementationName"]) == ("RadarrSettings", "Radarr")
    assert [f["name"] for f in radarr["fields"]] == [
        "baseUrl",
        "apiKey",
        "profileIds",
        "tagIds",
        "rootFolderPaths",
    ]
    assert field(radarr, "apiKey")["privacy"] == "apiKey"
    assert field(radarr, "profileIds")["selectOptionsProviderAction"] == "getProfiles"
    assert (radarr["listType"], radarr["listOrder"], radarr["minRefreshInterval"]) == (
        "program",
        0,
        "00:15:00",
    )
    assert (radarr["enabled"], radarr["enableAuto"]) == (False, True)
    steven = by_name["StevenLuImport"]
    assert field(steven, "link")["value"] == "https://popular-movies-data.stevenlu.com/movies.json"
    assert (steven["enabled"], steven["listType"], steven["minRefreshInterval"]) == (
        True,
        "advanced",
        "1.00:00:00",
    )
    assert [p["name"] for p in by_name["RSSImport"]["presets"]] == ["IMDb List", "IMDb Watchlist"]


async def test_a_created_list_is_tested_and_reads_back_with_its_api_key_masked(
    lists_env: ListsEnv, caplog: pytest.LogCaptureFixture
) -> None:
    lists_env.lists.offer(MATRIX)
    # Reelarr's and httpx's loggers (aiosqlite's DEBUG echoes SQL parameters, whatever the family).
    caplog.set_level(logging.DEBUG, logger="reelarr")
    caplog.set_level(logging.DEBUG, logger="httpx")
    created = await lists_env.add_radarr_list(monitor="none", minimumAvailability="inCinemas")
    assert lists_env.lists.requests("/api/v3/movie")[-1]["x-api-key"] == API_KEY
    assert field(created, "apiKey")["value"] == MASK
    assert (created["monitor"], created["minimumAvailability"], created["enabled"]) == (
        "none",
        "inCinemas",
        True,
    )
    again = (await lists_env.server.client.get(f"/api/v3/importlist/{created['id']}")).json()
    assert field(again, "apiKey")["value"] == MASK
    listed = (await lists_env.server.client.get("/api/v3/importlist")).json()
    assert API_KEY not in str(listed)
    assert API_KEY not in caplog.text


async def test_an_update_with_the_mask_keeps_the_stored_api_key(lists_env: ListsEnv) -> None:
    lists_env.lists.offer(MATRIX)
    created = await lists_env.add_radarr_list()
    created["name"] = "Other Radarr"
    response = await lists_env.server.client.put(f"/api/v3/importlist/{created['id']}", json=created)
    assert response.status_code == 202, response.text
    assert response.json()["name"] == "Other Radarr"
    assert lists_env.lists.requests("/api/v3/movie")[-1]["x-api-key"] == API_KEY


@pytest.mark.parametrize(
    ("change", "property_name"),
    [
        ({"qualityProfileId": 999}, "qualityProfileId"),
        ({"rootFolderPath": "/nowhere"}, "rootFolderPath"),
        ({"monitor": "everything"}, "monitor"),
        ({"minimumAvailability": "someday"}, "minimumAvailability"),
        (
            {"fields": [{"name": "baseUrl", "value": "not a url"}, {"name": "apiKey", "value": "k"}]},
            "baseUrl",
        ),
    ],
)
async def test_bad_input_is_a_400_naming_the_property_and_saves_nothing(
    lists_env: ListsEnv, change: dict[str, Any], property_name: str
) -> None:
    body = {
        "name": "Bad",
        "implementation": "RadarrImport",
        "configContract": "RadarrSettings",
        "fields": [{"name": "baseUrl", "value": lists_env.lists.url()}, {"name": "apiKey", "value": API_KEY}],
        "enabled": True,
        "qualityProfileId": lists_env.profile_id,
        "rootFolderPath": str(lists_env.root),
        "monitor": "movieOnly",
        "minimumAvailability": "released",
        **change,
    }
    response = await lists_env.server.client.post("/api/v3/importlist", json=body)
    assert response.status_code == 400, response.text
    assert property_name.lower() in str(response.json()).lower()
    assert (await lists_env.server.client.get("/api/v3/importlist")).json() == []


async def test_an_unknown_list_is_a_404(lists_env: ListsEnv) -> None:
    assert (await lists_env.server.client.get("/api/v3/importlist/4242")).status_code == 404
    assert (await lists_env.server.client.delete("/api/v3/importlist/4242")).status_code == 404


async def test_a_list_that_answers_500_fails_its_test_and_is_not_saved(lists_env: ListsEnv) -> None:
    lists_env.lists.answer("/api/v3/movie", Answer.ERROR)
    body = {
        "name": "Down",
        "implementation": "RadarrImport",
        "configContract": "RadarrSettings",
        "fields": [{"name": "baseUrl", "value": lists_env.lists.url()}, {"name": "apiKey", "value": API_KEY}],
        "enabled": True,
        "qualityProfileId": lists_env.profile_id,
        "rootFolderPath": str(lists_env.root),
    }
    response = await lists_env.server.client.post("/api/v3/importlist", json=body)
    assert response.status_code == 400, response.text
    assert "Unable to connect to import list" in response.text
    assert API_KEY not in response.text


async def test_the_radarr_list_offers_the_other_instances_profiles_as_options(lists_env: ListsEnv) -> None:
    body = {
        "implementation": "RadarrImport",
        "configContract": "RadarrSettings",
        "fields": [{"name": "baseUrl", "value": lists_env.lists.url()}, {"name": "apiKey", "value": API_KEY}],
    }
    response = await lists_env.server.client.post("/api/v3/importlist/action/getProfiles", json=body)
    assert response.status_code == 200, response.text
    assert response.json() == {"options": [{"value": 1, "name": "Any"}, {"value": 4, "name": "HD-1080p"}]}


async def test_bulk_edit_changes_the_lists_options(lists_env: ListsEnv) -> None:
    lists_env.lists.offer(MATRIX)
    first = await lists_env.add_radarr_list(name="One")
    second = await lists_env.add_radarr_list(name="Two")
    response = await lists_env.server.client.put(
        "/api/v3/importlist/bulk",
        json={"ids": [first["id"], second["id"]], "enableAuto": False, "minimumAvailability": "announced"},
    )
    assert response.status_code == 202, response.text
    assert [(r["enableAuto"], r["minimumAvailability"]) for r in response.json()] == [
        (False, "announced"),
        (False, "announced"),
    ]


async def test_the_list_options_save_and_refuse_unknown_levels_and_tags(lists_env: ListsEnv) -> None:
    client = lists_env.server.client
    assert (await client.get("/api/v3/config/importlist")).json() == {
        "id": 1,
        "listSyncLevel": "disabled",
        "listSyncTag": 0,
    }
    response = await client.put("/api/v3/config/importlist", json={"listSyncLevel": "keepAndUnmonitor"})
    assert response.status_code == 202, response.text
    assert (await client.get("/api/v3/config/importlist")).json()["listSyncLevel"] == "keepAndUnmonitor"
    assert (await client.put("/api/v3/config/importlist", json={"listSyncLevel": "wipe"})).status_code == 400
    response = await client.put("/api/v3/config/importlist", json={"listSyncTag": 77})
    assert response.status_code == 400, response.text
    assert "listSyncTag" in response.text
    assert (await client.get("/api/v3/config/importlist")).json()["listSyncTag"] == 0


async def test_a_failing_list_shows_in_health_as_radarr_words_it(lists_env: ListsEnv) -> None:
    lists_env.lists.offer(MATRIX)
    created = await lists_env.add_radarr_list()
    lists_env.lists.answer("/api/v3/movie", Answer.GARBAGE)
    await lists_env.sync(definitionId=created["id"])
    response = await lists_env.server.client.post("/api/v3/command", json={"name": "CheckHealth"})
    assert response.status_code == 201

    async def found() -> list[dict[str, Any]] | None:
        health = (await lists_env.server.client.get("/api/v3/health")).json()
        mine = [h for h in health if h["source"] == "ImportListStatusCheck"]
        return mine or None

    [check] = await eventually(found, within=20)
    assert (check["type"], check["message"]) == ("error", "All lists are unavailable due to failures")


async def test_a_failing_list_among_working_ones_is_named_with_its_last_error(lists_env: ListsEnv) -> None:
    lists_env.lists.offer(MATRIX)
    failing = await lists_env.add_radarr_list(name="Broken")
    await lists_env.add_list(
        "RSSImport", {"link": lists_env.lists.url("/rss")}, config_contract="RSSImportSettings", name="Feed"
    )
    lists_env.lists.answer("/api/v3/movie", Answer.ERROR)
    await lists_env.sync(definitionId=failing["id"])
    response = await lists_env.server.client.post("/api/v3/command", json={"name": "CheckHealth"})
    assert response.status_code == 201

    async def found() -> list[dict[str, Any]] | None:
        health = (await lists_env.server.client.get("/api/v3/health")).json()
        mine = [h for h in health if h["source"] == "ImportListStatusCheck"]
        return mine or None

    [check] = await eventually(found, within=20)
    error = f"HTTP 500 Internal Server Error (GET {lists_env.lists.url()}/…)"  # the path held back
    message = f"Lists unavailable due to failures: Broken ({error})"
    assert (check["type"], check["message"]) == ("warning", message)
    assert check["wikiUrl"].endswith("#import-lists-are-unavailable-due-to-failures")


async def test_a_list_whose_root_folder_is_gone_shows_in_health(lists_env: ListsEnv) -> None:
    lists_env.lists.offer(MATRIX)
    await lists_env.add_radarr_list(name="Friends")
    await lists_env.add_radarr_list(name="Watchlist", enabled=False)
    client = lists_env.server.client
    lists_env.root.rmdir()

    async def found() -> list[dict[str, Any]] | None:
        response = await client.post("/api/v3/command", json={"name": "CheckHealth"})
        assert response.status_code == 201
        health = (await client.get("/api/v3/health")).json()
        return [h for h in health if h["source"] == "ImportListRootFolderCheck"] or None

    [check] = await eventually(found, within=20)
    assert (check["type"], check["message"]) == (
        "error",
        f"Missing root folder for import list(s): {lists_env.root} (Friends, Watchlist)",
    )
    assert check["wikiUrl"].endswith("#import-list-missing-root-folder")
