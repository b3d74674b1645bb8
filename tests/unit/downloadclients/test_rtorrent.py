"""rTorrent's settings rules, XML-RPC read safely (hostile answers included), and Radarr's reading of
its torrents (no rTorrent needed: hostile answers come from a loopback HTTP server)."""

from __future__ import annotations

import threading
import xmlrpc.client
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from reelarr.downloadclients.base import DownloadClientUnavailable, DownloadStatus
from reelarr.downloadclients.rtorrent.client import RTorrent, delete_content, parse_version
from reelarr.downloadclients.rtorrent.settings import RTorrentSettings
from reelarr.downloadclients.rtorrent.torrents import (
    FIELDS,
    MalformedTorrent,
    item_of,
    reached_seed_goal,
    torrent_of,
)
from reelarr.downloadclients.rtorrent.xmlrpc import (
    MAX_ANSWER_BYTES,
    RTorrentError,
    RTorrentFault,
    RTorrentRpc,
    decode_answer,
    encode_call,
)
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.providers.model import ProviderDefinition

HASH = "8F5BCC243A49EF0C30D10BEBE808F04C09743BC6"
NOW = 1_700_000_000


def answer(value: Any) -> bytes:
    return xmlrpc.client.dumps((value,), methodresponse=True).encode()


def row(**values: Any) -> list[Any]:
    """A downloading torrent as d.multicall2 answers over FIELDS, with `values` changed."""
    fields = {
        "hash": HASH.lower(),
        "name": "Movie.Title.2020.1080p.WEB-DL-GRP",
        "base_path": "",
        "directory": "/downloads/Movie.Title.2020.1080p.WEB-DL-GRP",
        "multi_file": 1,
        "size": 1000,
        "completed": 600,
        "down_rate": 100,
        "ratio": 0,
        "state": 1,
        "active": 1,
        "complete": 0,
        "message": "",
        "label": "radarr",
        "finished": 0,
        "seed_ratio": "",
        "seed_time": "",
    } | values
    return list(fields.values())


# Settings


def broken(**values: Any) -> list[tuple[str, str, str]]:
    found = RTorrentSettings.model_validate(values).check()
    return [(f.property_name, f.error_message, f.severity) for f in found]


def test_the_defaults_are_radarrs() -> None:
    settings = RTorrentSettings()
    assert (settings.port, settings.url_base, settings.movie_category) == (8080, "RPC2", "radarr")
    assert (settings.recent_movie_priority, settings.older_movie_priority) == (2, 2)
    assert settings.rpc_url() == "http://localhost:8080/RPC2"


def test_a_rutorrent_path_is_kept_whole() -> None:
    settings = RTorrentSettings(url_base="rutorrent/plugins/rpc/rpc.php", use_ssl=True)
    assert settings.rpc_url() == "https://localhost:8080/rutorrent/plugins/rpc/rpc.php"


def test_no_category_is_a_warning() -> None:
    assert broken(movieCategory="") == [("movieCategory", "A category is recommended", "warning")]


def test_an_unknown_priority_is_refused() -> None:
    assert broken(olderMoviePriority=7) == [("olderMoviePriority", "is not one of the choices", "error")]


@pytest.mark.parametrize(
    ("text", "version"), [("0.9.8", (0, 9, 8)), ("0.10.0", (0, 10, 0)), ("0.9.x", None), ("", None)]
)
def test_rtorrents_version_is_read_as_numbers(text: str, version: tuple[int, ...] | None) -> None:
    assert parse_version(text) == version


# XML-RPC


def test_a_call_carries_bytes_as_base64() -> None:
    method, params = xmlrpc.client.loads(encode_call("load.raw", ("", b"d4:infodee")))[::-1]
    assert method == "load.raw"
    assert params[1].data == b"d4:infodee"


def test_every_xml_rpc_type_is_read() -> None:
    value = {"i": 7, "s": "x", "b": True, "d": 1.5, "a": [1, ["y"]], "raw": b"\x00"}
    decoded = decode_answer(answer(value))
    assert decoded == {**value, "raw": b"\x00"}


def test_rtorrents_64_bit_integers_are_read() -> None:
    body = (
        b"<methodResponse><params><param><value><i8>1099511627776</i8></value></param></params>"
        b"</methodResponse>"
    )
    assert decode_answer(body) == 2**40


def test_a_value_without_a_type_is_a_string() -> None:
    body = b"<methodResponse><params><param><value>plain</value></param></params></methodResponse>"
    assert decode_answer(body) == "plain"


