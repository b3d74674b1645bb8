"""Radarr's Telegram through /api/v3/notification on SQLite and PostgreSQL (the `server` fixture), the
fixture Bot API standing in for api.telegram.org through REELARR_TELEGRAM_API_URL."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from urllib.parse import parse_qsl

import pytest

from reelarr.notifications.base import NotificationContext
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.notifications.options import NotificationOptions
from reelarr.notifications.telegram import Telegram, TelegramSettings
from reelarr.providers.model import ProviderDefinition
from reelarr.remote import RemoteRegistry
from tests.fixtures.notify.telegram import TelegramFixture
from tests.support.hosted_notifications import add_notification, field_of, notification_resource
from tests.support.live import LiveServer

TOKEN = "987654:AAH-fixtureS3cret_token"  # a made-up bot token
CHAT = "-1001234567890"


@pytest.fixture
def telegram() -> Iterator[TelegramFixture]:
    with TelegramFixture(TOKEN, chats={CHAT}, topics={77}) as fixture:
        yield fixture


@pytest.fixture(autouse=True)
def _telegram_address(telegram: TelegramFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    # Autouse: set before the `server` fixture reads its settings.
    monkeypatch.setenv("REELARR_TELEGRAM_API_URL", telegram.url)


def _form(telegram: TelegramFixture) -> dict[str, str]:
    (sent,) = telegram.requests()
    return dict(parse_qsl(sent.body.decode(), keep_blank_values=True))


async def test_the_schema_offers_telegram_with_radarrs_fields(server: LiveServer) -> None:
    schema = (await server.client.get("/api/v3/notification/schema")).json()
    entry = next(e for e in schema if e["implementation"] == "Telegram")
    assert (entry["configContract"], entry["implementationName"]) == ("TelegramSettings", "Telegram")
    assert entry["link"] == "https://telegram.org/"
    shown = [(f["name"], f["label"], f["type"], f.get("advanced", False)) for f in entry["fields"]]
    assert shown == [
        ("botToken", "Bot Token", "textbox", False),
        ("chatId", "Chat ID", "textbox", False),
        ("topicId", "Topic ID", "textbox", False),
        ("sendSilently", "Send Silently", "checkbox", False),
        ("includeAppNameInTitle", "Include Radarr in Title", "checkbox", False),
        ("includeInstanceNameInTitle", "Include Instance Name in Title", "checkbox", True),
        ("metadataLinks", "Metadata Links", "select", False),
    ]
    assert field_of(entry, "botToken")["privacy"] == "apiKey"
    assert field_of(entry, "botToken")["helpLink"] == "https://core.telegram.org/bots"
    links = field_of(entry, "metadataLinks")
    assert links["value"] == []
    assert [(o["value"], o["name"], o["hint"]) for o in links["selectOptions"]] == [
        (0, "TMDb", "(0)"),
        (1, "IMDb", "(1)"),
        (2, "Trakt", "(2)"),
    ]
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


async def test_test_sends_radarrs_test_message_to_the_topic(
    server: LiveServer, telegram: TelegramFixture
) -> None:
    fields = {"botToken": TOKEN, "chatId": CHAT, "topicId": 77, "includeAppNameInTitle": True}
    body = await notification_resource(server.client, "Telegram", fields, onGrab=True)
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 200, response.text
    (sent,) = telegram.requests()
    assert (sent.method, sent.path) == ("POST", f"/bot{TOKEN}/sendmessage")
    assert sent.headers["content-type"] == "application/x-www-form-urlencoded"
    assert _form(telegram) == {
        "chat_id": CHAT,
        "parse_mode": "HTML",
        "text": "<b>Radarr - Test Notification</b>\nThis is a test message from Radarr\n"
        '<a href="https://radarr.video">Radarr.video</a>\n',
        "disable_notification": "False",
        "message_thread_id": "77",
    }


async def test_an_unknown_chat_is_a_400_on_the_chat_id_with_telegrams_words(
    server: LiveServer, telegram: TelegramFixture
) -> None:
    body = await notification_resource(
        server.client, "Telegram", {"botToken": TOKEN, "chatId": "-42"}, onGrab=True
    )
    response = await server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 400, response.text
    (failure,) = response.json()
    assert (failure["propertyName"], failure["errorMessage"]) == (
        "chatId",
        "Unable to connect: Bad Request: chat not found",
    )
    assert TOKEN not in response.text


async def test_a_wrong_token_is_a_400_on_the_bot_token_without_it(
    server: LiveServer, telegram: TelegramFixture, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    wrong = "111:WRONGs3cret"
    body = await notification_resource(server.client, "Telegram", {"botToken": wrong, "chatId": CHAT})
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 400, response.text
    (failure,) = response.json()
    assert (failure["propertyName"], failure["errorMessage"]) == (
        "botToken",
        "Unable to connect: Unauthorized",
    )
    assert wrong not in response.text
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("HTTP Request: POST http://127.0.0.1") for m in messages), messages
    assert [m for m in messages if wrong in m or TOKEN in m] == []


@pytest.mark.parametrize(
    ("fields", "property_name", "message"),
    [
        ({"botToken": "", "chatId": CHAT}, "botToken", "'Bot Token' must not be empty."),
        ({"botToken": TOKEN, "chatId": ""}, "chatId", "'Chat Id' must not be empty."),
        (
            {"botToken": TOKEN, "chatId": CHAT, "topicId": 1},
            "topicId",
            "Topic ID must be greater than 1 or empty",
        ),
        (
            {"botToken": TOKEN, "chatId": CHAT, "metadataLinks": [5]},
            "metadataLinks",
            "MetadataLink is not valid: 5",
        ),
    ],
)
async def test_settings_radarr_refuses_are_a_400_naming_the_field(
    server: LiveServer, telegram: TelegramFixture, fields: dict[str, object], property_name: str, message: str
) -> None:
    body = await notification_resource(server.client, "Telegram", fields, onGrab=True)
    response = await server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 400, response.text
    assert [(f["propertyName"], f["errorMessage"]) for f in response.json()] == [(property_name, message)]
    assert telegram.requests() == []


async def test_the_bot_token_is_masked_on_read_and_kept_on_update(
    server: LiveServer, telegram: TelegramFixture
) -> None:
    client = server.client
    created = await add_notification(client, "Telegram", {"botToken": TOKEN, "chatId": CHAT})
    again = (await client.get(f"/api/v3/notification/{created['id']}")).json()
    assert field_of(again, "botToken")["value"] == "********"
    assert TOKEN not in str(again)
    field_of(again, "sendSilently")["value"] = True
    response = await client.put(f"/api/v3/notification/{again['id']}", json=again)
    assert response.status_code == 202, response.text
    last = telegram.requests()[-1]
    assert last.path == f"/bot{TOKEN}/sendmessage"  # the stored token, not the mask
    assert dict(parse_qsl(last.body.decode()))["disable_notification"] == "True"


async def test_a_long_message_goes_as_multipart_and_telegram_takes_it(telegram: TelegramFixture) -> None:
    remote = RemoteRegistry()
    definition = ProviderDefinition(
        id=1,
        name="Telegram",
        implementation="Telegram",
        config_contract="TelegramSettings",
        settings=TelegramSettings(bot_token=TOKEN, chat_id=CHAT),
        options=NotificationOptions(on_health_issue=True),
    )
    notification = Telegram(
        definition, NotificationContext(remote, "Reelarr", service_urls={"Telegram": telegram.url})
    )
    long = "Indexers are unavailable: " + ", ".join(f"Indexer {n}" for n in range(120))
    try:
        await notification.send(NotificationEvent(EventKind.HEALTH, {"message": long}))
    finally:
        await remote.aclose()
    (sent,) = telegram.requests()
    assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert telegram.state.sent == 1  # accepted: the fixture read chat, text and topic from the multipart form
