"""/api/v3/filesystem: the folder picker lists names, sizes and dates, never contents, and never fails."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.live import LiveServer
from tests.support.shared_server import shared_server

SECRET = "do-not-leak-this-content"

server = shared_server()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A small library: folders with odd names, files, housekeeping folders."""
    root = tmp_path / "media"
    (root / "Amélie (2001)").mkdir(parents=True)
    (root / "Crouching Tiger, Hidden Dragon 臥虎藏龍 (2000)").mkdir()
    (root / "alien (1979)").mkdir()
    (root / "@eaDir").mkdir()
    (root / "$RECYCLE.BIN").mkdir()
    (root / "Amélie (2001)" / "Amélie.2001.1080p.mkv").write_bytes(b"\0" * 2048)
    (root / "read me.txt").write_text(SECRET)
    return root


async def browse(server: LiveServer, **params: str) -> dict[str, object]:
    response = await server.client.get("/api/v3/filesystem", params=params)
    assert response.status_code == 200, response.text
    assert SECRET not in response.text
    body: dict[str, object] = response.json()
    return body


async def test_folder_lists_subfolders_and_files(server: LiveServer, tree: Path) -> None:
    listing = await browse(server, path=f"{tree}/", includeFiles="true")
    assert listing["parent"] == f"{tree.parent}/"
    directories = listing["directories"]
    assert isinstance(directories, list)
    assert [d["name"] for d in directories] == [
        "alien (1979)",
        "Amélie (2001)",
        "Crouching Tiger, Hidden Dragon 臥虎藏龍 (2000)",
    ]
    first = directories[0]
    assert first["type"] == "folder"
    assert first["path"] == f"{tree}/alien (1979)/"
    modified = datetime.fromisoformat(first["lastModified"].replace("Z", "+00:00"))
    assert (
        abs(modified - datetime.fromtimestamp((tree / "alien (1979)").stat().st_mtime, UTC)).total_seconds()
        < 1
    )
    assert first["lastModified"].endswith("Z")
    assert listing["files"] == [
        {
            "type": "file",
            "name": "read me.txt",
            "path": f"{tree}/read me.txt",
            "extension": ".txt",
            "size": len(SECRET),
            "lastModified": listing["files"][0]["lastModified"],  # type: ignore[index]
        }
    ]


async def test_files_are_left_out_unless_asked_for(server: LiveServer, tree: Path) -> None:
    listing = await browse(server, path=f"{tree}/")
    assert listing["files"] == []
    listing = await browse(server, path=f"{tree}/", includeFiles="False")
    assert listing["files"] == []
    listing = await browse(server, path=f"{tree}/", includeFiles="True")
    assert [f["name"] for f in listing["files"]] == ["read me.txt"]  # type: ignore[attr-defined]


async def test_a_path_without_trailing_slash_lists_its_parent_unless_allowed(
    server: LiveServer, tree: Path
) -> None:
    completing = await browse(server, path=f"{tree}/Amé")
    assert [d["name"] for d in completing["directories"]][:3] == [  # type: ignore[attr-defined]
        "alien (1979)",
        "Amélie (2001)",
        "Crouching Tiger, Hidden Dragon 臥虎藏龍 (2000)",
    ]
    folder = f"{tree}/Amélie (2001)"
    exact = await browse(server, path=folder, allowFoldersWithoutTrailingSlashes="true", includeFiles="true")
    assert exact["parent"] == f"{tree}/"
    assert [f["name"] for f in exact["files"]] == ["Amélie.2001.1080p.mkv"]  # type: ignore[attr-defined]
    assert exact["files"][0]["size"] == 2048  # type: ignore[index]


async def test_empty_path_lists_the_top_of_the_file_system(server: LiveServer) -> None:
    listing = await browse(server, path="")
    assert "parent" not in listing
    paths = [d["path"] for d in listing["directories"]]  # type: ignore[attr-defined]
    assert "/tmp/" in paths
    assert (await browse(server)) == listing


@pytest.mark.parametrize("suffix", ["nowhere/", "read me.txt/", "nowhere/deeper/"])
async def test_missing_and_non_folder_paths_list_as_empty(
    server: LiveServer, tree: Path, suffix: str
) -> None:
    listing = await browse(server, path=f"{tree}/{suffix}", includeFiles="true")
    assert listing["directories"] == []
    assert listing["files"] == []
    assert str(listing["parent"]).startswith(f"{tree}/")


