"""A restore through the API under a running server: what the server keeps in memory (the film list,
quality profiles, naming, providers, host settings, the TMDB client's language) shows the backup's
state at once, without a restart (SQLite and PostgreSQL, a real server)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from tests.conftest import make_settings
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, refreshed
from tests.support.live import live_server
from tests.support.waiting import eventually


async def _backup_now(client: httpx.AsyncClient) -> dict[str, Any]:
    queued = (await client.post("/api/v3/command", json={"name": "Backup"})).json()

    async def finished() -> dict[str, Any] | None:
        command: dict[str, Any] = (await client.get(f"/api/v3/command/{queued['id']}")).json()
        return command if command["status"] in ("completed", "failed") else None

    command = await eventually(finished, within=30)
    assert command["status"] == "completed", command
    [backup] = (await client.get("/api/v3/system/backup")).json()
    return dict(backup)


async def _put(client: httpx.AsyncClient, path: str, **changes: Any) -> None:
    current = (await client.get(path)).json()
    response = await client.put(path, json={**current, **changes})
    assert response.status_code == 202, response.text


async def _kodi(client: httpx.AsyncClient) -> dict[str, Any]:
    listed = (await client.get("/api/v3/metadata")).json()
    return dict(next(p for p in listed if p["implementation"] == "XbmcMetadata"))


async def _state(library: Library) -> dict[str, Any]:
    """What the server answers from its caches."""
    client = library.server.client
    profile = next(p for p in (await client.get("/api/v3/qualityprofile")).json() if p["id"] == 1)
    kodi = await _kodi(client)
    return {
        "films": sorted(m["title"] for m in (await client.get("/api/v3/movie")).json()),
        "profile": profile["name"],
        "naming": (await client.get("/api/v3/config/naming")).json()["standardMovieFormat"],
        "kodi": kodi["enable"],
        "instance": (await client.get("/api/v3/system/status")).json()["instanceName"],
        "tmdb language": library.server.services.tmdb.config.language,
    }


async def test_a_restore_is_served_at_once_without_a_restart(library: Library) -> None:
    client = library.server.client
    await add_movie(library)
    await refreshed(library)
    before = await _state(library)
    backup = await _backup_now(client)

    await add_movie(library, tmdb_id=550)
    await refreshed(library)
    profile = next(p for p in (await client.get("/api/v3/qualityprofile")).json() if p["id"] == 1)
    assert (await client.put("/api/v3/qualityprofile/1", json={**profile, "name": "Renamed"})).is_success
    await _put(client, "/api/v3/config/naming", standardMovieFormat="{Movie Title} ({Release Year}) changed")
    kodi = await _kodi(client)
    assert (await client.put(f"/api/v3/metadata/{kodi['id']}", json={**kodi, "enable": True})).is_success
    await _put(client, "/api/v3/config/host", instanceName="Changed")
    await _put(client, "/api/v3/config/ui", movieInfoLanguage=2)
    changed = await _state(library)
    assert all(changed[key] != before[key] for key in before), (before, changed)

    restored = await client.post(f"/api/v3/system/backup/restore/{backup['id']}")

    assert restored.status_code == 200, restored.text
    assert restored.json() == {"restartRequired": False}
    assert await _state(library) == before


async def test_a_restore_that_changes_the_settings_file_asks_for_a_restart(library: Library) -> None:
    client = library.server.client
    settings_file = library.server.services.settings.data_dir / "config.toml"
    settings_file.write_text('instance_name = "Before"\n', encoding="utf-8")
    backup = await _backup_now(client)
    settings_file.write_text('instance_name = "After"\n', encoding="utf-8")

    restored = await client.post(f"/api/v3/system/backup/restore/{backup['id']}")

    assert restored.status_code == 200, restored.text
    assert restored.json() == {"restartRequired": True}
    assert settings_file.read_text(encoding="utf-8") == 'instance_name = "Before"\n'


async def _profile_name(client: httpx.AsyncClient) -> str:
    """The first profile's name as the (cached) list of profiles answers it."""
    profiles = (await client.get("/api/v3/qualityprofile")).json()
    return str(next(p["name"] for p in profiles if p["id"] == 1))


async def test_the_other_processes_on_postgresql_serve_the_restore_at_once(
    postgres_database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(postgres_database_url, tmp_path / "first", run_commands=True)
    other_settings = make_settings(postgres_database_url, tmp_path / "second", run_commands=False)
    async with live_server(settings) as first, live_server(other_settings) as second:
        original = await _profile_name(second.client)
        backup = await _backup_now(first.client)
        profile = (await first.client.get("/api/v3/qualityprofile/1")).json()
        renamed = await first.client.put("/api/v3/qualityprofile/1", json={**profile, "name": "Renamed"})
        assert renamed.is_success, renamed.text

        async def other_sees(name: str) -> bool:
            return await _profile_name(second.client) == name

        await eventually(lambda: other_sees("Renamed"))

        restored = await first.client.post(f"/api/v3/system/backup/restore/{backup['id']}")

        assert restored.status_code == 200, restored.text
        assert await _profile_name(first.client) == original
        await eventually(lambda: other_sees(original), within=10)
