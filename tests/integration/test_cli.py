"""The `reelarr` command line: version, migrate, unattended account creation and the API key.

`api-key` and `user` work on a direct driver connection when the database is up to date (the
`database_url` fixture's is) and through the services otherwise; both must agree with the server.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reelarr import __version__
from reelarr.auth.api_keys import ApiKeys
from reelarr.auth.passwords import Passwords
from reelarr.auth.sessions import Sessions
from reelarr.auth.users import Users
from reelarr.configuration.store import ConfigStore
from reelarr.db.base import utcnow
from reelarr.db.engine import Database
from reelarr.db.migrate import head_revision
from reelarr.events import EventBus
from tests.support.processes import REPO_ROOT


def reelarr(
    *args: str,
    data_dir: Path,
    database_url: str | None = None,
    stdin: str = "",
    api_key: str | None = None,
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REELARR_")}
    env["REELARR_DATA_DIR"] = str(data_dir)
    if database_url:
        env["REELARR_DATABASE_URL"] = database_url
    if api_key:
        env["REELARR_API_KEY"] = api_key
    return subprocess.run(
        [sys.executable, "-m", "reelarr", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=60,
        check=False,
    )


def test_version(tmp_path: Path) -> None:
    result = reelarr("--version", data_dir=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"reelarr {__version__}"


def test_migrate_creates_the_sqlite_database_in_the_data_dir(tmp_path: Path) -> None:
    result = reelarr("migrate", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert head_revision() in result.stdout
    assert (tmp_path / "data" / "reelarr.db").is_file()


def test_user_create_then_list(database_url: str, tmp_path: Path) -> None:
    created = reelarr(
        "user",
        "create",
        "alice",
        "--password-stdin",
        data_dir=tmp_path,
        database_url=database_url,
        stdin="a good password\n",
    )
    assert created.returncode == 0, created.stderr
    listed = reelarr("user", "list", data_dir=tmp_path, database_url=database_url)
    assert listed.stdout.split() == ["alice"]


def test_user_create_refuses_a_short_password_and_a_taken_name(database_url: str, tmp_path: Path) -> None:
    short = reelarr(
        "user",
        "create",
        "bob",
        "--password-stdin",
        data_dir=tmp_path,
        database_url=database_url,
        stdin="short\n",
    )
    assert short.returncode == 1
    assert "at least 8 characters" in short.stderr
    reelarr(
        "user",
        "create",
        "bob",
        "--password-stdin",
        data_dir=tmp_path,
        database_url=database_url,
        stdin="long enough password\n",
    )
    taken = reelarr(
        "user",
        "create",
        "BOB",
        "--password-stdin",
        data_dir=tmp_path,
        database_url=database_url,
        stdin="long enough password\n",
    )
    assert taken.returncode == 1
    assert "already exists" in taken.stderr


def test_user_passwd_changes_the_password(database_url: str, tmp_path: Path) -> None:
    reelarr(
        "user",
        "create",
        "carol",
        "--password-stdin",
        data_dir=tmp_path,
        database_url=database_url,
        stdin="first password\n",
    )
    changed = reelarr(
        "user",
        "passwd",
        "carol",
        "--password-stdin",
        data_dir=tmp_path,
        database_url=database_url,
        stdin="second password\n",
    )
    assert changed.returncode == 0, changed.stderr
    missing = reelarr(
        "user",
        "passwd",
        "nobody",
        "--password-stdin",
        data_dir=tmp_path,
        database_url=database_url,
        stdin="second password\n",
    )
    assert missing.returncode == 1


def test_api_key_is_printed_and_stays_the_same(database_url: str, tmp_path: Path) -> None:
    first = reelarr("api-key", data_dir=tmp_path, database_url=database_url)
    second = reelarr("api-key", data_dir=tmp_path, database_url=database_url)
    assert first.returncode == 0, first.stderr
    assert len(first.stdout.strip()) == 32
    assert first.stdout == second.stdout


async def test_an_account_made_by_the_command_line_logs_in_on_the_server(
    database_url: str, tmp_path: Path
) -> None:
    before = datetime.now(UTC)
    created = reelarr(
        "user",
        "create",
        "Dora",
        "--password-stdin",
        data_dir=tmp_path,
        database_url=database_url,
        stdin="a good password\n",
    )
    assert created.returncode == 0, created.stderr
    db = Database(database_url)
    try:
        users = Users(db, Passwords(), utcnow)
        user = await users.authenticate("dora", "a good password")
        assert user is not None
        assert user.username == "Dora"
        assert before - timedelta(seconds=1) <= user.created_at <= datetime.now(UTC)
        assert await users.authenticate("dora", "a wrong password") is None
        await users.create("erin", "another good password")
    finally:
        await db.close()
    listed = reelarr("user", "list", data_dir=tmp_path, database_url=database_url)
    assert listed.stdout.split() == ["Dora", "erin"]


async def test_a_new_password_from_the_command_line_ends_the_sessions(
    database_url: str, tmp_path: Path
) -> None:
    db = Database(database_url)
    try:
        users = Users(db, Passwords(), utcnow)
        sessions = Sessions(db, utcnow, timedelta(days=7))
        user = await users.create("frank", "first password")
        token = (await sessions.create(user.id, remember=False, user_agent=None, remote_ip=None)).token
        changed = reelarr(
            "user",
            "passwd",
            "FRANK",
            "--password-stdin",
            data_dir=tmp_path,
            database_url=database_url,
            stdin="second password\n",
        )
        assert changed.returncode == 0, changed.stderr
        assert await sessions.resolve(token) is None
        assert await users.authenticate("frank", "first password") is None
        assert await users.authenticate("frank", "second password") is not None
    finally:
        await db.close()


async def test_the_printed_api_key_is_the_servers_and_follows_a_regeneration(
    database_url: str, tmp_path: Path
) -> None:
    printed_first = reelarr("api-key", data_dir=tmp_path, database_url=database_url).stdout.strip()
    db = Database(database_url)
    try:
        api_keys = ApiKeys(ConfigStore(db), EventBus(), None)
        assert printed_first == await api_keys.current()
        regenerated = await api_keys.regenerate()
    finally:
        await db.close()
    assert reelarr("api-key", data_dir=tmp_path, database_url=database_url).stdout.strip() == regenerated


def test_a_fixed_api_key_is_printed_without_opening_a_database(tmp_path: Path) -> None:
    printed = reelarr("api-key", data_dir=tmp_path / "data", api_key="f" * 32)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.strip() == "f" * 32
    assert not (tmp_path / "data").exists()


def test_accounts_on_a_database_still_to_create_go_through_the_services(tmp_path: Path) -> None:
    created = reelarr(
        "user", "create", "gina", "--password-stdin", data_dir=tmp_path, stdin="a good password\n"
    )
    assert created.returncode == 0, created.stderr
    assert (tmp_path / "reelarr.db").is_file()
    assert reelarr("user", "list", data_dir=tmp_path).stdout.split() == ["gina"]
