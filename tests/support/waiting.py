"""Waiting for something to become true, with a deadline instead of a sleep."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

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
