"""The API key: generated once in Radarr's format, kept, and replaced by ResetApiKey."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from tests.conftest import make_settings
from tests.support.live import live_server
from tests.support.waiting import eventually


async def test_generated_key_is_kept_across_restarts_and_can_be_regenerated(
    database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(database_url, tmp_path / "data", api_key=None)
    async with live_server(settings) as server:
        key = await server.services.api_keys.current()
    assert re.fullmatch(r"[0-9a-f]{32}", key)

    async with live_server(settings) as server, server.anonymous() as client:
        client.headers["X-Api-Key"] = key
        assert (await client.get("/api/v3/system/status")).status_code == 200
        queued = (await client.post("/api/v3/command", json={"name": "ResetApiKey"})).json()

        async def key_changed() -> str | None:
            new = await server.services.api_keys.current()
            return new if new != key else None

        new_key = await eventually(key_changed)
        assert (await client.get("/api/v3/system/status")).status_code == 401
        client.headers["X-Api-Key"] = new_key
        command = (await client.get(f"/api/v3/command/{queued['id']}")).json()
        assert command["name"] == "ResetApiKey"
        assert re.fullmatch(r"[0-9a-f]{32}", new_key)


async def test_api_key_is_never_shown_to_anonymous_callers(database_url: str, tmp_path: Path) -> None:
    settings = make_settings(database_url, tmp_path / "data", api_key=None)
    async with live_server(settings) as server:
        key = await server.services.api_keys.current()
        async with httpx.AsyncClient(base_url=server.url) as anonymous:
            for path in ("/initialize.json", "/ping", "/api", "/login"):
                assert key not in (await anonymous.get(path)).text
