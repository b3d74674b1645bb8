"""Root folders on disk: unmapped folders, a disk that went away, disk space, and pyarr's calls."""

from __future__ import annotations

import asyncio
import os
import shutil
import time
from pathlib import Path

import pytest
from pyarr import RadarrAPI
from pyarr.exceptions import PyarrBadRequest

from tests.support.live import API_KEY, LiveServer
from tests.support.shared_server import delete_all, shared_server

server = shared_server(reset=delete_all("/api/v3/rootfolder"))


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A root folder with films, a hidden folder, NAS and OS housekeeping folders and a stray file."""
    folder = tmp_path / "movies"
    for name in [
        "Alien (1979)",
        "blade Runner (1982)",
        "Amélie (2001)",
        "Spirited Away (2001) {tmdb-129}",
        ".hidden",
        ".grab",
        "@eaDir",
        "#recycle",
        "$RECYCLE.BIN",
        "System Volume Information",
        "lost+found",
        ".@__thumb",
        "Extras",
        "extrafanart",
    ]:
        (folder / name).mkdir(parents=True)
    (folder / "notes.txt").write_text("not a film")
    return folder


async def add(server: LiveServer, path: Path) -> dict[str, object]:
    response = await server.client.post("/api/v3/rootfolder", json={"path": str(path)})
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


async def test_unmapped_folders_leave_out_housekeeping_and_files(server: LiveServer, library: Path) -> None:
    created = await add(server, library)
    assert created["unmappedFolders"] == [
        {"name": name, "path": f"{library}/{name}", "relativePath": name}
        for name in [
            "Alien (1979)",
            "Amélie (2001)",
            "blade Runner (1982)",
            "Spirited Away (2001) {tmdb-129}",
        ]
    ]


async def test_folders_movies_use_are_not_unmapped(
    server: LiveServer, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def known_paths() -> set[str]:
        return {f"{library}/Alien (1979)/", f"{library}/Amélie (2001)", "/elsewhere/Film (2000)"}

    created = await add(server, library)
    monkeypatch.setattr(server.services.root_folders, "known_paths", known_paths)
    listed = (await server.client.get(f"/api/v3/rootfolder/{created['id']}")).json()
    assert [u["name"] for u in listed["unmappedFolders"]] == [
        "blade Runner (1982)",
        "Spirited Away (2001) {tmdb-129}",
    ]


async def test_the_recycle_bin_is_not_unmapped(
    server: LiveServer, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def recycle_bin() -> str:
        return f"{library}/Alien (1979)"

    await add(server, library)
    monkeypatch.setattr(server.services.root_folders, "recycle_bin", recycle_bin)
    [listed] = (await server.client.get("/api/v3/rootfolder")).json()
    assert "Alien (1979)" not in [u["name"] for u in listed["unmappedFolders"]]


async def test_links_to_folders_count_and_broken_links_do_not(server: LiveServer, library: Path) -> None:
    (library / "Linked (1999)").symlink_to(library / "Alien (1979)")
    (library / "Broken (1999)").symlink_to(library / "gone")
    await add(server, library)
    [listed] = (await server.client.get("/api/v3/rootfolder")).json()
    names = [u["name"] for u in listed["unmappedFolders"]]
    assert "Linked (1999)" in names
    assert "Broken (1999)" not in names


async def test_thousands_of_subfolders_list_quickly(server: LiveServer, tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.mkdir()
    for i in range(5000):
        (big / f"Film {i:05d} (2000)").mkdir()
    await add(server, big)
    started = time.perf_counter()
    [listed] = (await server.client.get("/api/v3/rootfolder")).json()
    elapsed = time.perf_counter() - started
    assert len(listed["unmappedFolders"]) == 5000
    assert listed["unmappedFolders"][0]["name"] == "Film 00000 (2000)"
    assert elapsed < 2.0, f"listing 5000 folders took {elapsed:.2f}s"


async def test_a_root_folder_whose_folder_went_away_is_inaccessible(
    server: LiveServer, library: Path
) -> None:
    other = library.parent / "other"
    other.mkdir()
    gone = await add(server, library)
    kept = await add(server, other)
    shutil.rmtree(library)

    listed = (await server.client.get("/api/v3/rootfolder")).json()
    assert listed[0] == {"id": gone["id"], "path": str(library), "accessible": False, "unmappedFolders": []}
    assert listed[1]["accessible"] is True
    assert listed[1]["id"] == kept["id"]
    single = await server.client.get(f"/api/v3/rootfolder/{gone['id']}")
    assert single.status_code == 200
    assert single.json()["accessible"] is False

    health = (await server.client.get("/api/v3/health")).json()
    [problem] = [h for h in health if h["source"] == "RootFolderCheck"]
    assert problem["type"] == "error"
    assert problem["message"] == f"Missing root folder: {library}"
    assert problem["wikiUrl"] == "https://wiki.servarr.com/radarr/system#missing-root-folder"
    assert (await server.client.get("/api/v3/diskspace")).status_code == 200
    assert (await server.client.delete(f"/api/v3/rootfolder/{gone['id']}")).status_code == 200
    health = (await server.client.get("/api/v3/health")).json()
    assert not [h for h in health if h["source"] == "RootFolderCheck"]


async def test_several_missing_root_folders_are_one_health_message(
    server: LiveServer, tmp_path: Path
) -> None:
    paths = [tmp_path / "a", tmp_path / "b"]
    for path in paths:
        path.mkdir()
        await add(server, path)
        path.rmdir()
    [problem] = [
        h for h in (await server.client.get("/api/v3/health")).json() if h["source"] == "RootFolderCheck"
    ]
    assert problem["message"] == f"Multiple root folders are missing: {paths[0]} | {paths[1]}"


async def test_disk_space_covers_the_file_system_of_a_root_folder(server: LiveServer, library: Path) -> None:
    await add(server, library)
    disks = (await server.client.get("/api/v3/diskspace")).json()
    assert disks, "at least the root folder's file system is listed"
    devices = [os.stat(d["path"]).st_dev for d in disks]
    assert len(devices) == len(set(devices)), "each file system once"
    [mine] = [d for d in disks if os.stat(d["path"]).st_dev == os.stat(library).st_dev]
    usage = os.statvfs(library)
    assert mine["totalSpace"] == usage.f_blocks * usage.f_frsize
    assert 0 < mine["freeSpace"] <= mine["totalSpace"]
    assert isinstance(mine["label"], str)
    assert mine["label"]
    assert set(mine) == {"id", "path", "label", "freeSpace", "totalSpace"}
    for pseudo in ("/proc", "/sys", "/dev"):
        assert pseudo not in [d["path"] for d in disks]


async def test_pyarr_adds_lists_and_deletes_root_folders(server: LiveServer, library: Path) -> None:
    radarr = RadarrAPI(server.url, API_KEY)
    added = await asyncio.to_thread(radarr.add_root_folder, str(library))
    assert added["path"] == str(library)
    folders = await asyncio.to_thread(radarr.get_root_folder)
    assert [f["id"] for f in folders] == [added["id"]]
    assert isinstance(folders[0]["unmappedFolders"], list)
    one = await asyncio.to_thread(radarr.get_root_folder, added["id"])
    assert one["id"] == added["id"]
    assert one["path"] == str(library)
    with pytest.raises(PyarrBadRequest):
        await asyncio.to_thread(radarr.add_root_folder, str(library / "nowhere"))
    await asyncio.to_thread(radarr.del_root_folder, added["id"])
    assert await asyncio.to_thread(radarr.get_root_folder) == []
    disks = await asyncio.to_thread(radarr.get_disk_space)
    assert all({"path", "label", "freeSpace", "totalSpace"} <= set(d) for d in disks)
