"""Quality definitions and profiles over the API, as Recyclarr and the UI use them."""

from __future__ import annotations

import copy
from typing import Any

from tests.support.live import LiveServer
from tests.support.waiting import eventually

DEFAULT_PROFILES = ["Any", "SD", "HD-720p", "HD-1080p", "Ultra-HD", "HD - 720p/1080p"]


async def _definitions(server: LiveServer) -> list[dict[str, Any]]:
    response = await server.client.get("/api/v3/qualitydefinition")
    assert response.status_code == 200
    body: list[dict[str, Any]] = response.json()
    return body


async def test_every_quality_has_a_definition_in_weight_order(server: LiveServer) -> None:
    definitions = await _definitions(server)
    assert len(definitions) == 30
    assert [d["weight"] for d in definitions] == sorted(d["weight"] for d in definitions)
    remux = next(d for d in definitions if d["quality"]["name"] == "Remux-2160p")
    assert remux["quality"] == {
        "id": 31,
        "name": "Remux-2160p",
        "source": "bluray",
        "resolution": 2160,
        "modifier": "remux",
    }
    assert "maxSize" not in remux, "unlimited sizes are null, and nulls are left out"
    webdl = next(d for d in definitions if d["quality"]["name"] == "WEBDL-1080p")
    assert webdl["quality"]["source"] == "webdl"
    assert webdl["maxSize"] == 100


async def test_definition_limits(server: LiveServer) -> None:
    assert (await server.client.get("/api/v3/qualitydefinition/limits")).json() == {"min": 0, "max": 2000}


async def test_bulk_update_as_recyclarr_sends_it(server: LiveServer) -> None:
    definitions = await _definitions(server)
    changed = []
    for d in definitions:
        if d["quality"]["name"] in ("Bluray-1080p", "WEBDL-1080p"):
            changed.append({**d, "minSize": 17.1, "preferredSize": 1999, "maxSize": 2000})
    response = await server.client.put("/api/v3/qualitydefinition/update", json=changed)
    assert response.status_code == 202
    after = {d["quality"]["name"]: d for d in await _definitions(server)}
    assert after["Bluray-1080p"]["minSize"] == 17.1
    assert after["WEBDL-1080p"]["maxSize"] == 2000
    assert after["Bluray-720p"]["minSize"] == 0


async def test_bulk_update_with_one_bad_size_changes_nothing(server: LiveServer) -> None:
    definitions = await _definitions(server)
    good = {**definitions[-1], "minSize": 5}
    bad = {**definitions[-2], "minSize": 50, "maxSize": 10}
    response = await server.client.put("/api/v3/qualitydefinition/update", json=[good, bad])
    assert response.status_code == 400
    # Named by the definition's place in the list, so a form can show it on that row.
    assert [f["propertyName"] for f in response.json()] == ["[1].maxSize"]
    assert await _definitions(server) == definitions


async def test_size_above_the_limit_is_refused(server: LiveServer) -> None:
    definition = (await _definitions(server))[0]
    response = await server.client.put(
        f"/api/v3/qualitydefinition/{definition['id']}", json={**definition, "maxSize": 2001}
    )
    assert response.status_code == 400


async def test_single_update_with_or_without_the_id_in_the_path(server: LiveServer) -> None:
    definition = (await _definitions(server))[5]
    by_path = await server.client.put(
        f"/api/v3/qualitydefinition/{definition['id']}", json={**definition, "title": "Mine"}
    )
    assert by_path.status_code == 202
    assert by_path.json()["title"] == "Mine"
    by_body = await server.client.put("/api/v3/qualitydefinition", json={**definition, "title": "Again"})
    assert by_body.json()["title"] == "Again"
    assert (await server.client.get(f"/api/v3/qualitydefinition/{definition['id']}")).json()[
        "title"
    ] == "Again"


async def test_reset_command_restores_the_defaults(server: LiveServer) -> None:
    original = await _definitions(server)
    await server.client.put(
        "/api/v3/qualitydefinition/update", json=[{**d, "minSize": 3, "title": "x"} for d in original]
    )
    queued = (
        await server.client.post(
            "/api/v3/command", json={"name": "ResetQualityDefinitions", "resetTitles": True}
        )
    ).json()

    async def done() -> bool:
        return (await server.client.get(f"/api/v3/command/{queued['id']}")).json()["status"] == "completed"

    await eventually(done)
    assert await _definitions(server) == original


