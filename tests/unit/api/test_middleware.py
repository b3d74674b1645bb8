"""The conventions middleware, on a tiny app that echoes what it receives."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from reelarr.api.middleware import ConventionsMiddleware, UrlBaseMiddleware
from reelarr.api.routing import PathCanonicalizer


async def echo(request: Request) -> JSONResponse:
    return JSONResponse(
        {
            "path": request.url.path,
            "query": list(request.query_params.multi_items()),
            "root": request.scope["root_path"],
        }
    )


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    inner = Starlette(routes=[Route("/api/v3/movie", echo), Route("/api/v3/movie/{id}", echo)])
    app = ConventionsMiddleware(
        inner,
        "6.1.0.0",
        PathCanonicalizer(["/api/v3/movie", "/api/v3/movie/{id}"]),
        {"tmdbid": "tmdbId", "movieids": "movieIds"},
        max_body_bytes=1024,
    )
    app = UrlBaseMiddleware(app, "/radarr")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
        yield c


async def test_query_names_are_matched_ignoring_case(client: httpx.AsyncClient) -> None:
    body = (await client.get("/radarr/api/v3/movie?TMDBID=603&movieids=1&movieIds=2&other=x")).json()
    assert body["query"] == [["tmdbId", "603"], ["movieIds", "1"], ["movieIds", "2"], ["other", "x"]]


async def test_trailing_slash_and_case_reach_the_route(client: httpx.AsyncClient) -> None:
    body = (await client.get("/radarr/API/v3/Movie/5/")).json()
    assert body["path"] == "/radarr/api/v3/movie/5"


async def test_url_base_is_stripped_and_kept_as_root_path(client: httpx.AsyncClient) -> None:
    body = (await client.get("/radarr/api/v3/movie")).json()
    assert body["root"] == "/radarr"


async def test_paths_outside_the_url_base_are_not_found(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/v3/movie")).status_code == 404
    assert (await client.get("/")).headers["location"] == "/radarr/"


async def test_version_header_is_added(client: httpx.AsyncClient) -> None:
    assert (await client.get("/radarr/api/v3/movie")).headers["X-Application-Version"] == "6.1.0.0"


async def test_declared_oversized_body_is_refused_as_json(client: httpx.AsyncClient) -> None:
    response = await client.post("/radarr/api/v3/movie", content=b"x" * 2000)
    assert response.status_code == 413
    assert "larger than" in response.json()["message"]


async def test_a_route_that_bounds_its_own_body_receives_a_larger_one() -> None:
    inner = Starlette(routes=[Route("/api/v3/upload", echo, methods=["POST"]), Route("/api/v3/movie", echo)])
    app = ConventionsMiddleware(
        inner,
        "6.1.0.0",
        PathCanonicalizer(["/api/v3/upload", "/api/v3/movie"]),
        {},
        max_body_bytes=1024,
        self_bounded=frozenset({"/api/v3/upload"}),
    )
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
        passed = await c.post("/API/v3/Upload/", content=b"x" * 2000)
        refused = await c.post("/api/v3/movie", content=b"x" * 2000)

    assert (passed.status_code, passed.json()["path"]) == (200, "/api/v3/upload")
    assert refused.status_code == 413
