"""Telegram, Pushover, ntfy and Gotify told of real events (a grab through a usenet blackhole, a film
added), their requests compared field by field with what Radarr's implementations build from the same
film and release, and refusals shown in /api/v3/health in the service's own words without a secret
(SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.fixtures.indexers.releases import FixtureRelease, fixture_now
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.notify.gotify import GotifyFixture
from tests.fixtures.notify.ntfy import NtfyFixture
from tests.fixtures.notify.pushover import PushoverFixture
from tests.fixtures.notify.server import ServiceFixture
from tests.fixtures.notify.telegram import TelegramFixture
from tests.fixtures.webhook.server import WebhookReceiver
from tests.integration.movies.conftest import Library
from tests.support.hosted_notifications import add_notification
from tests.support.library_api import add_movie, run_command
from tests.support.notifications import add_blackhole, add_webhook
from tests.support.waiting import eventually

BOT_TOKEN, CHAT = "555:AAE-eventS3cretT0ken", "-100555"
API_KEY, USER_KEY = "aEventAppT0kenS3cret00000000000", "uEventUserKey000000000000000000"
NTFY_TOKEN, GOTIFY_TOKEN = "tk_eventNtfyS3cret", "AeventGotifyS3cret"
TITLE = "The.Matrix.1999.1080p.BluRay.x264-GROUP"


@pytest.fixture
def telegram() -> Iterator[TelegramFixture]:
    with TelegramFixture(BOT_TOKEN, chats={CHAT}) as fixture:
        yield fixture


@pytest.fixture
def pushover() -> Iterator[PushoverFixture]:
    with PushoverFixture(API_KEY, USER_KEY) as fixture:
        yield fixture


@pytest.fixture(autouse=True)
def _service_addresses(
    telegram: TelegramFixture, pushover: PushoverFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Autouse: set before the `library` fixture reads its settings.
    monkeypatch.setenv("REELARR_TELEGRAM_API_URL", telegram.url)
    monkeypatch.setenv("REELARR_PUSHOVER_API_URL", pushover.url)


async def _form_with(fixture: ServiceFixture, field: str, value: str) -> dict[str, str]:
    async def arrived() -> dict[str, str] | None:
        for request in fixture.requests():
            form = dict(parse_qsl(request.body.decode(), keep_blank_values=True))
            if value in form.get(field, ""):
                return form
        return None

    return await eventually(arrived)


async def _grab(library: Library, indexer_server: IndexerFixtureServer, tmp_path: Path) -> dict[str, Any]:
    """Add the film and grab its one release through a usenet blackhole; the film as the API shows it."""
    client = library.server.client
    nzbs, watch = tmp_path / "nzbs", tmp_path / "watch"
    nzbs.mkdir()
    watch.mkdir()
    await add_blackhole(client, nzbs, watch)
    indexer_server.site("torznab").releases = []
    release = FixtureRelease(
        TITLE, 8 * 1024**3, timedelta(hours=5), imdb_id=133093, tmdb_id=603, published=fixture_now()
    )
    indexer_server.site("newznab").releases = [release]
    added = await client.post("/api/v3/indexer", json=nab_resource(indexer_server, "newznab", name="Usenet"))
    assert added.status_code == 201, added.text
    movie = await add_movie(library)
    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()

    command = await run_command(library, "MoviesSearch", movieIds=[movie["id"]])
    assert "grabbed 1" in command["message"], command
    return film


async def test_a_grab_is_told_to_telegram_and_pushover_as_radarr_tells_it(
    library: Library,
    indexer_server: IndexerFixtureServer,
    telegram: TelegramFixture,
    pushover: PushoverFixture,
    tmp_path: Path,
) -> None:
    client = library.server.client
    telegram_fields = {"botToken": BOT_TOKEN, "chatId": CHAT, "metadataLinks": [0, 1, 2]}
    await add_notification(client, "Telegram", telegram_fields, switches=("onGrab",))
    await add_notification(client, "Pushover", {"apiKey": API_KEY, "userKey": USER_KEY}, switches=("onGrab",))
    film = await _grab(library, indexer_server, tmp_path)
    line = f"{film['title']} ({film['year']}) [Bluray-1080p] https://www.imdb.com/title/{film['imdbId']}/"
    told = await _form_with(telegram, "text", "Movie Grabbed")
    assert told == {
        "chat_id": CHAT,
        "parse_mode": "HTML",
        "text": f"<b>Movie Grabbed</b>\n{line}\n"
        f'<a href="https://www.themoviedb.org/movie/{film["tmdbId"]}">TMDb</a>\n'
        f'<a href="https://www.imdb.com/title/{film["imdbId"]}">IMDb</a>\n'
        f'<a href="https://trakt.tv/search/tmdb/{film["tmdbId"]}?id_type=movie">Trakt</a>\n',
        "disable_notification": "False",
        "message_thread_id": "",
    }
    pushed = await _form_with(pushover, "title", "Movie Grabbed")
    assert pushed == {
        "token": API_KEY,
        "user": USER_KEY,
        "device": "",
        "title": "Movie Grabbed",
        "message": line,
        "priority": "0",
    }
    # The tests on creation, then the grab: nothing else was sent.
    assert len(telegram.requests()) == len(pushover.requests()) == 2


async def _health(library: Library) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = (await library.server.client.get("/api/v3/health")).json()
    return [h for h in found if h["source"] == "NotificationStatusCheck"]


async def test_refusals_show_in_health_in_the_services_words_without_secrets(
    library: Library,
    telegram: TelegramFixture,
    pushover: PushoverFixture,
    receiver: WebhookReceiver,
) -> None:
    client = library.server.client
    added = ("onMovieAdded",)
    await add_webhook(client, receiver.url(), name="Fine", switches=added)
    with NtfyFixture(token=NTFY_TOKEN) as ntfy, GotifyFixture(GOTIFY_TOKEN) as gotify:
        await add_notification(client, "Telegram", {"botToken": BOT_TOKEN, "chatId": CHAT}, switches=added)
        await add_notification(client, "Pushover", {"apiKey": API_KEY, "userKey": USER_KEY}, switches=added)
        ntfy_fields = {"serverUrl": ntfy.url, "accessToken": NTFY_TOKEN, "topics": ["films"]}
        await add_notification(client, "Ntfy", ntfy_fields, switches=added)
        await add_notification(
            client, "Gotify", {"server": gotify.url, "appToken": GOTIFY_TOKEN}, switches=added
        )
        telegram.state.chats.clear()  # the bot was removed from the chat
        pushover.state.token = "aAnotherApp"  # the application was deleted
        ntfy.state.token = "tk_another"  # the token was revoked
        gotify.state.tokens.clear()  # the application was deleted
        await add_movie(library)

        async def all_failing() -> dict[str, Any] | None:
            found = await _health(library)
            names = ("Telegram (", "Pushover (", "Ntfy (", "Gotify (")
            return found[0] if found and all(n in found[0]["message"] for n in names) else None

        problem = await eventually(all_failing, within=60)

        async def tried_thrice() -> bool:
            texts = [dict(parse_qsl(r.body.decode()))["text"] for r in telegram.requests()]
            return len([t for t in texts if "added to library" in t]) == 3  # the dispatcher's tries

        assert await eventually(tried_thrice)
    assert problem["type"] == "warning"
    heading, names = problem["message"].split(": ", 1)
    assert heading == "Notifications unavailable due to failures"
    assert sorted(names.removesuffix(")").split("), ")) == [
        "Gotify (Unauthorized - AuthToken is invalid: you need to provide a valid access token or user "
        "credentials to access this api",
        "Ntfy (Unable to send Ntfy message: HTTP 403 Forbidden: forbidden",
        "Pushover (Unable to send Pushover message: application token is invalid, see https://pushover.net/api",
        "Telegram (Unable to send Telegram message: Bad Request: chat not found",
    ]
    for secret in (BOT_TOKEN, API_KEY, NTFY_TOKEN, GOTIFY_TOKEN):
        assert secret not in problem["message"]


async def test_a_grab_is_told_to_ntfy_and_gotify_as_radarr_tells_it(
    library: Library, indexer_server: IndexerFixtureServer, tmp_path: Path
) -> None:
    client = library.server.client
    with NtfyFixture(user="radarr", password="pa55") as ntfy, GotifyFixture("AgotifyEventS3cret") as gotify:
        ntfy_fields = {"serverUrl": ntfy.url, "userName": "radarr", "password": "pa55", "topics": ["films"]}
        await add_notification(client, "Ntfy", ntfy_fields, switches=("onGrab",))
        gotify_fields = {
            "server": gotify.url,
            "appToken": "AgotifyEventS3cret",
            "includeMoviePoster": True,
            "metadataLinks": [1, 0],
            "preferredMetadataLink": 0,
        }
        await add_notification(client, "Gotify", gotify_fields, switches=("onGrab",))
        film = await _grab(library, indexer_server, tmp_path)

        async def published() -> list[tuple[str, str]] | None:
            found = [parse_qsl(urlsplit(r.path).query) for r in ntfy.requests()]
            return next((q for q in found if ("title", "Radarr - Movie Grabbed") in q), None)

        async def posted() -> dict[str, Any] | None:
            found = [r.json() for r in gotify.requests()]
            return next((m for m in found if m["title"] == "Movie Grabbed"), None)

        line = f"{film['title']} ({film['year']}) [Bluray-1080p] https://www.imdb.com/title/{film['imdbId']}/"
        assert await eventually(published) == [
            ("title", "Radarr - Movie Grabbed"),
            ("message", line),
            ("priority", "3"),
        ]
        assert ntfy.requests()[-1].headers["authorization"].startswith("Basic ")
        poster = next(i["remoteUrl"] for i in film["images"] if i["coverType"] == "poster")
        tmdb = f"https://www.themoviedb.org/movie/{film['tmdbId']}"
        assert await eventually(posted) == {
            "title": "Movie Grabbed",
            "message": f"{line}\n\r![]({poster})\n\n"
            f"[IMDb](https://www.imdb.com/title/{film['imdbId']})\n[TMDb]({tmdb})\n",
            "priority": 5,
            "extras": {
                "client::display": {"contentType": "text/markdown"},
                "client::notification": {"bigImageUrl": poster, "click": {"url": tmdb}},
            },
        }
        assert [r.path for r in gotify.requests()] == ["/message?token=AgotifyEventS3cret"] * 2
