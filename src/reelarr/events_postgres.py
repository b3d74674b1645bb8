"""Shared events between processes over PostgreSQL LISTEN/NOTIFY."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import asyncpg
import orjson
from sqlalchemy.engine import URL

from reelarr.events import Event, EventBus, EventsMissed, event_payload

log = logging.getLogger(__name__)
CHANNEL = "reelarr_events"
# PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.
_MAX_PAYLOAD = 7900
# Sent in place of events this process could not share (too large, or sent while PostgreSQL was
# away): the others then drop their caches, as after their own outage.
_MISSED = "reelarr.events_missed"


def asyncpg_dsn(url: URL) -> str:
    """The plain libpq-style DSN asyncpg takes, from a SQLAlchemy URL."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class PostgresEventBridge:
    """Sends this process's shared events to the others and delivers theirs; reconnects after outages."""

    def __init__(self, dsn: str, bus: EventBus, origin: str, *, reconnect_seconds: float = 5.0) -> None:
        self._dsn = dsn
        self._bus = bus
        self._origin = origin
        self._reconnect = reconnect_seconds
        self._listener: asyncpg.Connection | None = None
        self._sender: asyncpg.Connection | None = None
        self._send_lock = asyncio.Lock()
        self._supervisor: asyncio.Task[None] | None = None
        self._connected = asyncio.Event()
        self._deliveries: set[asyncio.Task[None]] = set()
        self._unsent = False  # an event was dropped; the others are told once a link is back

    async def start(self) -> None:
        """Connect and start listening; keeps trying in the background when PostgreSQL is away."""
        self._supervisor = asyncio.create_task(self._supervise(), name="pg-event-bridge")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._connected.wait(), timeout=10)

    async def stop(self) -> None:
        """Stop listening and close the connections."""
        if self._supervisor is not None:
            self._supervisor.cancel()
            await asyncio.gather(self._supervisor, return_exceptions=True)
        await self._close()

    async def send(self, event: Event) -> None:
        """NOTIFY the other processes of one event. One that cannot be sent (too large, or while
        disconnected) is replaced by a notice that events were missed, sent as soon as it can be."""
        name = type(event).shared_name
        payload = orjson.dumps({"o": self._origin, "n": name, "d": event_payload(event)}).decode()
        async with self._send_lock:
            if len(payload.encode()) > _MAX_PAYLOAD:
                log.warning("Event %s is too large to share (%d bytes)", name, len(payload))
                self._unsent = True
            elif not await self._notify(payload):
                log.debug("Not connected; event %s stays in this process", name)
                self._unsent = True
            if self._unsent and await self._notify(self._missed_payload()):
                self._unsent = False

    def _missed_payload(self) -> str:
        return orjson.dumps({"o": self._origin, "n": _MISSED, "d": {}}).decode()

    async def _notify(self, payload: str) -> bool:
        """NOTIFY on the sending connection; False when there is none or it failed."""
        if self._sender is None or self._sender.is_closed():
            return False
        try:
            await self._sender.execute("select pg_notify($1, $2)", CHANNEL, payload)
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
            log.warning("Event bridge could not notify the other processes (%s)", error)
            return False
        return True

    async def _tell_of_unsent(self) -> None:
        async with self._send_lock:
            if self._unsent and await self._notify(self._missed_payload()):
                self._unsent = False

    async def _supervise(self) -> None:
        while True:
            try:
                if any(conn is None or conn.is_closed() for conn in (self._listener, self._sender)):
                    reconnecting = self._connected.is_set()
                    await self._connect()
                    self._connected.set()
                    await self._tell_of_unsent()
                    if reconnecting:
                        # Whatever other processes published while we were away never reached us.
                        await self._bus.publish(EventsMissed())
            except (OSError, asyncpg.PostgresError) as error:
                log.warning("Event bridge cannot reach PostgreSQL (%s); retrying", error)
                await self._close()
            await asyncio.sleep(self._reconnect)

    async def _connect(self) -> None:
        await self._close()
        self._listener = await asyncpg.connect(self._dsn)
        self._sender = await asyncpg.connect(self._dsn)
        await self._listener.add_listener(CHANNEL, self._on_notify)

    async def _close(self) -> None:
        for conn in (self._listener, self._sender):
            if conn is not None and not conn.is_closed():
                with contextlib.suppress(Exception):
                    await conn.close(timeout=2)
        self._listener = self._sender = None

    def _on_notify(self, _conn: Any, _pid: int, _channel: str, payload: object) -> None:
        try:
            message = orjson.loads(str(payload))
        except orjson.JSONDecodeError:
            return
        if message.get("o") == self._origin:
            return
        name = str(message.get("n", ""))
        delivery = (
            self._bus.publish(EventsMissed())
            if name == _MISSED
            else self._bus.deliver_remote(name, dict(message.get("d", {})))
        )
        task = asyncio.get_running_loop().create_task(delivery)
        self._deliveries.add(task)
        task.add_done_callback(self._deliveries.discard)
