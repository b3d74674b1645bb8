"""Radarr's Emby / Jellyfin (MediaBrowser): each event's requests compared with what Radarr's
MediaBrowserProxy builds, the film's paths found and mapped as Radarr finds them, and its validation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import orjson
import pytest

from reelarr.notifications.base import NotificationContext, NotificationFailed
from reelarr.notifications.emby import MediaBrowser, MediaBrowserSettings, matching_paths
from reelarr.notifications.mediaserver import map_path
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.notifications.options import NotificationOptions
from reelarr.providers.model import ProviderDefinition
from reelarr.remote import RemoteRegistry
from tests.unit.notifications.test_discord_embeds import movie_payload
from tests.unit.notifications.test_payloads import film

MOVIE = film(imdb_id="tt0133093", path="/movies/The Matrix (1999)")
KEY = "emby-api-k3y"
ICON = "https://raw.github.com/Radarr/Radarr/develop/Logo/64.png"


def item(name: str, path: str, tmdb: str | None = None, imdb: str | None = None) -> dict[str, Any]:
    ids = {k: v for k, v in (("Tmdb", tmdb), ("Imdb", imdb)) if v is not None}
    return {"Name": name, "Path": path, "ProviderIds": ids, "ProductionYear": 1999}


class FakeEmby:
    """Answers as Emby does; keeps what it was sent."""

    def __init__(self, items: list[dict[str, Any]], admin_status: int = 204) -> None:
        self.items, self.admin_status = items, admin_status
        self.sent: list[httpx.Request] = []

    def posted(self) -> list[tuple[str, Any]]:
        return [(r.url.path, orjson.loads(r.content)) for r in self.sent if r.method == "POST"]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        if request.url.path == "/Items":
            return httpx.Response(200, json={"Items": self.items, "TotalRecordCount": len(self.items)})
        if request.url.path == "/Notifications/Admin":
            return httpx.Response(self.admin_status)
        return httpx.Response(204)


def emby(handler: Callable[[httpx.Request], httpx.Response], **settings: Any) -> MediaBrowser:
    values = {"host": "emby.lan", "api_key": KEY, **settings}
    definition = ProviderDefinition(
        id=5,
        name="Emby",
        implementation="MediaBrowser",
        config_contract="MediaBrowserSettings",
        settings=MediaBrowserSettings(**values),
        options=NotificationOptions(on_download=True),
    )
    remote = RemoteRegistry(transport=httpx.MockTransport(handler))
    return MediaBrowser(definition, NotificationContext(remote, "Reelarr"))


def event(kind: EventKind, upgrade: bool = False, **payload: Any) -> NotificationEvent:
    full = {"movie": movie_payload(), **payload}
    return NotificationEvent(kind=kind, payload=full, movie=MOVIE, is_upgrade=upgrade)


def download(upgrade: bool = False) -> NotificationEvent:
    return event(EventKind.DOWNLOAD, upgrade, movieFile={"quality": "Bluray-1080p", "qualityVersion": 1})


async def test_an_import_finds_the_film_by_year_and_posts_each_path_as_created() -> None:
    fake = FakeEmby([item("Heat", "/srv/Heat (1995)", tmdb="949"), item("X", "/srv/Matrix", tmdb="603")])
    await emby(fake).send(download())
    query = fake.sent[0]
    assert (query.method, query.url.path, dict(query.url.params)) == (
        "GET",
        "/Items",
        {"recursive": "true", "includeItemTypes": "Movie", "fields": "Path,ProviderIds", "years": "1999"},
    )
    assert all(r.headers["X-MediaBrowser-Token"] == KEY for r in fake.sent)
    assert fake.posted() == [
        ("/Library/Media/Updated", {"updates": [{"path": "/srv/Matrix", "updateType": "Created"}]}),
        (
            "/Library/Media/Updated",
            {"updates": [{"path": "/movies/The Matrix (1999)", "updateType": "Created"}]},
        ),
    ]
    assert fake.sent[1].headers["Content-Type"] == "application/json"
    assert str(fake.sent[1].url) == "http://emby.lan:8096/Library/Media/Updated"


async def test_the_films_path_is_mapped_and_not_posted_twice() -> None:
    fake = FakeEmby([item("The Matrix", "/data/films/The Matrix (1999)")])
    await emby(fake, map_from="/movies", map_to="/data/films").send(event(EventKind.RENAME))
    assert fake.posted() == [
        (
            "/Library/Media/Updated",
            {"updates": [{"path": "/data/films/The Matrix (1999)", "updateType": "Modified"}]},
        )
    ]


def test_an_id_match_beats_a_name_match_and_no_match_gives_no_path() -> None:
    by_name = item("The Matrix", "/a")
    by_imdb = item("Matrix, The", "/b", imdb="tt0133093")
    assert matching_paths([by_name, by_imdb], MOVIE) == ["/b"]
    assert matching_paths([by_name], MOVIE) == ["/a"]
    assert matching_paths([item("Heat", "/c", tmdb="949")], MOVIE) == []
    assert matching_paths([item("Zero", "/d", tmdb="0")], MOVIE) == []


@pytest.mark.parametrize(
    ("path", "map_from", "map_to", "mapped"),
    [
        ("/movies/A (1999)", "", "", "/movies/A (1999)"),
        ("/movies/A (1999)", "/movies", "/mnt/films/", "/mnt/films/A (1999)"),
        ("/movies/A (1999)", "/movies/", "D:\\Films", "D:\\Films\\A (1999)"),
        ("/other/A (1999)", "/movies", "/mnt/films", "/other/A (1999)"),
    ],
)
def test_map_paths_from_and_to(path: str, map_from: str, map_to: str, mapped: str) -> None:
    assert map_path(path, map_from, map_to) == mapped


async def test_a_notification_uses_radarrs_branded_title_never_upgraded() -> None:
    fake = FakeEmby([])
    await emby(fake, notify=True, update_library=False).send(download(upgrade=True))
    assert fake.posted() == [
        (
            "/Notifications/Admin",
            {
                "name": "Radarr - Movie Downloaded",
                "description": "The Matrix (1999) [Bluray-1080p] https://www.imdb.com/title/tt0133093/",
                "imageUrl": ICON,
            },
        )
    ]


@pytest.mark.parametrize(
    ("sent", "posts"),
    [
        (event(EventKind.MOVIE_DELETE, deletedFiles=False), []),
        (
            event(EventKind.MOVIE_DELETE, deletedFiles=True),
            [("/Notifications/Admin", "Radarr - Movie Deleted"), ("/Library/Media/Updated", "Deleted")],
        ),
        (
            event(EventKind.MOVIE_FILE_DELETE, movieFile={"quality": "HDTV-720p"}),
            [("/Notifications/Admin", "Radarr - Movie File Deleted"), ("/Library/Media/Updated", "Deleted")],
        ),
        (
            event(EventKind.GRAB, release={"quality": "HDTV-720p"}),
            [("/Notifications/Admin", "Radarr - Movie Grabbed")],
        ),
        (event(EventKind.HEALTH, message="m"), [("/Notifications/Admin", "Radarr - Health Check Failure")]),
    ],
)
async def test_each_event_posts_what_radarr_posts(
    sent: NotificationEvent, posts: list[tuple[str, str]]
) -> None:
    fake = FakeEmby([])
    await emby(fake, notify=True).send(sent)
    found = [(p, b.get("name") or b["updates"][0]["updateType"]) for p, b in fake.posted()]
    assert found == posts


async def test_jellyfins_missing_admin_notifications_do_not_fail_the_send() -> None:
    fake = FakeEmby([], admin_status=404)
    await emby(fake, notify=True).send(download())
    assert [p for p, _ in fake.posted()] == ["/Notifications/Admin", "/Library/Media/Updated"]


async def test_the_test_posts_radarrs_test_notification() -> None:
    fake = FakeEmby([])
    assert await emby(fake).test() == []
    assert fake.posted() == [
        (
            "/Notifications/Admin",
            {
                "name": "Test from Radarr",
                "description": "Success! MediaBrowser has been successfully configured!",
                "imageUrl": ICON,
            },
        )
    ]


async def test_a_401_is_an_invalid_api_key_and_a_500_a_failure_on_the_host() -> None:
    (failure,) = await emby(lambda _r: httpx.Response(401)).test()
    assert (failure.property_name, failure.error_message) == ("apiKey", "API Key is invalid")
    (failure,) = await emby(lambda _r: httpx.Response(503)).test()
    assert failure.property_name == "host"
    assert failure.error_message.startswith("Unable to send test message: Unable to connect to Emby/Jellyfin")
    assert KEY not in failure.error_message


async def test_a_refused_update_fails_the_send_without_the_key() -> None:
    with pytest.raises(NotificationFailed) as raised:
        await emby(lambda _r: httpx.Response(401)).send(event(EventKind.RENAME))
    assert str(raised.value) == "Emby/Jellyfin answered HTTP 401 Unauthorized"


@pytest.mark.parametrize(
    ("values", "failures"),
    [
        ({"host": "emby.lan", "api_key": "k"}, []),
        (
            {"host": "emby.lan", "api_key": "k", "port": 0},
            [("port", "'Port' must be between 1 and 65535. You entered 0.")],
        ),
        ({"host": "emby.lan", "api_key": ""}, [("apiKey", "'API Key' must not be empty.")]),
        (
            {"host": "emby.lan", "api_key": "k", "map_from": "/movies"},
            [("mapTo", "'Map Paths To' must not be empty.")],
        ),
        (
            {"host": "emby.lan", "api_key": "k", "map_to": "/films"},
            [("mapFrom", "'Map Paths From' must not be empty.")],
        ),
        (
            {"host": "emby.lan", "api_key": "k", "url_base": "https://x.y/emby"},
            [("urlBase", "Must be a valid URL path (ie: '/radarr')")],
        ),
    ],
)
def test_radarrs_validation(values: dict[str, Any], failures: list[tuple[str, str]]) -> None:
    found = MediaBrowserSettings(**values).check()
    assert [(f.property_name, f.error_message) for f in found] == failures
