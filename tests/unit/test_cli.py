"""The command line imports only what each command uses, so the quick commands start quickly."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import reelarr
from tests.support.processes import REPO_ROOT

# What the server needs and a quick command must not pay for (each costs 0.1-0.3 s to import).
SERVER_MODULES = ("sqlalchemy", "alembic", "fastapi", "starlette", "uvicorn", "pydantic_settings", "httpx")

_RUN_AND_LIST_MODULES = """
import contextlib, io, json, sys
from reelarr.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    try:
        code = main(sys.argv[1:])
    except SystemExit as done:
        code = done.code
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def modules_loaded_by(*args: str) -> tuple[int, str, set[str]]:
    """Run the CLI with ARGS in a fresh interpreter; its exit code, output and every module it imported."""
    done = subprocess.run(
        [sys.executable, "-c", _RUN_AND_LIST_MODULES, *args],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=60,
        check=True,
    )
    report = json.loads(done.stdout.splitlines()[-1])
    return report["code"], report["out"], {name.split(".")[0] for name in report["modules"]}


@pytest.mark.parametrize(
    "args",
    [("--version",), ("parse", "The.Movie.2015.1080p.BluRay.x264-GROUP"), ("--help",), ("user", "--help")],
)
def test_a_quick_command_imports_nothing_of_the_server(args: tuple[str, ...]) -> None:
    code, out, modules = modules_loaded_by(*args)
    assert code == 0
    assert out
    assert modules.isdisjoint(SERVER_MODULES), sorted(modules & set(SERVER_MODULES))


def test_api_key_and_user_on_an_up_to_date_database_import_nothing_of_the_server(tmp_path: Path) -> None:
    code, first, modules = modules_loaded_by("api-key", "--data-dir", str(tmp_path))
    assert code == 0
    assert "alembic" in modules  # the first run creates the schema and the key through the services
    # What a direct connection must not pay for; the settings (pydantic-settings) name the database.
    server = set(SERVER_MODULES) - {"pydantic_settings"}
    code, again, modules = modules_loaded_by("api-key", "--data-dir", str(tmp_path))
    assert (code, again) == (0, first)
    assert modules.isdisjoint(server), sorted(modules & server)
    code, listed, modules = modules_loaded_by("user", "list", "--data-dir", str(tmp_path))
    assert (code, listed) == (0, "(no users)\n")
    assert modules.isdisjoint(server), sorted(modules & server)


def test_a_bare_command_shows_what_can_follow_as_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reelarr", "user"], capture_output=True, text=True, cwd=REPO_ROOT, timeout=60
    )
    assert done.returncode == 2
    for command in ("create", "passwd", "list"):
        assert command in done.stderr


def test_the_version_is_the_projects() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    assert reelarr.__version__ == project["version"]
