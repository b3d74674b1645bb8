"""Radarr's Notifiarr through /api/v3/notification and the real pipeline, on SQLite and PostgreSQL, the
server's `notifiarr_url` pointed at a local receiver answering as Notifiarr's API does."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import make_settings
from tests.fixtures.push.server import NOTIFIARR_KEY, NOTIFIARR_PATH, ServiceReceiver, notifiarr_receiver
from tests.fixtures.webhook.server import WebhookReceiver
from tests.support.library_api import add_movie
from tests.support.live import LiveServer, live_server
from tests.support.notifications import add_webhook
from tests.support.push import RELEASE, PushLibrary, add, field, push_library, resource
from tests.support.waiting import eventually

__all__ = ["notifiarr_receiver", "push_library"]


@pytest.fixture
async def notifiarr_server(
    database_url: str, tmp_path: Path, notifiarr_receiver: ServiceReceiver
) -> AsyncIterator[LiveServer]:
    """A running server whose Notifiarr is the receiver (REELARR_NOTIFIARR_URL's setting)."""
    settings = make_settings(database_url, tmp_path / "data", notifiarr_url=notifiarr_receiver.url(""))
    async with live_server(settings) as live:
        yield live


async def test_the_schema_offers_notifiarr_with_radarrs_field(notifiarr_server: LiveServer) -> None:
    schema = (await notifiarr_server.client.get("/api/v3/notification/schema")).json()
    entry = next(e for e in schema if e["implementation"] == "Notifiarr")
    assert (entry["configContract"], entry["implementationName"]) == ("NotifiarrSettings", "Notifiarr")
    assert entry["link"] == "https://notifiarr.com"
    (key,) = entry["fields"]
    assert (key["name"], key["label"], key["type"], key["privacy"]) == (
        "aPIKey",
        "API Key",
        "textbox",
        "apiKey",
    )
    assert (key["helpText"], key["helpLink"]) == ("Your API key from your profile", "https://notifiarr.com")
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


async def test_test_posts_radarrs_test_payload_with_the_key(
    notifiarr_server: LiveServer, notifiarr_receiver: ServiceReceiver
) -> None:
    body = await resource(notifiarr_server.client, "Notifiarr", fields={"aPIKey": NOTIFIARR_KEY}, onGrab=True)
    response = await notifiarr_server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 200, response.text
    (sent,) = notifiarr_receiver.requests()
    assert (sent.method, sent.path, sent.headers["x-api-key"]) == ("POST", NOTIFIARR_PATH, NOTIFIARR_KEY)
    assert (sent.headers["content-type"], sent.headers["accept"]) == ("application/json", "application/json")
    payload = sent.json()
    assert (payload["eventType"], payload["instanceName"]) == ("Test", "Reelarr")
    assert payload["movie"]["title"] == "Test Title"
    assert payload["release"]["releaseTitle"] == "Test Title"


async def test_a_wrong_key_is_refused_without_the_key(
    notifiarr_server: LiveServer, notifiarr_receiver: ServiceReceiver
) -> None:
    wrong = "nf-wrong-s3cret-key"
    body = await resource(notifiarr_server.client, "Notifiarr", fields={"aPIKey": wrong}, onGrab=True)
    response = await notifiarr_server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 400, response.text
    (failure,) = response.json()
    assert (failure["propertyName"], failure["errorMessage"]) == (
        "aPIKey",
        "Unable to send test message: API key is invalid",
    )
    assert wrong not in response.text
    assert [r.headers["x-api-key"] for r in notifiarr_receiver.requests()] == [wrong]


async def test_an_empty_key_is_refused_untested(
    notifiarr_server: LiveServer, notifiarr_receiver: ServiceReceiver
) -> None:
    body = await resource(notifiarr_server.client, "Notifiarr", fields={"aPIKey": ""}, onGrab=True)
    response = await notifiarr_server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 400
    assert [f["propertyName"] for f in response.json()] == ["aPIKey"]
    assert notifiarr_receiver.requests() == []


async def test_the_key_is_masked_on_read_and_kept_on_update(
    notifiarr_server: LiveServer, notifiarr_receiver: ServiceReceiver
) -> None:
    client = notifiarr_server.client
    created = await add(client, "Notifiarr", fields={"aPIKey": NOTIFIARR_KEY}, switches=("onGrab",))
    again = (await client.get(f"/api/v3/notification/{created['id']}")).json()
    assert field(again, "aPIKey")["value"] == "********"
    assert NOTIFIARR_KEY not in str(again)
    again["onMovieAdded"] = True
    response = await client.put(f"/api/v3/notification/{created['id']}", json=again)
    assert response.status_code == 202, response.text
    assert [r.headers["x-api-key"] for r in notifiarr_receiver.requests()] == [NOTIFIARR_KEY] * 2


async def test_a_grab_posts_the_payload_radarrs_webhook_sends(
    push_library: PushLibrary, notifiarr_receiver: ServiceReceiver, receiver: WebhookReceiver
) -> None:
    client = push_library.client
    await add(client, "Notifiarr", fields={"aPIKey": NOTIFIARR_KEY}, switches=("onGrab",))
    await add_webhook(client, receiver.url("/hook"), switches=("onGrab",))
    await push_library.grab()

    async def grabbed(source: ServiceReceiver | WebhookReceiver) -> dict[str, Any] | None:
        found = [r.json() for r in source.requests() if r.json()["eventType"] == "Grab"]
        return found[0] if found else None

    told = await eventually(lambda: grabbed(notifiarr_receiver))
    assert told == await eventually(lambda: grabbed(receiver))
    assert (told["movie"]["tmdbId"], told["release"]["releaseTitle"]) == (603, RELEASE)
    assert {r.path for r in notifiarr_receiver.requests()} == {NOTIFIARR_PATH}


async def test_an_unavailable_notifiarr_shows_in_health_without_the_key(
    push_library: PushLibrary, notifiarr_receiver: ServiceReceiver, receiver: WebhookReceiver
) -> None:
    client = push_library.client
    await add(client, "Notifiarr", fields={"aPIKey": NOTIFIARR_KEY}, switches=("onMovieAdded",))
    await add_webhook(client, receiver.url("/fine"), name="Fine", switches=("onMovieAdded",))
    notifiarr_receiver.behaviour.status = 503
    notifiarr_receiver.behaviour.body = b'{"result": "error", "details": {"response": "maintenance"}}'
    await add_movie(push_library.library)

    async def failing() -> list[dict[str, Any]] | None:
        found = (await client.get("/api/v3/health")).json()
        return [h for h in found if h["source"] == "NotificationStatusCheck"] or None

    (problem,) = await eventually(failing)
    assert problem["message"] == (
        "Notifications unavailable due to failures: "
        "Notifiarr (Unable to send notification. Service Unavailable)"
    )
    assert NOTIFIARR_KEY not in (await client.get("/api/v3/notification")).text
    added = [r.json() for r in notifiarr_receiver.requests()[1:]]
    assert added
    assert {a["eventType"] for a in added} == {"MovieAdded"}
