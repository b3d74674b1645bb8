"""A server wired to the fixture TMDB and the fixture list server, with a root folder on disk and a clock
the tests move on (each list waits out its minimum refresh interval between syncs)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from reelarr.db.base import utcnow
from tests.conftest import make_settings
from tests.fixtures.importlists.server import API_KEY, ListServer, list_server
from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.fixtures.webhook.server import receiver
from tests.support.live import LiveServer, live_server
from tests.support.waiting import eventually

__all__ = ["list_server", "receiver", "tmdb_fixture_server", "tmdb_server"]


@dataclass
class MovableClock:
    """The real time plus an offset the test moves forward."""

    offset: timedelta = field(default_factory=timedelta)

    def __call__(self) -> datetime:
        return utcnow() + self.offset

    def advance(self, by: timedelta) -> None:
        """Move the clock on."""
        self.offset += by


@dataclass
class ListsEnv:
    """A running server, its list server, root folder, a quality profile id and the clock."""

    server: LiveServer
    lists: ListServer
    root: Path
    profile_id: int
    clock: MovableClock

    async def add_list(self, implementation: str, fields: dict[str, Any], **options: Any) -> dict[str, Any]:
        """Create a list (enabled, adding on its own unless told) and return its resource."""
        body = {
            "name": options.pop("name", implementation),
            "implementation": implementation,
            "configContract": options.pop(
                "config_contract", f"{implementation.removesuffix('Import')}Settings"
            ),
            "fields": [{"name": k, "value": v} for k, v in fields.items()],
            "enabled": True,
            "enableAuto": True,
            "monitor": "movieOnly",
            "minimumAvailability": "released",
            "qualityProfileId": self.profile_id,
            "rootFolderPath": str(self.root),
            "searchOnAdd": False,
            "tags": [],
            **options,
        }
        response = await self.server.client.post("/api/v3/importlist", json=body)
        assert response.status_code == 201, response.text
        created: dict[str, Any] = response.json()
        return created

    async def add_radarr_list(self, **options: Any) -> dict[str, Any]:
        """A RadarrImport list on the list server."""
        fields = {"baseUrl": self.lists.url(), "apiKey": API_KEY, **options.pop("fields", {})}
        return await self.add_list("RadarrImport", fields, config_contract="RadarrSettings", **options)

    async def sync(self, **body: Any) -> dict[str, Any]:
        """Run ImportListSync and wait for it to end; the finished command."""
        client = self.server.client
        response = await client.post("/api/v3/command", json={"name": "ImportListSync", **body})
        assert response.status_code == 201, response.text
        queued = response.json()

        async def finished() -> dict[str, Any] | None:
            command: dict[str, Any] = (await client.get(f"/api/v3/command/{queued['id']}")).json()
            return command if command["status"] in ("completed", "failed") else None

        done = await eventually(finished, within=60)
        assert done["status"] == "completed", done
        return done

    async def library(self) -> dict[int, dict[str, Any]]:
        """The library's films by TMDB id."""
        return {m["tmdbId"]: m for m in (await self.server.client.get("/api/v3/movie")).json()}

    async def set_level(self, level: str) -> None:
        """Set the list sync level."""
        response = await self.server.client.put("/api/v3/config/importlist", json={"listSyncLevel": level})
        assert response.status_code == 202, response.text


@pytest.fixture
async def lists_env(
    database_url: str, tmp_path: Path, tmdb_server: TmdbFixtureServer, list_server: ListServer
) -> AsyncIterator[ListsEnv]:
    """A server with TMDB configured and one root folder."""
    root = tmp_path / "movies"
    root.mkdir()
    settings = make_settings(
        database_url,
        tmp_path / "data",
        tmdb_api_url=tmdb_server.api_url,
        tmdb_api_key=tmdb_server.api_key,
        tmdb_image_url=tmdb_server.image_url,
        import_list_timeout_seconds=2.0,  # the list server's slow answers take 5 s
    )
    clock = MovableClock()
    async with live_server(settings, clock=clock) as server:
        response = await server.client.post("/api/v3/rootfolder", json={"path": str(root)})
        assert response.status_code == 201, response.text
        profiles = (await server.client.get("/api/v3/qualityprofile")).json()
        yield ListsEnv(server, list_server, root, profiles[0]["id"], clock)
