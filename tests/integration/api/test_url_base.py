"""Behind a reverse proxy at /radarr: every route moves under the URL base."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import make_settings
from tests.support.live import LiveServer, live_server


@pytest.fixture
async def proxied(database_url: str, tmp_path: Path) -> AsyncIterator[LiveServer]:
    async with live_server(make_settings(database_url, tmp_path / "data", url_base="/radarr/")) as server:
        yield server


async def test_api_answers_under_the_url_base(proxied: LiveServer) -> None:
    assert proxied.url.endswith("/radarr")
    status = (await proxied.client.get("/api/v3/system/status")).json()
    assert status["urlBase"] == "/radarr"
    assert (await proxied.client.get("/API/V3/System/Status/")).status_code == 200


async def test_paths_outside_the_url_base_are_not_found(proxied: LiveServer) -> None:
    root = proxied.url.removesuffix("/radarr")
    async with httpx.AsyncClient(base_url=root) as outside:
        assert (await outside.get("/api/v3/system/status")).status_code == 404
        assert (await outside.get("/")).headers["location"] == "/radarr/"


async def test_login_redirect_and_cookies_carry_the_url_base(proxied: LiveServer) -> None:
    async with proxied.anonymous() as browser:
        assert (await browser.get("/system/status")).headers["location"] == "/radarr/setup"
        response = await browser.post("/setup", json={"username": "admin", "password": "long enough"})
        assert "Path=/radarr" in response.headers["set-cookie"]
        await browser.post("/logout", headers={"X-CSRF-Token": browser.cookies.get("reelarr_csrf") or ""})
        page = await browser.get("/system/status")
    assert page.headers["location"] == "/radarr/login?returnUrl=/system/status"
