"""The built-in health checks find real problems."""

from __future__ import annotations

from pathlib import Path

from reelarr.db.engine import Database
from reelarr.health.checks import DatabaseCheck, DataDirectoryCheck
from reelarr.health.model import HealthLevel


async def test_database_that_answers_is_healthy(db: Database) -> None:
    assert await DatabaseCheck(db).check() == []


async def test_database_that_cannot_be_reached_is_an_error() -> None:
    unreachable = Database("postgresql://postgres@127.0.0.1:1/reelarr")
    try:
        [problem] = await DatabaseCheck(unreachable).check()
    finally:
        await unreachable.close()
    assert problem.source == "DatabaseCheck"
    assert problem.level == HealthLevel.ERROR
    assert "cannot be reached" in problem.message


async def test_data_dir_that_is_missing_is_an_error(tmp_path: Path) -> None:
    [problem] = await DataDirectoryCheck(tmp_path / "gone").check()
    assert problem.level == HealthLevel.ERROR
    assert "not writable" in problem.message


async def test_writable_data_dir_is_healthy(tmp_path: Path) -> None:
    assert await DataDirectoryCheck(tmp_path).check() == []
