"""The /ws WebSocket: authenticated by session or access_token, and pushes command changes."""

from __future__ import annotations

import json
from typing import Any

import pytest
import websockets
from websockets.asyncio.client import ClientConnection

from tests.support.browser_session import create_first_account
from tests.support.live import API_KEY, LiveServer
from tests.support.shared_server import shared_server

server = shared_server()


def _ws_url(server: LiveServer, query: str = "") -> str:
    return server.url.replace("http://", "ws://") + "/ws" + query


async def _next(ws: ClientConnection, name: str, predicate: Any = None) -> dict[str, Any]:
    while True:
        message = json.loads(await ws.recv(decode=True))
        if message["name"] == name and (predicate is None or predicate(message)):
            return message


async def test_access_token_connects_and_version_comes_first(server: LiveServer) -> None:
    async with websockets.connect(_ws_url(server, f"?access_token={API_KEY}"), open_timeout=10) as ws:
        first = json.loads(await ws.recv(decode=True))
    assert first["name"] == "version"
    assert first["action"] == "sync"
    assert first["resource"]["version"]


async def test_without_credentials_the_handshake_is_refused(server: LiveServer) -> None:
    with pytest.raises(websockets.InvalidStatus):
        async with websockets.connect(_ws_url(server), open_timeout=10):
            pass


async def test_session_cookie_connects_from_the_same_origin_only(server: LiveServer) -> None:
    async with server.anonymous() as browser:
        await create_first_account(browser)
        cookie = f"ReelarrAuth={browser.cookies.get('ReelarrAuth')}"
    origin = server.url.split("/ws")[0]
    async with websockets.connect(
        _ws_url(server),
        additional_headers={"Cookie": cookie},
        origin=origin,
        open_timeout=10,  # type: ignore[arg-type]
    ) as ws:
        assert (await _next(ws, "version"))["action"] == "sync"
    with pytest.raises(websockets.InvalidStatus):
        async with websockets.connect(
            _ws_url(server),
            additional_headers={"Cookie": cookie},
            origin="http://evil.example",  # type: ignore[arg-type]
            open_timeout=10,
        ):
            pass


async def test_command_changes_are_pushed_until_completed(server: LiveServer) -> None:
    async with websockets.connect(_ws_url(server, f"?access_token={API_KEY}"), open_timeout=10) as ws:
        await _next(ws, "version")
        queued = (await server.client.post("/api/v3/command", json={"name": "CheckHealth"})).json()
        done = await _next(
            ws,
            "command",
            lambda m: m["resource"]["id"] == queued["id"] and m["resource"]["status"] == "completed",
        )
    assert done["action"] == "updated"
    assert done["resource"]["name"] == "CheckHealth"
    assert done["resource"]["commandName"] == "Check Health"


async def test_scheduled_task_runs_are_announced(server: LiveServer) -> None:
    async with websockets.connect(_ws_url(server, f"?access_token={API_KEY}"), open_timeout=10) as ws:
        await _next(ws, "version")
        await server.client.post("/api/v3/command", json={"name": "Housekeeping"})
        message = await _next(ws, "system/task")
    assert message["action"] == "sync"


async def test_custom_format_changes_are_announced(server: LiveServer) -> None:
    body = {
        "name": "x265",
        "specifications": [
            {
                "name": "x265",
                "implementation": "ReleaseTitleSpecification",
                "fields": [{"name": "value", "value": "x265"}],
            }
        ],
    }
    async with websockets.connect(_ws_url(server, f"?access_token={API_KEY}"), open_timeout=10) as ws:
        await _next(ws, "version")
        created = (await server.client.post("/api/v3/customformat", json=body)).json()
        message = await _next(ws, "customformat")
        assert (message["action"], message["resource"]) == ("created", {"id": created["id"]})
        await _next(ws, "qualityprofile")
        await server.client.delete(f"/api/v3/customformat/{created['id']}")
        message = await _next(ws, "customformat")
    assert (message["action"], message["resource"]) == ("deleted", {"id": created["id"]})


async def test_saved_naming_settings_are_announced(server: LiveServer) -> None:
    async with websockets.connect(_ws_url(server, f"?access_token={API_KEY}"), open_timeout=10) as ws:
        await _next(ws, "version")
        response = await server.client.put("/api/v3/config/naming/1", json={"renameMovies": True})
        assert response.status_code == 202, response.text
        message = await _next(ws, "config/naming")
    assert message["action"] == "sync"
