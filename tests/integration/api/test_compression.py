"""Text and JSON answers go out compressed to clients that accept it; covers, ranges and WebSockets not."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import AsyncIterator
from pathlib import Path

import brotli
import httpx
import pytest
import websockets
import zstandard

from tests.conftest import make_settings
from tests.integration.api.test_mediacover import jpeg, put_cover
from tests.support.live import API_KEY, LiveServer, live_server

SCRIPT = b"export function greet(name) { return `Hello, ${name}!`; }\n" * 400


def decoded(body: bytes, coding: str | None) -> bytes:
    if coding == "gzip":
        return gzip.decompress(body)
    if coding == "zstd":
        return zstandard.ZstdDecompressor().stream_reader(io.BytesIO(body), read_across_frames=True).read()
    if coding == "br":
        return bytes(brotli.decompress(body))
    assert coding is None, coding
    return body


async def raw_get(server: LiveServer, path: str, **headers: str) -> tuple[httpx.Response, bytes]:
    """GET with exactly these headers (plus the API key) and the body as it came over the wire."""
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        del client.headers["accept-encoding"]
        request_headers = {"X-Api-Key": API_KEY, **{k.replace("_", "-"): v for k, v in headers.items()}}
        async with client.stream("GET", path, headers=request_headers) as response:
            body = b"".join([chunk async for chunk in response.aiter_raw()])
    return response, body


@pytest.mark.parametrize("coding", ["gzip", "zstd"])
async def test_a_big_json_answer_is_compressed_and_decodes_to_the_plain_one(
    server: LiveServer, coding: str
) -> None:
    plain_response, plain = await raw_get(server, "/api/v3/openapi.json")
    response, body = await raw_get(server, "/api/v3/openapi.json", Accept_Encoding=coding)
    assert "content-encoding" not in plain_response.headers
    assert response.headers["content-encoding"] == coding
    assert response.headers["vary"] == "Accept-Encoding"
    assert int(response.headers["content-length"]) == len(body) < len(plain) // 3
    assert decoded(body, coding) == plain


@pytest.mark.parametrize("coding", ["gzip", "zstd"])
async def test_a_streamed_json_answer_is_compressed_as_it_streams(server: LiveServer, coding: str) -> None:
    path = "/api/v3/movie?excludeLocalCovers=true"
    _, plain = await raw_get(server, path)
    response, body = await raw_get(server, path, Accept_Encoding=coding)
    assert response.headers["content-encoding"] == coding
    assert "content-length" not in response.headers
    assert decoded(body, coding) == plain == b"[]"


async def test_small_answers_head_requests_and_plain_clients_are_not_compressed(server: LiveServer) -> None:
    small, body = await raw_get(server, "/api/v3/system/status", Accept_Encoding="gzip")
    assert "content-encoding" not in small.headers
    assert json.loads(body)["appName"]
    assert "content-encoding" not in (await raw_get(server, "/api/v3/openapi.json"))[0].headers
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        head = await client.head("/api/v3/movie", headers={"X-Api-Key": API_KEY, "Accept-Encoding": "gzip"})
    assert "content-encoding" not in head.headers


async def test_covers_and_their_ranges_go_out_as_they_are(server: LiveServer) -> None:
    cover = jpeg((400, 600))
    put_cover(server, "poster.jpg", cover)
    response, body = await raw_get(server, "/MediaCover/7/poster.jpg", Accept_Encoding="gzip, zstd")
    assert response.status_code == 200
    assert "content-encoding" not in response.headers
    assert body == cover


async def test_the_websocket_works_for_a_client_that_accepts_compression(server: LiveServer) -> None:
    url = server.url.replace("http://", "ws://") + f"/ws?access_token={API_KEY}"
    headers = {"Accept-Encoding": "gzip, deflate, br, zstd"}
    async with websockets.connect(url, open_timeout=10, additional_headers=headers) as ws:
        first = json.loads(await ws.recv(decode=True))
    assert first["name"] == "version"


# ---------------------------------------------------------------- the UI's assets


@pytest.fixture
async def ui_server(database_url: str, tmp_path: Path) -> AsyncIterator[LiveServer]:
    """A server whose built UI has a script with .br and .gz copies beside it, as the build writes."""
    ui = tmp_path / "web"
    (ui / "assets").mkdir(parents=True)
    (ui / "index.html").write_text(
        "<html><head></head><body><script src='assets/app.js'></script></body></html>"
    )
    (ui / "assets" / "app.js").write_bytes(SCRIPT)
    (ui / "assets" / "app.js.gz").write_bytes(gzip.compress(SCRIPT))
    (ui / "assets" / "app.js.br").write_bytes(brotli.compress(SCRIPT))
    (ui / "assets" / "small.css").write_bytes(b"body{margin:0}")
    async with live_server(make_settings(database_url, tmp_path / "data"), ui_dir=ui) as live:
        yield live


@pytest.mark.parametrize(
    ("accept_encoding", "coding"),
    [("gzip, deflate, br, zstd", "br"), ("gzip, deflate", "gzip"), ("zstd", "zstd"), ("identity", None)],
)
async def test_ui_assets_go_out_precompressed(
    ui_server: LiveServer, accept_encoding: str, coding: str | None
) -> None:
    response, body = await raw_get(ui_server, "/assets/app.js", Accept_Encoding=accept_encoding)
    assert response.status_code == 200
    assert response.headers.get("content-encoding") == coding
    assert "javascript" in response.headers["content-type"]
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert "accept-encoding" in response.headers["vary"].lower()
    assert int(response.headers["content-length"]) == len(body)
    assert decoded(body, coding) == SCRIPT


async def test_each_encoding_of_an_asset_has_its_own_etag(ui_server: LiveServer) -> None:
    tags = {
        (await raw_get(ui_server, "/assets/app.js", Accept_Encoding=coding))[0].headers["etag"]
        for coding in ("br", "gzip", "zstd", "identity")
    }
    assert len(tags) == 4


async def test_a_range_of_an_asset_is_of_the_plain_file(ui_server: LiveServer) -> None:
    response, body = await raw_get(
        ui_server, "/assets/app.js", Accept_Encoding="gzip, br", Range="bytes=0-99"
    )
    assert response.status_code == 206
    assert "content-encoding" not in response.headers
    assert body == SCRIPT[:100]


async def test_the_copies_are_not_assets_of_their_own(ui_server: LiveServer) -> None:
    response, _ = await raw_get(ui_server, "/assets/app.js.gz")
    assert response.status_code == 404
    assert (await raw_get(ui_server, "/assets/small.css", Accept_Encoding="gzip"))[1] == b"body{margin:0}"
