"""RefreshMovie under the media management options: rescanAfterRefresh decides whether a refresh
rescans the film's folder, createEmptyMovieFolders makes a new film's folder (both databases)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from reelarr.jobs.model import CommandTrigger
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, refreshed, run_command
from tests.support.waiting import eventually

NAME = "The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv"


async def _options(library: Library, **changes: Any) -> None:
    client = library.server.client
    media = (await client.get("/api/v3/config/mediamanagement")).json()
    response = await client.put("/api/v3/config/mediamanagement/1", json={**media, **changes})
    assert response.status_code == 202, response.text


async def _added_and_settled(library: Library) -> dict[str, Any]:
    """A film added, once the refresh its adding queued has finished."""
    movie = await add_movie(library)
    await refreshed(library)
    return movie


async def _has_file(library: Library, movie_id: int) -> bool:
    film = (await library.server.client.get(f"/api/v3/movie/{movie_id}")).json()
    return bool(film["hasFile"])


def _mode(folder: str) -> int | None:
    """A folder's permission bits, None when it is not there."""
    return os.stat(folder).st_mode & 0o777 if os.path.isdir(folder) else None


def _another_film(library: Library) -> None:
    # A rescan leaves alone a film whose root folder is empty (an unmounted disk looks like that).
    (library.root / "Another Film (2001)").mkdir()


def _lay_file(folder: str) -> None:
    os.makedirs(folder, exist_ok=True)
    Path(folder, NAME).write_bytes(b"\0" * 4096)


@pytest.mark.parametrize(("policy", "rescanned"), [("always", True), ("afterManual", True), ("never", False)])
async def test_a_refresh_asked_for_by_a_person_rescans_as_the_option_says(
    library: Library, policy: str, rescanned: bool
) -> None:
    await _options(library, rescanAfterRefresh=policy)
    movie = await _added_and_settled(library)
    _lay_file(movie["path"])
    assert (await run_command(library, "RefreshMovie", movieIds=[movie["id"]]))["status"] == "completed"
    assert await _has_file(library, movie["id"]) is rescanned


async def test_a_scheduled_refresh_does_not_rescan_under_after_manual(library: Library) -> None:
    await _options(library, rescanAfterRefresh="afterManual")
    movie = await _added_and_settled(library)
    _lay_file(movie["path"])
    commands = library.server.services.commands
    queued = await commands.enqueue(
        "RefreshMovie", {"movieIds": [movie["id"]]}, trigger=CommandTrigger.SCHEDULED
    )

    async def finished() -> dict[str, Any] | None:
        command: dict[str, Any] = (await library.server.client.get(f"/api/v3/command/{queued.id}")).json()
        return command if command["status"] in ("completed", "failed") else None

    assert (await eventually(finished, within=30))["status"] == "completed"
    assert not await _has_file(library, movie["id"])


async def test_a_new_film_is_scanned_even_when_refreshes_never_rescan(library: Library) -> None:
    await _options(library, rescanAfterRefresh="never")
    body = {"tmdbId": 603, "qualityProfileId": 4, "rootFolderPath": str(library.root), "monitored": True}
    _lay_file(str(library.root / "The Matrix (1999)"))
    response = await library.server.client.post("/api/v3/movie", json=body)
    assert response.status_code == 201, response.text
    movie_id = response.json()["id"]
    await eventually(lambda: _has_file(library, movie_id), within=30)


async def test_a_new_films_folder_is_created_when_asked(library: Library) -> None:
    _another_film(library)
    await _options(library, createEmptyMovieFolders=True, setPermissionsLinux=True, chmodFolder="750")
    movie = await _added_and_settled(library)
    assert _mode(movie["path"]) == 0o750


async def test_no_folder_is_created_when_empty_folders_are_deleted(library: Library) -> None:
    await _options(library, createEmptyMovieFolders=True, deleteEmptyFolders=True)
    _another_film(library)
    movie = await _added_and_settled(library)
    assert _mode(movie["path"]) is None


async def test_no_folder_is_created_by_default(library: Library) -> None:
    _another_film(library)
    movie = await _added_and_settled(library)
    assert _mode(movie["path"]) is None
