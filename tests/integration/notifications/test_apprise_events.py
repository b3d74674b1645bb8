"""Radarr's Apprise through /api/v3/notification and the real pipeline, on SQLite and PostgreSQL, a local
receiver answering as an Apprise API server does (behind HTTP basic auth)."""

from __future__ import annotations

import base64
from typing import Any

from tests.fixtures.push.server import (
    APPRISE_CREDENTIALS,
    ServiceReceiver,
    apprise_receiver,
    notifiarr_receiver,
)
from tests.fixtures.webhook.server import WebhookReceiver
from tests.support.library_api import add_movie
from tests.support.live import LiveServer
from tests.support.notifications import add_webhook
from tests.support.push import PushLibrary, add, field, push_library, resource
from tests.support.shared_server import delete_all, shared_server
from tests.support.waiting import eventually

server = shared_server(reset=delete_all("/api/v3/notification"))

__all__ = ["apprise_receiver", "notifiarr_receiver", "push_library"]

USER, PASSWORD = APPRISE_CREDENTIALS
STATELESS = "tgram://123456:BotT0kenS3cret/987"
FAILED = b'{"error": "One or more notification could not be sent."}'


def by_key(receiver: ServiceReceiver, **values: Any) -> dict[str, Any]:
    return {
        "serverUrl": receiver.url("/"),
        "configurationKey": "films",
        "authUsername": USER,
        "authPassword": PASSWORD,
        **values,
    }


async def test_the_schema_offers_apprise_with_radarrs_fields(server: LiveServer) -> None:
    schema = (await server.client.get("/api/v3/notification/schema")).json()
    entry = next(e for e in schema if e["implementation"] == "Apprise")
    assert (entry["configContract"], entry["implementationName"]) == ("AppriseSettings", "Apprise")
    assert entry["link"] == "https://github.com/caronc/apprise"
    assert [(f["name"], f["label"], f["type"]) for f in entry["fields"]] == [
        ("serverUrl", "Apprise Server URL", "url"),
        ("configurationKey", "Apprise Configuration Key", "textbox"),
        ("statelessUrls", "Apprise Stateless URLs", "textbox"),
        ("notificationType", "Apprise Notification Type", "select"),
        ("tags", "Apprise Tags", "tag"),
        ("includePoster", "Include Poster", "checkbox"),
        ("authUsername", "Username", "textbox"),
        ("authPassword", "Password", "password"),
    ]
    assert field(entry, "serverUrl")["placeholder"] == "http://localhost:8000"
    kinds = field(entry, "notificationType")
    assert kinds["value"] == 0
    assert [(o["value"], o["name"]) for o in kinds["selectOptions"]] == [
        (0, "Info"),
        (1, "Success"),
        (2, "Warning"),
        (3, "Failure"),
    ]
    assert (field(entry, "tags")["value"], field(entry, "includePoster")["value"]) == ([], False)
    assert (field(entry, "authUsername")["privacy"], field(entry, "authPassword")["privacy"]) == (
        "userName",
        "password",
    )
    supported = {k: v for k, v in entry.items() if k.startswith("supportsOn")}
    assert supported == {
        "supportsOnGrab": True,
        "supportsOnDownload": True,
        "supportsOnUpgrade": True,
        "supportsOnRename": False,
        "supportsOnMovieAdded": True,
        "supportsOnMovieDelete": True,
        "supportsOnMovieFileDelete": True,
        "supportsOnMovieFileDeleteForUpgrade": True,
        "supportsOnHealthIssue": True,
        "supportsOnHealthRestored": True,
        "supportsOnApplicationUpdate": True,
        "supportsOnManualInteractionRequired": True,
    }


