"""The link that carries shared events between the processes of one installation, per database."""

from __future__ import annotations

from typing import Protocol

from reelarr.db.engine import Database
from reelarr.events import Event, EventBus
from reelarr.events_postgres import PostgresEventBridge, asyncpg_dsn
from reelarr.events_sqlite import SqliteEventBridge


class SharedEventBridge(Protocol):
    """Sends this process's shared events to the other processes and delivers theirs."""

    async def start(self) -> None:
        """Begin sharing."""

    async def stop(self) -> None:
        """Stop sharing; what this process sent is with the others when it returns."""

    async def send(self, event: Event) -> None:
        """Send one event to every other process."""


def shared_event_bridge(db: Database, bus: EventBus, origin: str) -> SharedEventBridge | None:
    """LISTEN/NOTIFY on PostgreSQL, the shared_events table on a SQLite file; none for a database in
    memory, which no other process can open."""
    if db.dialect == "postgresql":
        return PostgresEventBridge(asyncpg_dsn(db.url), bus, origin=origin)
    if db.url.database in (None, "", ":memory:"):
        return None
    return SqliteEventBridge(db, bus, origin)
