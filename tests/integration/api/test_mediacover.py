"""Cached covers served at /MediaCover/{movieId}/{file} and /api/v3/mediacover/..., behind auth."""

from __future__ import annotations

import asyncio
import io
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image as Picture

from reelarr.metadata import CoverType, Image
from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.support.browser_session import create_first_account
from tests.support.live import API_KEY, LiveServer
from tests.support.shared_server import shared_server

__all__ = ["tmdb_fixture_server", "tmdb_server"]


async def _no_covers(server: LiveServer) -> None:
    shutil.rmtree(server.services.media_covers.root, ignore_errors=True)


server = shared_server(reset=_no_covers)

MOVIE = 7
VERSIONED = "private, max-age=31536000, immutable"


def jpeg(size: tuple[int, int], colour: str = "navy") -> bytes:
    buffer = io.BytesIO()
    Picture.new("RGB", size, colour).save(buffer, format="JPEG")
    return buffer.getvalue()


def put_cover(server: LiveServer, name: str, body: bytes, *, movie_id: int = MOVIE, age: float = 0) -> Path:
    path = server.services.media_covers.root / str(movie_id) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    if age:
        stat = path.stat()
        os.utime(path, (stat.st_atime - age, stat.st_mtime - age))
    return path


async def raw_get(server: LiveServer, target: str) -> int:
    """The status of a GET sent byte for byte (an HTTP client would tidy `..` away)."""
    url = urlsplit(server.url)
    reader, writer = await asyncio.open_connection(url.hostname, url.port)
    try:
        writer.write(
            f"GET {target} HTTP/1.1\r\nHost: {url.netloc}\r\nX-Api-Key: {API_KEY}\r\n"
            "Connection: close\r\n\r\n".encode()
        )
        await writer.drain()
        status_line = await reader.readline()
    finally:
        writer.close()
    return int(status_line.split()[1])


# -- serving ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [f"/MediaCover/{MOVIE}/poster.jpg", f"/api/v3/mediacover/{MOVIE}/poster.jpg"]
)
async def test_a_cached_cover_is_served_as_a_jpeg(server: LiveServer, path: str) -> None:
    body = jpeg((60, 90))
    put_cover(server, "poster.jpg", body)
    response = await server.client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/jpeg"
    assert response.content == body
    assert response.headers["cache-control"] == "private, no-cache"


async def test_paths_are_matched_ignoring_case(server: LiveServer) -> None:
    put_cover(server, "poster.jpg", jpeg((60, 90)))
    assert (await server.client.get(f"/mediacover/{MOVIE}/poster.jpg")).status_code == 200
    assert (await server.client.get(f"/api/v3/MediaCover/{MOVIE}/Poster.JPG")).status_code == 200


async def test_a_clear_logo_is_served_as_a_png(server: LiveServer) -> None:
    put_cover(server, "clearlogo.png", b"\x89PNG\r\n\x1a\n stand-in")
    response = await server.client.get(f"/MediaCover/{MOVIE}/clearlogo.png")
    assert response.headers["content-type"] == "image/png"


async def test_a_last_write_url_may_be_cached_for_good(server: LiveServer) -> None:
    put_cover(server, "poster.jpg", jpeg((60, 90)))
    response = await server.client.get(f"/MediaCover/{MOVIE}/poster.jpg?lastWrite=638396640000000000")
    assert response.headers["cache-control"] == VERSIONED


