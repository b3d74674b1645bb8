"""Radarr's Kodi (Xbmc): each event's JSON-RPC calls compared with what Radarr's XbmcJsonApiProxy builds,
the scan skipped while a video plays, Kodi's errors read as Radarr reads them, and its validation."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import httpx
import orjson
import pytest

from reelarr.notifications.base import NotificationContext, NotificationFailed
from reelarr.notifications.kodi import Xbmc, XbmcSettings, rpc_answer
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.notifications.options import NotificationOptions
from reelarr.providers.model import ProviderDefinition
from reelarr.remote import RemoteRegistry
from tests.unit.notifications.test_discord_embeds import movie_payload
from tests.unit.notifications.test_payloads import film

MOVIE = film(imdb_id="tt0133093")
ICON = "https://raw.github.com/Radarr/Radarr/develop/Logo/64.png"
KODI_FILE = "smb://nas/films/The Matrix (1999)/The.Matrix.1999.mkv"
OTHER = {"movieid": 1, "label": "Heat", "imdbnumber": "tt0113277", "file": "smb://nas/films/Heat.mkv"}
MATRIX = {"movieid": 2, "label": "The Matrix", "imdbnumber": "tt0133093", "file": KODI_FILE}


class FakeKodi:
    """Answers JSON-RPC as Kodi does; keeps what it was sent."""

    def __init__(self, movies: list[dict[str, Any]], players: list[dict[str, Any]]) -> None:
        self.movies, self.players = movies, players
        self.sent: list[httpx.Request] = []

    def calls(self) -> list[tuple[str, Any]]:
        return [(orjson.loads(r.content)["method"], orjson.loads(r.content)["params"]) for r in self.sent]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        call = orjson.loads(request.content)
        results: dict[str, Any] = {
            "Player.GetActivePlayers": self.players,
            "VideoLibrary.GetMovies": {"limits": {}, "movies": self.movies},
        }
        result = results.get(call["method"], "OK")
        return httpx.Response(200, json={"id": call["id"], "jsonrpc": "2.0", "result": result})


def kodi(handler: Callable[[httpx.Request], httpx.Response], **settings: Any) -> Xbmc:
    values = {"host": "kodi.lan", **settings}
    definition = ProviderDefinition(
        id=4,
        name="Kodi",
        implementation="Xbmc",
        config_contract="XbmcSettings",
        settings=XbmcSettings(**values),
        options=NotificationOptions(on_download=True),
    )
    remote = RemoteRegistry(transport=httpx.MockTransport(handler))
    return Xbmc(definition, NotificationContext(remote, "Reelarr"))


def event(kind: EventKind, **payload: Any) -> NotificationEvent:
    return NotificationEvent(kind=kind, payload={"movie": movie_payload(), **payload}, movie=MOVIE)


def download(**payload: Any) -> NotificationEvent:
    file = {"quality": "Bluray-1080p", "qualityVersion": 1}
    return event(EventKind.DOWNLOAD, movieFile=file, **payload)


async def test_a_notification_is_a_post_of_radarrs_json_rpc_message_with_basic_auth() -> None:
    fake = FakeKodi([], [])
    provider = kodi(fake, notify=True, username="kodi", password="s3cret", display_time=7, port=8081)
    await provider.send(event(EventKind.GRAB, release={"quality": "Bluray-1080p", "qualityVersion": 2}))
    (request,) = fake.sent
    assert (request.method, str(request.url)) == ("POST", "http://kodi.lan:8081/jsonrpc")
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Accept"] == "application/json-rpc, application/json"
    assert request.headers["Authorization"] == "Basic " + base64.b64encode(b"kodi:s3cret").decode()
    body = orjson.loads(request.content)
    assert list(body) == ["jsonrpc", "method", "params", "id"]
    assert len(body.pop("id")) == 8
    assert body == {
        "jsonrpc": "2.0",
        "method": "GUI.ShowNotification",
        "params": [
            "Radarr - Grabbed",
            "The Matrix (1999) [Bluray-1080p Proper] https://www.imdb.com/title/tt0133093/",
            ICON,
            7000,
        ],
    }


async def test_no_username_sends_no_credentials_and_ssl_and_the_url_base_shape_the_address() -> None:
    fake = FakeKodi([], [])
    provider = kodi(fake, notify=True, password="unused", use_ssl=True, url_base="kodi/jsonrpc/")
    await provider.send(event(EventKind.HEALTH, message="Indexers are down"))
    (request,) = fake.sent
    assert str(request.url) == "https://kodi.lan:8080/kodi/jsonrpc"
    assert "Authorization" not in request.headers
    assert orjson.loads(request.content)["params"][:2] == [
        "Radarr - Health Check Failure",
        "Indexers are down",
    ]


async def test_an_import_scans_the_file_kodi_knows_the_film_by() -> None:
    fake = FakeKodi([OTHER, MATRIX], [{"playerid": 0, "type": "audio"}])
    await kodi(fake, update_library=True, clean_library=True).send(download())
    assert fake.calls() == [
        ("Player.GetActivePlayers", []),
        ("VideoLibrary.GetMovies", [["file", "imdbnumber"]]),
        ("VideoLibrary.Scan", [KODI_FILE]),
    ]


async def test_a_film_kodi_does_not_know_is_a_scan_of_the_whole_library() -> None:
    fake = FakeKodi([OTHER], [])
    await kodi(fake, update_library=True, always_update=True).send(download())
    assert fake.calls() == [("VideoLibrary.GetMovies", [["file", "imdbnumber"]]), ("VideoLibrary.Scan", [])]


async def test_an_upgrade_cleans_after_the_scan() -> None:
    fake = FakeKodi([MATRIX], [])
    await kodi(fake, update_library=True, clean_library=True).send(download(deletedFiles=[{"id": 1}]))
    assert [m for m, _ in fake.calls()] == [
        "Player.GetActivePlayers",
        "VideoLibrary.GetMovies",
        "VideoLibrary.Scan",
        "Player.GetActivePlayers",
        "VideoLibrary.Clean",
    ]


async def test_a_playing_video_holds_the_scan_and_the_clean_back_unless_always_update() -> None:
    fake = FakeKodi([MATRIX], [{"playerid": 1, "type": "video"}])
    await kodi(fake, update_library=True, clean_library=True).send(event(EventKind.RENAME))
    assert fake.calls() == [("Player.GetActivePlayers", []), ("Player.GetActivePlayers", [])]
    fake.sent.clear()
    await kodi(fake, update_library=True, clean_library=True, always_update=True).send(
        event(EventKind.RENAME)
    )
    assert [m for m, _ in fake.calls()] == [
        "VideoLibrary.GetMovies",
        "VideoLibrary.Scan",
        "VideoLibrary.Clean",
    ]


@pytest.mark.parametrize(
    ("sent", "told"),
    [
        (event(EventKind.MOVIE_DELETE, deletedFiles=True), True),
        (event(EventKind.MOVIE_DELETE, deletedFiles=False), False),
        (event(EventKind.MOVIE_FILE_DELETE, movieFile={"quality": "HDTV-720p"}), True),
    ],
)
async def test_a_delete_is_told_and_cleaned_only_when_files_went(sent: NotificationEvent, told: bool) -> None:
    fake = FakeKodi([], [])
    await kodi(fake, notify=True, clean_library=True, always_update=True).send(sent)
    expected = [("GUI.ShowNotification", "Radarr - Deleted"), ("VideoLibrary.Clean", None)] if told else []
    assert [(m, p[0] if p else None) for m, p in fake.calls()] == expected


async def test_nothing_is_sent_with_every_switch_off() -> None:
    fake = FakeKodi([MATRIX], [])
    provider = kodi(fake)
    for sent in (download(), event(EventKind.GRAB, release={}), event(EventKind.RENAME)):
        await provider.send(sent)
    assert fake.sent == []


async def test_the_test_shows_radarrs_test_notification_even_with_notify_off() -> None:
    fake = FakeKodi([], [])
    assert await kodi(fake).test() == []
    [(method, params)] = fake.calls()
    assert (method, params) == (
        "GUI.ShowNotification",
        ["Test Notification", "Success! Kodi has been successfully configured!", ICON, 5000],
    )


async def test_a_401_fails_the_test_on_the_host_without_the_password() -> None:
    provider = kodi(lambda _r: httpx.Response(401), username="kodi", password="s3cret", update_library=True)
    (failure,) = await provider.test()
    assert failure.property_name == "host"
    assert failure.error_message == "Unable to send test message: Kodi answered HTTP 401 Unauthorized"
    with pytest.raises(NotificationFailed) as raised:
        await provider.send(event(EventKind.RENAME))
    assert "s3cret" not in str(raised.value)


async def test_kodi_down_fails_the_send() -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("Connection refused", request=request)

    with pytest.raises(NotificationFailed, match="Unable to connect to Kodi"):
        await kodi(down, notify=True).send(event(EventKind.HEALTH_RESTORED, message="x"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Invalid response from XBMC, the response is not valid JSON"),
        (
            b'{"error":{"code":-32601,"message":"Method not found."},"id":"1","jsonrpc":"2.0"}',
            "XBMC Json Error. Code = -32601, Message: Method not found.",
        ),
    ],
)
def test_kodis_errors_are_read_as_radarr_reads_them(content: bytes, message: str) -> None:
    with pytest.raises(NotificationFailed) as raised:
        rpc_answer(content)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("values", "failures"),
    [
        ({"host": "kodi.lan"}, []),
        (
            {"host": "kodi.lan", "port": 70000},
            [("port", "'Port' must be between 1 and 65535. You entered 70000.")],
        ),
        ({"host": ""}, [("host", "'Host' must not be empty.")]),
        ({"host": "http://kodi.lan"}, [("host", "Must be a valid Host without http://")]),
        (
            {"host": "kodi.lan", "display_time": 1},
            [("displayTime", "'Display Time' must be greater than or equal to '2'.")],
        ),
        (
            {"host": "kodi.lan", "url_base": "http://kodi.lan/jsonrpc"},
            [("urlBase", "Must be a valid URL path (ie: '/radarr')")],
        ),
    ],
)
def test_radarrs_validation(values: dict[str, Any], failures: list[tuple[str, str]]) -> None:
    found = XbmcSettings(**values).check()
    assert [(f.property_name, f.error_message) for f in found] == failures
