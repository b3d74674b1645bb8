"""`reelarr backup`, `reelarr restore FILE` and `reelarr db copy --to URL`, run as a user runs them."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reelarr.db.engine import Database
from reelarr.events import EventBus
from reelarr.tags.service import TagService
from tests.integration.test_cli import reelarr
from tests.support.live import LiveServer


async def _labels(url: str) -> list[str]:
    db = Database(url)
    try:
        return sorted(t.label for t in await TagService(db, EventBus()).all())
    finally:
        await db.close()


async def _add_tag(url: str, label: str) -> None:
    db = Database(url)
    try:
        await TagService(db, EventBus()).create(label)
    finally:
        await db.close()


async def test_backup_then_restore_into_another_installation(database_url: str, tmp_path: Path) -> None:
    await _add_tag(database_url, "kept")

    made = reelarr(
        "backup", "--to", str(tmp_path / "out"), data_dir=tmp_path / "a", database_url=database_url
    )
    assert made.returncode == 0, made.stderr
    [path] = (tmp_path / "out").glob("reelarr_backup_v*.zip")
    assert made.stdout.strip() == f"Backup written to {path}"

    restored = reelarr("restore", str(path), data_dir=tmp_path / "b")
    assert restored.returncode == 0, restored.stderr
    assert "into sqlite" in restored.stdout
    assert await _labels(f"sqlite:///{tmp_path / 'b' / 'reelarr.db'}") == ["kept"]


def test_restore_of_a_missing_file_says_so(tmp_path: Path) -> None:
    result = reelarr("restore", str(tmp_path / "nothing.zip"), data_dir=tmp_path / "data")
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: There is no backup at {tmp_path / 'nothing.zip'}"


async def test_restore_is_refused_while_a_server_runs_on_the_database(
    server: LiveServer, database_url: str, tmp_path: Path
) -> None:
    # In a thread: the server answers from this test's event loop, which must keep running.
    made = await asyncio.to_thread(
        reelarr, "backup", "--to", str(tmp_path / "out"), data_dir=tmp_path / "a", database_url=database_url
    )
    assert made.returncode == 0, made.stderr
    [path] = (tmp_path / "out").glob("*.zip")

    result = await asyncio.to_thread(
        reelarr, "restore", str(path), data_dir=tmp_path / "a", database_url=database_url
    )

    assert result.returncode == 1
    assert "A Reelarr server is running on this database" in result.stderr


async def test_db_copy_moves_an_installation_into_another_database(
    database_url: str, postgres_database_url: str, tmp_path: Path
) -> None:
    await _add_tag(database_url, "moved")
    data_dir = tmp_path / "a"

    refused = reelarr(
        "db", "copy", "--to", postgres_database_url, data_dir=data_dir, database_url=database_url
    )
    copied = reelarr(
        "db", "copy", "--to", postgres_database_url, "--replace", data_dir=data_dir, database_url=database_url
    )

    assert refused.returncode == 1
    assert "not empty" in refused.stderr
    assert copied.returncode == 0, copied.stderr
    assert "Copied" in copied.stdout
    assert await _labels(postgres_database_url) == ["moved"]
