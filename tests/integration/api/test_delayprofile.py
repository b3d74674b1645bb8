"""/api/v3/delayprofile as Radarr's UI and clients use it: the global profile, tags, order, validation."""

from __future__ import annotations

from typing import Any

from tests.support.live import LiveServer

GLOBAL = {
    "id": 1,
    "enableUsenet": True,
    "enableTorrent": True,
    "preferredProtocol": "usenet",
    "usenetDelay": 0,
    "torrentDelay": 0,
    "bypassIfHighestQuality": False,
    "bypassIfAboveCustomFormatScore": False,
    "minimumCustomFormatScore": 0,
    "order": 2147483647,
    "tags": [],
}


async def _tag(server: LiveServer, label: str) -> int:
    tag_id: int = (await server.client.post("/api/v3/tag", json={"label": label})).json()["id"]
    return tag_id


async def _add(server: LiveServer, **fields: Any) -> dict[str, Any]:
    body = {"enableUsenet": True, "enableTorrent": True, "preferredProtocol": "torrent", **fields}
    response = await server.client.post("/api/v3/delayprofile", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def test_a_new_installation_has_radarrs_global_profile(server: LiveServer) -> None:
    assert (await server.client.get("/api/v3/delayprofile")).json() == [GLOBAL]
    assert (await server.client.get("/api/v3/delayprofile/1")).json() == GLOBAL


async def test_a_tagged_profile_is_added_before_the_global_one(server: LiveServer) -> None:
    anime = await _tag(server, "anime")
    created = await _add(server, torrentDelay=120, preferredProtocol=2, tags=[anime])
    assert created["order"] == 1
    assert created["preferredProtocol"] == "torrent"
    assert created["torrentDelay"] == 120
    listed = (await server.client.get("/api/v3/delayprofile")).json()
    assert [p["id"] for p in listed] == [created["id"], 1]


async def test_the_global_profile_can_be_changed_but_not_tagged_or_deleted(server: LiveServer) -> None:
    changed = await server.client.put("/api/v3/delayprofile/1", json={**GLOBAL, "usenetDelay": 60})
    assert changed.status_code == 202
    assert changed.json()["usenetDelay"] == 60
    assert changed.json()["order"] == 2147483647
    tag = await _tag(server, "hd")
    tagged = await server.client.put("/api/v3/delayprofile", json={**GLOBAL, "tags": [tag]})
    assert tagged.status_code == 400
    assert tagged.json()[0]["propertyName"] == "tags"
    refused = await server.client.delete("/api/v3/delayprofile/1")
    assert refused.status_code == 405
    assert refused.json()["message"] == "Cannot delete global delay profile"


async def test_bad_profiles_are_refused_with_every_reason(server: LiveServer) -> None:
    response = await server.client.post(
        "/api/v3/delayprofile",
        json={"enableUsenet": False, "enableTorrent": False, "usenetDelay": -1, "tags": []},
    )
    assert response.status_code == 400
    messages = {(f["propertyName"], f["errorMessage"]) for f in response.json()}
    assert ("tags", "'Tags' must not be empty.") in messages
    assert ("usenetDelay", "'usenetDelay' must be greater than or equal to '0'.") in messages
    assert ("", "Either Usenet or Torrent should be enabled") in messages
    assert (await server.client.get("/api/v3/delayprofile")).json() == [GLOBAL], "nothing was written"


async def test_unknown_tags_and_protocols_are_refused(server: LiveServer) -> None:
    unknown_tag = await server.client.post("/api/v3/delayprofile", json={"tags": [999]})
    assert unknown_tag.status_code == 400
    assert unknown_tag.json()[0]["propertyName"] == "tags"
    tag = await _tag(server, "x")
    bad_protocol = await server.client.post(
        "/api/v3/delayprofile", json={"tags": [tag], "preferredProtocol": "carrier-pigeon"}
    )
    assert bad_protocol.status_code == 400
    assert bad_protocol.json()[0]["propertyName"] == "preferredProtocol"


async def test_a_tag_belongs_to_one_profile_only(server: LiveServer) -> None:
    tag = await _tag(server, "4k")
    await _add(server, tags=[tag])
    second = await server.client.post("/api/v3/delayprofile", json={"tags": [tag]})
    assert second.status_code == 400
    assert second.json()[0]["errorMessage"] == "One or more tags is used in another profile"


async def test_reorder_deletes_close_the_gaps_and_tags_know_their_profiles(server: LiveServer) -> None:
    tags = [await _tag(server, label) for label in ("a", "b", "c")]
    first, second, third = [await _add(server, tags=[t]) for t in tags]
    moved = await server.client.put(f"/api/v3/delayprofile/reorder/{first['id']}?after={third['id']}")
    assert moved.status_code == 200
    assert [(p["id"], p["order"]) for p in moved.json()] == [
        (second["id"], 1),
        (third["id"], 2),
        (first["id"], 3),
        (1, 2147483647),
    ]
    details = (await server.client.get(f"/api/v3/tag/detail/{tags[0]}")).json()
    assert details["delayProfileIds"] == [first["id"]]

    assert (await server.client.delete(f"/api/v3/delayprofile/{second['id']}")).status_code == 200
    orders = [(p["id"], p["order"]) for p in (await server.client.get("/api/v3/delayprofile")).json()]
    assert orders == [(third["id"], 1), (first["id"], 2), (1, 2147483647)]


async def test_unknown_ids_are_404(server: LiveServer) -> None:
    for response in (
        await server.client.get("/api/v3/delayprofile/42"),
        await server.client.put("/api/v3/delayprofile/42", json={"tags": [1]}),
        await server.client.delete("/api/v3/delayprofile/42"),
        await server.client.put("/api/v3/delayprofile/reorder/42"),
    ):
        assert response.status_code in (404, 400), response.text
