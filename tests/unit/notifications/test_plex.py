"""Radarr's Plex Media Server: the requests of a library update compared with what Radarr's
PlexServerProxy builds, the section path chosen as PlexServerService chooses it, and its test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import orjson
import pytest

from reelarr import RADARR_VERSION
from reelarr.notifications import plex as plex_module
from reelarr.notifications.base import NotificationContext, NotificationFailed
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.notifications.options import NotificationOptions
from reelarr.notifications.plex import PlexServer, PlexServerSettings, client_identifier
from reelarr.notifications.plex_api import PlexSection, movie_sections, scan_targets, server_version
from reelarr.providers.model import ProviderDefinition
from reelarr.remote import RemoteRegistry
from tests.unit.notifications.test_discord_embeds import movie_payload
from tests.unit.notifications.test_payloads import film

TOKEN = "plex-t0ken"
MOVIE = film(path="/movies/The Matrix (1999)", root_folder_path="/movies")
IDENTITY = {"MediaContainer": {"machineIdentifier": "abc", "version": "1.40.1.8227-c0dd5a73e"}}


def sections_answer(*sections: tuple[str, str, list[str]]) -> dict[str, Any]:
    directories = [
        {"key": key, "type": kind, "Location": [{"id": 1, "path": p} for p in paths]}
        for key, kind, paths in sections
    ]
    return {"MediaContainer": {"size": len(directories), "Directory": directories}}


class FakePlex:
    def __init__(
        self, sections: dict[str, Any], identity: dict[str, Any] = IDENTITY, status: int = 200
    ) -> None:
        self.sections, self.identity, self.status = sections, identity, status
        self.sent: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        if self.status != 200:
            return httpx.Response(self.status)
        if request.url.path == "/identity":
            return httpx.Response(200, json=self.identity)
        if request.url.path == "/library/sections":
            return httpx.Response(200, json=self.sections)
        return httpx.Response(200)


def plex(handler: Callable[[httpx.Request], httpx.Response], **settings: Any) -> PlexServer:
    plex_module._versions.clear()
    values = {"host": "plex.lan", "auth_token": TOKEN, **settings}
    definition = ProviderDefinition(
        id=6,
        name="Plex",
        implementation="PlexServer",
        config_contract="PlexServerSettings",
        settings=PlexServerSettings(**values),
        options=NotificationOptions(on_download=True),
    )
    remote = RemoteRegistry(transport=httpx.MockTransport(handler))
    return PlexServer(definition, NotificationContext(remote, "Reelarr"))


def event(kind: EventKind, **payload: Any) -> NotificationEvent:
    return NotificationEvent(kind=kind, payload={"movie": movie_payload(), **payload}, movie=MOVIE)


async def test_an_import_refreshes_the_films_folder_in_its_section_with_radarrs_plex_query() -> None:
    fake = FakePlex(sections_answer(("1", "show", ["/tv"]), ("2", "movie", ["/other", "/movies"])))
    await plex(fake).send(event(EventKind.DOWNLOAD))
    assert [(r.method, r.url.path) for r in fake.sent] == [
        ("GET", "/identity"),
        ("GET", "/library/sections"),
        ("GET", "/library/sections/2/refresh"),
    ]
    refresh = fake.sent[-1]
    assert str(refresh.url).startswith("http://plex.lan:32400/library/sections/2/refresh?")
    assert dict(refresh.url.params) == {
        "X-Plex-Client-Identifier": client_identifier("Reelarr"),
        "X-Plex-Product": "Radarr",
        "X-Plex-Platform": "Windows",
        "X-Plex-Platform-Version": "7",
        "X-Plex-Device-Name": "Radarr",
        "X-Plex-Version": RADARR_VERSION,
        "path": "/movies/The Matrix (1999)",
    }
    assert all(r.headers["Accept"] == "application/json" for r in fake.sent)
    assert all(r.headers["X-Plex-Token"] == TOKEN and TOKEN not in str(r.url) for r in fake.sent)


async def test_the_version_is_asked_once_per_two_hours() -> None:
    fake = FakePlex(sections_answer(("2", "movie", ["/movies"])))
    provider = plex(fake)
    await provider.send(event(EventKind.RENAME))
    await provider.send(event(EventKind.MOVIE_FILE_DELETE))
    assert [r.url.path for r in fake.sent].count("/identity") == 1


def test_a_mapped_root_folder_picks_its_location_in_windows_separators() -> None:
    sections = [PlexSection(3, ("D:\\Films",)), PlexSection(4, ("/data/movies",))]
    found = scan_targets(sections, "/movies/The Matrix (1999)", "/movies", "/movies", "D:\\Films\\")
    assert found == [(3, "D:\\Films\\The Matrix (1999)")]


def test_no_matching_location_refreshes_every_location_of_every_movie_section() -> None:
    sections = [PlexSection(3, ("/a", "/b")), PlexSection(4, ("C:\\c",))]
    found = scan_targets(sections, "/movies/Sub/The Matrix (1999)", "/movies", "", "")
    assert found == [
        (3, "/a/Sub/The Matrix (1999)"),
        (3, "/b/Sub/The Matrix (1999)"),
        (4, "C:\\c\\Sub\\The Matrix (1999)"),
    ]


def test_the_legacy_children_form_is_read_too() -> None:
    legacy = {
        "_children": [
            {"key": 5, "type": "movie", "_children": [{"id": 1, "path": "/m"}]},
            {"key": 6, "type": "artist"},
        ]
    }
    assert movie_sections(orjson.dumps(legacy)) == [PlexSection(5, ("/m",))]
    assert server_version(orjson.dumps({"_children": [], "version": "1.3.2.3112-1751929"})) == (1, 3, 2, 3112)


async def test_pms_1_3_0_is_refused_as_radarr_refuses_it() -> None:
    fake = FakePlex(
        sections_answer(("2", "movie", ["/movies"])), {"MediaContainer": {"version": "1.3.0.3000-abc"}}
    )
    with pytest.raises(NotificationFailed, match=r"upgrade to PMS 1\.3\.1"):
        await plex(fake).send(event(EventKind.DOWNLOAD))


@pytest.mark.parametrize(
    ("sent", "refreshed"),
    [
        (event(EventKind.MOVIE_DELETE, deletedFiles=False), False),
        (event(EventKind.MOVIE_DELETE, deletedFiles=True), True),
        (event(EventKind.GRAB), False),
    ],
)
async def test_which_events_refresh(sent: NotificationEvent, refreshed: bool) -> None:
    fake = FakePlex(sections_answer(("2", "movie", ["/movies"])))
    await plex(fake).send(sent)
    assert bool(fake.sent) is refreshed


async def test_update_library_off_sends_nothing() -> None:
    fake = FakePlex(sections_answer(("2", "movie", ["/movies"])))
    await plex(fake, update_library=False).send(event(EventKind.DOWNLOAD))
    assert fake.sent == []


@pytest.mark.parametrize(
    ("fake", "failure"),
    [
        (FakePlex(sections_answer(("2", "movie", ["/movies"]))), None),
        (
            FakePlex(sections_answer(("1", "show", ["/tv"]))),
            ("host", "At least one Movie library is required"),
        ),
        (FakePlex({}, status=401), ("authToken", "Authentication Token is invalid")),
        (
            FakePlex({}, status=404),
            ("host", "Unable to connect: Unable to connect to Plex Media Server. Status Code: 404"),
        ),
    ],
)
async def test_the_test_lists_the_movie_sections(fake: FakePlex, failure: tuple[str, str] | None) -> None:
    found = await plex(fake).test()
    assert [(f.property_name, f.error_message) for f in found] == ([failure] if failure else [])
    assert [r.url.path for r in fake.sent] == ["/library/sections"]


async def test_a_server_that_is_down_fails_the_send_without_the_token() -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("Connection refused", request=request)

    with pytest.raises(NotificationFailed) as raised:
        await plex(down).send(event(EventKind.DOWNLOAD))
    assert "Unable to connect to Plex Media Server" in str(raised.value)
    assert TOKEN not in str(raised.value)


@pytest.mark.parametrize(
    ("values", "failures"),
    [
        ({"host": "plex.lan"}, []),
        ({"host": "plex.lan", "port": 0}, [("port", "'Port' must be between 1 and 65535. You entered 0.")]),
        ({"host": "plex.lan", "map_from": "/m"}, [("mapTo", "'Map Paths To' must not be empty.")]),
        ({"host": ""}, [("host", "'Host' must not be empty.")]),
    ],
)
def test_radarrs_validation(values: dict[str, Any], failures: list[tuple[str, str]]) -> None:
    found = PlexServerSettings(**values).check()
    assert [(f.property_name, f.error_message) for f in found] == failures
