"""/api/v3/config/host refuses what breaks its rules, and saves nothing then (one server per module:
every test here is refused)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.live import LiveServer
from tests.support.shared_server import shared_server

server = shared_server()


async def _host(server: LiveServer) -> dict[str, Any]:
    response = await server.client.get("/api/v3/config/host")
    assert response.status_code == 200
    return dict(response.json())


@pytest.mark.parametrize(
    ("change", "property_name"),
    [
        ({"port": 0}, "port"),
        ({"port": 70000}, "port"),
        ({"bindAddress": "not-an-address"}, "bindAddress"),
        ({"urlBase": "http://x/y"}, "urlBase"),
        ({"enableSsl": True, "sslCertPath": "/no/such/cert.pem"}, "sslCertPath"),
        ({"enableSsl": True, "sslPort": 7878}, "sslPort"),
        ({"applicationUrl": "films.example"}, "applicationUrl"),
        ({"logLevel": "loud"}, "logLevel"),
        ({"password": "new-password-1", "passwordConfirmation": "other-password"}, "passwordConfirmation"),
        ({"backupInterval": 8}, "backupInterval"),
        ({"backupRetention": 0}, "backupRetention"),
        ({"analyticsEnabled": True}, "analyticsEnabled"),
        ({"proxyEnabled": True}, "proxyEnabled"),
        ({"authenticationMethod": "none"}, "authenticationMethod"),
        ({"authenticationRequired": "disabledForLocalAddresses"}, "authenticationRequired"),
    ],
)
async def test_broken_rules_are_a_400_and_nothing_is_saved(
    server: LiveServer, change: dict[str, object], property_name: str
) -> None:
    before = await _host(server)
    response = await server.client.put("/api/v3/config/host", json={**before, "instanceName": "X", **change})
    assert response.status_code == 400, response.text
    assert property_name in [f["propertyName"] for f in response.json()]
    assert await _host(server) == before
    assert not (server.services.settings.data_dir / "config.toml").exists()
