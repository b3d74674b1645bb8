"""The `reelarr` command line: version, migrate, and unattended account creation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reelarr import __version__
from reelarr.db.migrate import head_revision
from tests.support.processes import REPO_ROOT


def reelarr(
    *args: str, data_dir: Path, database_url: str | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REELARR_")}
    env["REELARR_DATA_DIR"] = str(data_dir)
    if database_url:
        env["REELARR_DATABASE_URL"] = database_url
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
