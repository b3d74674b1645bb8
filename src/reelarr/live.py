"""The live hub: every open WebSocket's outgoing queue and the fan-out of small messages to them.

It knows no event and no resource: the API layer decides which events become which messages
(`api/ws.py`), so the services can hold the hub without knowing the API.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import orjson

# A client that falls this far behind is dropped; it reconnects and refetches everything.
_QUEUE_LIMIT = 1000


class LiveHub:
    """The queues of the connected clients of this process; `None` in a queue means "go away"."""

    def __init__(self, queue_limit: int = _QUEUE_LIMIT) -> None:
        self._clients: set[asyncio.Queue[bytes | None]] = set()
        self._queue_limit = queue_limit

    @property
    def client_count(self) -> int:
        """How many clients are connected to this process."""
        return len(self._clients)

    def connect(self) -> asyncio.Queue[bytes | None]:
        """A new client's queue of messages to send."""
        queue: asyncio.Queue[bytes | None] = asyncio.Queue(maxsize=self._queue_limit)
        self._clients.add(queue)
        return queue

    def disconnect(self, queue: asyncio.Queue[bytes | None]) -> None:
        """Forget a client that went away."""
        self._clients.discard(queue)

    def broadcast(self, name: str, action: str, resource: Any = None) -> None:
        """Queue one `{name, action, resource}` message for every connected client."""
        message: dict[str, Any] = {"name": name, "action": action}
        if resource is not None:
            message["resource"] = resource
        data = orjson.dumps(message, option=orjson.OPT_UTC_Z)
        for queue in list(self._clients):
            try:
                queue.put_nowait(data)
            except asyncio.QueueFull:
                self._drop(queue)

    def close_all(self) -> None:
        """Ask every client to go away (the process is stopping)."""
        for queue in list(self._clients):
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(None)

    def _drop(self, queue: asyncio.Queue[bytes | None]) -> None:
        # The queue is full, so what it holds is thrown away to make room for the "go away".
        self._clients.discard(queue)
        while not queue.empty():
            queue.get_nowait()
        queue.put_nowait(None)
