"""Waiting for something to become true, with a deadline instead of a sleep."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from tests.support.live import LiveServer

T = TypeVar("T")


async def eventually(
    probe: Callable[[], Awaitable[T | None]], *, within: float = 20.0, every: float = 0.05
) -> T:
    """Call `probe` until it returns something truthy, and return that; fail after `within` seconds."""
    async with asyncio.timeout(within):
        while True:
            result = await probe()
            if result:
                return result
            await asyncio.sleep(every)


async def checked_health(
    server: LiveServer, source: str, level: str, *, within: float = 20.0
) -> dict[str, dict[str, Any]]:
    """The server's health problems by source, once `source` reports `level`: a run of the checks under
    way when something changed reports what it found before the change."""

    async def reported() -> dict[str, dict[str, Any]] | None:
        problems = {p["source"]: p for p in (await server.client.get("/api/v3/health")).json()}
        found = problems.get(source)
        return problems if found is not None and found["type"] == level else None

    return await eventually(reported, within=within)
