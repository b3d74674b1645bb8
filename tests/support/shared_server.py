"""`server` as one server per module and dialect, for modules whose tests need no fresh database.

A module overrides the fresh server per test of tests/conftest.py with `server = shared_server()`, or
`shared_server("import_exclusions", ...)` to have those tables emptied before each test, and `reset=`
for anything else a test must not see of the one before: starting a server costs ~0.5 s, thousands of
times over a run."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import pytest
from sqlalchemy import text

from tests.support.live import LiveServer

Reset = Callable[[LiveServer], Awaitable[None]]
ServerFixture = Callable[..., Coroutine[Any, Any, LiveServer]]


def shared_server(*emptied: str, reset: Reset | None = None) -> ServerFixture:
    """A `server` fixture: the module's shared server, with the `emptied` tables emptied (in this order)
    and `reset` run before each test."""

    @pytest.fixture(name="server")
    async def shared(module_server: LiveServer) -> LiveServer:
        if emptied:
            async with module_server.services.db.write() as session:
                for table in emptied:
                    await session.execute(text(f"DELETE FROM {table}"))
        if reset is not None:
            await reset(module_server)
        return module_server

    return shared


def restore_config(*paths: str) -> Reset:
    """A `reset` that puts back what each config resource (`/api/v3/config/ui`, ...) held when the
    module's server started."""
    started: dict[tuple[int, str], Any] = {}

    async def restore(server: LiveServer) -> None:
        for path in paths:
            key = (id(server), path)
            if key not in started:
                response = await server.client.get(path)
                assert response.status_code == 200, response.text
                started[key] = response.json()
                continue
            response = await server.client.put(path, json=started[key])
            assert response.status_code == 202, response.text

    return restore


def delete_all(*paths: str) -> Reset:
    """A `reset` that deletes, through the API, everything each listing (`/api/v3/rootfolder`, ...) has."""

    async def delete(server: LiveServer) -> None:
        for path in paths:
            for item in (await server.client.get(path)).json():
                response = await server.client.delete(f"{path}/{item['id']}")
                assert response.status_code == 200, response.text

    return delete
