"""The server starts on both databases and answers its identity."""

from __future__ import annotations

from tests.support.live import LiveServer


async def test_system_status_identifies_as_radarr(server: LiveServer) -> None:
    response = await server.client.get("/api/v3/system/status")
    assert response.status_code == 200
    body = response.json()
    assert body["appName"] == "Radarr"
    assert body["instanceName"] == "Reelarr"
    assert body["version"].count(".") == 3
    assert response.headers["X-Application-Version"] == body["version"]
