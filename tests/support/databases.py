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


class DatabaseKeeper:
    """Creates tests' PostgreSQL databases ahead and drops used ones, on a thread of its own.

    CREATE DATABASE from the template takes 0.25-0.4 s here (it writes the template's 9 MB through
    the WAL), and DROP DATABASE as long on a busy server; with ~1,000 PostgreSQL tests a run
    spent minutes waiting on them. A few copies are made while tests run, so a test takes a ready
    one; `drain()` (the session's end) drops what is left."""

    AHEAD = 2

    def __init__(self) -> None:
        self._jobs: queue.Queue[tuple[str, str] | None] = queue.Queue()
        self._ready: queue.Queue[str | BaseException] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._template: str | None = None
        self._lock = threading.Lock()
        self.failures: list[str] = []

    def _start(self, template: str | None) -> None:
        with self._lock:
            if self._thread is None:
                self._template = template
                self._thread = threading.Thread(target=self._run, name="test-databases", daemon=True)
                self._thread.start()
                if template is not None:
                    for _ in range(self.AHEAD):
                        self._jobs.put(("create", template))

    async def take(self, template: str) -> str:
        """The URL of a fresh copy of `template` for one test."""
        self._start(template)
        if self._template != template:
            return await create_postgres_database(new_postgres_name(), template=template)
        self._jobs.put(("create", template))
        made = await asyncio.to_thread(self._ready.get)
        if isinstance(made, BaseException):
            raise made
        return postgres_url(made)

    def drop(self, url: str) -> None:
        """Queue a test's database to be dropped."""
        name = make_url(url).database
        assert name is not None
        self._start(None)
        self._jobs.put(("drop", name))

    async def drain(self) -> None:
        """Drop every database made ahead and every one queued, and stop the thread."""
        with self._lock:
            thread, self._thread, self._template = self._thread, None, None
        if thread is None:
            return
        self._jobs.put(None)
        await asyncio.to_thread(thread.join)
        while not self._ready.empty():
            made = self._ready.get()
            if isinstance(made, str):
                await self._drop(made)

    def _run(self) -> None:
        asyncio.run(self._work())

    async def _work(self) -> None:
        loop = asyncio.get_running_loop()
        while (job := await loop.run_in_executor(None, self._jobs.get)) is not None:
            kind, name = job
            if kind == "drop":
                await self._drop(name)
                continue
            made = new_postgres_name()
            try:
                await create_postgres_database(made, template=name)
            except Exception as error:
                self._ready.put(error)
            else:
                self._ready.put(made)

    async def _drop(self, name: str) -> None:
        try:
            await drop_postgres_database(name)
        except Exception as error:
            self.failures.append(f"{name}: {error!r}")


DATABASES = DatabaseKeeper()


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
