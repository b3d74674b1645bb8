"""Radarr's ntfy through /api/v3/notification on SQLite and PostgreSQL (the `server` fixture), a
fixture ntfy server requiring an access token standing in for ntfy.sh."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.fixtures.notify.ntfy import NtfyFixture
from tests.support.hosted_notifications import add_notification, field_of, notification_resource
from tests.support.live import LiveServer
from tests.support.shared_server import delete_all, shared_server

server = shared_server(reset=delete_all("/api/v3/notification"))

TOKEN = "tk_fixtureS3cretAccessToken0001"


@pytest.fixture
def ntfy() -> Iterator[NtfyFixture]:
    with NtfyFixture(token=TOKEN) as fixture:
        yield fixture


async def test_the_schema_offers_ntfy_with_radarrs_fields(server: LiveServer) -> None:
    schema = (await server.client.get("/api/v3/notification/schema")).json()
    entry = next(e for e in schema if e["implementation"] == "Ntfy")
    assert (entry["configContract"], entry["implementationName"]) == ("NtfySettings", "ntfy.sh")
    assert entry["link"] == "https://ntfy.sh/"
    shown = [(f["name"], f["label"], f["type"], f.get("value")) for f in entry["fields"]]
    assert shown == [
        ("serverUrl", "Server URL", "url", ""),
        ("accessToken", "Access Token", "password", ""),
        ("userName", "Username", "textbox", ""),
        ("password", "Password", "password", ""),
        ("priority", "Priority", "select", 3),
        ("topics", "Topics", "tag", []),
        ("tags", "Ntfy Tags and Emojis", "tag", []),
        ("clickUrl", "Click Url", "url", ""),
    ]
    assert [field_of(entry, n)["privacy"] for n in ("accessToken", "userName", "password")] == [
        "apiKey",
        "userName",
        "password",
    ]
    assert field_of(entry, "serverUrl")["helpText"] == "Leave blank to use public server (https://ntfy.sh)"
    options = field_of(entry, "priority")["selectOptions"]
    assert [(o["value"], o["name"]) for o in options] == [
        (1, "Min"),
        (2, "Low"),
        (3, "Default"),
        (4, "High"),
        (5, "Max"),
    ]
    assert entry["supportsOnRename"] is False
    assert entry["supportsOnMovieAdded"] is True


async def test_test_publishes_radarrs_test_message_to_each_topic(
    server: LiveServer, ntfy: NtfyFixture
) -> None:
    fields = {
        "serverUrl": ntfy.url,
        "accessToken": TOKEN,
        "topics": ["films", "family"],
        "tags": ["tada"],
        "priority": 4,
    }
    body = await notification_resource(server.client, "Ntfy", fields, onGrab=True)
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 200, response.text
    sent = ntfy.requests()
    assert [(r.method, urlsplit(r.path).path) for r in sent] == [("POST", "/films"), ("POST", "/family")]
    for request in sent:
        assert request.headers["authorization"] == f"Bearer {TOKEN}"
        assert parse_qsl(urlsplit(request.path).query) == [
            ("title", "Radarr - Test Notification"),
            ("message", "This is a test message from Radarr"),
            ("priority", "4"),
            ("tags", "tada"),
        ]


async def test_a_wrong_token_is_a_400_on_the_access_token(server: LiveServer, ntfy: NtfyFixture) -> None:
    fields = {"serverUrl": ntfy.url, "accessToken": "tk_wrong", "topics": ["films"]}
    body = await notification_resource(server.client, "Ntfy", fields, onGrab=True)
    response = await server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 400, response.text
    assert [(f["propertyName"], f["errorMessage"]) for f in response.json()] == [
        ("accessToken", "Access Token is invalid")
    ]
    assert "tk_wrong" not in response.text


async def test_a_reserved_topic_is_refused_and_the_token_masked_on_read(
    server: LiveServer, ntfy: NtfyFixture
) -> None:
    body = await notification_resource(
        server.client, "Ntfy", {"serverUrl": ntfy.url, "topics": ["stats"]}, onGrab=True
    )
    response = await server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 400, response.text
    assert [(f["propertyName"], f["errorMessage"]) for f in response.json()] == [("topics", "Invalid topic")]
    created = await add_notification(
        server.client, "Ntfy", {"serverUrl": ntfy.url, "accessToken": TOKEN, "topics": ["films"]}
    )
    again = (await server.client.get(f"/api/v3/notification/{created['id']}")).json()
    assert field_of(again, "accessToken")["value"] == "********"
