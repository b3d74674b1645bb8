"""`reelarr import-radarr` on the command line: the installation from REELARR_*, the exit code."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reelarr.cli import main
from tests.fixtures.radarr import data
from tests.fixtures.radarr.server import RadarrServer


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, database_url: str, tmp_path: Path) -> None:
    """The installation the usual settings name."""
    monkeypatch.setenv("REELARR_DATABASE_URL", database_url)
    monkeypatch.setenv("REELARR_DATA_DIR", str(tmp_path / "data"))


async def test_a_dry_run_prints_the_plan(
    environment: None, radarr: RadarrServer, library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["import-radarr", "--url", radarr.url, "--api-key", data.API_KEY, "--dry-run"]
    argv += [
        "--map-path",
        f"/movies={library / 'movies'}",
        "--map-path",
        f"/movies-4k={library / 'movies-4k'}",
    ]

    assert await asyncio.to_thread(main, argv) == 0

    out = capsys.readouterr().out
    assert f"Would import from Radarr {data.VERSION} at {radarr.url}:" in out
    assert f"    + {library / 'movies-4k'}" in out
    assert "  movies: 3 added, 0 updated, 0 unchanged" in out


async def test_garbage_from_radarr_is_one_clear_line_and_exit_1(
    environment: None, radarr: RadarrServer, capsys: pytest.CaptureFixture[str]
) -> None:
    radarr.state.garbage.add("movie")

    code = await asyncio.to_thread(main, ["import-radarr", "--url", radarr.url, "--api-key", data.API_KEY])

    assert code == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"Error: Reading movies from Radarr at {radarr.url} failed: ")
    assert "not JSON" in line


@pytest.fixture
def untouched(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An installation a refused import must not touch (nor make): no database server needed."""
    monkeypatch.setenv("REELARR_DATABASE_URL", f"sqlite:///{tmp_path / 'data' / 'reelarr.db'}")
    monkeypatch.setenv("REELARR_DATA_DIR", str(tmp_path / "data"))


async def test_from_a_file_and_a_url_at_once_is_refused(
    untouched: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["import-radarr", "--from", str(tmp_path / "radarr.db"), "--url", "http://radarr:7878"]

    assert await asyncio.to_thread(main, argv) == 1

    assert (
        capsys.readouterr().err.strip() == "Error: --from reads a file; leave out --url and --api-key with it"
    )


async def test_a_file_that_is_no_backup_is_one_clear_line_and_exit_1(
    untouched: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_backup = tmp_path / "radarr_backup.zip"
    not_a_backup.write_text("<html>404</html>")

    assert await asyncio.to_thread(main, ["import-radarr", "--from", str(not_a_backup)]) == 1

    [line] = capsys.readouterr().err.splitlines()
    assert line == f"Error: {not_a_backup} is neither a Radarr backup (.zip) nor a radarr.db (SQLite) file"
    assert not (tmp_path / "data").exists()  # nothing of the installation was touched, nor made
