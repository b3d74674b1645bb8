"""/api/v3/indexer: Radarr's provider resource for indexers, against the fixture indexers."""

from __future__ import annotations

from typing import Any

import pytest

from tests.fixtures.indexers.plugin import indexer_app, indexer_fixture_server, indexer_server
from tests.fixtures.indexers.resources import field_value, nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.support.live import LiveServer

__all__ = ["indexer_app", "indexer_fixture_server", "indexer_server"]
MASK = "********"


async def _create(app: LiveServer, body: dict[str, Any], **params: str) -> dict[str, Any]:
    response = await app.client.post("/api/v3/indexer", json=body, params=params)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def test_the_schema_offers_every_implementation_with_radarrs_contracts(indexer_app: LiveServer) -> None:
    response = await indexer_app.client.get("/api/v3/indexer/schema")
    assert response.status_code == 200
    schema = {entry["implementation"]: entry for entry in response.json()}
    assert schema["Newznab"]["configContract"] == "NewznabSettings"
    assert schema["Torznab"]["configContract"] == "TorznabSettings"
    torznab = {f["name"] for f in schema["Torznab"]["fields"]}
    assert {
        "baseUrl",
        "apiPath",
        "apiKey",
        "categories",
        "minimumSeeders",
        "seedCriteria.seedRatio",
        "seedCriteria.seedTime",
        "rejectBlocklistedTorrentHashesWhileGrabbing",
        "multiLanguages",
        "removeYear",
        "requiredFlags",
        "additionalParameters",
    } <= torznab
    assert schema["Torznab"]["protocol"] == "torrent"
    assert schema["Newznab"]["protocol"] == "usenet"
    assert [p["name"] for p in schema["Newznab"]["presets"]][:2] == ["DOGnzb", "DrunkenSlug"]
    assert field_value(schema["Newznab"]["presets"][0], "baseUrl") == "https://api.dognzb.cr"
    assert schema["Newznab"]["infoLink"] == "https://wiki.servarr.com/radarr/supported#newznab"


