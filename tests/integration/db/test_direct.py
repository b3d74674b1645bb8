"""The command line's direct connection: used only on an up-to-date database, on both dialects."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reelarr.db.direct import open_direct
from tests.support.databases import create_postgres_database, drop_postgres_database, new_postgres_name


def test_an_up_to_date_database_is_opened_and_runs_statements(database_url: str) -> None:
    conn = open_direct(database_url)
    assert conn is not None
    try:
        assert conn.dialect == database_url.split(":")[0].split("+")[0]
        with conn.transaction():
            conn.run("insert into config (key, value) values (?, ?)", "direct.test", "kept")
        assert conn.rows("select value from config where key = ?", "direct.test") == [("kept",)]
    finally:
        conn.close()


def test_a_failed_transaction_leaves_nothing_behind(database_url: str) -> None:
    conn = open_direct(database_url)
    assert conn is not None
    try:

        def insert_then_fail() -> None:
            with conn.transaction():
                conn.run("insert into config (key, value) values (?, ?)", "direct.lost", "gone")
                raise RuntimeError("stop")

        with pytest.raises(RuntimeError):
            insert_then_fail()
        assert conn.rows("select value from config where key = ?", "direct.lost") == []
    finally:
        conn.close()


def test_timestamps_are_stored_as_the_tables_store_them(database_url: str) -> None:
    conn = open_direct(database_url)
    assert conn is not None
    at = datetime(2026, 12, 5, 16, 30, 0, tzinfo=UTC)
    try:
        with conn.transaction():
            conn.run(
                "insert into users (username, password_hash, created_at, updated_at) values (?, ?, ?, ?)",
                "tim",
                "x",
                at,
                at,
            )
        (stored,) = conn.rows("select created_at from users where username = ?", "tim")[0]
    finally:
        conn.close()
    # SQLAlchemy's SQLite dialect keeps naive UTC text with microseconds; PostgreSQL a timestamptz.
    assert stored in ("2026-12-05 16:30:00.000000", at)


def test_a_missing_sqlite_file_or_a_url_with_options_is_left_to_the_services(tmp_path: Path) -> None:
    assert open_direct(f"sqlite:///{tmp_path / 'absent.db'}") is None
    assert not (tmp_path / "absent.db").exists()
    assert open_direct("sqlite://") is None
    assert open_direct(f"sqlite:///{tmp_path / 'absent.db'}?mode=ro") is None
    assert open_direct("mysql://root@127.0.0.1/test") is None


def test_an_unmigrated_database_is_left_to_the_services(tmp_path: Path) -> None:
    # A synchronous test: the PostgreSQL connection runs its own event loop, as in the command line.
    empty_sqlite = tmp_path / "empty.db"
    empty_sqlite.touch()
    assert open_direct(f"sqlite:///{empty_sqlite}") is None
    name = new_postgres_name()
    url = asyncio.run(create_postgres_database(name))
    try:
        assert open_direct(url) is None
    finally:
        asyncio.run(drop_postgres_database(name))