async def test_a_browser_revalidating_gets_304(server: LiveServer) -> None:
    put_cover(server, "poster.jpg", jpeg((60, 90)))
    first = await server.client.get(f"/MediaCover/{MOVIE}/poster.jpg")
    again = await server.client.get(
        f"/MediaCover/{MOVIE}/poster.jpg", headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.content == b""


async def test_head_answers_without_a_body(server: LiveServer) -> None:
    body = jpeg((60, 90))
    put_cover(server, "poster.jpg", body)
    response = await server.client.head(f"/MediaCover/{MOVIE}/poster.jpg")
    assert response.status_code == 200
    assert response.headers["content-length"] == str(len(body))


# -- smaller copies -------------------------------------------------------------------------------------


async def test_a_smaller_copy_is_served_when_it_exists(server: LiveServer) -> None:
    put_cover(server, "poster.jpg", jpeg((60, 90)), age=60)
    small = put_cover(server, "poster-250.jpg", jpeg((20, 30)))
    response = await server.client.get(f"/MediaCover/{MOVIE}/poster-250.jpg")
    assert response.content == small.read_bytes()


async def test_a_missing_smaller_copy_answers_the_original(server: LiveServer) -> None:
    original = put_cover(server, "poster.jpg", jpeg((60, 90)))
    response = await server.client.get(f"/MediaCover/{MOVIE}/poster-500.jpg")
    assert response.status_code == 200
    assert response.content == original.read_bytes()


async def test_a_smaller_copy_older_than_its_original_answers_the_original(server: LiveServer) -> None:
    put_cover(server, "poster-500.jpg", jpeg((20, 30), "red"), age=60)
    original = put_cover(server, "poster.jpg", jpeg((60, 90), "green"))
    response = await server.client.get(f"/MediaCover/{MOVIE}/poster-500.jpg")
    assert response.content == original.read_bytes()


# -- not found ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        f"/MediaCover/{MOVIE}/fanart.jpg",  # not cached
        "/MediaCover/8/poster.jpg",  # another movie
        f"/MediaCover/{MOVIE}/poster.txt",  # not an image name
        f"/MediaCover/{MOVIE}/.poster.jpg.source",  # the cache's own record
        f"/MediaCover/{MOVIE}/poster.jpg.source",
        "/MediaCover/abc/poster.jpg",  # not a movie id
        "/MediaCover/-7/poster.jpg",
        "/MediaCover/0/poster.jpg",
        f"/api/v3/mediacover/{MOVIE}/poster.exe",
        f"/MediaCover/{MOVIE}/..%2F..%2Freelarr.db",  # traversal, escaped
        f"/MediaCover/{MOVIE}/%2e%2e%2f%2e%2e%2freelarr.db",
        f"/MediaCover/{MOVIE}/..%5C..%5Creelarr.db",
    ],
)
async def test_anything_but_a_cached_cover_is_a_json_404(server: LiveServer, path: str) -> None:
    put_cover(server, "poster.jpg", jpeg((60, 90)))
    put_cover(server, ".poster.jpg.source", b'{"url": "x", "size": 1}')
    response = await server.client.get(path)
    assert response.status_code == 404
    assert "message" in response.json()


@pytest.mark.parametrize(
    "target",
    [
        f"/MediaCover/{MOVIE}/../../reelarr.db",
        f"/MediaCover/{MOVIE}/../{MOVIE}/poster.jpg.source",
        f"/api/v3/mediacover/{MOVIE}/../../../etc/passwd",
        "/MediaCover/../reelarr.db",
    ],
)
async def test_dot_segments_never_leave_the_cover_folder(server: LiveServer, target: str) -> None:
    put_cover(server, "poster.jpg", jpeg((60, 90)))
    assert await raw_get(server, target) == 404


# -- auth -----------------------------------------------------------------------------------------------


async def test_covers_need_credentials(server: LiveServer) -> None:
    put_cover(server, "poster.jpg", jpeg((60, 90)))
    async with server.anonymous() as anonymous:
        refused = await anonymous.get(f"/MediaCover/{MOVIE}/poster.jpg")
        api_refused = await anonymous.get(f"/api/v3/mediacover/{MOVIE}/poster.jpg")
        with_key = await anonymous.get(f"/MediaCover/{MOVIE}/poster.jpg?apikey={API_KEY}")
    assert (refused.status_code, refused.content) == (401, b"")
    assert api_refused.status_code == 401
    assert with_key.status_code == 200


async def test_a_logged_in_browser_gets_covers_with_its_session_cookie(server: LiveServer) -> None:
    put_cover(server, "poster.jpg", jpeg((60, 90)))
    async with server.anonymous() as browser:
        await create_first_account(browser)
        response = await browser.get(f"/MediaCover/{MOVIE}/poster-250.jpg?lastWrite=1")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/jpeg"


# -- end to end -----------------------------------------------------------------------------------------


async def test_the_images_url_of_a_cached_movie_serves_its_poster(
    server: LiveServer, tmdb_server: TmdbFixtureServer
) -> None:
    poster = Image(CoverType.POSTER, tmdb_server.image_url + "/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg")
    covers = server.services.media_covers
    await covers.ensure(MOVIE, [poster])
    [link] = covers.links(MOVIE, [poster])

    response = await server.client.get(link["url"])  # what Home Assistant does: base URL + url

    rendered = tmdb_server.images.render("original", "/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg")
    assert rendered is not None
    assert response.content == rendered.body
    assert response.headers["cache-control"] == VERSIONED
    small = await server.client.get(f"/MediaCover/{MOVIE}/poster-250.jpg")
    assert Picture.open(io.BytesIO(small.content)).size == (167, 250)


async def test_a_deleted_movies_covers_are_gone(server: LiveServer) -> None:
    put_cover(server, "poster.jpg", jpeg((60, 90)))
    await server.services.media_covers.delete(MOVIE)
    assert (await server.client.get(f"/MediaCover/{MOVIE}/poster.jpg")).status_code == 404
