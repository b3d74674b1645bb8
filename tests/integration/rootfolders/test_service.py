"""The RootFolders service on both databases: events, lookups for movies, and a disk that hangs."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reelarr.db.base import utcnow
from reelarr.db.engine import Database
from reelarr.events import EventBus
from reelarr.rootfolders import service as service_module
from reelarr.rootfolders.disk import FolderDetails, folder_details
from reelarr.rootfolders.events import RootFolderAdded, RootFolderDeleted
from reelarr.rootfolders.health import RootFolderCheck
from reelarr.rootfolders.service import RootFolders


def make(db: Database, tmp_path: Path, bus: EventBus | None = None) -> RootFolders:
    return RootFolders(db, bus or EventBus(), utcnow, data_dir=tmp_path / "data", timeout_seconds=0.5)


async def test_adding_and_deleting_publish_events(db: Database, tmp_path: Path) -> None:
    bus = EventBus()
    seen: list[Any] = []

    async def record(event: Any) -> None:
        seen.append(event)

    bus.subscribe(RootFolderAdded, record)
    bus.subscribe(RootFolderDeleted, record)
    folders = make(db, tmp_path, bus)
    (tmp_path / "films").mkdir()
    added = await folders.add(str(tmp_path / "films"))
    await folders.delete(added.id)
    assert seen == [
        RootFolderAdded(root_folder_id=added.id, path=str(tmp_path / "films")),
        RootFolderDeleted(root_folder_id=added.id, path=str(tmp_path / "films")),
    ]


async def test_movies_find_their_root_folder(db: Database, tmp_path: Path) -> None:
    folders = make(db, tmp_path)
    for name in ("films", "films-kids"):
        (tmp_path / name).mkdir()
        await folders.add(str(tmp_path / name))
    assert await folders.paths() == [str(tmp_path / "films"), str(tmp_path / "films-kids")]
    assert await folders.best_root_folder(f"{tmp_path}/films-kids/Cars (2006)") == str(
        tmp_path / "films-kids"
    )
    assert await folders.best_root_folder(f"{tmp_path}/films/Alien (1979)/") == str(tmp_path / "films")
    assert await folders.best_root_folder("/elsewhere/Alien (1979)") is None


@pytest.fixture
def hung_disk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A folder whose disk stops answering (as a dead NFS mount does) until the test ends."""
    dead = tmp_path / "nfs"
    dead.mkdir()
    release = threading.Event()

    def details(path: str, *, with_subfolders: bool) -> FolderDetails:
        if path == str(dead):
            release.wait(30)
        return folder_details(path, with_subfolders=with_subfolders)

    monkeypatch.setattr(service_module, "folder_details", details)
    try:
        yield dead
    finally:
        release.set()


async def test_a_hung_disk_lists_as_inaccessible_in_time(
    db: Database, tmp_path: Path, hung_disk: Path
) -> None:
    folders = make(db, tmp_path)
    (tmp_path / "local").mkdir()
    local = await folders.add(str(tmp_path / "local"))
    async with db.write() as session:
        session.add(service_module.RootFolderRow(path=str(hung_disk), created_at=utcnow()))
    listed = await folders.all()
    assert [(f.path, f.accessible) for f in listed] == [(local.path, True), (str(hung_disk), False)]
    [problem] = await RootFolderCheck(folders).check()
    assert problem.message == f"Missing root folder: {hung_disk}"
