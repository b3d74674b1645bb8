"""First account, forms login with a session cookie, CSRF, throttling and logout."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from sqlalchemy import func, select

from reelarr.auth.tables import LoginFailureRow
from tests.conftest import make_settings
from tests.support.browser_session import PASSWORD, USERNAME, create_first_account, use_csrf_cookie
from tests.support.clock import FakeClock
from tests.support.live import LiveServer, live_server
from tests.support.shared_server import shared_server

server = shared_server("user_sessions", "login_failures", "users")


async def test_fresh_install_asks_for_the_first_account(server: LiveServer) -> None:
    async with server.anonymous() as browser:
        assert (await browser.get("/initialize.json")).json()["needsSetup"] is True
        page = await browser.get("/system/status")
    assert page.status_code == 302
    assert page.headers["location"] == "/setup"


async def test_first_account_logs_in_and_can_use_the_api(server: LiveServer) -> None:
    async with server.anonymous() as browser:
        await create_first_account(browser)
        init = (await browser.get("/initialize.json")).json()
        assert init == init | {"needsSetup": False, "authenticated": True, "username": USERNAME}
        assert (await browser.get("/api/v3/system/status")).status_code == 200


async def test_session_cookie_is_httponly_and_samesite(server: LiveServer) -> None:
    async with server.anonymous() as browser:
        response = await browser.post("/setup", json={"username": USERNAME, "password": PASSWORD})
    cookies = response.headers.get_list("set-cookie")
    session = next(c for c in cookies if c.startswith("ReelarrAuth="))
    csrf = next(c for c in cookies if c.startswith("reelarr_csrf="))
    assert "HttpOnly" in session
    assert "SameSite=lax" in session
    assert "HttpOnly" not in csrf


async def test_second_first_account_is_refused(server: LiveServer) -> None:
    async with server.anonymous() as first, server.anonymous() as second:
        await create_first_account(first)
        response = await second.post("/setup", json={"username": "intruder", "password": "another password"})
    assert response.status_code == 409
    assert [u.username for u in await server.services.users.all()] == [USERNAME]


async def test_short_password_is_a_400_array_and_creates_nothing(server: LiveServer) -> None:
    async with server.anonymous() as browser:
        response = await browser.post("/setup", json={"username": USERNAME, "password": "short"})
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "password"
    assert await server.services.users.all() == []


async def test_unknown_fields_in_the_login_form_are_refused(server: LiveServer) -> None:
    async with server.anonymous() as browser:
        response = await browser.post(
            "/setup", json={"username": USERNAME, "password": PASSWORD, "isAdmin": True}
        )
    assert response.status_code == 400
    assert await server.services.users.all() == []


async def test_wrong_password_and_unknown_user_get_the_same_empty_401(server: LiveServer) -> None:
    async with server.anonymous() as setup:
        await create_first_account(setup)
    async with server.anonymous() as browser:
        wrong_password = await browser.post(
            "/login", json={"username": USERNAME, "password": "not it at all"}
        )
        unknown_user = await browser.post("/login", json={"username": "nobody", "password": PASSWORD})
    for response in (wrong_password, unknown_user):
        assert response.status_code == 401
        assert response.content == b""
        assert "set-cookie" not in response.headers


async def test_login_with_the_right_password_opens_a_session(server: LiveServer) -> None:
    async with server.anonymous() as setup:
        await create_first_account(setup)
    async with server.anonymous() as browser:
        response = await browser.post("/login", json={"username": USERNAME.upper(), "password": PASSWORD})
        assert response.status_code == 200
        assert (await browser.get("/api/v3/system/status")).status_code == 200


async def test_form_login_redirects_to_the_return_url(server: LiveServer) -> None:
    async with server.anonymous() as setup:
        await create_first_account(setup)
    async with server.anonymous() as browser:
        response = await browser.post(
            "/login?returnUrl=/system/tasks", data={"username": USERNAME, "password": PASSWORD}
        )
        assert response.status_code == 303
        assert response.headers["location"] == "/system/tasks"
        failed = await browser.post("/login", data={"username": USERNAME, "password": "nope nope"})
    assert failed.headers["location"] == "/login?loginFailed=true"


async def test_return_url_to_another_site_is_ignored(server: LiveServer) -> None:
    async with server.anonymous() as setup:
        await create_first_account(setup)
    async with server.anonymous() as browser:
        response = await browser.post(
            "/login?returnUrl=//evil.example/x", data={"username": USERNAME, "password": PASSWORD}
        )
    assert response.headers["location"] == "/"


async def test_unauthenticated_page_redirects_to_login_with_return_url(server: LiveServer) -> None:
    async with server.anonymous() as setup:
        await create_first_account(setup)
    async with server.anonymous() as browser:
        response = await browser.get("/system/tasks?x=1")
    assert response.status_code == 302
    assert response.headers["location"] == "/login?returnUrl=/system/tasks%3Fx%3D1"


async def test_state_change_without_the_csrf_header_is_refused(server: LiveServer) -> None:
    async with server.anonymous() as browser:
        await create_first_account(browser)
        del browser.headers["X-CSRF-Token"]
        refused = await browser.post("/api/v3/command", json={"name": "CheckHealth"})
        browser.headers["X-CSRF-Token"] = "forged"
        forged = await browser.post("/api/v3/command", json={"name": "CheckHealth"})
        use_csrf_cookie(browser)
        accepted = await browser.post("/api/v3/command", json={"name": "CheckHealth"})
    assert refused.status_code == 403
    assert forged.status_code == 403
    assert accepted.status_code == 201


async def test_login_from_another_site_is_refused(server: LiveServer) -> None:
    async with server.anonymous() as setup:
        await create_first_account(setup)
    async with server.anonymous() as browser:
        response = await browser.post(
            "/login",
            json={"username": USERNAME, "password": PASSWORD},
            headers={"Origin": "https://evil.example"},
        )
    assert response.status_code == 403


async def test_logout_ends_the_session(server: LiveServer) -> None:
    async with server.anonymous() as browser:
        await create_first_account(browser)
        token = browser.cookies.get("ReelarrAuth")
        assert (await browser.post("/logout")).status_code == 200
        assert (await browser.get("/api/v3/system/status")).status_code == 401
    async with server.anonymous() as replay:
        replay.cookies.set("ReelarrAuth", token or "")
        assert (await replay.get("/api/v3/system/status")).status_code == 401


async def test_repeated_failures_are_throttled_even_with_the_right_password(server: LiveServer) -> None:
    async with server.anonymous() as setup:
        await create_first_account(setup)
    async with server.anonymous() as browser:
        for _ in range(5):
            failed = await browser.post("/login", json={"username": USERNAME, "password": "guess guess"})
            assert failed.status_code == 401
        throttled = await browser.post("/login", json={"username": USERNAME, "password": PASSWORD})
    assert throttled.status_code == 429
    assert int(throttled.headers["Retry-After"]) > 0
    assert "Try again" in throttled.json()["message"]


def _from_address(server: LiveServer, address: str) -> httpx.AsyncClient:
    """A client whose connections come from another loopback address."""
    transport = httpx.AsyncHTTPTransport(local_address=address)
    return httpx.AsyncClient(base_url=server.url, transport=transport, timeout=60)


async def _login(client: httpx.AsyncClient, password: str, username: str = USERNAME) -> int:
    return (await client.post("/login", json={"username": username, "password": password})).status_code


async def test_concurrent_wrong_passwords_are_checked_no_more_often_than_the_limit(
    server: LiveServer,
) -> None:
    async with server.anonymous() as setup:
        await create_first_account(setup)
    async with server.anonymous() as attacker:
        statuses = await asyncio.gather(*(_login(attacker, f"guess {i:03}") for i in range(100)))
    assert sorted(statuses) == [401] * 5 + [429] * 95
    async with server.services.db.read() as session:
        charged = await session.scalar(
            select(func.count()).where(LoginFailureRow.key == f"pair:127.0.0.1|{USERNAME}")
        )
    assert charged == 5


async def test_a_strangers_failures_do_not_lock_the_owner_out(server: LiveServer) -> None:
    async with server.anonymous() as setup:
        await create_first_account(setup)
    async with _from_address(server, "127.0.0.2") as stranger, _from_address(server, "127.0.0.3") as owner:
        for _ in range(5):
            assert await _login(stranger, "guess guess") == 401
        assert await _login(stranger, PASSWORD) == 429
        assert await _login(owner, PASSWORD) == 200


async def test_an_address_trying_many_accounts_waits(database_url: str, tmp_path: Path) -> None:
    settings = make_settings(database_url, tmp_path / "data", login_max_address_failures=6)
    async with live_server(settings) as server:
        async with server.anonymous() as setup:
            await create_first_account(setup)
        async with _from_address(server, "127.0.0.2") as sprayer, _from_address(server, "127.0.0.3") as owner:
            for name in ("root", "admin2", "user", "guest", "test", "owner"):
                assert await _login(sprayer, "guess guess", username=name) == 401
            assert await _login(sprayer, PASSWORD) == 429
            assert await _login(owner, PASSWORD) == 200


async def test_throttle_lifts_after_the_window(database_url: str, tmp_path: Path) -> None:
    clock = FakeClock()
    settings = make_settings(database_url, tmp_path / "data", login_window_seconds=900, login_max_failures=2)
    async with live_server(settings, clock=clock) as server, server.anonymous() as browser:
        await create_first_account(browser)
        for _ in range(2):
            await browser.post("/login", json={"username": USERNAME, "password": "guess guess"})
        assert (
            await browser.post("/login", json={"username": USERNAME, "password": PASSWORD})
        ).status_code == 429
        clock.advance(seconds=901)
        assert (
            await browser.post("/login", json={"username": USERNAME, "password": PASSWORD})
        ).status_code == 200


async def test_session_expires_after_days_without_use(database_url: str, tmp_path: Path) -> None:
    clock = FakeClock()
    async with (
        live_server(make_settings(database_url, tmp_path / "data"), clock=clock) as server,
        server.anonymous() as browser,
    ):
        await create_first_account(browser)
        clock.advance(days=6)
        assert (await browser.get("/api/v3/system/status")).status_code == 200
        clock.advance(days=6)
        assert (await browser.get("/api/v3/system/status")).status_code == 200, "use extends the session"
        clock.advance(days=8)
        assert (await browser.get("/api/v3/system/status")).status_code == 401


async def test_admin_account_from_the_environment(database_url: str, tmp_path: Path) -> None:
    settings = make_settings(
        database_url, tmp_path / "data", admin_user="boss", admin_password="from the env 1"
    )
    async with live_server(settings) as server, server.anonymous() as browser:
        response = await browser.post("/login", json={"username": "boss", "password": "from the env 1"})
    assert response.status_code == 200
