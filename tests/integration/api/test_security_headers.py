"""No other site can frame Reelarr or log its user out; the browser neither sniffs nor leaks."""

from __future__ import annotations

import pytest

from tests.support.browser_session import create_first_account
from tests.support.live import LiveServer
from tests.support.shared_server import shared_server

server = shared_server("user_sessions", "login_failures", "users")


@pytest.mark.parametrize(
    "path", ["/", "/login", "/movie/1", "/api/v3/system/status", "/api/v3/nothing-here", "/ping"]
)
async def test_every_answer_forbids_framing_and_sniffing(server: LiveServer, path: str) -> None:
    async with server.anonymous() as browser:
        response = await browser.get(path, params={"apikey": "0123456789abcdef0123456789abcdef"})
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


async def test_the_ui_page_itself_carries_the_policy(server: LiveServer) -> None:
    async with server.anonymous() as browser:
        await create_first_account(browser)
        page = await browser.get("/")
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]


async def test_a_link_to_logout_from_another_site_does_not_end_the_session(server: LiveServer) -> None:
    async with server.anonymous() as browser:
        await create_first_account(browser)
        followed = await browser.get(
            "/logout", headers={"Referer": "https://evil.example/", "Sec-Fetch-Site": "cross-site"}
        )
        assert followed.status_code == 303
        assert followed.headers["location"] == "/"
        assert (await browser.get("/api/v3/system/status")).status_code == 200


async def test_logging_out_without_the_csrf_token_is_refused(server: LiveServer) -> None:
    async with server.anonymous() as browser:
        await create_first_account(browser)
        token = browser.headers.pop("X-CSRF-Token")
        assert (await browser.post("/logout")).status_code == 403
        assert (await browser.get("/api/v3/system/status")).status_code == 200
        assert (await browser.post("/logout", headers={"X-CSRF-Token": token})).status_code == 200
        assert (await browser.get("/api/v3/system/status")).status_code == 401
