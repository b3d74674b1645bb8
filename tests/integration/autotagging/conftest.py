"""One server per module and dialect wired to the fixture TMDB, with a root folder; each test starts
with no films and no auto tagging rules."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import DIALECTS, make_settings
from tests.fixtures.tmdb.plugin import tmdb_fixture_server
from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.support.databases import DATABASES, copy_sqlite
from tests.support.live import LiveServer, live_server

__all__ = ["tmdb_fixture_server"]

HD_1080P = 4  # the "HD-1080p" quality profile
ULTRA_HD = 5  # the "Ultra-HD" quality profile


@dataclass
class Films:
    """A running server and its root folder."""

    server: LiveServer
    root: Path

    async def add(self, tmdb_id: int, **values: Any) -> dict[str, Any]:
        """Add a film of the fixture TMDB (no search); the movie resource the API answered."""
        body = {
            "tmdbId": tmdb_id,
            "qualityProfileId": HD_1080P,
            "rootFolderPath": str(self.root),
            "monitored": True,
            "minimumAvailability": "released",
            **values,
        }
        response = await self.server.client.post("/api/v3/movie", json=body)
        assert response.status_code == 201, response.text
        added: dict[str, Any] = response.json()
        return added

    async def tag(self, label: str) -> int:
        """The id of the tag with this label (made when missing)."""
        response = await self.server.client.post("/api/v3/tag", json={"label": label})
        assert response.status_code == 201, response.text
        return int(response.json()["id"])

    async def rule(
        self, name: str, tags: list[int], *specs: dict[str, Any], remove: bool = False
    ) -> dict[str, Any]:
        """Create an auto tagging rule; the resource the API answered."""
        body = {"name": name, "removeTagsAutomatically": remove, "tags": tags, "specifications": list(specs)}
        response = await self.server.client.post("/api/v3/autotagging", json=body)
        assert response.status_code == 201, response.text
        created: dict[str, Any] = response.json()
        return created

    async def movie(self, movie_id: int) -> dict[str, Any]:
        """The movie resource as the API answers it now."""
        response = await self.server.client.get(f"/api/v3/movie/{movie_id}")
        assert response.status_code == 200, response.text
        found: dict[str, Any] = response.json()
        return found


def spec(
    implementation: str, name: str = "", negate: bool = False, required: bool = False, **fields: Any
) -> dict[str, Any]:
    """A condition as Radarr's UI sends it."""
    return {
        "name": name or implementation,
        "implementation": implementation,
        "negate": negate,
        "required": required,
        "fields": [{"name": k, "value": v} for k, v in fields.items()],
    }


@pytest.fixture(scope="module", params=DIALECTS)
async def films_server(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    sqlite_template: Path,
    postgres_template: str,
    tmdb_fixture_server: TmdbFixtureServer,
) -> AsyncIterator[Films]:
    """The module's server on one dialect, with TMDB configured and one root folder."""
    tmp = tmp_path_factory.mktemp(f"autotagging-{request.param}")
    url = (
        copy_sqlite(sqlite_template, tmp / "db" / "reelarr.db")
        if request.param == "sqlite"
        else await DATABASES.take(postgres_template)
    )
    root = tmp / "movies"
    root.mkdir()
    settings = make_settings(
        url,
        tmp / "data",
        tmdb_api_url=tmdb_fixture_server.api_url,
        tmdb_api_key=tmdb_fixture_server.api_key,
        tmdb_image_url=tmdb_fixture_server.image_url,
    )
    try:
        async with live_server(settings) as live:
            response = await live.client.post("/api/v3/rootfolder", json={"path": str(root)})
            assert response.status_code == 201, response.text
            yield Films(live, root)
    finally:
        if request.param != "sqlite":
            DATABASES.drop(url)


@pytest.fixture
async def films(films_server: Films, tmdb_fixture_server: TmdbFixtureServer) -> Films:
    """The module's server with no films and no rules."""
    tmdb_fixture_server.reset()
    client = films_server.server.client
    for movie in (await client.get("/api/v3/movie")).json():
        response = await client.delete(f"/api/v3/movie/{movie['id']}")
        assert response.status_code == 200, response.text
    for rule in (await client.get("/api/v3/autotagging")).json():
        response = await client.delete(f"/api/v3/autotagging/{rule['id']}")
        assert response.status_code == 200, response.text
    async with films_server.server.services.db.write() as session:
        await session.execute(text("DELETE FROM tags"))
    return films_server
