"""Radarr's Telegram: the sendMessage form of each event, field by field as Radarr's TelegramProxy
builds it, its validation, and how Telegram's refusals are read (never showing the bot token)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from reelarr.notifications.base import NotificationFailed
from reelarr.notifications.model import RAISED_KINDS, EventKind, NotificationEvent
from reelarr.notifications.telegram import Telegram, TelegramSettings, html_encode
from tests.unit.notifications.hosted_support import Wired, wire
from tests.unit.notifications.test_discord_embeds import grab_payload, import_payload, movie_payload

TOKEN = "123456:AAF-s3cr3t_T0ken"
OK = httpx.Response(200, json={"ok": True, "result": {"message_id": 1}})
MATRIX = "The Matrix (1999) [Bluray-1080p] https://www.imdb.com/title/tt0133093/"


def settings(**values: Any) -> TelegramSettings:
    return TelegramSettings(bot_token=TOKEN, chat_id="-100123", **values)


@pytest.fixture
async def telegram() -> AsyncIterator[Wired]:
    wired = wire(Telegram, settings(metadata_links=[1, 0, 2]), OK)
    yield wired
    await wired.remote.aclose()


async def test_a_grab_is_sent_as_radarrs_html_message_with_the_chosen_links(telegram: Wired) -> None:
    await telegram.notification.send(NotificationEvent(EventKind.GRAB, grab_payload()))
    (request,) = telegram.sent
    assert (request.method, str(request.url)) == ("POST", f"https://api.telegram.org/bot{TOKEN}/sendmessage")
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert telegram.form() == [
        ("chat_id", "-100123"),
        ("parse_mode", "HTML"),
        (
            "text",
            "<b>Movie Grabbed</b>\n"
            f"{MATRIX}\n"
            '<a href="https://www.imdb.com/title/tt0133093">IMDb</a>\n'
            '<a href="https://www.themoviedb.org/movie/603">TMDb</a>\n'
            '<a href="https://trakt.tv/search/tmdb/603?id_type=movie">Trakt</a>\n',
        ),
        ("disable_notification", "False"),
        ("message_thread_id", ""),
    ]
    # Uri.EscapeDataString: a space is %20, never "+".
    assert b"%20" in request.content
    assert b"+" not in request.content


async def test_the_app_and_instance_names_silence_and_topic_are_sent_as_set() -> None:
    wired = wire(
        Telegram,
        settings(
            include_app_name_in_title=True,
            include_instance_name_in_title=True,
            send_silently=True,
            topic_id=42,
        ),
        OK,
    )
    await wired.notification.send(NotificationEvent(EventKind.DOWNLOAD, import_payload(), is_upgrade=True))
    await wired.remote.aclose()
    form = dict(wired.form())
    assert form["text"] == f"<b>Radarr - Movie Upgraded - Reelarr</b>\n{MATRIX}\n"
    assert (form["disable_notification"], form["message_thread_id"]) == ("True", "42")


async def test_a_health_issue_has_no_links(telegram: Wired) -> None:
    payload = {"message": "Indexers unavailable: <Fixture & Co>", "movie": movie_payload()}
    await telegram.notification.send(NotificationEvent(EventKind.HEALTH, payload))
    assert dict(telegram.form())["text"] == (
        "<b>Health Check Failure</b>\nIndexers unavailable: &lt;Fixture &amp; Co&gt;\n"
    )


async def test_a_film_without_an_imdb_id_gets_no_imdb_link(telegram: Wired) -> None:
    payload = {"movie": movie_payload(imdbId=None, title="Amélie")}
    await telegram.notification.send(NotificationEvent(EventKind.MOVIE_ADDED, payload))
    assert dict(telegram.form())["text"] == (
        "<b>Movie Added</b>\nAm&#233;lie added to library\n"
        '<a href="https://www.themoviedb.org/movie/603">TMDb</a>\n'
        '<a href="https://trakt.tv/search/tmdb/603?id_type=movie">Trakt</a>\n'
    )


def test_html_is_encoded_as_dotnet_encodes_it() -> None:
    assert html_encode("Amélie & <Co> \"x\" 'y' 🎬 ü") == (
        "Am&#233;lie &amp; &lt;Co&gt; &quot;x&quot; &#39;y&#39; &#127916; &#252;"
    )


async def test_the_test_message_is_radarrs_with_its_link() -> None:
    wired = wire(Telegram, settings(include_app_name_in_title=True, include_instance_name_in_title=True), OK)
    assert await wired.notification.test() == []
    await wired.remote.aclose()
    assert dict(wired.form())["text"] == (
        "<b>Radarr - Test Notification - Reelarr</b>\nThis is a test message from Radarr\n"
        '<a href="https://radarr.video">Radarr.video</a>\n'
    )


@pytest.mark.parametrize(
    ("description", "field"),
    [
        ("Bad Request: chat not found", "chatId"),
        ("Bad Request: message thread not found", "topicId"),
        ("Bad Request: group chat was upgraded to a supergroup chat", "chatId"),
        ("Bad Request: something else", "botToken"),
    ],
)
async def test_a_refused_test_blames_the_field_radarr_blames(description: str, field: str) -> None:
    answer = httpx.Response(400, json={"ok": False, "error_code": 400, "description": description})
    wired = wire(Telegram, settings(), answer)
    (failure,) = await wired.notification.test()
    await wired.remote.aclose()
    assert (failure.property_name, failure.error_message) == (field, f"Unable to connect: {description}")


async def test_a_refused_message_says_telegrams_words_and_not_the_token() -> None:
    answer = httpx.Response(401, json={"ok": False, "error_code": 401, "description": "Unauthorized"})
    wired = wire(Telegram, settings(), answer)
    with pytest.raises(NotificationFailed) as raised:
        await wired.notification.send(NotificationEvent(EventKind.GRAB, grab_payload()))
    await wired.remote.aclose()
    assert str(raised.value) == "Unable to send Telegram message: Unauthorized"


async def test_an_unreachable_telegram_fails_without_the_token() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    wired = wire(Telegram, settings(), refuse)
    (failure,) = await wired.notification.test()
    with pytest.raises(NotificationFailed) as raised:
        await wired.notification.send(NotificationEvent(EventKind.GRAB, grab_payload()))
    await wired.remote.aclose()
    assert failure.property_name == "connection"
    assert failure.error_message.startswith("Unable to connect to Telegram API. Server connection failed: ")
    assert "api.telegram.org" in str(raised.value)
    assert TOKEN not in failure.error_message
    assert TOKEN not in str(raised.value)
    assert "s3cr3t" not in failure.error_message + str(raised.value)


async def test_the_installations_telegram_address_replaces_the_public_one() -> None:
    wired = wire(Telegram, settings(), OK, service_urls={"Telegram": "http://127.0.0.1:9/tg/"})
    await wired.notification.send(NotificationEvent(EventKind.GRAB, grab_payload()))
    await wired.remote.aclose()
    assert str(wired.sent[0].url) == f"http://127.0.0.1:9/tg/bot{TOKEN}/sendmessage"


@pytest.mark.parametrize(
    ("values", "failures"),
    [
        ({}, []),
        (
            {"bot_token": "", "chat_id": ""},
            [("botToken", "'Bot Token' must not be empty."), ("chatId", "'Chat Id' must not be empty.")],
        ),
        ({"topic_id": 1}, [("topicId", "Topic ID must be greater than 1 or empty")]),
        ({"metadata_links": [0, 7]}, [("metadataLinks", "MetadataLink is not valid: 7")]),
    ],
)
def test_settings_are_checked_as_radarr_checks_them(
    values: dict[str, Any], failures: list[tuple[str, str]]
) -> None:
    found = {"bot_token": TOKEN, "chat_id": "1", **values}
    checked = TelegramSettings(**found).check()
    assert [(f.property_name, f.error_message) for f in checked] == failures


def test_telegram_tells_of_every_raised_event_but_a_rename() -> None:
    assert Telegram.supported == RAISED_KINDS - {EventKind.RENAME}


async def test_a_text_over_1024_bytes_is_sent_as_radarrs_multipart_form(telegram: Wired) -> None:
    long = "x" * 1100
    await telegram.notification.send(NotificationEvent(EventKind.HEALTH, {"message": long}))
    (request,) = telegram.sent
    kind, boundary = request.headers["content-type"].split("; boundary=")
    assert kind == "multipart/form-data"
    assert re.fullmatch(r"-{29}[0-9a-f]{14,}", boundary), boundary
    fields = [
        ("chat_id", "-100123"),
        ("parse_mode", "HTML"),
        ("text", f"<b>Health Check Failure</b>\n{long}\n"),
        ("disable_notification", "False"),
        ("message_thread_id", ""),
    ]
    parts = "".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields
    )
    assert request.content.decode() == f"{parts}--{boundary}--\r\n"
