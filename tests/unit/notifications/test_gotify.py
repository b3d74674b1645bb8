"""Radarr's Gotify: the JSON message of each event as Radarr's Gotify builds it (markdown, poster,
links, client extras), its validation, and its refusals (never showing the app token)."""

from __future__ import annotations

from typing import Any

import httpx
import orjson
import pytest

from reelarr.notifications.base import NotificationFailed
from reelarr.notifications.gotify import RADARR_IMAGE_URL, Gotify, GotifySettings
from reelarr.notifications.model import RAISED_KINDS, EventKind, NotificationEvent
from tests.unit.notifications.hosted_support import wire
from tests.unit.notifications.test_discord_embeds import POSTER, grab_payload, import_payload, movie_payload

TOKEN = "AbCdEf.s3cret"
OK = httpx.Response(200, json={"id": 25, "appid": 5, "title": "t", "message": "m", "priority": 5})
MATRIX = "The Matrix (1999) [Bluray-1080p] https://www.imdb.com/title/tt0133093/"


def settings(**values: Any) -> GotifySettings:
    return GotifySettings(server="https://push.example/gotify/", app_token=TOKEN, **values)


async def test_a_grab_is_plain_text_without_poster_or_links() -> None:
    wired = wire(Gotify, settings(), OK)
    await wired.notification.send(NotificationEvent(EventKind.GRAB, grab_payload()))
    await wired.remote.aclose()
    (request,) = wired.sent
    assert (request.method, str(request.url)) == (
        "POST",
        f"https://push.example/gotify/message?token={TOKEN}",
    )
    assert request.headers["content-type"] == "application/json"
    assert orjson.loads(request.content) == {
        "title": "Movie Grabbed",
        "message": f"{MATRIX}\n",
        "priority": 5,
        "extras": {"client::display": {"contentType": "text/plain"}},
    }


async def test_poster_and_links_make_markdown_and_the_preferred_link_is_the_click() -> None:
    values = {
        "include_movie_poster": True,
        "metadata_links": [0, 1, 2],
        "preferred_metadata_link": 1,
        "priority": 8,
    }
    wired = wire(Gotify, settings(**values), OK)
    await wired.notification.send(NotificationEvent(EventKind.DOWNLOAD, import_payload(), is_upgrade=True))
    await wired.remote.aclose()
    assert orjson.loads(wired.sent[0].content) == {
        "title": "Movie Downloaded",
        "message": f"{MATRIX}\n\r![]({POSTER})\n\n"
        "[TMDb](https://www.themoviedb.org/movie/603)\n"
        "[IMDb](https://www.imdb.com/title/tt0133093)\n"
        "[Trakt](https://trakt.tv/search/tmdb/603?id_type=movie)\n",
        "priority": 8,
        "extras": {
            "client::display": {"contentType": "text/markdown"},
            "client::notification": {
                "bigImageUrl": POSTER,
                "click": {"url": "https://www.imdb.com/title/tt0133093"},
            },
        },
    }


async def test_a_film_without_a_poster_or_imdb_id_gets_what_radarr_writes() -> None:
    wired = wire(Gotify, settings(include_movie_poster=True, metadata_links=[1]), OK)
    payload = {"movie": movie_payload(images=[], imdbId=None)}
    await wired.notification.send(NotificationEvent(EventKind.MOVIE_ADDED, payload))
    await wired.remote.aclose()
    message = orjson.loads(wired.sent[0].content)
    assert message["message"] == "The Matrix added to library\n\n[]()\n"
    assert message["extras"] == {"client::display": {"contentType": "text/markdown"}}


async def test_a_health_issue_has_neither_poster_nor_links() -> None:
    wired = wire(Gotify, settings(include_movie_poster=True, metadata_links=[0]), OK)
    await wired.notification.send(NotificationEvent(EventKind.HEALTH_RESTORED, {"message": "Disk full"}))
    await wired.remote.aclose()
    message = orjson.loads(wired.sent[0].content)
    assert (message["title"], message["message"]) == (
        "Health Check Restored",
        "The following issue is now resolved: Disk full\n",
    )
    assert message["extras"] == {"client::display": {"contentType": "text/plain"}}


async def test_the_test_message_shows_radarrs_logo_and_site_when_asked() -> None:
    wired = wire(Gotify, settings(include_movie_poster=True, metadata_links=[0]), OK)
    assert await wired.notification.test() == []
    await wired.remote.aclose()
    assert orjson.loads(wired.sent[0].content) == {
        "title": "Test Notification",
        "message": f"This is a test message from Radarr\n\r![]({RADARR_IMAGE_URL})\n\n"
        "[Radarr.video](https://radarr.video)\n",
        "priority": 5,
        "extras": {
            "client::display": {"contentType": "text/markdown"},
            "client::notification": {
                "bigImageUrl": RADARR_IMAGE_URL,
                "click": {"url": "https://radarr.video"},
            },
        },
    }


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (
            401,
            {
                "error": "Unauthorized",
                "errorCode": 401,
                "errorDescription": "you need to provide a valid access token",
            },
            "Unauthorized - AuthToken is invalid: you need to provide a valid access token",
        ),
        (
            400,
            {"error": "Bad Request", "errorCode": 400, "errorDescription": "Field 'message' is required"},
            "Unable to connect to Gotify. Status Code: BadRequest: Field 'message' is required",
        ),
        (404, {}, "Unable to connect to Gotify. Status Code: NotFound"),
    ],
)
async def test_a_refusal_says_radarrs_words_and_gotifys(
    status: int, body: dict[str, Any], message: str
) -> None:
    wired = wire(Gotify, settings(), httpx.Response(status, json=body))
    (failure,) = await wired.notification.test()
    with pytest.raises(NotificationFailed) as raised:
        await wired.notification.send(NotificationEvent(EventKind.GRAB, grab_payload()))
    await wired.remote.aclose()
    assert (failure.property_name, failure.error_message) == ("", f"Unable to send test message: {message}")
    assert str(raised.value) == message


async def test_an_unreachable_server_fails_without_the_token() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"connection refused to {request.url}", request=request)

    wired = wire(Gotify, settings(), refuse)
    with pytest.raises(NotificationFailed) as raised:
        await wired.notification.send(NotificationEvent(EventKind.GRAB, grab_payload()))
    await wired.remote.aclose()
    assert str(raised.value).startswith("Unable to connect to Gotify: ")
    assert "s3cret" not in str(raised.value)


@pytest.mark.parametrize(
    ("values", "failures"),
    [
        ({}, []),
        ({"server": "push.example"}, [("server", "Invalid Url: 'push.example'")]),
        ({"app_token": ""}, [("appToken", "'App Token' must not be empty.")]),
        (
            {"metadata_links": [4]},
            [
                ("metadataLinks", "MetadataLink is not valid: 4"),
                ("preferredMetadataLink", "Must be a selected link"),
            ],
        ),
        (
            {"metadata_links": [1, 2], "preferred_metadata_link": 0},
            [("preferredMetadataLink", "Must be a selected link")],
        ),
        ({"metadata_links": [1, 2], "preferred_metadata_link": 2}, []),
    ],
)
def test_settings_are_checked_as_radarr_checks_them(
    values: dict[str, Any], failures: list[tuple[str, str]]
) -> None:
    found = {"server": "http://127.0.0.1:8080", "app_token": TOKEN, **values}
    assert [(f.property_name, f.error_message) for f in GotifySettings(**found).check()] == failures


def test_gotify_tells_of_every_raised_event_but_a_rename() -> None:
    assert Gotify.supported == RAISED_KINDS - {EventKind.RENAME}