@pytest.mark.parametrize("path", ["relative/path/", "relative", "/with\x00nul/", " "])
async def test_odd_paths_never_fail(server: LiveServer, path: str) -> None:
    listing = await browse(server, path=path)
    assert listing["files"] == []


async def test_an_unreadable_folder_lists_as_empty_or_as_is(server: LiveServer, tree: Path) -> None:
    locked = tree / "locked"
    (locked / "inner").mkdir(parents=True)
    locked.chmod(0)
    try:
        listing = await browse(server, path=f"{locked}/")
    finally:
        locked.chmod(0o755)
    # Root reads anything; anyone else gets an empty list. Either way, no error.
    names = [d["name"] for d in listing["directories"]]  # type: ignore[attr-defined]
    assert names in ([], ["inner"])
    assert listing["parent"] == f"{tree}/"


async def test_names_that_are_not_utf8_are_left_out(server: LiveServer, tree: Path) -> None:
    os.mkdir(os.fsencode(tree) + b"/Caf\xe9 (1999)")
    listing = await browse(server, path=f"{tree}/")
    assert len(listing["directories"]) == 3  # type: ignore[arg-type]


async def test_type_says_file_only_for_existing_files(server: LiveServer, tree: Path) -> None:
    async def kind(path: str) -> str:
        response = await server.client.get("/api/v3/filesystem/type", params={"path": path})
        assert response.status_code == 200
        value: str = response.json()["type"]
        return value

    assert await kind(str(tree / "read me.txt")) == "file"
    assert await kind(str(tree / "Amélie (2001)")) == "folder"
    assert await kind(str(tree / "nowhere.mkv")) == "folder"
    assert await kind("") == "folder"


async def test_media_files_lists_videos_under_a_folder(server: LiveServer, tree: Path) -> None:
    nested = tree / "Crouching Tiger, Hidden Dragon 臥虎藏龍 (2000)" / "CD1"
    nested.mkdir()
    (nested / "part1.AVI").write_bytes(b"x")
    (tree / "@eaDir" / "thumb.mkv").write_bytes(b"x")
    (tree / ".hidden").mkdir()
    (tree / ".hidden" / "secret.mkv").write_bytes(b"x")
    (tree / "Amélie (2001)" / "._Amélie.2001.1080p.mkv").write_bytes(b"x")
    (tree / "Amélie (2001)" / "Amélie.2001.1080p.nfo").write_text("info")
    response = await server.client.get("/api/v3/filesystem/mediafiles", params={"path": str(tree)})
    assert response.status_code == 200
    assert response.json() == [
        {
            "path": f"{tree}/Amélie (2001)/Amélie.2001.1080p.mkv",
            "relativePath": "Amélie (2001)/Amélie.2001.1080p.mkv",
            "name": "Amélie.2001.1080p.mkv",
        },
        {
            "path": f"{nested}/part1.AVI",
            "relativePath": "Crouching Tiger, Hidden Dragon 臥虎藏龍 (2000)/CD1/part1.AVI",
            "name": "part1.AVI",
        },
    ]


@pytest.mark.parametrize("suffix", ["nowhere", "read me.txt", ""])
async def test_media_files_of_a_non_folder_is_empty(server: LiveServer, tree: Path, suffix: str) -> None:
    path = f"{tree}/{suffix}" if suffix else ""
    response = await server.client.get("/api/v3/filesystem/mediafiles", params={"path": path})
    assert response.status_code == 200
    assert response.json() == []


async def test_too_many_media_files_is_a_clear_400(
    server: LiveServer, tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = server.services.root_folders
    monkeypatch.setattr(folders, "filesystem", type(folders.filesystem)(media_file_limit=1))
    (tree / "alien (1979)" / "alien.mkv").write_bytes(b"x")
    response = await server.client.get("/api/v3/filesystem/mediafiles", params={"path": str(tree)})
    assert response.status_code == 400
    assert response.json()[0]["errorMessage"] == f"More than 1 video files under '{tree}'"
