"""Radarr's Gotify through /api/v3/notification on SQLite and PostgreSQL (the `server` fixture), a
fixture Gotify server standing in; the app token, in the query, never reaches a log or an error."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from tests.fixtures.notify.gotify import GotifyFixture
from tests.support.hosted_notifications import add_notification, field_of, notification_resource
from tests.support.live import LiveServer
from tests.support.shared_server import delete_all, shared_server

server = shared_server(reset=delete_all("/api/v3/notification"))

TOKEN = "AfixtureS3cretApp"


@pytest.fixture
def gotify() -> Iterator[GotifyFixture]:
    with GotifyFixture(TOKEN) as fixture:
        yield fixture


async def test_the_schema_offers_gotify_with_radarrs_fields(server: LiveServer) -> None:
    schema = (await server.client.get("/api/v3/notification/schema")).json()
    entry = next(e for e in schema if e["implementation"] == "Gotify")
    assert (entry["configContract"], entry["implementationName"], entry["link"]) == (
        "GotifySettings",
        "Gotify",
        "https://gotify.net/",
    )
    shown = [(f["name"], f["label"], f["type"], f.get("value")) for f in entry["fields"]]
    assert shown == [
        ("server", "Gotify Server", "textbox", ""),
        ("appToken", "App Token", "textbox", ""),
        ("priority", "Priority", "select", 5),
        ("includeMoviePoster", "Include Movie Poster", "checkbox", False),
        ("metadataLinks", "Metadata Links", "select", []),
        ("preferredMetadataLink", "Preferred Metadata Link", "select", 0),
    ]
    assert field_of(entry, "appToken")["privacy"] == "apiKey"
    options = field_of(entry, "priority")["selectOptions"]
    assert [(o["value"], o["name"]) for o in options] == [(0, "Min"), (2, "Low"), (5, "Normal"), (8, "High")]
    assert entry["supportsOnRename"] is False
    assert entry["supportsOnHealthIssue"] is True


async def test_test_posts_radarrs_test_message_with_its_extras(
    server: LiveServer, gotify: GotifyFixture
) -> None:
    fields = {"server": gotify.url, "appToken": TOKEN, "metadataLinks": [0]}
    body = await notification_resource(server.client, "Gotify", fields, onGrab=True)
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 200, response.text
    (sent,) = gotify.requests()
    assert (sent.method, sent.path) == ("POST", f"/message?token={TOKEN}")
    assert sent.headers["content-type"] == "application/json"
    assert sent.json() == {
        "title": "Test Notification",
        "message": "This is a test message from Radarr\n\n[Radarr.video](https://radarr.video)\n",
        "priority": 5,
        "extras": {
            "client::display": {"contentType": "text/markdown"},
            "client::notification": {"click": {"url": "https://radarr.video"}},
        },
    }


async def test_a_wrong_token_is_a_400_in_radarrs_and_gotifys_words_kept_out_of_logs(
    server: LiveServer, gotify: GotifyFixture, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    wrong = "Awrong5ecretToken"
    body = await notification_resource(
        server.client, "Gotify", {"server": gotify.url, "appToken": wrong}, onGrab=True
    )
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 400, response.text
    assert [(f["propertyName"], f["errorMessage"]) for f in response.json()] == [
        (
            "",
            "Unable to send test message: Unauthorized - AuthToken is invalid: you need to provide a valid "
            "access token or user credentials to access this api",
        )
    ]
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("HTTP Request: POST http://127.0.0.1") for m in messages), messages
    assert [m for m in messages if wrong in m] == []


async def test_a_bad_server_is_refused_and_the_token_masked_on_read(
    server: LiveServer, gotify: GotifyFixture
) -> None:
    body = await notification_resource(
        server.client, "Gotify", {"server": "gotify.lan", "appToken": TOKEN}, onGrab=True
    )
    response = await server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 400, response.text
    assert [(f["propertyName"], f["errorMessage"]) for f in response.json()] == [
        ("server", "Invalid Url: 'gotify.lan'")
    ]
    created = await add_notification(server.client, "Gotify", {"server": gotify.url, "appToken": TOKEN})
    again = (await server.client.get(f"/api/v3/notification/{created['id']}")).json()
    assert field_of(again, "appToken")["value"] == "********"
    assert TOKEN not in str(again)
