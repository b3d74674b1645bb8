"""/api/v3/customfilter: the UI's saved filters kept as Radarr's UI sends them, changed and removed."""

from __future__ import annotations

from tests.support.live import LiveServer
from tests.support.shared_server import delete_all, shared_server

server = shared_server(reset=delete_all("/api/v3/customfilter"))

FILTER = {
    "type": "movieIndex",
    "label": "Unwatched 4K",
    "filters": [
        {"key": "qualityProfileId", "value": [4], "type": "equal"},
        {"key": "year", "value": 2000, "type": "greaterThan"},
    ],
}


async def test_a_saved_filter_comes_back_as_it_was_sent(server: LiveServer) -> None:
    created = await server.client.post("/api/v3/customfilter", json=FILTER)
    assert created.status_code == 201, created.text
    saved = created.json()
    assert {k: saved[k] for k in FILTER} == FILTER
    assert (await server.client.get(f"/api/v3/customfilter/{saved['id']}")).json() == saved
    assert (await server.client.get("/api/v3/customfilter")).json() == [saved]


async def test_a_filter_is_changed_and_removed(server: LiveServer) -> None:
    saved = (await server.client.post("/api/v3/customfilter", json=FILTER)).json()
    changed = {**saved, "label": "Old films", "filters": [{"key": "year", "value": 1970, "type": "lessThan"}]}
    response = await server.client.put("/api/v3/customfilter", json=changed)
    assert response.status_code == 202
    assert response.json() == changed
    assert (await server.client.delete(f"/api/v3/customfilter/{saved['id']}")).status_code == 200
    assert (await server.client.get(f"/api/v3/customfilter/{saved['id']}")).status_code == 404


async def test_a_filter_without_a_label_is_a_400(server: LiveServer) -> None:
    response = await server.client.post("/api/v3/customfilter", json={**FILTER, "label": " "})
    assert response.status_code == 400
    assert [f["propertyName"] for f in response.json()] == ["label"]
    assert (await server.client.get("/api/v3/customfilter")).json() == []


async def test_an_unknown_filter_is_a_404(server: LiveServer) -> None:
    assert (await server.client.put("/api/v3/customfilter/999", json=FILTER)).status_code == 404
    assert (await server.client.delete("/api/v3/customfilter/999")).status_code == 404
