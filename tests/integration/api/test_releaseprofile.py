"""/api/v3/releaseprofile as Radarr's UI and clients use it: terms as lists or comma strings, validation."""

from __future__ import annotations

from tests.support.live import LiveServer
from tests.support.shared_server import delete_all, shared_server

server = shared_server(reset=delete_all("/api/v3/releaseprofile"))


async def test_create_list_update_delete(server: LiveServer) -> None:
    tag = (await server.client.post("/api/v3/tag", json={"label": "anime"})).json()["id"]
    created = await server.client.post(
        "/api/v3/releaseprofile",
        json={"name": "No CAMs", "required": "x265, HEVC", "ignored": ["CAM", "/\\bTS\\b/i"], "tags": [tag]},
    )
    assert created.status_code == 201, created.text
    profile = created.json()
    assert profile == {
        "id": profile["id"],
        "name": "No CAMs",
        "enabled": True,
        "required": ["x265", "HEVC"],
        "ignored": ["CAM", "/\\bTS\\b/i"],
        "indexerId": 0,
        "tags": [tag],
    }
    assert (await server.client.get("/api/v3/releaseprofile")).json() == [profile]
    changed = await server.client.put("/api/v3/releaseprofile", json={**profile, "enabled": False})
    assert changed.status_code == 202
    assert changed.json()["enabled"] is False
    details = (await server.client.get(f"/api/v3/tag/detail/{tag}")).json()
    assert details["releaseProfileIds"] == [profile["id"]]
    assert (await server.client.delete(f"/api/v3/releaseprofile/{profile['id']}")).status_code == 200
    assert (await server.client.get(f"/api/v3/releaseprofile/{profile['id']}")).status_code == 404


async def test_a_profile_needs_a_term(server: LiveServer) -> None:
    response = await server.client.post("/api/v3/releaseprofile", json={"name": "empty"})
    assert response.status_code == 400
    assert response.json()[0]["errorMessage"] == "'Must contain' or 'Must not contain' is required"


async def test_a_regular_expression_that_cannot_compile_is_named(server: LiveServer) -> None:
    response = await server.client.post(
        "/api/v3/releaseprofile", json={"required": ["fine", "/(broken/"], "ignored": ["  "]}
    )
    assert response.status_code == 400
    failures = {f["propertyName"]: f["errorMessage"] for f in response.json()}
    assert failures["required[1]"].startswith("Invalid regular expression /(broken/")
    assert failures["ignored"] == "'Must not contain' should not contain whitespaces or an empty string"
    assert (await server.client.get("/api/v3/releaseprofile")).json() == []


async def test_unknown_indexers_tags_and_unstorable_terms_are_refused(server: LiveServer) -> None:
    for body, field in (
        ({"required": ["x"], "indexerId": 7}, "indexerId"),
        ({"required": ["x"], "tags": [12]}, "tags"),
        ({"required": ["nul\u0000byte"]}, "required[0]"),
        ({"required": [1, 2]}, "required"),
    ):
        response = await server.client.post("/api/v3/releaseprofile", json=body)
        assert response.status_code == 400, body
        assert response.json()[0]["propertyName"] == field


async def test_a_disabled_profile_may_name_an_indexer_that_is_gone(server: LiveServer) -> None:
    response = await server.client.post(
        "/api/v3/releaseprofile", json={"required": ["x"], "indexerId": 7, "enabled": False}
    )
    assert response.status_code == 201
