"""Fixtures shared by every suite: a database per test on SQLite and on PostgreSQL, and live servers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from reelarr.db.engine import Database
from reelarr.settings import Settings
from tests.support.databases import (
    DATABASES,
    copy_sqlite,
    drop_postgres_database,
    migrated_postgres_template,
    migrated_sqlite_template,
)
from tests.support.deluge import deluge
from tests.support.inn import inn
from tests.support.live import API_KEY, LiveServer, live_server
from tests.support.nzbget import nzbget
from tests.support.qbittorrent import qbittorrent
from tests.support.rtorrent import rtorrent
from tests.support.transmission import transmission

# Session fixtures of real services live here, so that one of each serves every module of a session
# (a module importing a fixture gets a definition, and so a daemon, of its own).
__all__ = ["deluge", "inn", "nzbget", "qbittorrent", "rtorrent", "transmission"]

DIALECTS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
async def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite database, made once per run."""
    return await migrated_sqlite_template(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture(scope="session")
async def postgres_template() -> AsyncIterator[str]:
    """A migrated PostgreSQL database, made once per run and dropped at the end."""
    name = await migrated_postgres_template()
    yield name
    await DATABASES.drain()
    await drop_postgres_database(name)
    assert not DATABASES.failures, f"test databases left behind: {DATABASES.failures}"


@pytest.fixture(params=DIALECTS)
async def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path, postgres_template: str
) -> AsyncIterator[str]:
    """A fresh, migrated database of each dialect for one test."""
    if request.param == "sqlite":
        yield copy_sqlite(sqlite_template, tmp_path / "db" / "reelarr.db")
        return
    url = await DATABASES.take(postgres_template)
    try:
        yield url
    finally:
        DATABASES.drop(url)


@pytest.fixture
async def postgres_database_url(postgres_template: str) -> AsyncIterator[str]:
    """A fresh, migrated PostgreSQL database, for what only PostgreSQL supports (several processes)."""
    url = await DATABASES.take(postgres_template)
    try:
        yield url
    finally:
        DATABASES.drop(url)


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    """An open Database on a fresh database."""
    database = Database(database_url)
    try:
        yield database
    finally:
        await database.close()


def make_settings(database_url: str, data_dir: Path, **overrides: Any) -> Settings:
    """Settings for a test server: fast polling, a known API key, no user's environment."""
    values: dict[str, Any] = {
        "data_dir": data_dir,
        "database_url": database_url,
        "api_key": API_KEY,
        # The values tests/support/processes.py gives its servers: every idle poll and heartbeat is
        # CPU, and an idle server at 0.05/0.2 used ~13% of a core (~9% at these).
        "command_poll_seconds": 0.1,
        "worker_heartbeat_seconds": 0.5,
        "worker_stale_seconds": 2.0,
        "scheduler_interval_seconds": 0.2,
        "command_retry_base_seconds": 0.05,
        "command_retry_max_seconds": 0.2,
        "health_notification_grace_seconds": 0,
        "log_file": data_dir / "logs" / "reelarr.log",
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
async def server(database_url: str, tmp_path: Path) -> AsyncIterator[LiveServer]:
    """A running Reelarr server on a fresh database of each dialect."""
    async with live_server(make_settings(database_url, tmp_path / "data")) as live:
        yield live


@pytest.fixture(scope="module", params=DIALECTS)
async def module_server(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    sqlite_template: Path,
    postgres_template: str,
) -> AsyncIterator[LiveServer]:
    """One running server per module and dialect, for tests that each set what they check."""
    tmp = tmp_path_factory.mktemp(f"module-server-{request.param}")
    if request.param == "sqlite":
        url = copy_sqlite(sqlite_template, tmp / "db" / "reelarr.db")
    else:
        url = await DATABASES.take(postgres_template)
    try:
        async with live_server(make_settings(url, tmp / "data")) as live:
            yield live
    finally:
        if request.param != "sqlite":
            DATABASES.drop(url)