async def test_radarr_default_profiles_exist_on_first_start(server: LiveServer) -> None:
    profiles = (await server.client.get("/api/v3/qualityProfile")).json()
    assert [p["name"] for p in profiles] == DEFAULT_PROFILES
    hd = next(p for p in profiles if p["name"] == "HD-1080p")
    allowed = [i["quality"]["name"] for i in hd["items"] if "quality" in i and i["allowed"]]
    assert allowed == ["HDTV-1080p", "Bluray-1080p", "Remux-1080p"]
    web = next(i for i in hd["items"] if i.get("name") == "WEB 1080p")
    assert web["id"] >= 1000
    assert web["allowed"] is True
    assert hd["cutoff"] == 7
    assert hd["language"] == {"id": 1, "name": "English"}


async def test_profile_round_trips_unchanged(server: LiveServer) -> None:
    profile = (await server.client.get("/api/v3/qualityprofile/1")).json()
    response = await server.client.put(f"/api/v3/qualityprofile/{profile['id']}", json=profile)
    assert response.status_code == 202
    assert response.json() == profile


def _new_profile(schema: dict[str, Any], name: str) -> dict[str, Any]:
    profile = copy.deepcopy(schema)
    profile["name"] = name
    for item in profile["items"]:
        names = (
            [item["quality"]["name"]] if "quality" in item else [c["quality"]["name"] for c in item["items"]]
        )
        if any("1080p" in n for n in names):
            item["allowed"] = True
            for child in item["items"]:
                child["allowed"] = True
    profile["cutoff"] = 7
    profile["upgradeAllowed"] = True
    return profile


async def test_create_from_the_schema(server: LiveServer) -> None:
    schema = (await server.client.get("/api/v3/qualityprofile/schema")).json()
    assert schema["name"] == ""
    assert not any(item["allowed"] for item in schema["items"])
    response = await server.client.post("/api/v3/qualityprofile", json=_new_profile(schema, "TRaSH 1080p"))
    assert response.status_code == 201
    created = response.json()
    assert created["id"] > 6
    assert created["upgradeAllowed"] is True
    assert (await server.client.get(f"/api/v3/qualityprofile/{created['id']}")).json() == created


async def test_update_with_the_id_only_in_the_body(server: LiveServer) -> None:
    profile = (await server.client.get("/api/v3/qualityprofile/2")).json()
    response = await server.client.put("/api/v3/qualityprofile", json={**profile, "name": "Standard"})
    assert response.status_code == 202
    assert (await server.client.get("/api/v3/qualityprofile/2")).json()["name"] == "Standard"


async def test_invalid_profiles_are_refused_and_nothing_is_saved(server: LiveServer) -> None:
    schema = (await server.client.get("/api/v3/qualityprofile/schema")).json()
    good = _new_profile(schema, "Good")
    cases = {
        "cutoff": {**good, "cutoff": 31},
        "items": {**good, "items": good["items"][1:]},
        "name": {**good, "name": "HD-720p"},
        "language.id": {**good, "language": {"id": 999}},
        "formatItems": {**good, "formatItems": [{"format": 12, "score": 100}]},
    }
    for prop, body in cases.items():
        response = await server.client.post("/api/v3/qualityprofile", json=body)
        assert response.status_code == 400, prop
        assert prop in [f["propertyName"] for f in response.json()], prop
    none_allowed = await server.client.post("/api/v3/qualityprofile", json={**schema, "name": "Nothing"})
    assert "Must contain at least one allowed quality" in [f["errorMessage"] for f in none_allowed.json()]
    assert len((await server.client.get("/api/v3/qualityprofile")).json()) == 6


async def test_unknown_profile_is_404(server: LiveServer) -> None:
    assert (await server.client.get("/api/v3/qualityprofile/99")).status_code == 404
    profile = (await server.client.get("/api/v3/qualityprofile/1")).json()
    assert (await server.client.put("/api/v3/qualityprofile/99", json=profile)).status_code == 404
    assert (await server.client.delete("/api/v3/qualityprofile/99")).status_code == 404


async def test_delete_a_profile(server: LiveServer) -> None:
    response = await server.client.delete("/api/v3/qualityprofile/6")
    assert response.status_code == 200
    assert response.json() == {}
    assert [p["id"] for p in (await server.client.get("/api/v3/qualityprofile")).json()] == [1, 2, 3, 4, 5]


async def test_languages(server: LiveServer) -> None:
    languages = (await server.client.get("/api/v3/language")).json()
    assert {"id": -2, "name": "Original", "nameLower": "original"} in languages
    assert {"id": 30, "name": "Portuguese (Brazil)", "nameLower": "portuguese (brazil)"} in languages
    assert (await server.client.get("/api/v3/language/1")).json()["name"] == "English"
    assert (await server.client.get("/api/v3/language/500")).status_code == 404
