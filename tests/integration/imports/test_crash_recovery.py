"""An import SIGKILLed after each step of its transfer loses no file: a live server's recovery finishes
it or undoes it, nothing half-written stays, and the file ends with the date and permissions the
media management options give it (a real process, SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import os
import signal
import stat
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from reelarr.imports.service import FinishedDownload
from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command

NEW = "The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv"
OLD = "The.Matrix.1999.1080p.WEB-DL.DD5.1.H.264-FLUX.mkv"


async def _crash(library: Library, database_url: str, movie_id: int, source: Path, step: str) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.support.crashing_import",
        database_url,
        str(library.root.parent / "crash-data"),
        str(movie_id),
        str(source),
        step,
        stderr=asyncio.subprocess.PIPE,
    )
    _out, errors = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == -signal.SIGKILL, errors.decode()


def _files(folder: Path) -> list[str]:
    return sorted(os.listdir(folder)) if folder.is_dir() else []


async def _film(library: Library, movie_id: int) -> dict[str, Any]:
    film: dict[str, Any] = (await library.server.client.get(f"/api/v3/movie/{movie_id}")).json()
    return film


@pytest.mark.parametrize(
    "step", ["stage", "retire", "commit", "settle_attributes", "release_source", "record_import"]
)
async def test_an_import_killed_mid_way_is_finished_or_undone_without_losing_a_file(
    library: Library, database_url: str, sample_media: SampleMedia, tmp_path: Path, step: str
) -> None:
    client = library.server.client
    recycle = tmp_path / "recycle"
    recycle.mkdir()
    media = (await client.get("/api/v3/config/mediamanagement")).json()
    assert (
        await client.put(
            "/api/v3/config/mediamanagement/1",
            json={
                **media,
                "recycleBin": str(recycle),
                "fileDate": "cinemas",
                "setPermissionsLinux": True,
                "chmodFolder": "750",
            },
        )
    ).is_success
    profile = (await client.get("/api/v3/qualityprofile/4")).json()
    assert (await client.put("/api/v3/qualityprofile/4", json={**profile, "upgradeAllowed": True})).is_success
    movie = await add_movie(library)
    folder = Path(movie["path"])
    sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / OLD)
    assert (await run_command(library, "RescanMovie", movieId=movie["id"]))["status"] == "completed"
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes() + b"new"
    source = tmp_path / "downloads" / NEW
    source.parent.mkdir()
    source.write_bytes(content)

    await _crash(library, database_url, movie["id"], source, step)
    importer = library.server.services.importer
    assert await importer.recover() == 1
    assert await importer.recover() == 0  # the journal is clear

    film = await _film(library, movie["id"])
    assert not any(name.endswith(".partial~") for name in _files(folder))
    if step == "stage":
        # Undone: the old file is still the film's, the download untouched, and it imports again.
        assert _files(folder) == [OLD]
        assert film["movieFile"]["relativePath"] == OLD
        assert source.read_bytes() == content
        download = FinishedDownload(movie["id"], "AGAIN", NEW, str(source), move=True)
        assert (await importer.import_download(download, ())).imported is not None
        film = await _film(library, movie["id"])
    # Finished: the new file is the film's, the old one in the recycle bin, the source moved away.
    assert _files(folder) == [NEW]
    assert (folder / NEW).read_bytes() == content
    assert film["movieFile"]["relativePath"] == NEW
    assert _files(recycle / folder.name) == [OLD]
    assert not source.exists()
    history = (await client.get("/api/v3/history/movie", params={"movieId": movie["id"]})).json()
    assert sorted(e["eventType"] for e in history) == ["downloadFolderImported", "movieFileDeleted"]
    # The options applied once the file was in place (again by recovery, harmlessly).
    in_cinemas = datetime.fromisoformat(film["inCinemas"].replace("Z", "+00:00"))
    imported, movie_folder = os.stat(folder / NEW), os.stat(folder)
    assert imported.st_mtime == datetime(*in_cinemas.timetuple()[:3], tzinfo=UTC).timestamp()
    assert stat.S_IMODE(imported.st_mode) == 0o640
    assert stat.S_IMODE(movie_folder.st_mode) == 0o750


async def test_a_script_import_killed_before_its_journal_moved_on_is_finished(
    library: Library, database_url: str, sample_media: SampleMedia, tmp_path: Path
) -> None:
    client = library.server.client
    script = tmp_path / "import.sh"
    script.write_text('#!/bin/sh\nmv "$1" "$2"\necho "[MoveStatus] MoveComplete"\n')
    script.chmod(0o755)
    media = (await client.get("/api/v3/config/mediamanagement")).json()
    changes = {"useScriptImport": True, "scriptImportPath": str(script)}
    assert (await client.put("/api/v3/config/mediamanagement/1", json={**media, **changes})).is_success
    movie = await add_movie(library)
    folder = Path(movie["path"])
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    source = tmp_path / "downloads" / NEW
    source.parent.mkdir()
    source.write_bytes(content)

    # The script moved the file (the only copy now) and the journal still says "staging".
    await _crash(library, database_url, movie["id"], source, "place_by_script")
    importer = library.server.services.importer
    assert await importer.recover() == 1

    assert _files(folder) == [NEW]
    assert (folder / NEW).read_bytes() == content
    assert not source.exists()
    assert (await _film(library, movie["id"]))["movieFile"]["relativePath"] == NEW
