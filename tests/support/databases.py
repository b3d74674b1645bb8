"""Databases for tests: a migrated template per run, copied for each test, on SQLite and PostgreSQL.

PostgreSQL is the one running at 127.0.0.1:5432 (override with REELARR_TEST_POSTGRES_URL); each
test run creates its own databases there and drops them at the end.
"""

from __future__ import annotations

import os
import secrets
import shutil
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
