"""/api/v3/config/host: Settings → General read, saved as a client sends it back, validated, and applied."""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.webhook.server import WebhookReceiver, receiver  # noqa: F401
from tests.support.certificates import write_certificate
from tests.support.live import API_KEY, LiveServer
from tests.support.notifications import webhook_resource


async def _host(server: LiveServer) -> dict[str, Any]:
    response = await server.client.get("/api/v3/config/host")
    assert response.status_code == 200
    return dict(response.json())


async def test_the_page_shows_how_the_server_runs_and_radarrs_defaults(server: LiveServer) -> None:
    host = await _host(server)
    assert host["id"] == 1
    assert (host["bindAddress"], host["port"], host["urlBase"]) == ("127.0.0.1", 7878, "")
    assert (host["enableSsl"], host["sslPort"]) == (False, 9898)
    assert host["apiKey"] == API_KEY
    assert (host["authenticationMethod"], host["authenticationRequired"]) == ("forms", "enabled")
    assert host["analyticsEnabled"] is False
    assert (host["backupFolder"], host["backupInterval"], host["backupRetention"]) == ("Backups", 7, 28)
    assert host["logLevel"] == "info"
    assert host["pendingRestart"] == []
    assert host["password"] == ""


async def test_a_new_instance_name_is_used_at_once(server: LiveServer) -> None:
    host = await _host(server)
    host["instanceName"] = "Films"
    response = await server.client.put("/api/v3/config/host/1", json=host)
    assert response.status_code == 202, response.text
    assert response.json()["instanceName"] == "Films"
    assert (await server.client.get("/api/v3/system/status")).json()["instanceName"] == "Films"


async def test_a_new_port_and_url_base_wait_for_the_next_start(server: LiveServer) -> None:
    host = await _host(server)
    host.update(port=8787, urlBase="films/")
    saved = (await server.client.put("/api/v3/config/host", json=host)).json()
    assert (saved["port"], saved["urlBase"]) == (8787, "/films")
    assert sorted(saved["pendingRestart"]) == ["port", "urlBase"]
    stored = tomllib.loads((server.services.settings.data_dir / "config.toml").read_text())
    assert (stored["port"], stored["url_base"]) == (8787, "/films")
    # The running server still answers where it started.
    assert (await server.client.get("/api/v3/system/status")).json()["urlBase"] == ""


async def test_a_value_the_environment_sets_cannot_be_changed_here(
    server: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REELARR_PORT", "7878")
    host = await _host(server)
    host["port"] = 9000
    response = await server.client.put("/api/v3/config/host", json=host)
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "port"
    assert "REELARR_PORT" in response.json()[0]["errorMessage"]


async def test_a_password_change_goes_through_the_accounts(server: LiveServer) -> None:
    await server.services.users.create("admin", "first-password")
    host = await _host(server)
    assert host["username"] == "admin"
    host.update(username="keeper", password="second-password", passwordConfirmation="second-password")
    assert (await server.client.put("/api/v3/config/host", json=host)).status_code == 202
    assert await server.services.users.authenticate("keeper", "second-password") is not None
    assert await server.services.users.authenticate("keeper", "first-password") is None
    again = await _host(server)
    assert (again["username"], again["password"]) == ("keeper", "")


async def test_the_log_level_applies_at_once(server: LiveServer) -> None:
    host = await _host(server)
    host["logLevel"] = "debug"
    assert (await server.client.put("/api/v3/config/host", json=host)).status_code == 202
    assert logging.getLogger().getEffectiveLevel() == logging.DEBUG
    host["logLevel"] = "info"
    assert (await server.client.put("/api/v3/config/host", json=host)).status_code == 202
    assert logging.getLogger().getEffectiveLevel() == logging.INFO


async def test_the_ssl_certificate_password_is_kept_but_never_sent_back(
    server: LiveServer, tmp_path: Path
) -> None:
    cert = tmp_path / "reelarr.pem"
    write_certificate(cert, "cert-secret")
    host = await _host(server)
    host.update(enableSsl=True, sslPort=9899, sslCertPath=str(cert), sslCertPassword="cert-secret")
    response = await server.client.put("/api/v3/config/host", json=host)
    assert response.status_code == 202, response.text
    assert "cert-secret" not in response.text
    assert response.json()["sslCertPassword"] == "********"
    # Sent back masked, it is kept as it was.
    again = (await server.client.put("/api/v3/config/host", json=response.json())).json()
    assert again["enableSsl"] is True
    stored = tomllib.loads((server.services.settings.data_dir / "config.toml").read_text())
    assert stored["ssl_cert_password"] == "cert-secret"
    wrong = {**again, "sslCertPassword": "wrong"}
    assert (await server.client.put("/api/v3/config/host", json=wrong)).status_code == 400


async def test_the_application_url_reaches_webhook_payloads(
    server: LiveServer,
    receiver: WebhookReceiver,  # noqa: F811
) -> None:
    host = await _host(server)
    host["applicationUrl"] = "https://films.example/reelarr"
    assert (await server.client.put("/api/v3/config/host", json=host)).status_code == 202
    body = await webhook_resource(server.client, receiver.url("/hook"), onGrab=True)
    assert (await server.client.post("/api/v3/notification/test", json=body)).status_code == 200
    (sent,) = receiver.requests()
    assert sent.json()["applicationUrl"] == "https://films.example/reelarr"
