"""Renaming a film's existing file: the preview, the RenameFiles and RenameMovie commands, history, and
never overwriting another file (SQLite and PostgreSQL, a real server and real files)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command

RAW = "matrix raw rip.mkv"
NAMED = "The Matrix (1999) Bluray-1080p.mkv"


async def _film_with_file(library: Library, media: SampleMedia, name: str = RAW) -> dict[str, Any]:
    """A film whose folder holds one video under `name`, recorded by a rescan, with renaming on."""
    client = library.server.client
    naming = (await client.get("/api/v3/config/naming")).json()
    fmt = "{Movie Title} ({Release Year}) {Quality Full}"
    response = await client.put(
        "/api/v3/config/naming/1", json={**naming, "renameMovies": True, "standardMovieFormat": fmt}
    )
    assert response.is_success, response.text
    movie = await add_movie(library)
    media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, Path(movie["path"]) / name)
    assert (await run_command(library, "RescanMovie", movieId=movie["id"]))["status"] == "completed"
    film: dict[str, Any] = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert film["movieFile"]["relativePath"] == name
    return film


async def _set_quality(library: Library, file_id: int) -> None:
    """Record the file as Bluray-1080p, so that its new name is known."""
    client = library.server.client
    file = (await client.get(f"/api/v3/moviefile/{file_id}")).json()
    quality = {"quality": {"id": 7, "name": "Bluray-1080p"}, "revision": {"version": 1, "real": 0}}
    response = await client.put(f"/api/v3/moviefile/{file_id}", json={**file, "quality": quality})
    assert response.is_success, response.text


async def test_the_preview_lists_the_new_name_relative_to_the_movie_folder(
    library: Library, sample_media: SampleMedia
) -> None:
    film = await _film_with_file(library, sample_media)
    file_id = film["movieFile"]["id"]
    await _set_quality(library, file_id)
    response = await library.server.client.get("/api/v3/rename", params={"movieId": film["id"]})
    assert response.status_code == 200
    assert response.json() == [
        {"movieId": film["id"], "movieFileId": file_id, "existingPath": RAW, "newPath": NAMED}
    ]


async def test_rename_files_renames_the_file_on_disk_and_in_the_database_and_records_history(
    library: Library, sample_media: SampleMedia
) -> None:
    client = library.server.client
    film = await _film_with_file(library, sample_media)
    folder = Path(film["path"])
    file_id = film["movieFile"]["id"]
    await _set_quality(library, file_id)
    content = (folder / RAW).read_bytes()

    command = await run_command(library, "RenameFiles", movieId=film["id"], files=[file_id])

    assert command["status"] == "completed", command
    assert sorted(os.listdir(folder)) == [NAMED]
    assert (folder / NAMED).read_bytes() == content
    assert (await client.get(f"/api/v3/moviefile/{file_id}")).json()["relativePath"] == NAMED
    assert (await client.get("/api/v3/rename", params={"movieId": film["id"]})).json() == []
    history = (await client.get("/api/v3/history/movie", params={"movieId": film["id"]})).json()
    [renamed] = [e for e in history if e["eventType"] == "movieFileRenamed"]
    assert renamed["sourceTitle"] == str(folder / RAW)
    assert renamed["data"]["sourceRelativePath"] == RAW
    assert renamed["data"]["relativePath"] == NAMED
    assert renamed["data"]["path"] == str(folder / NAMED)


async def test_rename_movie_renames_every_file_of_the_films(
    library: Library, sample_media: SampleMedia
) -> None:
    film = await _film_with_file(library, sample_media)
    await _set_quality(library, film["movieFile"]["id"])

    command = await run_command(library, "RenameMovie", movieIds=[film["id"]])

    assert command["status"] == "completed", command
    assert sorted(os.listdir(film["path"])) == [NAMED]
    movie = (await library.server.client.get(f"/api/v3/movie/{film['id']}")).json()
    assert movie["movieFile"]["relativePath"] == NAMED


async def test_a_rename_never_overwrites_a_file_that_has_the_new_name(
    library: Library, sample_media: SampleMedia
) -> None:
    client = library.server.client
    film = await _film_with_file(library, sample_media)
    folder = Path(film["path"])
    file_id = film["movieFile"]["id"]
    await _set_quality(library, file_id)
    (folder / NAMED).write_bytes(b"someone else's file")

    command = await run_command(library, "RenameFiles", movieId=film["id"], files=[file_id])

    assert command["status"] == "completed", command
    assert (folder / NAMED).read_bytes() == b"someone else's file"
    assert (folder / RAW).is_file()
    assert (await client.get(f"/api/v3/moviefile/{file_id}")).json()["relativePath"] == RAW
    history = (await client.get("/api/v3/history/movie", params={"movieId": film["id"]})).json()
    assert not [e for e in history if e["eventType"] == "movieFileRenamed"]


async def test_renaming_with_renaming_off_changes_nothing(
    library: Library, sample_media: SampleMedia
) -> None:
    client = library.server.client
    film = await _film_with_file(library, sample_media)
    naming = (await client.get("/api/v3/config/naming")).json()
    assert (await client.put("/api/v3/config/naming/1", json={**naming, "renameMovies": False})).is_success

    assert (await client.get("/api/v3/rename", params={"movieId": film["id"]})).json() == []
    command = await run_command(library, "RenameMovie", movieIds=[film["id"]])
    assert command["status"] == "completed"
    assert os.listdir(film["path"]) == [RAW]


async def test_bad_rename_requests_are_400_and_unknown_films_have_nothing_to_rename(library: Library) -> None:
    client = library.server.client
    for params in ({}, {"movieId": "abc"}):
        response = await client.get("/api/v3/rename", params=params)
        assert response.status_code == 400, response.text
        assert response.json()[0]["propertyName"] == "movieId"
    assert (await client.get("/api/v3/rename", params={"movieId": 999999})).json() == []
    assert (await client.get("/api/v3/rename", params={"movieId": 2**40})).json() == []
    bad = await client.post("/api/v3/command", json={"name": "RenameFiles", "movieId": "x", "files": [1]})
    assert bad.status_code == 400, bad.text
    missing = await client.post("/api/v3/command", json={"name": "RenameFiles", "files": [1]})
    assert missing.status_code == 400, missing.text


async def test_rename_files_of_an_unknown_film_fails_with_its_reason(library: Library) -> None:
    command = await run_command(library, "RenameFiles", movieId=424242, files=[1])
    assert command["status"] == "failed"
    assert "424242" in (command["message"] or command["exception"] or "")
