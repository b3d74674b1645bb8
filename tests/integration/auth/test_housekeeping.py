"""The auth domain's daily cleanup: sessions past their expiry and login failures out of the window go."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from reelarr.auth.tables import LoginFailureRow, SessionRow
from tests.conftest import make_settings
from tests.support.clock import FakeClock
from tests.support.live import LiveServer, live_server
from tests.support.waiting import eventually

USERNAME = "owner"
PASSWORD = "correct horse battery"


async def _count(server: LiveServer, table: type[SessionRow] | type[LoginFailureRow]) -> int:
    async with server.services.db.read() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def _run_housekeeping(server: LiveServer) -> dict[str, object]:
    queued = (await server.client.post("/api/v3/command", json={"name": "Housekeeping"})).json()

    async def finished() -> dict[str, object] | None:
        command: dict[str, object] = (await server.client.get(f"/api/v3/command/{queued['id']}")).json()
        return command if command["status"] in ("completed", "failed") else None

    return await eventually(finished)


async def test_housekeeping_removes_expired_sessions_and_stale_login_failures(
    database_url: str, tmp_path: Path
) -> None:
    clock = FakeClock()
    async with live_server(make_settings(database_url, tmp_path / "data"), clock=clock) as server:
        await server.services.users.create(USERNAME, PASSWORD)
        async with server.anonymous() as browser:
            assert (
                await browser.post("/login", json={"username": USERNAME, "password": PASSWORD})
            ).status_code == 200
            await browser.post("/login", json={"username": USERNAME, "password": "wrong guess"})
        assert await _count(server, SessionRow) == 1
        assert await _count(server, LoginFailureRow) > 0
        clock.advance(days=60)
        done = await _run_housekeeping(server)
        assert done["status"] == "completed", done
        assert "expired sessions" in str(done["message"])
        assert await _count(server, SessionRow) == 0
        assert await _count(server, LoginFailureRow) == 0
