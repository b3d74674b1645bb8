"""Databases for tests: a migrated template per run, copied for each test, on SQLite and PostgreSQL.

PostgreSQL is the one running at 127.0.0.1:5432 (override with REELARR_TEST_POSTGRES_URL); each
test run creates its own databases there and drops them at the end.
"""

from __future__ import annotations

import asyncio
import os
import queue
import secrets
import shutil
import threading
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

from reelarr.db.engine import Database
from reelarr.db.migrate import migrate

POSTGRES_URL = os.environ.get("REELARR_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
RUN_ID = f"{os.getpid()}_{secrets.token_hex(3)}"


def postgres_url(database: str) -> str:
    """The URL of one database on the test server."""
    return make_url(POSTGRES_URL).set(database=database).render_as_string(hide_password=False)


async def _admin() -> asyncpg.Connection:
    return await asyncpg.connect(make_url(POSTGRES_URL).set(drivername="postgresql").render_as_string(False))


async def create_postgres_database(name: str, template: str | None = None) -> str:
    """Create a database (optionally copied from a template) and return its URL."""
    conn = await _admin()
    try:
        suffix = f' TEMPLATE "{template}"' if template else ""
        await conn.execute(f'CREATE DATABASE "{name}"{suffix}')
    finally:
        await conn.close()
    return postgres_url(name)


async def drop_postgres_database(name: str) -> None:
    """Drop a database, disconnecting whoever is still on it."""
    conn = await _admin()
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


class BackgroundDropper:
    """Drops tests' databases on a thread of its own, so that a test does not wait for it.

    DROP DATABASE takes ~0.3 s on this PostgreSQL (it waits for every backend to let go of the
    files, and for a checkpoint); with ~1,000 PostgreSQL tests a run that was minutes of waiting.
    `drain()` waits for every queued drop (the session's end calls it)."""

    def __init__(self) -> None:
        self._names: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.failures: list[str] = []

    def drop(self, name: str) -> None:
        """Queue a database to be dropped."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="drop-test-databases", daemon=True)
                self._thread.start()
        self._names.put(name)

    def drain(self) -> None:
        """Wait until every queued database is dropped."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._names.put(None)
            thread.join()

    def _run(self) -> None:
        asyncio.run(self._drop_until_told())

    async def _drop_until_told(self) -> None:
        loop = asyncio.get_running_loop()
        while (name := await loop.run_in_executor(None, self._names.get)) is not None:
            try:
                await drop_postgres_database(name)
            except Exception as error:  # noqa: BLE001 - reported at the session's end, the run goes on
                self.failures.append(f"{name}: {error!r}")


DROPPER = BackgroundDropper()


async def migrated_postgres_template() -> str:
    """A migrated database to copy tests' databases from; returns its name."""
    name = f"reelarr_test_{RUN_ID}_template"
    db = Database(await create_postgres_database(name))
    try:
        await migrate(db)
    finally:
        await db.close()
    return name


async def migrated_sqlite_template(directory: Path) -> Path:
    """A migrated SQLite file to copy tests' databases from."""
    path = directory / "template.db"
    db = Database(f"sqlite:///{path}")
    try:
        await migrate(db)
    finally:
        await db.close()
    return path


def copy_sqlite(template: Path, target: Path) -> str:
    """Copy the template to `target` and return its URL."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


def new_postgres_name() -> str:
    """A database name unique to this test run."""
    return f"reelarr_test_{RUN_ID}_{secrets.token_hex(4)}"
