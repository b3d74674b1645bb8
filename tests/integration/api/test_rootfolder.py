"""/api/v3/rootfolder as Radarr clients use it: add, list with unmapped folders, get, delete, refusals."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from reelarr.errors import Conflict
from tests.support.live import LiveServer
from tests.support.shared_server import delete_all, shared_server

server = shared_server(reset=delete_all("/api/v3/rootfolder"))


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """An empty folder for films, beside (not inside) the server's data folder."""
    folder = tmp_path / "movies"
    folder.mkdir()
    return folder


async def add(server: LiveServer, path: str | Path) -> dict[str, object]:
    response = await server.client.post("/api/v3/rootfolder", json={"path": str(path)})
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


async def configured(server: LiveServer) -> list[tuple[int, str]]:
    return [(f["id"], f["path"]) for f in (await server.client.get("/api/v3/rootfolder")).json()]


async def refused(server: LiveServer, path: object) -> str:
    """POST a root folder that must be refused; return the one error message (nothing may change)."""
    before = await configured(server)
    response = await server.client.post("/api/v3/rootfolder", json={"path": path})
    assert response.status_code == 400, response.text
    failures = response.json()
    assert isinstance(failures, list)
    assert len(failures) == 1
    assert failures[0]["propertyName"] == "path"
    assert failures[0]["severity"] == "error"
    assert await configured(server) == before
    message: str = failures[0]["errorMessage"]
    return message


async def test_added_root_folder_comes_back_with_space_and_no_total(
    server: LiveServer, library: Path
) -> None:
    created = await add(server, library)
    assert created["path"] == str(library)
    assert created["accessible"] is True
    assert isinstance(created["freeSpace"], int)
    assert created["freeSpace"] > 0
    assert created["unmappedFolders"] == []
    assert "totalSpace" not in created
    listed = (await server.client.get("/api/v3/rootfolder")).json()
    single = (await server.client.get(f"/api/v3/rootFolder/{created['id']}")).json()

    def steady(folder: dict[str, object]) -> dict[str, object]:
        # Free space moves while other processes write to the disk.
        return {k: v for k, v in folder.items() if k != "freeSpace"}

    assert [steady(f) for f in listed] == [steady(created)]
    assert steady(single) == steady(created)
    assert isinstance(single["freeSpace"], int)


async def test_path_is_stored_normalised(server: LiveServer, library: Path) -> None:
    created = await add(server, f"{library}//./")
    assert created["path"] == str(library)
    assert await refused(server, f"{library}/") == f"Path '{library}' is already configured as a root folder"


async def test_deleting_forgets_the_folder_and_keeps_the_files(server: LiveServer, library: Path) -> None:
    (library / "Film (2001)").mkdir()
    created = await add(server, library)
    response = await server.client.delete(f"/api/v3/rootfolder/{created['id']}")
    assert response.status_code == 200
    assert response.json() == {}
    assert (await server.client.get("/api/v3/rootfolder")).json() == []
    assert (library / "Film (2001)").is_dir()
    assert (await server.client.delete(f"/api/v3/rootfolder/{created['id']}")).status_code == 404


async def test_unknown_id_is_404(server: LiveServer) -> None:
    response = await server.client.get("/api/v3/rootfolder/999")
    assert response.status_code == 404
    assert "message" in response.json()


async def test_a_root_folder_movies_use_cannot_be_deleted(
    server: LiveServer, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = await add(server, library)
    used: list[str] = []

    async def in_use(path: str) -> bool:
        used.append(path)
        return True

    monkeypatch.setattr(server.services.root_folders, "in_use", in_use)
    response = await server.client.delete(f"/api/v3/rootfolder/{created['id']}")
    assert response.status_code == 409
    assert used == [str(library)]
    assert len((await server.client.get("/api/v3/rootfolder")).json()) == 1
    with pytest.raises(Conflict):
        await server.services.root_folders.delete(int(str(created["id"])))


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("", "Invalid Path"),
        ("   ", "Invalid Path"),
        ("movies/relative", "Invalid Path"),
        ("/films\x00/x", "Invalid Path"),
        ("/", "Path '/' is set to system folder /"),
        ("/proc", "Path '/proc' is set to system folder /proc"),
        ("/etc/ssl", "Path '/etc/ssl' is child of system folder /etc"),
        ("/usr/share", "Path '/usr/share' is child of system folder /usr"),
    ],
)
async def test_invalid_and_system_paths_are_refused(server: LiveServer, path: str, message: str) -> None:
    assert await refused(server, path) == message


