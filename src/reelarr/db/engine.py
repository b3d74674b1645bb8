"""The database: one object that hands out read and write sessions on SQLite or PostgreSQL."""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import orjson
from sqlalchemy import event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

Dialect = Literal["sqlite", "postgresql"]

# Long enough that another process holding the write lock (a CLI command, a migration) never
# surfaces as "database is locked"; writes inside this process are serialized by a lock instead.
SQLITE_BUSY_TIMEOUT_MS = 60_000


def normalise_url(url: str) -> URL:
    """Map user-facing database URLs onto the async drivers Reelarr uses."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return parsed.set(drivername="sqlite+aiosqlite")
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+asyncpg")
    raise ValueError(f"Unsupported database URL scheme {parsed.drivername!r}: use sqlite:// or postgresql://")


def json_text(value: Any) -> str:
    """A JSON column's text: orjson, several times faster than the json module SQLAlchemy uses.

    Integers past 64 bits, which orjson refuses, go to the json module. A float that is not a number
    (NaN, an infinity; JSON has none, and PostgreSQL refused the json module's spelling) is written
    as null.
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()
    except orjson.JSONEncodeError:
        return json.dumps(value)


def _sqlite_engine(url: URL, *, writer: bool) -> AsyncEngine:
    engine = create_async_engine(
        url,
        json_serializer=json_text,
        pool_size=1 if writer else 4,
        max_overflow=0 if writer else 4,
        pool_timeout=SQLITE_BUSY_TIMEOUT_MS / 1000,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
    )
    begin_statement = "BEGIN IMMEDIATE" if writer else "BEGIN"

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the driver so BEGIN IMMEDIATE can be issued below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin_statement)

    return engine


@dataclass
class _Transaction:
    """A transaction that `write()` and `read()` join (see `Database.transaction`)."""

    database: Database
    session: AsyncSession
    depth: int = 0  # joined blocks open now; the session forgets its objects when the last one ends
    open: bool = True


_joined: ContextVar[_Transaction | None] = ContextVar("reelarr_db_transaction", default=None)


class Database:
    """Sessions for reading and writing; on SQLite, writes in this process are serialized."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.dialect: Dialect = "sqlite" if self.url.get_backend_name() == "sqlite" else "postgresql"
        if self.dialect == "sqlite":
            if self.url.database and self.url.database != ":memory:":
                Path(self.url.database).parent.mkdir(parents=True, exist_ok=True)
            self._writer = _sqlite_engine(self.url, writer=True)
            self._reader = _sqlite_engine(self.url, writer=False)
        else:
            self._writer = create_async_engine(
                self.url,
                pool_size=10,
                max_overflow=10,
                pool_pre_ping=True,
                json_serializer=json_text,
            )
            self._reader = self._writer
        self._write_lock = asyncio.Lock() if self.dialect == "sqlite" else None
        self._write_sessions = async_sessionmaker(self._writer, expire_on_commit=False)
        self._read_sessions = async_sessionmaker(self._reader, expire_on_commit=False)

    @property
    def engine(self) -> AsyncEngine:
        """The engine that may write (migrations and raw connections use it)."""
        return self._writer

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        """One transaction that every `write()` and `read()` of the code inside joins, committed when
        the block ends and rolled back, all of it, when it raises (a whole kind of an import).

        Inside, each `write()` is a savepoint (an error caught around it undoes only its own rows) and
        each `read()` sees what the block wrote so far. The database is used one call at a time there:
        code inside must not run reads or writes concurrently.
        """
        if self._joining() is not None:
            raise RuntimeError("A database transaction is already open here")
        async with self.write() as session:
            joined = _Transaction(self, session)
            token = _joined.set(joined)
            try:
                yield
            finally:
                joined.open = False
                _joined.reset(token)

    def _joining(self) -> _Transaction | None:
        joined = _joined.get()
        return joined if joined is not None and joined.open and joined.database is self else None

    @asynccontextmanager
    async def _joined_block(self, joined: _Transaction, *, savepoint: bool) -> AsyncIterator[AsyncSession]:
        joined.depth += 1
        try:
            if savepoint:
                async with joined.session.begin_nested():
                    yield joined.session
            else:
                yield joined.session
        finally:
            joined.depth -= 1
            if joined.depth == 0:
                # As a session of its own would have been closed: what the block loaded is detached,
                # so a change made to it later is never written by accident.
                joined.session.expunge_all()

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncSession]:
        """A session in one transaction that commits on success and rolls back on error."""
        joined = self._joining()
        if joined is not None:
            async with self._joined_block(joined, savepoint=True) as session:
                yield session
            return
        if self._write_lock is None:
            async with self._write_sessions() as session, session.begin():
                yield session
            return
        async with self._write_lock, self._write_sessions() as session, session.begin():
            yield session

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        """A session for reading; it never commits."""
        joined = self._joining()
        if joined is not None:
            async with self._joined_block(joined, savepoint=False) as session:
                yield session
            return
        async with self._read_sessions() as session:
            yield session

    async def serialize(self, session: AsyncSession, name: str) -> None:
        """Within a write transaction, wait for other processes' transactions serialized on `name`.

        SQLite writes are already one at a time; PostgreSQL takes a transaction-scoped advisory lock.
        """
        if self.dialect == "postgresql":
            key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
            await session.execute(text("select pg_advisory_xact_lock(:key)"), {"key": key})

    async def ping(self) -> str:
        """Run a trivial query and return the server version."""
        async with self._reader.connect() as conn:
            if self.dialect == "sqlite":
                return str((await conn.execute(text("select sqlite_version()"))).scalar_one())
            return str((await conn.execute(text("show server_version"))).scalar_one())

    async def close(self) -> None:
        """Close every pooled connection."""
        await self._writer.dispose()
        if self._reader is not self._writer:
            await self._reader.dispose()