async def test_test_sends_radarrs_test_notification_to_the_key(
    server: LiveServer, apprise_receiver: ServiceReceiver
) -> None:
    fields = by_key(apprise_receiver, notificationType=1, tags=["films", "4k"])
    body = await resource(server.client, "Apprise", fields=fields, onGrab=True)
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 200, response.text
    (sent,) = apprise_receiver.requests()
    assert (sent.method, sent.path, sent.headers["content-type"]) == (
        "POST",
        "/notify/films",
        "application/json",
    )
    assert (
        sent.headers["authorization"] == "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    )
    assert sent.json() == {
        "title": "Radarr - Test Notification",
        "body": "Success! You have properly configured your apprise notification settings.",
        "type": "success",
        "tag": "films,4k",
    }


async def test_a_failed_send_is_a_400_with_the_apis_error(
    server: LiveServer, apprise_receiver: ServiceReceiver
) -> None:
    apprise_receiver.behaviour.status, apprise_receiver.behaviour.body = 424, FAILED
    body = await resource(server.client, "Apprise", fields=by_key(apprise_receiver), onGrab=True)
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 400, response.text
    (failure,) = response.json()
    assert (failure["propertyName"], failure["errorMessage"]) == (
        "",
        "Unable to send test message. Response from API: One or more notification could not be sent.",
    )


async def test_wrong_credentials_are_named_without_the_password(
    server: LiveServer, apprise_receiver: ServiceReceiver
) -> None:
    fields = by_key(apprise_receiver, authPassword="wrong-pa55word")
    body = await resource(server.client, "Apprise", fields=fields, onGrab=True)
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 400, response.text
    (failure,) = response.json()
    assert failure["propertyName"] == "authUsername"
    assert failure["errorMessage"].startswith("HTTP Auth credentials are invalid: ")
    assert "wrong-pa55word" not in response.text


async def test_radarrs_validation_wants_a_key_or_stateless_urls_not_both(
    server: LiveServer, apprise_receiver: ServiceReceiver
) -> None:
    both = by_key(apprise_receiver, statelessUrls=STATELESS)
    body = await resource(server.client, "Apprise", fields=both, onGrab=True)
    response = await server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 400
    assert [(f["propertyName"], f["errorMessage"]) for f in response.json()] == [
        ("statelessUrls", "Use either Configuration Key or Stateless URLs")
    ]
    assert apprise_receiver.requests() == []


async def test_the_password_is_masked_on_read_and_kept_on_update(
    server: LiveServer, apprise_receiver: ServiceReceiver
) -> None:
    client = server.client
    created = await add(client, "Apprise", fields=by_key(apprise_receiver), switches=("onGrab",))
    again = (await client.get(f"/api/v3/notification/{created['id']}")).json()
    assert field(again, "authPassword")["value"] == "********"
    field(again, "notificationType")["value"] = 2
    response = await client.put(f"/api/v3/notification/{created['id']}", json=again)
    assert response.status_code == 202, response.text
    last = apprise_receiver.requests()[-1]
    assert last.json()["type"] == "warning"
    assert base64.b64decode(last.headers["authorization"].split()[1]).decode() == f"{USER}:{PASSWORD}"


async def test_a_grab_is_told_to_stateless_urls_with_the_poster(
    push_library: PushLibrary, apprise_receiver: ServiceReceiver
) -> None:
    fields = by_key(apprise_receiver, configurationKey="", statelessUrls=STATELESS, includePoster=True)
    await add(push_library.client, "Apprise", fields=fields, switches=("onGrab",))
    film = await push_library.grab()

    async def told() -> dict[str, Any] | None:
        grabs = [r.json() for r in apprise_receiver.requests()[1:]]
        return grabs[0] if grabs else None

    poster = next(i["remoteUrl"] for i in film["images"] if i["coverType"] == "poster")
    line = f"{film['title']} ({film['year']}) [Bluray-1080p] https://www.imdb.com/title/{film['imdbId']}/"
    assert await eventually(told) == {
        "urls": STATELESS,
        "title": "Movie Grabbed",
        "body": line,
        "attachment": poster,
        "type": "info",
    }
    assert [r.path for r in apprise_receiver.requests()] == ["/notify", "/notify"]


async def test_a_failing_apprise_shows_in_health_without_its_secrets(
    push_library: PushLibrary, apprise_receiver: ServiceReceiver, receiver: WebhookReceiver
) -> None:
    client = push_library.client
    fields = by_key(apprise_receiver, configurationKey="", statelessUrls=STATELESS)
    await add(client, "Apprise", fields=fields, switches=("onMovieAdded",))
    await add_webhook(client, receiver.url("/fine"), name="Fine", switches=("onMovieAdded",))
    apprise_receiver.behaviour.status, apprise_receiver.behaviour.body = 424, FAILED
    await add_movie(push_library.library)

    async def failing() -> list[dict[str, Any]] | None:
        found = (await client.get("/api/v3/health")).json()
        return [h for h in found if h["source"] == "NotificationStatusCheck"] or None

    (problem,) = await eventually(failing)
    assert problem["type"] == "warning"
    assert problem["message"] == (
        "Notifications unavailable due to failures: Apprise (Unable to send Apprise notifications: "
        "HTTP 424 Failed Dependency: One or more notification could not be sent.)"
    )
    told = apprise_receiver.requests()[1]
    assert (told.json()["title"], told.json()["body"]) == (
        "Movie Added",
        "The Matrix (1999) added to library",
    )
    stored = (await client.get("/api/v3/notification")).json()
    (status,) = [n["status"] for n in stored if n["name"] == "Apprise"]
    assert "BotT0kenS3cret" not in status["lastError"]
    assert PASSWORD not in str(stored)
