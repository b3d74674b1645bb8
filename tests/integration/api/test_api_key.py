"""The API key: generated once in Radarr's format, kept, and replaced by ResetApiKey."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from tests.conftest import make_settings
from tests.support.browser_session import create_first_account
from tests.support.live import LiveServer, live_server
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


async def test_a_signed_in_session_reads_the_key_from_initialize(server: LiveServer) -> None:
    key = await server.services.api_keys.current()
    async with server.anonymous() as browser:
        assert "apiKey" not in (await browser.get("/initialize.json")).json()
        await create_first_account(browser)
        assert (await browser.get("/initialize.json")).json()["apiKey"] == key
        await browser.post("/logout")
        assert "apiKey" not in (await browser.get("/initialize.json")).json()


async def test_a_client_with_the_key_is_not_handed_it_by_initialize(server: LiveServer) -> None:
    async with server.anonymous() as browser:
        await create_first_account(browser)
    async with server.anonymous() as client:
        client.headers["X-Api-Key"] = await server.services.api_keys.current()
        init = (await client.get("/initialize.json")).json()
    assert init["authenticated"] is True
    assert "apiKey" not in init


async def test_initialize_gives_the_session_the_regenerated_key(database_url: str, tmp_path: Path) -> None:
    settings = make_settings(database_url, tmp_path / "data", api_key=None)
    async with live_server(settings) as server, server.anonymous() as browser:
        await create_first_account(browser)
        old = (await browser.get("/initialize.json")).json()["apiKey"]
        queued = (await browser.post("/api/v3/command", json={"name": "ResetApiKey"})).json()

        async def finished() -> dict[str, object] | None:
            command = (await browser.get(f"/api/v3/command/{queued['id']}")).json()
            return command if command["status"] in ("completed", "failed") else None

        assert (await eventually(finished))["status"] == "completed"
        new = (await browser.get("/initialize.json")).json()["apiKey"]
        assert new == await server.services.api_keys.current()
    assert new != old


async def test_regenerating_a_key_fixed_by_the_environment_fails_with_the_reason(server: LiveServer) -> None:
    async with server.anonymous() as browser:
        await create_first_account(browser)
        queued = (await browser.post("/api/v3/command", json={"name": "ResetApiKey"})).json()

        async def finished() -> dict[str, object] | None:
            command = (await browser.get(f"/api/v3/command/{queued['id']}")).json()
            return command if command["status"] in ("completed", "failed") else None

        command = await eventually(finished)
    assert command["status"] == "failed"
    assert "REELARR_API_KEY" in str(command["exception"])