async def test_an_indexer_is_tested_then_kept_and_read_back_with_its_key_masked(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    created = await _create(indexer_app, nab_resource(indexer_server))
    assert indexer_server.requests_to("/torznab/api"), "the indexer was not tested"
    assert created["id"] > 0
    assert field_value(created, "apiKey") == MASK
    assert (created["supportsRss"], created["supportsSearch"]) == (True, True)
    listed = (await indexer_app.client.get("/api/v3/indexer")).json()
    assert [i["name"] for i in listed] == ["Fixture"]
    one = (await indexer_app.client.get(f"/api/v3/indexer/{created['id']}")).json()
    assert field_value(one, "apiKey") == MASK
    assert field_value(one, "baseUrl") == indexer_server.site_url("torznab")


async def test_the_mask_sent_back_keeps_the_key(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    created = await _create(indexer_app, nab_resource(indexer_server))
    created["name"] = "Renamed"
    created["fields"] = [
        {**f, "value": [2000]} if f["name"] == "categories" else f for f in created["fields"]
    ]
    indexer_server.controls.reset()
    response = await indexer_app.client.put(f"/api/v3/indexer/{created['id']}", json=created)
    assert response.status_code == 202, response.text
    sent = indexer_server.requests_to("/torznab/api")
    assert sent
    assert all(r.params.get("apikey") == indexer_server.site("torznab").api_key for r in sent)
    outcome = await indexer_app.services.indexers.rss()
    assert outcome.failures == []
    assert outcome.releases


async def test_a_wrong_key_is_a_400_in_radarrs_shape_unless_force_saved(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    body = nab_resource(indexer_server, fields={"apiKey": "wrong"})
    response = await indexer_app.client.post("/api/v3/indexer", json=body)
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "apiKey"
    assert response.json()[0]["errorMessage"] == "Invalid API Key"
    assert (await indexer_app.client.get("/api/v3/indexer")).json() == []
    created = await _create(indexer_app, body, forceSave="true")
    assert created["name"] == "Fixture"


async def test_settings_that_break_the_rules_are_a_400_naming_the_field(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    body = nab_resource(indexer_server, fields={"baseUrl": "not a url"})
    response = await indexer_app.client.post("/api/v3/indexer", json=body)
    assert response.status_code == 400
    assert "baseUrl" in [f["propertyName"] for f in response.json()]


async def test_a_disabled_indexer_is_saved_without_a_test(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    body = nab_resource(
        indexer_server, enableRss=False, enableAutomaticSearch=False, enableInteractiveSearch=False
    )
    body["fields"] = [{"name": "baseUrl", "value": "http://127.0.0.1:9/nowhere"}]
    await _create(indexer_app, body)
    assert indexer_server.requests == []


@pytest.mark.parametrize(
    ("change", "property_name"),
    [
        ({"priority": 0}, "priority"),
        ({"priority": 51}, "priority"),
        ({"implementation": "NoSuchIndexer"}, "implementation"),
        ({"configContract": "NewznabSettings"}, "configContract"),
        ({"tags": [12345]}, "tags"),
        ({"name": ""}, "name"),
        ({"downloadClientId": -1}, "downloadClientId"),
        ({"fields": [{"name": "minimumSeeders", "value": "lots"}]}, "minimumSeeders"),
    ],
)
async def test_bad_input_is_a_400(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer, change: dict[str, Any], property_name: str
) -> None:
    body = {**nab_resource(indexer_server), **change}
    response = await indexer_app.client.post("/api/v3/indexer", json=body, params={"forceSave": "true"})
    assert response.status_code == 400, response.text
    assert property_name in [f["propertyName"] for f in response.json()]
    assert (await indexer_app.client.get("/api/v3/indexer")).json() == []


async def test_names_are_unique_ignoring_case(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _create(indexer_app, nab_resource(indexer_server, name="Fixture"))
    response = await indexer_app.client.post(
        "/api/v3/indexer", json=nab_resource(indexer_server, name="FIXTURE")
    )
    assert response.status_code == 400
    assert response.json()[0]["errorMessage"] == "Should be unique"


async def test_an_unchanged_update_is_not_tested_again(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    created = await _create(indexer_app, nab_resource(indexer_server))
    indexer_server.controls.reset()
    response = await indexer_app.client.put("/api/v3/indexer", json=created)
    assert response.status_code == 202
    assert indexer_server.requests == []


async def test_queries_per_hour_is_shown_set_and_kept_when_absent(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    created = await _create(indexer_app, nab_resource(indexer_server))
    assert created["queriesPerHour"] == 100
    created["queriesPerHour"] = 20
    updated = (await indexer_app.client.put(f"/api/v3/indexer/{created['id']}", json=created)).json()
    assert updated["queriesPerHour"] == 20
    without = {k: v for k, v in updated.items() if k != "queriesPerHour"}
    without["priority"] = 10
    kept = (await indexer_app.client.put(f"/api/v3/indexer/{created['id']}", json=without)).json()
    assert (kept["queriesPerHour"], kept["priority"]) == (20, 10)


async def test_bulk_edit_applies_tags_flags_and_priority(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    first = await _create(indexer_app, nab_resource(indexer_server, name="One"))
    second = await _create(indexer_app, nab_resource(indexer_server, "newznab", name="Two"))
    tags = [
        (await indexer_app.client.post("/api/v3/tag", json={"label": label})).json()["id"] for label in "abc"
    ]
    ids = [first["id"], second["id"]]
    edits: list[tuple[dict[str, Any], list[int]]] = [
        ({"tags": tags[:2], "applyTags": "add"}, tags[:2]),
        ({"tags": [tags[0]], "applyTags": "remove"}, [tags[1]]),
        ({"tags": [tags[2]], "applyTags": "replace", "enableRss": False, "priority": 5}, [tags[2]]),
    ]
    for edit, expected in edits:
        response = await indexer_app.client.put("/api/v3/indexer/bulk", json={"ids": ids, **edit})
        assert response.status_code == 202, response.text
        assert [sorted(i["tags"]) for i in response.json()] == [expected, expected]
    listed = (await indexer_app.client.get("/api/v3/indexer")).json()
    assert [(i["enableRss"], i["enableAutomaticSearch"], i["priority"]) for i in listed] == [
        (False, True, 5)
    ] * 2
    detail = (await indexer_app.client.get(f"/api/v3/tag/detail/{tags[2]}")).json()
    assert sorted(detail["indexerIds"]) == sorted(ids)
    assert (await indexer_app.client.delete(f"/api/v3/tag/{tags[2]}")).status_code == 409


async def test_bulk_edit_of_an_unknown_indexer_changes_nothing(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    created = await _create(indexer_app, nab_resource(indexer_server))
    response = await indexer_app.client.put(
        "/api/v3/indexer/bulk", json={"ids": [created["id"], 999], "priority": 3}
    )
    assert response.status_code == 404
    assert (await indexer_app.client.get(f"/api/v3/indexer/{created['id']}")).json()["priority"] == 25


async def test_delete_one_and_bulk_delete(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    ids = [(await _create(indexer_app, nab_resource(indexer_server, name=n)))["id"] for n in ("A", "B", "C")]
    response = await indexer_app.client.delete(f"/api/v3/indexer/{ids[0]}")
    assert (response.status_code, response.json()) == (200, {})
    assert (await indexer_app.client.get(f"/api/v3/indexer/{ids[0]}")).status_code == 404
    assert (await indexer_app.client.delete(f"/api/v3/indexer/{ids[0]}")).status_code == 404
    response = await indexer_app.client.request("DELETE", "/api/v3/indexer/bulk", json={"ids": ids[1:]})
    assert response.status_code == 200
    assert (await indexer_app.client.get("/api/v3/indexer")).json() == []


async def test_test_answers_empty_or_the_failures(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    response = await indexer_app.client.post("/api/v3/indexer/test", json=nab_resource(indexer_server))
    assert (response.status_code, response.json()) == (200, {})
    indexer_server.fail("status", status=503)
    response = await indexer_app.client.post("/api/v3/indexer/test", json=nab_resource(indexer_server))
    assert response.status_code == 400
    assert "indexer's server is unavailable" in response.json()[0]["errorMessage"]


async def test_testall_reports_each_enabled_indexer(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    good = await _create(indexer_app, nab_resource(indexer_server, name="Good"))
    bad = await _create(indexer_app, nab_resource(indexer_server, "newznab", name="Bad"))
    response = await indexer_app.client.post("/api/v3/indexer/testall")
    assert response.status_code == 200
    assert {r["id"]: r["isValid"] for r in response.json()} == {good["id"]: True, bad["id"]: True}
    indexer_server.fail("html", path="/newznab/")
    response = await indexer_app.client.post("/api/v3/indexer/testall")
    assert response.status_code == 400
    results = {r["id"]: r for r in response.json()}
    assert results[good["id"]]["isValid"] is True
    assert results[bad["id"]]["isValid"] is False
    assert "html" in results[bad["id"]]["validationFailures"][0]["errorMessage"]


async def test_the_categories_action_lists_the_sites_categories(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    response = await indexer_app.client.post(
        "/api/v3/indexer/action/newznabCategories", json=nab_resource(indexer_server)
    )
    assert response.status_code == 200
    options = response.json()["options"]
    assert [o["value"] for o in options][:3] == [2000, 2010, 2020]
    assert {o["value"] for o in options} >= {5000, 5040}  # TV is listed, last
    assert 3000 not in {o["value"] for o in options}  # audio is not
    assert options[1]["parentValue"] == 2000


async def test_the_categories_action_falls_back_to_radarrs_defaults(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    indexer_server.fail("status", status=500)
    response = await indexer_app.client.post(
        "/api/v3/indexer/action/newznabCategories", json=nab_resource(indexer_server)
    )
    assert [o["value"] for o in response.json()["options"]] == [
        2000,
        2010,
        2020,
        2030,
        2040,
        2045,
        2050,
        2060,
    ]


async def test_an_unknown_action_is_a_404(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    response = await indexer_app.client.post(
        "/api/v3/indexer/action/nothing", json=nab_resource(indexer_server)
    )
    assert response.status_code == 404


async def test_indexer_flags_are_radarrs(indexer_app: LiveServer) -> None:
    response = await indexer_app.client.get("/api/v3/indexerflag")
    assert response.status_code == 200
    flags = {f["name"]: f["id"] for f in response.json()}
    assert flags["G_Freeleech"] == 1
    assert flags["PTP_Golden"] == 8
    assert flags["Nuked"] == 2048
    assert "AHD_Internal" not in flags
    assert response.json()[0]["nameLower"] == "g_freeleech"


async def test_indexer_ids_out_of_range_are_404s(indexer_app: LiveServer) -> None:
    for path in ("/api/v3/indexer/0", "/api/v3/indexer/99999999999", "/api/v3/indexer/-1"):
        response = await indexer_app.client.get(path)
        assert response.status_code in (400, 404), path


async def test_updating_an_unknown_indexer_is_a_404_naming_it(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    response = await indexer_app.client.put("/api/v3/indexer/77", json=nab_resource(indexer_server))
    assert response.status_code == 404
    assert "77" in response.json()["message"]
