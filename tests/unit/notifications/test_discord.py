"""Radarr's Discord provider: which message each event makes, and how Discord's answers are read."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import orjson
import pytest

from reelarr.notifications.base import NotificationContext, NotificationFailed
from reelarr.notifications.discord import Discord, DiscordSettings
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.notifications.options import NotificationOptions
from reelarr.providers.model import ProviderDefinition
from reelarr.remote import RemoteRegistry
from tests.unit.notifications.test_discord_embeds import MOVIE, grab_payload, movie_payload

URL = "https://discord.example/api/webhooks/1/T0KEN"
sent: list[httpx.Request] = []
RENAMED = {"previousRelativePath": "a", "relativePath": "b"}


def discord(answer: httpx.Response, **settings: Any) -> tuple[Discord, RemoteRegistry]:
    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return answer

    remote = RemoteRegistry(transport=httpx.MockTransport(handle))
    definition = ProviderDefinition(
        id=3,
        name="Discord",
        implementation="Discord",
        config_contract="DiscordSettings",
        settings=DiscordSettings(web_hook_url=URL, **settings),
        options=NotificationOptions(on_grab=True),
    )
    return Discord(definition, NotificationContext(remote, "Reelarr")), remote


@pytest.fixture
async def ok() -> AsyncIterator[Discord]:
    sent.clear()
    provider, remote = discord(httpx.Response(204))
    yield provider
    await remote.aclose()


def event(kind: EventKind, payload: dict[str, Any]) -> NotificationEvent:
    return NotificationEvent(kind=kind, payload=payload, movie=MOVIE)


async def test_a_grab_is_posted_as_one_embed_as_the_instance(ok: Discord) -> None:
    await ok.send(event(EventKind.GRAB, grab_payload()))
    (request,) = sent
    assert (request.method, str(request.url)) == ("POST", URL)
    message = orjson.loads(request.content)
    assert set(message) == {"embeds"}
    (embed,) = message["embeds"]
    assert (embed["description"], embed["author"]["name"]) == ("Movie Grabbed", "Reelarr")


async def test_the_author_setting_replaces_the_instance_name() -> None:
    provider, remote = discord(httpx.Response(204), author="Living room", username="Bot")
    message = provider.message_of(event(EventKind.GRAB, grab_payload()))
    await remote.aclose()
    assert message["embeds"][0]["author"]["name"] == "Living room"
    assert message["username"] == "Bot"


@pytest.mark.parametrize(
    ("kind", "payload", "content", "description"),
    [
        (EventKind.MOVIE_ADDED, {"movie": movie_payload()}, None, "Movie Added"),
        (EventKind.MOVIE_DELETE, {"movie": movie_payload()}, None, "Movie removed, files were not deleted"),
        (
            EventKind.MOVIE_FILE_DELETE,
            {"movie": movie_payload(), "movieFile": {"path": "/a.mkv"}, "deleteReason": "upgrade"},
            None,
            "Movie File Deleted",
        ),
        (
            EventKind.RENAME,
            {
                "movie": movie_payload(),
                "renamedMovieFiles": [{"previousRelativePath": "a", "relativePath": "b"}],
            },
            "Renamed",
            "a renamed to b",
        ),
        (EventKind.HEALTH, {"type": "C", "message": "Broken", "level": "error"}, None, "Broken"),
        (
            EventKind.HEALTH_RESTORED,
            {"type": "C", "message": "Broken", "level": "error"},
            None,
            "The following issue is now resolved: Broken",
        ),
    ],
)
def test_each_event_makes_radarrs_message(
    ok: Discord, kind: EventKind, payload: dict[str, Any], content: str | None, description: str
) -> None:
    message = ok.message_of(event(kind, payload))
    assert message.get("content") == content
    assert [e["description"] for e in message["embeds"]] == [description]


def test_an_event_discord_does_not_tell_of_fails(ok: Discord) -> None:
    with pytest.raises(NotificationFailed):
        ok.message_of(event(EventKind.TEST, {}))


def test_an_application_update_is_radarrs_embed_of_the_two_versions(ok: Discord) -> None:
    payload = {
        "message": "Reelarr updated from 0.1.0 to 0.2.0",
        "previousVersion": "0.1.0",
        "newVersion": "0.2.0",
    }
    message = ok.message_of(NotificationEvent(kind=EventKind.APPLICATION_UPDATE, payload=payload))
    (embed,) = message["embeds"]
    assert set(message) == {"embeds"}
    assert embed == {
        "author": {
            "name": "Reelarr",
            "icon_url": "https://raw.githubusercontent.com/Radarr/Radarr/develop/Logo/256.png",
        },
        "title": "Application Updated",
        "timestamp": embed["timestamp"],
        "color": 16761392,
        "fields": [
            {"name": "Previous Version", "value": "0.1.0", "inline": False},
            {"name": "New Version", "value": "0.2.0", "inline": False},
        ],
    }
    assert embed["timestamp"].endswith("Z")


async def test_a_rate_limit_is_a_failure_saying_how_long_to_wait() -> None:
    answer = httpx.Response(429, json={"message": "You are being rate limited.", "retry_after": 1.5})
    provider, remote = discord(answer)
    with pytest.raises(NotificationFailed, match=r"^Discord rate limit reached: retry after 1.5 s$"):
        await provider.send(event(EventKind.GRAB, grab_payload()))
    await remote.aclose()


async def test_a_refusal_gives_discords_reason_and_never_the_token() -> None:
    answer = httpx.Response(404, json={"message": "Unknown Webhook", "code": 10015})
    provider, remote = discord(answer)
    with pytest.raises(NotificationFailed) as failed:
        await provider.send(event(EventKind.GRAB, grab_payload()))
    await remote.aclose()
    assert str(failed.value) == "Unable to post to Discord: HTTP 404 Not Found: Unknown Webhook"


async def test_a_server_error_is_a_failure_without_the_token() -> None:
    provider, remote = discord(httpx.Response(502))
    with pytest.raises(NotificationFailed) as failed:
        await provider.send(event(EventKind.GRAB, grab_payload()))
    await remote.aclose()
    assert "T0KEN" not in str(failed.value)
    assert str(failed.value).startswith("Unable to post to Discord")


def test_the_settings_repr_never_shows_the_webhook_url() -> None:
    assert "T0KEN" not in repr(DiscordSettings(web_hook_url=URL))
