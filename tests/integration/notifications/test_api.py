"""/api/v3/notification: Radarr's provider resource for notifications, with the Webhook, on SQLite and
PostgreSQL (the `server` fixture) against a local receiver."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.fixtures.webhook.server import WebhookReceiver
from tests.support.live import LiveServer
from tests.support.net import free_port
from tests.support.notifications import add_webhook, webhook_resource
from tests.support.shared_server import delete_all, shared_server

MASK = "********"

server = shared_server(reset=delete_all("/api/v3/notification"))


def field(resource: dict[str, Any], name: str) -> Any:
    return next(f for f in resource["fields"] if f["name"] == name)


async def test_the_schema_offers_the_webhook_with_radarrs_fields_and_switches(server: LiveServer) -> None:
    schema = (await server.client.get("/api/v3/notification/schema")).json()
    entry = next(e for e in schema if e["implementation"] == "Webhook")
    assert (entry["configContract"], entry["implementationName"]) == ("WebhookSettings", "Webhook")
    assert [f["name"] for f in entry["fields"]] == ["url", "method", "username", "password", "headers"]
    assert field(entry, "url")["type"] == "url"
    method = field(entry, "method")
    assert (method["type"], method["value"]) == ("select", 1)
    assert [(o["value"], o["name"]) for o in method["selectOptions"]] == [(1, "POST"), (2, "PUT")]
    assert (field(entry, "password")["type"], field(entry, "password")["privacy"]) == ("password", "password")
    assert field(entry, "username")["privacy"] == "userName"
    assert (field(entry, "headers")["type"], field(entry, "headers")["advanced"]) == ("keyValueList", True)
    assert (entry["onGrab"], entry["onDownload"]) == (False, False)
    assert entry["link"] == "https://wiki.servarr.com/radarr/settings#connect"
    assert entry["infoLink"] == "https://wiki.servarr.com/radarr/supported#webhook"
    supported = {k: v for k, v in entry.items() if k.startswith("supportsOn")}
    assert supported == {
        "supportsOnGrab": True,
        "supportsOnDownload": True,
        "supportsOnUpgrade": True,
        "supportsOnRename": True,
        "supportsOnMovieAdded": True,
        "supportsOnMovieDelete": True,
        "supportsOnMovieFileDelete": True,
        "supportsOnMovieFileDeleteForUpgrade": True,
        "supportsOnHealthIssue": True,
        "supportsOnHealthRestored": True,
        "supportsOnApplicationUpdate": True,
        "supportsOnManualInteractionRequired": True,
    }


async def test_a_created_webhook_is_tested_and_reads_back_with_its_password_masked(
    server: LiveServer, receiver: WebhookReceiver
) -> None:
    created = await add_webhook(
        server.client, receiver.url(), fields={"username": "radarr", "password": "s3cret"}, tags=[]
    )
    assert [r.json()["eventType"] for r in receiver.requests()] == ["Test"]
    assert (created["onGrab"], created["onMovieDelete"]) == (True, False)
    assert field(created, "password")["value"] == MASK
    assert field(created, "username")["value"] == "radarr"
    again = (await server.client.get(f"/api/v3/notification/{created['id']}")).json()
    assert field(again, "password")["value"] == MASK
    listed = (await server.client.get("/api/v3/notification")).json()
    assert [n["id"] for n in listed] == [created["id"]]
    assert "s3cret" not in str(listed)


async def test_an_update_with_the_mask_keeps_the_stored_password(
    server: LiveServer, receiver: WebhookReceiver
) -> None:
    created = await add_webhook(server.client, receiver.url(), fields={"username": "u", "password": "s3cret"})
    created["name"] = "Renamed"
    response = await server.client.put(f"/api/v3/notification/{created['id']}", json=created)
    assert response.status_code == 202, response.text
    assert response.json()["name"] == "Renamed"
    auth = receiver.requests()[-1].headers["authorization"]
    assert auth == "Basic dTpzM2NyZXQ="  # u:s3cret, sent again by the test of the update


async def test_test_sends_radarrs_test_payload_with_the_method_and_credentials(
    server: LiveServer, receiver: WebhookReceiver
) -> None:
    body = await webhook_resource(
        server.client,
        receiver.url("/put-here"),
        fields={
            "method": 2,
            "username": "me",
            "password": "pw",
            "headers": [{"key": "X-Token", "value": "t"}],
        },
        onGrab=True,
    )
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 200, response.text
    (sent,) = receiver.requests()
    assert (sent.method, sent.path) == ("PUT", "/put-here")
    assert sent.headers["content-type"] == "application/json"
    assert sent.headers["authorization"] == "Basic bWU6cHc="
    assert sent.headers["x-token"] == "t"
    assert sent.json() == {
        "eventType": "Test",
        "instanceName": "Reelarr",
        "applicationUrl": "",
        "movie": {
            "id": 1,
            "title": "Test Title",
            "year": 1970,
            "releaseDate": "1970-01-01",
            "folderPath": "C:\\testpath",
            "tmdbId": 0,
            "tags": ["test-tag"],
        },
        "remoteMovie": {"tmdbId": 1234, "imdbId": "5678", "title": "Test title", "year": 1970},
        "release": {
            "quality": "Test Quality",
            "qualityVersion": 1,
            "releaseGroup": "Test Group",
            "releaseTitle": "Test Title",
            "indexer": "Test Indexer",
            "size": 9999999,
            "customFormatScore": 0,
        },
    }


async def test_a_receiver_that_fails_the_test_is_a_400_naming_the_url(
    server: LiveServer, receiver: WebhookReceiver
) -> None:
    receiver.behaviour.status = 500
    body = await webhook_resource(server.client, receiver.url("/secret-token-path"), onGrab=True)
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 400, response.text
    (failure,) = response.json()
    assert failure["propertyName"] == "url"
    assert failure["errorMessage"].startswith("Unable to send test message: Unable to post to webhook")
    assert "500" in failure["errorMessage"]
    assert failure["severity"] == "error"


async def test_an_unreachable_receiver_fails_the_test_without_showing_the_urls_path(
    server: LiveServer,
) -> None:
    url = f"http://127.0.0.1:{free_port()}/token-abc123"
    body = await webhook_resource(server.client, url, onGrab=True)
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 400, response.text
    (failure,) = response.json()
    assert failure["propertyName"] == "url"
    assert "token-abc123" not in response.text


async def test_creating_an_enabled_webhook_that_fails_its_test_is_refused_unless_forced(
    server: LiveServer, receiver: WebhookReceiver
) -> None:
    receiver.behaviour.status = 503
    body = await webhook_resource(server.client, receiver.url(), onGrab=True)
    refused = await server.client.post("/api/v3/notification", json=body)
    assert refused.status_code == 400
    assert (await server.client.get("/api/v3/notification")).json() == []
    forced = await server.client.post("/api/v3/notification?forceSave=true", json=body)
    assert forced.status_code == 201, forced.text


async def test_bad_input_is_a_400_never_a_500(server: LiveServer, receiver: WebhookReceiver) -> None:
    body = await webhook_resource(server.client, "not a url", onGrab=True)
    bad_url = await server.client.post("/api/v3/notification", json=body)
    assert bad_url.status_code == 400
    assert bad_url.json()[0]["propertyName"] == "url"
    body = await webhook_resource(server.client, receiver.url(), fields={"method": 7}, onGrab=True)
    assert (await server.client.post("/api/v3/notification", json=body)).status_code == 400
    body = await webhook_resource(server.client, receiver.url(), fields={"method": "x"}, onGrab=True)
    assert (await server.client.post("/api/v3/notification", json=body)).status_code == 400
    body = await webhook_resource(server.client, receiver.url(), onGrab="sometimes")
    assert (await server.client.post("/api/v3/notification", json=body)).status_code == 400
    body = await webhook_resource(server.client, receiver.url(), tags=[999])
    assert (await server.client.post("/api/v3/notification", json=body)).status_code == 400
    unknown = await server.client.post("/api/v3/notification", json={**body, "implementation": "Nope"})
    assert unknown.status_code == 400
    assert (await server.client.get("/api/v3/notification/99999999999")).status_code in (400, 404)
    assert (await server.client.get("/api/v3/notification/12345")).status_code == 404
    assert receiver.requests() == []


async def test_a_webhook_is_deleted(server: LiveServer, receiver: WebhookReceiver) -> None:
    created = await add_webhook(server.client, receiver.url())
    assert (await server.client.delete(f"/api/v3/notification/{created['id']}")).status_code == 200
    assert (await server.client.get(f"/api/v3/notification/{created['id']}")).status_code == 404


async def test_a_disabled_webhook_is_saved_without_a_test(
    server: LiveServer, receiver: WebhookReceiver
) -> None:
    body = await webhook_resource(server.client, receiver.url())
    response = await server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 201, response.text
    assert receiver.requests() == []


async def test_a_test_after_many_failed_ones_really_tries_again(
    server: LiveServer, receiver: WebhookReceiver
) -> None:
    receiver.behaviour.status = 500
    body = await webhook_resource(server.client, receiver.url(), onGrab=True)
    for _ in range(6):  # more than the breaker of a remote service lets through
        assert (await server.client.post("/api/v3/notification/test", json=body)).status_code == 400
    receiver.behaviour.status = 200
    assert (await server.client.post("/api/v3/notification/test", json=body)).status_code == 200
    assert len(receiver.requests()) == 7


async def test_the_webhooks_path_query_and_password_never_reach_a_log_line(
    server: LiveServer, receiver: WebhookReceiver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    url = receiver.url("/T0KEN-path-xyz") + "?sig=Q5ecret"
    await add_webhook(server.client, url, fields={"username": "me", "password": "pa55word-9"})
    receiver.behaviour.status = 500
    body = await webhook_resource(server.client, url, onGrab=True)
    assert (await server.client.post("/api/v3/notification/test", json=body)).status_code == 400
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("HTTP Request: POST http://127.0.0.1") for m in messages), messages
    leaked = [m for m in messages if "T0KEN-path-xyz" in m or "Q5ecret" in m or "pa55word-9" in m]
    assert leaked == []
