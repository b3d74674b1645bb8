"""A plain driver connection for the short commands of the command line, without SQLAlchemy.

Importing SQLAlchemy and the ORM tables costs a command ~0.3 s, more than `reelarr api-key` or
`reelarr user list` may take in all (issue 9, item 8). These commands use this connection when the
database is already at the newest migration; anything else (a new database, one to migrate, a URL
with driver options) goes through `Database` and the services, which also migrate.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from reelarr.db.revisions import newest_script_revision

if TYPE_CHECKING:
    import asyncio

    import asyncpg

# As long as the server's own connections wait for another process's write (db/engine.py).
BUSY_TIMEOUT_S = 60.0
# How SQLAlchemy stores a UTC timestamp in SQLite (naive, always with microseconds).
_SQLITE_TIMESTAMP = "%Y-%m-%d %H:%M:%S.%f"
_STAMPED = "select version_num from alembic_version"


class DirectConnection(Protocol):
    """A connection that runs SQL written with `?` placeholders on SQLite or PostgreSQL."""

    dialect: Literal["sqlite", "postgresql"]

    def rows(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        """The rows a query returns."""
        ...

    def run(self, sql: str, *params: object) -> None:
        """Run a statement."""
        ...

    def transaction(self) -> Any:
        """A context in which statements form one write transaction, committed on a clean exit."""
        ...

    def close(self) -> None:
        """Close the connection."""
        ...


class _SqliteConnection:
    dialect: Literal["sqlite", "postgresql"] = "sqlite"

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        self._conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        self._conn.execute("PRAGMA foreign_keys=ON")

    def rows(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        return self._conn.execute(sql, [_sqlite_value(p) for p in params]).fetchall()

    def run(self, sql: str, *params: object) -> None:
        self._conn.execute(sql, [_sqlite_value(p) for p in params])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock at once, as the server's writers do, so two writers queue
        # instead of failing when one upgrades a read lock.
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def stamped_revisions(self) -> list[str]:
        try:
            return [row[0] for row in self.rows(_STAMPED)]
        except sqlite3.OperationalError:  # no such table: a database never migrated
            return []

    def close(self) -> None:
        self._conn.close()


def _sqlite_value(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime(_SQLITE_TIMESTAMP)
    return value


class _PostgresConnection:
    dialect: Literal["sqlite", "postgresql"] = "postgresql"

    def __init__(self, runner: asyncio.Runner, conn: asyncpg.Connection) -> None:
        self._runner = runner
        self._conn = conn

    def rows(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        records = self._runner.run(self._conn.fetch(_numbered(sql), *params))
        return [tuple(record.values()) for record in records]

    def run(self, sql: str, *params: object) -> None:
        self._runner.run(self._conn.execute(_numbered(sql), *params))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.run("BEGIN")
        try:
            yield
        except BaseException:
            self.run("ROLLBACK")
            raise
        self.run("COMMIT")

    def stamped_revisions(self) -> list[str]:
        import asyncpg

        try:
            return [row[0] for row in self.rows(_STAMPED)]
        except asyncpg.UndefinedTableError:  # a database never migrated
            return []

    def close(self) -> None:
        try:
            self._runner.run(self._conn.close())
        finally:
            self._runner.close()


def _numbered(sql: str) -> str:
    """`?` placeholders as PostgreSQL's `$1`, `$2`... (the statements here hold no literal `?`)."""
    parts = sql.split("?")
    return "".join(part + (f"${n}" if n < len(parts) else "") for n, part in enumerate(parts, start=1))


def _open_postgres(url: str) -> _PostgresConnection:
    import asyncio

    import asyncpg

    runner = asyncio.Runner()
    try:
        conn = runner.run(asyncpg.connect(url, timeout=BUSY_TIMEOUT_S))
    except BaseException:
        runner.close()
        raise
    return _PostgresConnection(runner, conn)


def _sqlite_path(url: str) -> Path | None:
    for prefix in ("sqlite:///", "sqlite+aiosqlite:///"):
        if url.startswith(prefix):
            path = Path(url.removeprefix(prefix))
            return path if path.name and path.is_file() else None
    return None


def _postgres_dsn(url: str) -> str | None:
    for scheme in ("postgresql://", "postgresql+asyncpg://", "postgres://"):
        if url.startswith(scheme):
            return "postgresql://" + url.removeprefix(scheme)
    return None


def open_direct(database_url: str) -> DirectConnection | None:
    """A direct connection when the database exists and is at the newest migration, else None."""
    if "?" in database_url:  # driver options: SQLAlchemy's reading of them is the one to trust
        return None
    conn: _SqliteConnection | _PostgresConnection
    if (path := _sqlite_path(database_url)) is not None:
        conn = _SqliteConnection(path)
    elif (dsn := _postgres_dsn(database_url)) is not None:
        conn = _open_postgres(dsn)
    else:
        return None
    if conn.stamped_revisions() != [newest_script_revision()]:
        conn.close()
        return None
    return conn