def test_a_fault_is_raised_with_its_words_and_code() -> None:
    body = xmlrpc.client.dumps(xmlrpc.client.Fault(-501, "Could not find info-hash."), methodresponse=True)
    with pytest.raises(RTorrentFault, match="Could not find info-hash") as raised:
        decode_answer(body.encode())
    assert raised.value.code == -501


@pytest.mark.parametrize(
    "body",
    [
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><methodResponse><params><param>'
        b"<value><string>&a;</string></value></param></params></methodResponse>",
        b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "file:///etc/passwd"><methodResponse/>',
    ],
    ids=["entity", "external-dtd"],
)
def test_a_dtd_is_refused(body: bytes) -> None:
    with pytest.raises(RTorrentError, match="Unreadable XML-RPC answer"):
        decode_answer(body)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"not xml", "Unreadable"),
        (b"<html><body>nginx</body></html>", "not a methodResponse"),
        (b"<methodResponse><params/></methodResponse>", "no single result"),
        (b"<methodResponse><params><param><value><i4>x</i4></value></param></params></methodResponse>", "i4"),
        (b"<methodResponse><params><param><value><blob/></value></param></params></methodResponse>", "blob"),
        (
            b"<methodResponse><params><param>"
            + b"<value><array><data>" * 40
            + b"</data></array></value>" * 40
            + b"</param></params></methodResponse>",
            "nested too deeply",
        ),
    ],
)
def test_what_is_not_an_xml_rpc_answer_is_an_error(body: bytes, words: str) -> None:
    with pytest.raises(RTorrentError, match=words):
        decode_answer(body)


class _Fixed(BaseHTTPRequestHandler):
    body = b""
    chunked = False

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        if self.chunked:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<" * (1024 * 1024)
            try:
                for _ in range(MAX_ANSWER_BYTES // len(chunk) + 2):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass  # the client stopped reading, as it should
            return
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture
def serving() -> Iterator[Any]:
    servers: list[ThreadingHTTPServer] = []

    def start(body: bytes = b"", *, chunked: bool = False) -> str:
        handler = type("Fixed", (_Fixed,), {"body": body, "chunked": chunked})
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/RPC2"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


async def test_a_well_formed_answer_over_http(serving: Any) -> None:
    async with RTorrentRpc(serving(answer("0.9.8")), "", "") as rpc:
        assert await rpc.call("system.client_version") == "0.9.8"


async def test_an_answer_past_32_mib_is_refused_unread(serving: Any) -> None:
    async with RTorrentRpc(serving(chunked=True), "", "") as rpc:
        with pytest.raises(RTorrentError, match="answer is too large"):
            await rpc.call("d.multicall2", "", "main")


async def test_an_entity_bomb_over_http_is_refused(serving: Any) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        b"<methodResponse><params><param><value><string>&b;</string></value></param></params>"
        b"</methodResponse>"
    )
    async with RTorrentRpc(serving(bomb), "", "") as rpc:
        with pytest.raises(RTorrentError, match="Unreadable XML-RPC answer"):
            await rpc.call("system.client_version")


def client_for(url: str) -> RTorrent:
    host_port = url.removeprefix("http://").split("/")[0]
    settings = RTorrentSettings(host="127.0.0.1", port=int(host_port.split(":")[1]))
    definition = ProviderDefinition(
        0, "rTorrent", "RTorrent", "RTorrentSettings", settings, DownloadClientOptions()
    )
    return RTorrent(definition)


async def test_rtorrent_before_0_9_fails_the_test_with_its_version(serving: Any) -> None:
    found = await client_for(serving(answer("0.8.9"))).test()
    assert [(f.property_name, f.error_message) for f in found] == [
        ("", "rTorrent version should be at least 0.9.0. Version reported is 0.8.9")
    ]


async def test_a_page_that_is_not_xml_rpc_fails_the_test_and_the_health_check(serving: Any) -> None:
    url = serving(b"<html><body>ruTorrent login</body></html>")
    found = await client_for(url).test()
    assert [(f.property_name, f.error_message) for f in found] == [
        ("", "Unable to connect to rTorrent: Unexpected XML-RPC answer: not a methodResponse")
    ]
    with pytest.raises(DownloadClientUnavailable, match="not a methodResponse"):
        await client_for(url).check_connection()


async def test_a_list_of_torrents_that_is_not_one_fails_the_health_check(serving: Any) -> None:
    with pytest.raises(DownloadClientUnavailable, match=r"Unexpected answer to d\.multicall2: not a list"):
        await client_for(serving(answer("0.9.8"))).check_connection()


