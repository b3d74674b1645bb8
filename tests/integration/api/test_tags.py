"""/api/v3/tag over HTTP and through pyarr 5.2.0: lenient labels, idempotent create, details, 409 in use."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
import websockets
from pyarr import RadarrAPI

from tests.support.live import API_KEY, LiveServer
from tests.support.shared_server import shared_server

# The usage hooks tests add answer for their own tags only, which the next test no longer has.
server = shared_server("tags")

DETAIL_KEYS = {
    "id",
    "label",
    "delayProfileIds",
    "importListIds",
    "notificationIds",
    "releaseProfileIds",
    "indexerIds",
    "downloadClientIds",
    "autoTagIds",
    "movieIds",
}


async def _create(server: LiveServer, label: Any) -> httpx.Response:
    return await server.client.post("/api/v3/tag", json={"label": label})


async def test_create_list_get_rename_delete(server: LiveServer) -> None:
    created = await _create(server, "4K")
    assert created.status_code == 201
    tag = created.json()
    assert tag == {"id": tag["id"], "label": "4k"}
    assert (await server.client.get("/api/v3/tag")).json() == [tag]
    assert (await server.client.get(f"/api/v3/tag/{tag['id']}")).json() == tag

    renamed = await server.client.put(f"/api/v3/tag/{tag['id']}", json={"label": "UHD"})
    assert renamed.status_code == 202
    assert renamed.json() == {"id": tag["id"], "label": "uhd"}

    deleted = await server.client.delete(f"/api/v3/tag/{tag['id']}")
    assert (deleted.status_code, deleted.json()) == (200, {})
    missing = await server.client.get(f"/api/v3/tag/{tag['id']}")
    assert missing.status_code == 404
    assert "message" in missing.json()


async def test_put_without_the_id_in_the_path(server: LiveServer) -> None:
    tag = (await _create(server, "old")).json()
    response = await server.client.put("/api/v3/tag", json={"id": tag["id"], "label": "new"})
    assert response.status_code == 202
    assert (await server.client.get(f"/api/v3/tag/{tag['id']}")).json()["label"] == "new"


async def test_overseerr_user_tags_are_accepted(server: LiveServer) -> None:
    response = await _create(server, "1 - Alice")
    assert response.status_code == 201
    assert response.json()["label"] == "1 - alice"


@pytest.mark.parametrize("label", ["<script>", "", "   ", None, "a" * 101, 5])
async def test_bad_labels_answer_the_validation_array(server: LiveServer, label: Any) -> None:
    response = await _create(server, label)
    assert response.status_code == 400
    [failure] = response.json()
    assert failure["propertyName"] == "label"
    assert failure["severity"] == "error"
    assert (await server.client.get("/api/v3/tag")).json() == []


async def test_a_body_without_label_is_refused(server: LiveServer) -> None:
    response = await server.client.post("/api/v3/tag", json={})
    assert response.status_code == 400


async def test_a_lone_surrogate_is_refused(server: LiveServer) -> None:
    body = b'{"label": "a\\ud800b"}'
    response = await server.client.post(
        "/api/v3/tag", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400


async def test_creating_an_existing_label_returns_that_tag(server: LiveServer) -> None:
    first = (await _create(server, "anime")).json()
    again = await _create(server, "ANIME")
    assert again.status_code == 201
    assert again.json() == first


async def test_ten_simultaneous_creates_make_one_tag(server: LiveServer) -> None:
    responses = await asyncio.gather(*(_create(server, "Requested") for _ in range(10)))
    assert {r.status_code for r in responses} == {201}
    assert len({r.json()["id"] for r in responses}) == 1
    assert len((await server.client.get("/api/v3/tag")).json()) == 1


async def test_renaming_onto_another_label_is_refused(server: LiveServer) -> None:
    one = (await _create(server, "one")).json()
    await _create(server, "two")
    response = await server.client.put(f"/api/v3/tag/{one['id']}", json={"label": "Two"})
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "label"
    assert (await server.client.get(f"/api/v3/tag/{one['id']}")).json()["label"] == "one"


async def test_unknown_ids(server: LiveServer) -> None:
    assert (await server.client.put("/api/v3/tag/42", json={"label": "x"})).status_code == 404
    assert (await server.client.delete("/api/v3/tag/42")).status_code == 404
    assert (await server.client.get("/api/v3/tag/detail/42")).status_code == 404
    assert (await server.client.get("/api/v3/tag/99999999999")).status_code == 404


async def test_a_tag_in_use_cannot_be_deleted(server: LiveServer) -> None:
    tag = (await _create(server, "keep")).json()

    async def movies(tag_id: int) -> list[int]:
        return [12] if tag_id == tag["id"] else []

    server.services.tags.register_usage("movieIds", movies)
    response = await server.client.delete(f"/api/v3/tag/{tag['id']}")
    assert response.status_code == 409
    assert response.json() == {
        "message": f"Tag with ID {tag['id']} 'keep' cannot be deleted since it's still in use"
    }
    assert (await server.client.get(f"/api/v3/tag/{tag['id']}")).status_code == 200


async def test_details_name_every_user(server: LiveServer) -> None:
    used = (await _create(server, "used")).json()
    free = (await _create(server, "free")).json()

    async def indexers(tag_id: int) -> list[int]:
        return [2, 1] if tag_id == used["id"] else []

    server.services.tags.register_usage("indexerIds", indexers)
    details = (await server.client.get("/api/v3/tag/detail")).json()
    assert [d["label"] for d in details] == ["free", "used"]
    assert all(set(d) == DETAIL_KEYS for d in details)
    one = (await server.client.get(f"/api/v3/Tag/Detail/{used['id']}")).json()
    assert one["indexerIds"] == [1, 2]
    assert one["movieIds"] == []
    assert (await server.client.get(f"/api/v3/tag/detail/{free['id']}")).json()["indexerIds"] == []


async def test_changes_are_announced_on_the_websocket(server: LiveServer) -> None:
    url = server.url.replace("http://", "ws://") + f"/ws?access_token={API_KEY}"
    async with websockets.connect(url, open_timeout=10) as ws:
        assert json.loads(await ws.recv(decode=True))["name"] == "version"
        await _create(server, "announced")
        async with asyncio.timeout(10):
            while True:
                message = json.loads(await ws.recv(decode=True))
                if message["name"] == "tag":
                    break
    assert message == {"name": "tag", "action": "sync"}


async def test_pyarr_tag_calls(server: LiveServer) -> None:
    radarr = RadarrAPI(server.url, API_KEY)
    created = await asyncio.to_thread(radarr.create_tag, "Family")
    assert created["label"] == "family"
    assert await asyncio.to_thread(radarr.create_tag, "family") == created
    assert await asyncio.to_thread(radarr.get_tag) == [created]
    assert await asyncio.to_thread(radarr.get_tag, created["id"]) == created
    updated = await asyncio.to_thread(radarr.upd_tag, created["id"], "Kids")
    assert updated == {"id": created["id"], "label": "kids"}
    [detail] = await asyncio.to_thread(radarr.get_tag_detail)
    assert set(detail) == DETAIL_KEYS
    assert (await asyncio.to_thread(radarr.get_tag_detail, created["id"]))["label"] == "kids"
    await asyncio.to_thread(radarr.del_tag, created["id"])
    assert await asyncio.to_thread(radarr.get_tag) == []
