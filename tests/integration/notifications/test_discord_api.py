"""Radarr's Discord through /api/v3/notification, on SQLite and PostgreSQL (the `server` fixture), the
local receiver standing in for Discord's webhook API (/api/webhooks/{id}/{token})."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest

from tests.fixtures.webhook.server import WebhookReceiver
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie
from tests.support.live import LiveServer
from tests.support.notifications import add_discord, discord_resource
from tests.support.shared_server import delete_all, shared_server
from tests.support.waiting import eventually

server = shared_server(reset=delete_all("/api/v3/notification"))

TOKEN = "Zx9-s3cretT0ken_abc"  # a made-up webhook token
HOOK = f"/api/webhooks/1234567890/{TOKEN}"
GRAB_FIELDS = [
    "Overview",
    "Rating",
    "Genres",
    "Quality",
    "Group",
    "Size",
    "Links",
    "Release",
    "Poster",
    "Fanart",
    "Indexer",
    "CustomFormats",
    "CustomFormatScore",
    "Tags",
]
IMPORT_FIELDS = [
    "Overview",
    "Rating",
    "Genres",
    "Quality",
    "Codecs",
    "Group",
    "Size",
    "Languages",
    "Subtitles",
    "Links",
    "Release",
    "Poster",
    "Fanart",
    "Tags",
    "CustomFormats",
    "CustomFormatScore",
]


def field(resource: dict[str, Any], name: str) -> Any:
    return next(f for f in resource["fields"] if f["name"] == name)


async def test_the_schema_offers_discord_with_radarrs_fields(server: LiveServer) -> None:
    schema = (await server.client.get("/api/v3/notification/schema")).json()
    entry = next(e for e in schema if e["implementation"] == "Discord")
    assert (entry["configContract"], entry["implementationName"]) == ("DiscordSettings", "Discord")
    assert entry["link"] == "https://support.discordapp.com/hc/en-us/articles/228383668-Intro-to-Webhooks"
    assert [(f["name"], f["label"]) for f in entry["fields"]] == [
        ("webHookUrl", "Webhook URL"),
        ("username", "Username"),
        ("avatar", "Avatar"),
        ("author", "Author"),
        ("grabFields", "On Grab Fields"),
        ("importFields", "On Import Fields"),
        ("manualInteractionFields", "On Manual Interaction Fields"),
    ]
    assert field(entry, "webHookUrl")["type"] == "url"
    assert field(entry, "username")["privacy"] == "userName"
    assert [field(entry, n)["advanced"] for n in ("avatar", "author", "grabFields", "importFields")] == [
        False,
        True,
        True,
        True,
    ]
    grab, imported = field(entry, "grabFields"), field(entry, "importFields")
    assert (grab["type"], grab["value"]) == ("select", list(range(14)))
    assert [(o["value"], o["name"]) for o in grab["selectOptions"]] == list(enumerate(GRAB_FIELDS))
    assert (imported["type"], imported["value"]) == ("select", list(range(14)))
    assert [(o["value"], o["name"]) for o in imported["selectOptions"]] == list(enumerate(IMPORT_FIELDS))
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


async def test_test_posts_radarrs_test_message_as_the_chosen_user(
    server: LiveServer, receiver: WebhookReceiver
) -> None:
    body = await discord_resource(
        server.client,
        receiver.url(HOOK),
        fields={"username": "Reelarr Bot", "avatar": "https://example.org/a.png"},
        onGrab=True,
    )
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 200, response.text
    (sent,) = receiver.requests()
    assert (sent.method, sent.path) == ("POST", HOOK)
    assert sent.headers["content-type"] == "application/json"
    message = sent.json()
    assert set(message) == {"content", "username", "avatar_url"}
    assert (message["username"], message["avatar_url"]) == ("Reelarr Bot", "https://example.org/a.png")
    pattern = r"Test message from Reelarr posted at \d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d\d:\d\d [AP]M"
    assert re.fullmatch(pattern, message["content"]), message


async def test_a_refused_test_is_a_400_with_discords_reason_and_no_token(
    server: LiveServer, receiver: WebhookReceiver
) -> None:
    receiver.behaviour.status = 401
    receiver.behaviour.body = b'{"message": "Invalid Webhook Token", "code": 50027}'
    body = await discord_resource(server.client, receiver.url(HOOK), onGrab=True)
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 400, response.text
    (failure,) = response.json()
    assert failure["propertyName"] == ""
    assert failure["errorMessage"] == (
        "Unable to send test message: Unable to post to Discord: HTTP 401 Unauthorized: Invalid Webhook Token"
    )
    assert failure["severity"] == "error"
    assert TOKEN not in response.text


async def test_a_bad_url_is_refused_and_a_disabled_discord_is_saved_untested(
    server: LiveServer, receiver: WebhookReceiver
) -> None:
    body = await discord_resource(server.client, "not a url", onGrab=True)
    refused = await server.client.post("/api/v3/notification", json=body)
    assert refused.status_code == 400
    assert refused.json()[0]["propertyName"] == "webHookUrl"
    quiet = await discord_resource(server.client, receiver.url(HOOK))
    assert (await server.client.post("/api/v3/notification", json=quiet)).status_code == 201
    assert receiver.requests() == []


async def test_a_discord_is_created_read_updated_and_deleted(
    server: LiveServer, receiver: WebhookReceiver
) -> None:
    client = server.client
    created = await add_discord(client, receiver.url(HOOK), fields={"author": "Home", "grabFields": [3, 5]})
    assert len(receiver.requests()) == 1  # the test on the way in
    again = (await client.get(f"/api/v3/notification/{created['id']}")).json()
    assert field(again, "webHookUrl")["value"] == receiver.url(HOOK)  # Radarr shows it (no privacy)
    assert (field(again, "author")["value"], field(again, "grabFields")["value"]) == ("Home", [3, 5])
    assert field(again, "importFields")["value"] == list(range(14))
    assert again["onGrab"] is True
    for f in again["fields"]:
        if f["name"] == "importFields":
            f["value"] = [0]
    response = await client.put(f"/api/v3/notification/{created['id']}", json=again)
    assert response.status_code == 202, response.text
    assert field(response.json(), "importFields")["value"] == [0]
    assert (await client.delete(f"/api/v3/notification/{created['id']}")).status_code == 200
    assert (await client.get(f"/api/v3/notification/{created['id']}")).status_code == 404


async def test_the_webhook_token_never_reaches_a_log_line(
    server: LiveServer, receiver: WebhookReceiver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    await add_discord(server.client, receiver.url(HOOK))
    receiver.behaviour.status = 500
    body = await discord_resource(server.client, receiver.url(HOOK), onGrab=True)
    assert (await server.client.post("/api/v3/notification/test", json=body)).status_code == 400
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("HTTP Request: POST http://127.0.0.1") for m in messages), messages
    assert [m for m in messages if TOKEN in m] == []


async def test_a_rate_limited_message_is_sent_again_by_the_dispatcher(
    library: Library, receiver: WebhookReceiver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="reelarr.notifications")
    await add_discord(library.server.client, receiver.url(HOOK), switches=("onMovieAdded",))
    receiver.behaviour.failures = 1
    receiver.behaviour.failure_status = 429
    receiver.behaviour.failure_body = b'{"message": "You are being rate limited.", "retry_after": 0.25}'
    await add_movie(library)

    async def delivered() -> list[int] | None:
        return receiver.state.answered if 200 in receiver.state.answered[1:] else None

    assert (await eventually(delivered))[1:] == [429, 200]
    first, second = (r.json() for r in receiver.requests()[1:])
    assert first == second
    assert first["embeds"][0]["description"] == "Movie Added"
    warnings = [r.getMessage() for r in caplog.records if "(attempt 1 of" in r.getMessage()]
    assert len(warnings) == 1
    assert "Discord rate limit reached: retry after 0.25 s" in warnings[0]
    assert TOKEN not in warnings[0]