# Torrents


def test_a_row_is_read_in_the_order_asked() -> None:
    torrent = torrent_of(row(ratio=1500, seed_ratio="2.0", seed_time="90"))
    assert len(FIELDS) == len(row())
    assert (torrent.hash, torrent.ratio, torrent.seed_ratio, torrent.seed_time_minutes) == (
        HASH,
        1.5,
        2.0,
        90,
    )


@pytest.mark.parametrize("bad", [row()[:-1], row(size="1000"), row(name=7), "not a row"])
def test_a_row_that_is_not_what_was_asked_is_refused(bad: Any) -> None:
    with pytest.raises(MalformedTorrent):
        torrent_of(bad)


@pytest.mark.parametrize(
    ("values", "status"),
    [
        ({}, DownloadStatus.DOWNLOADING),
        ({"active": 0, "state": 0}, DownloadStatus.PAUSED),
        ({"complete": 1, "completed": 1000}, DownloadStatus.COMPLETED),
        ({"complete": 1, "completed": 1000, "active": 0}, DownloadStatus.COMPLETED),
    ],
)
def test_status_is_radarrs(values: dict[str, Any], status: DownloadStatus) -> None:
    assert item_of(torrent_of(row(**values)), remove_completed=True, now=NOW).status is status


def test_a_downloading_item() -> None:
    found = item_of(torrent_of(row()), remove_completed=True, now=NOW)
    assert (found.download_id, found.category, found.total_size, found.remaining_size) == (
        HASH,
        "radarr",
        1000,
        400,
    )
    assert found.remaining_time == timedelta(seconds=4)
    assert found.output_path == "/downloads/Movie.Title.2020.1080p.WEB-DL-GRP"


def test_rtorrents_message_is_shown_only_for_a_stopped_torrent() -> None:
    message = "Tracker: [Couldn't connect to server]"
    assert item_of(torrent_of(row(message=message)), remove_completed=True, now=NOW).message is None
    stopped = torrent_of(row(message="Hash check failed", active=0, state=0))
    assert item_of(stopped, remove_completed=True, now=NOW).message == "Hash check failed"


def test_a_single_file_torrent_is_its_file_in_the_directory() -> None:
    torrent = torrent_of(row(multi_file=0, directory="/downloads", name="Movie.mkv"))
    assert torrent.output_path == "/downloads/Movie.mkv"
    assert torrent_of(row(base_path="/elsewhere/Movie.mkv")).output_path == "/elsewhere/Movie.mkv"


@pytest.mark.parametrize(
    ("values", "done"),
    [
        ({"complete": 1}, False),  # no goals: kept, as Radarr keeps it
        ({"complete": 1, "ratio": 2000, "seed_ratio": "2.0"}, True),
        ({"complete": 1, "ratio": 1999, "seed_ratio": "2.0"}, False),
        ({"complete": 1, "finished": NOW - 3600, "seed_time": "60"}, True),
        ({"complete": 1, "finished": NOW - 3599, "seed_time": "60"}, False),
        ({"complete": 0, "ratio": 5000, "seed_ratio": "1.0"}, False),
        ({"complete": 1, "ratio": 5000, "seed_ratio": "nan"}, False),
    ],
)
def test_seed_goals_decide_removal(values: dict[str, Any], done: bool) -> None:
    torrent = torrent_of(row(**values))
    assert reached_seed_goal(torrent, NOW) is done
    found = item_of(torrent, remove_completed=True, now=NOW)
    assert (found.can_be_removed, found.can_move_files) == (done, done)
    kept = item_of(torrent, remove_completed=False, now=NOW)
    assert (kept.can_be_removed, kept.can_move_files) == (False, False)


# Removing with data


def test_the_content_named_as_the_torrent_is_deleted(tmp_path: Path) -> None:
    folder = tmp_path / "Movie.Title.2020"
    folder.mkdir()
    (folder / "movie.mkv").write_bytes(b"x")
    single = tmp_path / "Movie.mkv"
    single.write_bytes(b"x")
    delete_content(str(folder), "Movie.Title.2020")
    delete_content(str(single), "Movie.mkv")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("named", ["/", "relative/Movie.mkv", "{folder}"])
def test_a_path_not_named_as_the_torrent_is_never_deleted(tmp_path: Path, named: str) -> None:
    (tmp_path / "Movie.mkv").write_bytes(b"x")
    delete_content(named.format(folder=tmp_path), "Movie.mkv")
    assert (tmp_path / "Movie.mkv").exists()
