"""REELARR_TRUSTED_PROXIES: X-Forwarded-For is believed from loopback by default, and only from there."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.processes import ReelarrProcess

USERNAME = "owner"
PASSWORD = "correct horse battery"


async def _login(server: ReelarrProcess, password: str, forwarded_for: str) -> int:
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as browser:
        response = await browser.post(
            "/login",
            json={"username": USERNAME, "password": password},
            headers={"X-Forwarded-For": forwarded_for},
        )
    return response.status_code


async def _guess_five_times(server: ReelarrProcess, forwarded_for: str) -> None:
    for _ in range(5):
        assert await _login(server, "guess guess", forwarded_for) == 401


async def test_a_proxy_on_loopback_names_the_client(database_url: str, tmp_path: Path) -> None:
    with ReelarrProcess(
        tmp_path / "data", database_url, admin_user=USERNAME, admin_password=PASSWORD
    ) as server:
        await _guess_five_times(server, "203.0.113.7")
        assert await _login(server, PASSWORD, "203.0.113.7") == 429
        assert await _login(server, PASSWORD, "203.0.113.8") == 200


async def test_forwarded_headers_from_an_untrusted_address_are_ignored(
    database_url: str, tmp_path: Path
) -> None:
    with ReelarrProcess(
        tmp_path / "data",
        database_url,
        admin_user=USERNAME,
        admin_password=PASSWORD,
        trusted_proxies="192.0.2.1, 198.51.100.0/24",
    ) as server:
        await _guess_five_times(server, "203.0.113.7")
        assert await _login(server, PASSWORD, "203.0.113.8") == 429, "both came from 127.0.0.1"
