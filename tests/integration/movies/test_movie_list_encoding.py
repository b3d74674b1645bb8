"""The whole list goes out gzip as kept to clients that accept it, and plain to the others."""

from __future__ import annotations

import asyncio
import gzip
import io
from typing import Any

import httpx
import orjson
import zstandard

from tests.integration.movies.conftest import Library
from tests.integration.movies.test_movie_api import OVERSEERR_ADD
from tests.support.live import API_KEY

FILMS = {603: ("The Matrix", 1999), 550: ("Fight Club", 1999), 155: ("The Dark Knight", 2008)}


async def _add_films(library: Library) -> list[dict[str, Any]]:
    added = []
    for tmdb_id, (title, year) in FILMS.items():
        body = {
            **OVERSEERR_ADD,
            "tmdbId": tmdb_id,
            "title": title,
            "year": year,
            "titleSlug": str(tmdb_id),
            "rootFolderPath": str(library.root),
        }
        response = await library.server.client.post("/api/v3/movie", json=body)
        assert response.status_code == 201, response.text
        added.append(response.json())
    return added


def decoded(body: bytes, coding: str | None) -> bytes:
    if coding == "gzip":
        return gzip.decompress(body)
    if coding == "zstd":
        return zstandard.ZstdDecompressor().stream_reader(io.BytesIO(body)).read()
    assert coding is None
    return body


async def test_the_list_decodes_in_an_ordinary_python_client(library: Library) -> None:
    # httpx (as pyarr's requests) asks for gzip, deflate and zstd and decodes what comes.
    films = await _add_films(library)
    answer = await library.server.client.get("/api/v3/movie")
    assert answer.headers["content-encoding"] == "gzip"
    assert sorted(m["id"] for m in answer.json()) == sorted(f["id"] for f in films)


async def raw_list(library: Library, accept_encoding: str | None) -> tuple[httpx.Response, bytes]:
    """GET /api/v3/movie with exactly this Accept-Encoding (none: no such header), body as sent."""
    async with httpx.AsyncClient(base_url=library.server.url, timeout=30) as client:
        del client.headers["accept-encoding"]
        headers = {"X-Api-Key": API_KEY}
        if accept_encoding is not None:
            headers["Accept-Encoding"] = accept_encoding
        async with client.stream("GET", "/api/v3/movie", headers=headers) as response:
            body = b"".join([chunk async for chunk in response.aiter_raw()])
    assert response.status_code == 200
    if response.headers.get("content-encoding") != "zstd":  # the kept list's length is known
        assert int(response.headers["content-length"]) == len(body)
    return response, body


async def _steady(library: Library, accept_encoding: str | None) -> tuple[bytes, httpx.Response, bytes]:
    """The plain list and the list as sent for `accept_encoding`, once the list holds still between them.

    The refresh that follows an add caches covers a moment later, which changes their links.
    """
    for _ in range(100):
        _, plain = await raw_list(library, None)
        response, body = await raw_list(library, accept_encoding)
        if (await raw_list(library, None))[1] == plain:
            return plain, response, body
        await asyncio.sleep(0.1)
    raise AssertionError("the list kept changing")


# Accept-Encoding as sent -> the coding answered (None: the plain list).
CASES: list[tuple[str | None, str | None]] = [
    (None, None),
    ("", None),
    ("identity", None),
    ("gzip", "gzip"),
    ("x-gzip", "gzip"),
    ("zstd", "zstd"),  # not kept so: compressed on its way like any other answer
    ("gzip, deflate, br, zstd", "gzip"),
    ("gzip;q=0.5, zstd;q=1.0", "gzip"),
    ("zstd;q=0, gzip", "gzip"),
    ("br, deflate", None),
    ("*", "gzip"),
    ("*;q=0, identity", None),
    ("identity;q=0, gzip", "gzip"),
    ("identity;q=0", None),
    ("gzip;q=nonsense, zstd;q=", None),
]


async def test_each_accepted_coding_decodes_to_the_plain_list(library: Library) -> None:
    await _add_films(library)
    for accept_encoding, coding in CASES:
        plain, response, body = await _steady(library, accept_encoding)
        assert response.headers.get("content-encoding") == coding, accept_encoding
        assert "accept-encoding" in response.headers["vary"].lower()
        assert decoded(body, coding) == plain, accept_encoding
        assert sorted(m["tmdbId"] for m in orjson.loads(plain)) == sorted(FILMS)


async def test_the_compressed_list_follows_a_change(library: Library) -> None:
    coding = "gzip"
    films = await _add_films(library)
    _, before = await raw_list(library, coding)
    changed = films[1]
    response = await library.server.client.put(
        f"/api/v3/movie/{changed['id']}", json={**changed, "monitored": False}
    )
    assert response.status_code in (200, 202), response.text
    _, after = await raw_list(library, coding)
    monitored = {m["id"]: m["monitored"] for m in orjson.loads(decoded(after, coding))}
    assert monitored == {f["id"]: f["id"] != changed["id"] for f in films}
    assert decoded(before, coding) != decoded(after, coding)
    await library.server.client.delete(f"/api/v3/movie/{films[0]['id']}")
    _, fewer = await raw_list(library, coding)
    assert films[0]["id"] not in {m["id"] for m in orjson.loads(decoded(fewer, coding))}
