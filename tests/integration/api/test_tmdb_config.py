"""/api/v3/config/tmdb: a key or address TMDB does not take is a form error, not a server error."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.support.live import LiveServer, live_server
from tests.support.net import free_port

__all__ = ["tmdb_fixture_server", "tmdb_server"]


@pytest.fixture
async def unconfigured(database_url: str, tmp_path: Path) -> AsyncIterator[LiveServer]:
    """A server with no TMDB settings in its environment."""
    async with live_server(make_settings(database_url, tmp_path / "data")) as server:
        yield server


async def test_an_address_nobody_answers_at_is_a_validation_failure(
    unconfigured: LiveServer, tmdb_server: TmdbFixtureServer
) -> None:
    response = await unconfigured.client.put(
        "/api/v3/config/tmdb",
        json={"apiKey": tmdb_server.api_key, "apiUrl": f"http://127.0.0.1:{free_port()}/3"},
    )
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "apiUrl"
    assert not (await unconfigured.client.get("/api/v3/config/tmdb")).json()["configured"]


async def test_a_key_tmdb_refuses_is_a_validation_failure_of_the_key(
    unconfigured: LiveServer, tmdb_server: TmdbFixtureServer
) -> None:
    response = await unconfigured.client.put(
        "/api/v3/config/tmdb", json={"apiKey": "0" * 32, "apiUrl": tmdb_server.api_url}
    )
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "apiKey"


async def test_the_address_set_in_the_environment_cannot_be_replaced(
    database_url: str, tmp_path: Path, tmdb_server: TmdbFixtureServer
) -> None:
    settings = make_settings(
        database_url, tmp_path / "data", tmdb_api_url=tmdb_server.api_url, tmdb_api_key=tmdb_server.api_key
    )
    async with live_server(settings) as server:
        response = await server.client.put("/api/v3/config/tmdb", json={"apiUrl": "http://127.0.0.1:1/3"})
        assert response.status_code == 400
        assert response.json()[0]["propertyName"] == "apiUrl"
        assert (await server.client.get("/api/v3/config/tmdb")).json()["apiUrl"] == tmdb_server.api_url
