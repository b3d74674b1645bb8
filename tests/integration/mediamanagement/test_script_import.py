"""Script import: the user's script places the file instead of the transfer, told Radarr's variables,
and its `[MoveStatus]` line says what it did (real shell scripts, both databases)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from reelarr.imports.service import FinishedDownload
from reelarr.imports.transfer import TransferError
from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie

TITLE = "The.Matrix.1999.1080p.BluRay.x264-GROUP"


def _script(folder: Path, body: str) -> Path:
    """A shell script that records its arguments and variables beside itself, then runs `body`."""
    script = folder / "import.sh"
    seen = folder / "seen.txt"
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n%s\\n%s\\n%s\\n" "$1" "$2" "$radarr_movie_id" "$radarr_sourcepath" > "{seen}"\n'
        f"{body}\n"
    )
    script.chmod(0o755)
    return script


async def _use(library: Library, script: Path) -> None:
    client = library.server.client
    media = (await client.get("/api/v3/config/mediamanagement")).json()
    changes = {"useScriptImport": True, "scriptImportPath": str(script)}
    response = await client.put("/api/v3/config/mediamanagement/1", json={**media, **changes})
    assert response.status_code == 202, response.text


def _source(tmp_path: Path, sample_media: SampleMedia) -> Path:
    source = tmp_path / "downloads" / TITLE / f"{TITLE}.mkv"
    source.parent.mkdir(parents=True)
    sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, source)
    return source


async def _import(library: Library, movie: dict[str, Any], source: Path) -> dict[str, Any]:
    download = FinishedDownload(movie["id"], "SCRIPT-1", TITLE, str(source.parent), move=True)
    result = await library.server.services.importer.import_download(download, ())
    assert result.imported is not None, result.messages
    film: dict[str, Any] = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    return film


def _is_file(path: str) -> bool:
    return os.path.isfile(path)


def _read(path: Path) -> list[str]:
    return path.read_text().splitlines()


async def test_a_script_that_copies_places_the_file_and_keeps_the_download(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _use(library, _script(tmp_path, 'cp "$1" "$2" && echo "[MoveStatus] CopyComplete"'))
    movie = await add_movie(library)
    source = _source(tmp_path, sample_media)
    film = await _import(library, movie, source)
    destination = film["movieFile"]["path"]
    assert _read(tmp_path / "seen.txt") == [str(source), destination, str(movie["id"]), str(source)]
    assert _is_file(destination)
    assert source.exists()  # copied by the script: neither the file nor its folder is removed
    assert not any(name.endswith(".partial~") for name in os.listdir(movie["path"]))


async def test_a_script_that_moves_leaves_nothing_behind(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _use(library, _script(tmp_path, 'mv "$1" "$2"'))  # no status line: MoveComplete
    movie = await add_movie(library)
    source = _source(tmp_path, sample_media)
    film = await _import(library, movie, source)
    assert _is_file(film["movieFile"]["path"])
    assert not source.exists()


async def test_a_deferring_script_leaves_the_transfer_to_the_import(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _use(library, _script(tmp_path, 'echo "[MoveStatus] DeferMove"'))
    movie = await add_movie(library)
    source = _source(tmp_path, sample_media)
    film = await _import(library, movie, source)
    assert _is_file(film["movieFile"]["path"])
    assert not source.exists()  # moved by the import itself
    assert (tmp_path / "seen.txt").exists()


async def test_a_failing_script_imports_nothing_and_keeps_the_download(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _use(library, _script(tmp_path, 'cp "$1" "$2"; exit 3'))
    movie = await add_movie(library)
    source = _source(tmp_path, sample_media)
    download = FinishedDownload(movie["id"], "SCRIPT-1", TITLE, str(source.parent), move=True)
    with pytest.raises(TransferError, match="non-zero exit code: 3"):
        await library.server.services.importer.import_download(download, ())
    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert not film["hasFile"]
    assert source.exists()
    assert os.listdir(movie["path"]) == []  # the script's copy was taken away