async def test_missing_path_is_refused(server: LiveServer, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    assert await refused(server, str(missing)) == f"Path '{missing}' does not exist"


async def test_a_file_is_not_a_root_folder(server: LiveServer, tmp_path: Path) -> None:
    film = tmp_path / "film.mkv"
    film.write_bytes(b"x")
    assert await refused(server, str(film)) == f"Path '{film}' is not a folder"


async def test_missing_or_wrongly_typed_path_field_is_a_400_array(server: LiveServer) -> None:
    assert await refused(server, None) == "Invalid Path"
    response = await server.client.post("/api/v3/rootfolder", json={"path": 12})
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "path"
    response = await server.client.post("/api/v3/rootfolder", json={})
    assert response.status_code == 400


async def test_a_link_to_a_system_folder_is_refused(server: LiveServer, tmp_path: Path) -> None:
    link = tmp_path / "sneaky"
    link.symlink_to("/etc")
    assert await refused(server, str(link)) == f"Path '{link}' is set to system folder /etc"


async def test_the_data_folder_its_parent_and_its_children_are_refused(server: LiveServer) -> None:
    data = server.services.settings.data_dir
    (data / "inside").mkdir(parents=True, exist_ok=True)
    tmp_path = data.parent
    assert await refused(server, str(data)) == f"Path '{data}' is set to Reelarr's data folder '{data}'"
    assert (
        await refused(server, str(data / "inside"))
        == f"Path '{data / 'inside'}' is child of Reelarr's data folder '{data}'"
    )
    assert await refused(server, str(tmp_path)) == (
        f"Path '{tmp_path}' is ancestor of Reelarr's data folder '{data}'"
    )


async def test_nested_root_folders_are_refused(server: LiveServer, library: Path) -> None:
    (library / "Kids").mkdir()
    await add(server, library / "Kids")
    response = await server.client.post("/api/v3/rootfolder", json={"path": str(library)})
    assert response.status_code == 400
    assert response.json()[0]["errorMessage"] == (
        f"Path '{library}' is ancestor of root folder '{library / 'Kids'}'"
    )
    (library / "Kids" / "Cartoons").mkdir()
    response = await server.client.post(
        "/api/v3/rootfolder", json={"path": str(library / "Kids" / "Cartoons")}
    )
    assert response.json()[0]["errorMessage"] == (
        f"Path '{library / 'Kids' / 'Cartoons'}' is child of root folder '{library / 'Kids'}'"
    )
    assert len((await server.client.get("/api/v3/rootfolder")).json()) == 1


async def test_the_recycle_bin_is_refused(
    server: LiveServer, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def recycle_bin() -> str:
        return str(library)

    monkeypatch.setattr(server.services.root_folders, "recycle_bin", recycle_bin)
    assert await refused(server, str(library)) == f"Path '{library}' is set to configured recycle bin folder"


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody, root included, can create files in (immutable); skipped without chattr."""
    folder = tmp_path / "locked"
    folder.mkdir()
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        yield folder
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


async def test_a_folder_that_cannot_be_written_is_refused(server: LiveServer, read_only_folder: Path) -> None:
    message = await refused(server, str(read_only_folder))
    assert message.startswith(f"Folder '{read_only_folder}' is not writable by user '")
    assert os.listdir(read_only_folder) == []


async def test_adding_leaves_no_probe_file_behind(server: LiveServer, library: Path) -> None:
    await add(server, library)
    assert os.listdir(library) == []


async def test_two_adds_of_the_same_folder_at_once_make_one(server: LiveServer, library: Path) -> None:
    import asyncio

    responses = await asyncio.gather(
        *(server.client.post("/api/v3/rootfolder", json={"path": str(library)}) for _ in range(4))
    )
    assert sorted(r.status_code for r in responses) == [201, 400, 400, 400]
    assert len((await server.client.get("/api/v3/rootfolder")).json()) == 1
