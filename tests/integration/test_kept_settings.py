"""What a process keeps in memory (quality profiles, indexers) follows changes made in another process."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.indexers.plugin import indexer_fixture_server, indexer_server
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.support.processes import ReelarrProcess
from tests.support.waiting import eventually

__all__ = ["indexer_fixture_server", "indexer_server"]
pytestmark = pytest.mark.multiprocess


async def test_profiles_and_indexers_changed_in_another_process_are_read_again(
    postgres_database_url: str, tmp_path: Path, indexer_server: IndexerFixtureServer
) -> None:
    # Several processes share a database on PostgreSQL only; SQLite serves a single process.
    with (
        ReelarrProcess(tmp_path / "a", postgres_database_url, run_commands="false") as a,
        ReelarrProcess(tmp_path / "b", postgres_database_url, run_commands="false") as b,
    ):
        async with a.client() as client_a, b.client() as client_b:
            # Process a reads both, and keeps them.
            [first, *_] = (await client_a.get("/api/v3/qualityprofile")).json()
            assert (await client_a.get("/api/v3/indexer")).json() == []
            response = await client_b.put(
                f"/api/v3/qualityprofile/{first['id']}", json={**first, "name": "Mine"}
            )
            assert response.status_code == 202, response.text
            response = await client_b.post(
                "/api/v3/indexer", json=nab_resource(indexer_server), params={"forceSave": "true"}
            )
            assert response.status_code == 201, response.text

            async def renamed_in_a() -> bool:
                profiles = (await client_a.get("/api/v3/qualityprofile")).json()
                return profiles[0]["name"] == "Mine"

            async def indexer_in_a() -> bool:
                return [i["name"] for i in (await client_a.get("/api/v3/indexer")).json()] == ["Fixture"]

            await eventually(renamed_in_a, within=10)
            await eventually(indexer_in_a, within=10)


async def test_naming_settings_saved_in_another_process_are_read_again(
    postgres_database_url: str, tmp_path: Path
) -> None:
    with (
        ReelarrProcess(tmp_path / "a", postgres_database_url, run_commands="false") as a,
        ReelarrProcess(tmp_path / "b", postgres_database_url, run_commands="false") as b,
    ):
        async with a.client() as client_a, b.client() as client_b:
            # Process a keeps the settings it read.
            config = (await client_a.get("/api/v3/config/naming")).json()
            changed = {**config, "movieFolderFormat": "{Movie TitleThe} ({Release Year})"}
            response = await client_b.put("/api/v3/config/naming/1", json=changed)
            assert response.status_code == 202, response.text

            async def changed_in_a() -> bool:
                return (await client_a.get("/api/v3/config/naming")).json() == changed

            await eventually(changed_in_a, within=10)
