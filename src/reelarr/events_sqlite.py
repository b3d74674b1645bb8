"""Shared events between processes on one SQLite database, through the shared_events table.

A process appends its shared events to the table after the change they name committed; every process
reads the rows newer than the last it saw a few times a second (one indexed look-up that finds
nothing most of the time). Ids are never reused and SQLite commits one writer at a time, so the ids
follow the commits: an id missing between the last row seen and the next one was pruned unread,
and the reader drops its caches as PostgreSQL's bridge does after an outage.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.exc import SQLAlchemyError

from reelarr.db.engine import Database
from reelarr.db.shared_events import SharedEventRow
from reelarr.events import Event, EventBus, EventsMissed, event_payload

log = logging.getLogger(__name__)
# Written in place of events this process could not share (its write failed): the others then drop
# their caches, as after an outage.
_MISSED = "reelarr.events_missed"
# Rows read at once; a reader far behind reads on at once without waiting for the next poll.
_BATCH = 500


def _utcnow() -> datetime:
    return datetime.now(UTC)


class SqliteEventBridge:
    """Appends this process's shared events to the table and delivers the other processes' rows."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        origin: str,
        *,
        poll_seconds: float = 0.5,
        gather_seconds: float = 0.1,
        keep_seconds: float = 600.0,
        prune_seconds: float = 60.0,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._db = db
        self._bus = bus
        self._origin = origin
        self._poll = poll_seconds
        self._gather = gather_seconds
        self._keep = timedelta(seconds=keep_seconds)
        self._prune_every = prune_seconds
        self._clock = clock
        self._last_seen = 0
        self._pending: list[dict[str, Any]] = []
        self._wake = asyncio.Event()
        self._closing = asyncio.Event()
        self._unsent = False  # an event was lost; the others are told with the next rows written
        self._writer: asyncio.Task[None] | None = None
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Start from the newest row (what happened before this process started is not news to it)."""
        self._last_seen = await self._newest_id()
        self._writer = asyncio.create_task(self._write_forever(), name="sqlite-event-writer")
        self._reader = asyncio.create_task(self._read_forever(), name="sqlite-event-reader")

    async def stop(self) -> None:
        """Stop reading, and write what is still pending before returning (a CLI exits right after)."""
        if self._reader is not None:
            self._reader.cancel()
            await asyncio.gather(self._reader, return_exceptions=True)
        self._closing.set()
        self._wake.set()
        if self._writer is not None:
            await asyncio.gather(self._writer, return_exceptions=True)

    async def send(self, event: Event) -> None:
        """Queue one event for the other processes; it is written in the next batch, in order."""
        name = str(type(event).shared_name)
        try:
            payload = orjson.dumps(event_payload(event)).decode()
        except TypeError as error:
            log.warning("Event %s cannot be shared (%s)", name, error)
            self._unsent = True
            self._wake.set()
            return
        self._pending.append(self._row(name, payload))
        self._wake.set()

    def _row(self, name: str, payload: str) -> dict[str, Any]:
        return {"origin": self._origin, "name": name, "payload": payload, "created_at": self._clock()}

    async def _write_forever(self) -> None:
        # The events of a burst are gathered for a moment and written in one transaction, so that a
        # stream of changes does not take the write lock once more for each.
        while True:
            await self._wake.wait()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), self._gather)
            self._wake.clear()
            await self._write_pending()
            if self._closing.is_set() and not self._pending:
                return

    async def _write_pending(self) -> None:
        rows, self._pending = self._pending, []
        missed = self._unsent
        if missed:
            rows.append(self._row(_MISSED, "{}"))
        if not rows:
            return
        try:
            async with self._db.write() as session:
                await session.execute(insert(SharedEventRow), rows)
        except (SQLAlchemyError, OSError) as error:
            log.warning("Could not share %d events with the other processes (%s)", len(rows), error)
            self._unsent = True
            return
        if missed:
            self._unsent = False

    async def _read_forever(self) -> None:
        next_prune = time.monotonic()
        while True:
            try:
                while await self._receive() == _BATCH:
                    pass
                if time.monotonic() >= next_prune:
                    next_prune = time.monotonic() + self._prune_every
                    await self._prune()
            except (SQLAlchemyError, OSError) as error:
                log.warning("Could not read the other processes' events (%s)", error)
            await asyncio.sleep(self._poll)

    async def _receive(self) -> int:
        """Deliver the rows after the last one seen, in order; returns how many were read."""
        async with self._db.read() as session:
            rows = (
                await session.execute(
                    select(
                        SharedEventRow.id, SharedEventRow.origin, SharedEventRow.name, SharedEventRow.payload
                    )
                    .where(SharedEventRow.id > self._last_seen)
                    .order_by(SharedEventRow.id)
                    .limit(_BATCH)
                )
            ).all()
        if rows and rows[0].id > self._last_seen + 1:
            log.info("Events of other processes were pruned before this process read them")
            await self._bus.publish(EventsMissed())
        for row in rows:
            self._last_seen = row.id
            if row.origin != self._origin:
                await self._deliver(row.name, row.payload)
        return len(rows)

    async def _deliver(self, name: str, payload: str) -> None:
        if name == _MISSED:
            await self._bus.publish(EventsMissed())
            return
        with contextlib.suppress(orjson.JSONDecodeError):
            data = orjson.loads(payload)
            if isinstance(data, dict):
                await self._bus.deliver_remote(name, data)

    async def _prune(self) -> None:
        cutoff = self._clock() - self._keep
        old = select(SharedEventRow.id).where(SharedEventRow.created_at < cutoff).limit(1)
        async with self._db.read() as session:
            if await session.scalar(old) is None:
                return  # the write lock is not taken for nothing
        async with self._db.write() as session:
            await session.execute(delete(SharedEventRow).where(SharedEventRow.created_at < cutoff))

    async def _newest_id(self) -> int:
        """The largest id handed out so far, also when every row was pruned."""
        async with self._db.read() as session:
            handed_out = await session.scalar(
                text("select seq from sqlite_sequence where name = :table"), {"table": "shared_events"}
            )
            present = await session.scalar(select(func.max(SharedEventRow.id)))
        return max(int(handed_out or 0), int(present or 0))
