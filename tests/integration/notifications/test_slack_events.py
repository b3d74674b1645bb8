"""Radarr's Slack through /api/v3/notification and the real pipeline, on SQLite and PostgreSQL, a local
receiver answering as Slack's incoming webhooks do."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest

from tests.fixtures.push.server import ServiceReceiver, notifiarr_receiver, slack_receiver
from tests.fixtures.webhook.server import WebhookReceiver
from tests.support.library_api import add_movie
from tests.support.live import LiveServer
from tests.support.notifications import add_webhook
from tests.support.push import PushLibrary, add, field, push_library, resource
from tests.support.shared_server import delete_all, shared_server
from tests.support.waiting import eventually

server = shared_server(reset=delete_all("/api/v3/notification"))

__all__ = ["notifiarr_receiver", "push_library", "slack_receiver"]

TOKEN = "s3cretT0kenXYZ"
HOOK = f"/services/T0001/B0002/{TOKEN}"


def slack_fields(receiver: ServiceReceiver, **values: Any) -> dict[str, Any]:
    return {"webHookUrl": receiver.url(HOOK), "username": "Reelarr", **values}


async def test_the_schema_offers_slack_with_radarrs_fields(server: LiveServer) -> None:
    schema = (await server.client.get("/api/v3/notification/schema")).json()
    entry = next(e for e in schema if e["implementation"] == "Slack")
    assert (entry["configContract"], entry["implementationName"]) == ("SlackSettings", "Slack")
    assert entry["link"] == "https://my.slack.com/services/new/incoming-webhook/"
    assert [(f["name"], f["label"], f["type"]) for f in entry["fields"]] == [
        ("webHookUrl", "Webhook URL", "url"),
        ("username", "Username", "textbox"),
        ("icon", "Icon", "textbox"),
        ("channel", "Channel", "textbox"),
    ]
    assert field(entry, "webHookUrl")["helpText"] == "Slack channel webhook url"
    assert field(entry, "username")["privacy"] == "userName"
    assert not any(f["advanced"] for f in entry["fields"])
    supported = {k: v for k, v in entry.items() if k.startswith("supportsOn")}
    assert supported == {
        "supportsOnGrab": True,
        "supportsOnDownload": True,
        "supportsOnUpgrade": True,
        "supportsOnRename": True,
        "supportsOnMovieAdded": False,
        "supportsOnMovieDelete": True,
        "supportsOnMovieFileDelete": True,
        "supportsOnMovieFileDeleteForUpgrade": True,
        "supportsOnHealthIssue": True,
        "supportsOnHealthRestored": True,
        "supportsOnApplicationUpdate": True,
        "supportsOnManualInteractionRequired": True,
    }


async def test_test_posts_radarrs_test_message(server: LiveServer, slack_receiver: ServiceReceiver) -> None:
    fields = slack_fields(slack_receiver, icon=":clapper:", channel="#films")
    body = await resource(server.client, "Slack", fields=fields, onGrab=True)
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 200, response.text
    (sent,) = slack_receiver.requests()
    assert (sent.method, sent.path, sent.headers["content-type"]) == ("POST", HOOK, "application/json")
    message = sent.json()
    assert set(message) == {"text", "username", "icon_emoji", "channel"}
    assert (message["username"], message["icon_emoji"], message["channel"]) == (
        "Reelarr",
        ":clapper:",
        "#films",
    )
    pattern = r"Test message from Reelarr posted at \d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d\d:\d\d [AP]M"
    assert re.fullmatch(pattern, message["text"]), message


async def test_a_refused_test_is_a_400_with_slacks_word_and_no_token(
    server: LiveServer, slack_receiver: ServiceReceiver
) -> None:
    slack_receiver.behaviour.status, slack_receiver.behaviour.body = 404, b"no_service"
    body = await resource(server.client, "Slack", fields=slack_fields(slack_receiver), onGrab=True)
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 400, response.text
    (failure,) = response.json()
    assert failure["propertyName"] == "Unable to post"
    assert failure["errorMessage"] == (
        "Unable to send test message: Unable to post payload: HTTP 404 Not Found: no_service"
    )
    assert TOKEN not in response.text


async def test_radarrs_validation_refuses_a_bad_url_and_no_username(server: LiveServer) -> None:
    body = await resource(
        server.client, "Slack", fields={"webHookUrl": "hooks.slack.com", "username": ""}, onGrab=True
    )
    response = await server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 400
    assert [f["propertyName"] for f in response.json()] == ["webHookUrl", "username"]


async def test_the_webhook_url_is_masked_on_read_and_kept_on_update(
    server: LiveServer, slack_receiver: ServiceReceiver
) -> None:
    client = server.client
    created = await add(client, "Slack", fields=slack_fields(slack_receiver), switches=("onGrab",))
    again = (await client.get(f"/api/v3/notification/{created['id']}")).json()
    assert field(again, "webHookUrl")["value"] == "********"
    assert TOKEN not in str(again)
    field(again, "channel")["value"] = "#elsewhere"
    response = await client.put(f"/api/v3/notification/{created['id']}", json=again)
    assert response.status_code == 202, response.text
    assert [r.path for r in slack_receiver.requests()] == [HOOK, HOOK]  # a test on create and on update
    assert slack_receiver.requests()[-1].json()["channel"] == "#elsewhere"


async def test_a_grab_is_told_with_radarrs_slack_payload(
    push_library: PushLibrary, slack_receiver: ServiceReceiver
) -> None:
    await add(push_library.client, "Slack", fields=slack_fields(slack_receiver), switches=("onGrab",))
    film = await push_library.grab()

    async def told() -> dict[str, Any] | None:
        grabs = [r.json() for r in slack_receiver.requests()[1:]]
        return grabs[0] if grabs else None

    line = f"{film['title']} ({film['year']}) [Bluray-1080p] https://www.imdb.com/title/{film['imdbId']}/"
    assert await eventually(told) == {
        "text": f"Grabbed: {line}",
        "username": "Reelarr",
        "attachments": [{"fallback": line, "title": film["title"], "text": line, "color": "warning"}],
    }
    assert [r.path for r in slack_receiver.requests()] == [HOOK, HOOK]


async def test_a_failing_slack_shows_in_health_without_its_webhook(
    push_library: PushLibrary,
    slack_receiver: ServiceReceiver,
    receiver: WebhookReceiver,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    client = push_library.client
    await add(client, "Slack", fields=slack_fields(slack_receiver), switches=("onMovieDelete",))
    await add_webhook(client, receiver.url("/fine"), name="Fine", switches=("onMovieDelete",))
    slack_receiver.behaviour.status, slack_receiver.behaviour.body = 500, b"internal_error"
    movie = await add_movie(push_library.library)
    assert (await client.delete(f"/api/v3/movie/{movie['id']}")).status_code == 200

    async def failing() -> list[dict[str, Any]] | None:
        found = (await client.get("/api/v3/health")).json()
        return [h for h in found if h["source"] == "NotificationStatusCheck"] or None

    (problem,) = await eventually(failing)
    assert problem["type"] == "warning"
    assert problem["message"].startswith(
        "Notifications unavailable due to failures: "
        "Slack (Unable to post payload: HTTP 500 Internal Server Error"
    )
    assert TOKEN not in problem["message"]
    sent = slack_receiver.requests()[1:]
    assert sent
    assert all(r.json()["text"] == "Movie Deleted" for r in sent)
    assert [r.getMessage() for r in caplog.records if TOKEN in r.getMessage()] == []
