"""Extra files: carried in beside an imported video under its new name, listed by /api/v3/extrafile,
renamed with the video, never overwriting (SQLite and PostgreSQL, a real server and real files)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reelarr.imports.service import FinishedDownload
from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, refreshed, run_command

RELEASE = "The.Matrix.1999.1080p.BluRay.x264-GROUP"
IMPORTED = "The Matrix (1999) Bluray-1080p"
RENAMED = "The.Matrix.1999.Bluray-1080p"


async def _configure(library: Library, *, extras: bool, extensions: str = "srt,nfo") -> None:
    client = library.server.client
    naming = (await client.get("/api/v3/config/naming")).json()
    body = {
        **naming,
        "renameMovies": True,
        "standardMovieFormat": "{Movie Title} ({Release Year}) {Quality Full}",
    }
    assert (await client.put("/api/v3/config/naming/1", json=body)).is_success
    media = (await client.get("/api/v3/config/mediamanagement")).json()
    body = {**media, "importExtraFiles": extras, "extraFileExtensions": extensions}
    response = await client.put("/api/v3/config/mediamanagement/1", json=body)
    assert response.is_success, response.text


def _download(folder: Path, media: SampleMedia, release: str = RELEASE) -> Path:
    """A finished download: the video, English and forced French subtitles, an .nfo and a stray .txt."""
    folder.mkdir(parents=True)
    media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / f"{release}.mkv")
    (folder / f"{release}.en.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nHello\n")
    (folder / f"{release}.fr.forced.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nBonjour\n")
    (folder / f"{release}.nfo").write_text("release notes")
    (folder / "notes.txt").write_text("not wanted")
    return folder


async def _import(
    library: Library, movie: dict[str, Any], folder: Path, release: str = RELEASE, *, move: bool = False
) -> None:
    download = FinishedDownload(movie["id"], f"EXTRAS-{release}", release, str(folder), move=move)
    result = await library.server.services.importer.import_download(download, ())
    assert result.imported is not None, result.messages


async def _extras(library: Library, movie_id: int) -> list[dict[str, Any]]:
    response = await library.server.client.get("/api/v3/extrafile", params={"movieId": movie_id})
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()
    return found


async def test_an_import_carries_the_wanted_extras_in_under_the_new_name(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _configure(library, extras=True)
    movie = await add_movie(library)
    folder = Path(movie["path"])

    await _import(library, movie, _download(tmp_path / "downloads" / RELEASE, sample_media))

    assert sorted(os.listdir(folder)) == sorted(
        [f"{IMPORTED}.mkv", f"{IMPORTED}.en.srt", f"{IMPORTED}.fr.forced.srt", f"{IMPORTED}.nfo"]
    )
    assert (folder / f"{IMPORTED}.en.srt").read_text().endswith("Hello\n")
    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    file_id = film["movieFile"]["id"]
    extras = await _extras(library, movie["id"])
    assert [(e["relativePath"], e["type"], e["extension"], e["languageTags"]) for e in extras] == [
        (f"{IMPORTED}.en.srt", "subtitle", ".srt", []),
        (f"{IMPORTED}.fr.forced.srt", "subtitle", ".srt", ["forced"]),
        (f"{IMPORTED}.nfo", "other", ".nfo", None),
    ]
    assert all(e["movieId"] == movie["id"] and e["movieFileId"] == file_id for e in extras)
    assert (tmp_path / "downloads" / RELEASE / f"{RELEASE}.en.srt").exists()  # copied: the client seeds


async def test_a_moved_download_s_extras_are_moved_too(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _configure(library, extras=True, extensions="srt")
    movie = await add_movie(library)
    download = _download(tmp_path / "downloads" / RELEASE, sample_media)

    await _import(library, movie, download, move=True)

    assert sorted(os.listdir(movie["path"])) == sorted(
        [f"{IMPORTED}.mkv", f"{IMPORTED}.en.srt", f"{IMPORTED}.fr.forced.srt"]
    )
    assert sorted(os.listdir(download)) == [f"{RELEASE}.nfo", "notes.txt"]


def _download_with_film_subtitles(folder: Path, media: SampleMedia, release: str) -> Path:
    """A download whose subtitles name the film and year, not the video, and one of another film."""
    folder.mkdir(parents=True)
    media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / f"{release}.mkv")
    (folder / "The.Matrix.1999.en.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nHello\n")
    (folder / "The.Matrix.Reloaded.2003.en.srt").write_text("another film")
    return folder


async def test_an_import_takes_the_subtitles_naming_the_same_film_and_year(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _configure(library, extras=True, extensions="srt")
    movie = await add_movie(library)
    release = "The.Matrix.1999.1080p.WEB-DL.x264-GROUP"
    download = _download_with_film_subtitles(tmp_path / "downloads" / release, sample_media, release)

    await _import(library, movie, download, release)

    imported = "The Matrix (1999) WEBDL-1080p"
    assert sorted(os.listdir(movie["path"])) == sorted([f"{imported}.mkv", f"{imported}.en.srt"])
    extras = await _extras(library, movie["id"])
    assert [(e["relativePath"], e["language"]["name"]) for e in extras] == [(f"{imported}.en.srt", "English")]


async def test_extras_stay_behind_when_importing_them_is_off(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _configure(library, extras=False)
    movie = await add_movie(library)

    await _import(library, movie, _download(tmp_path / "downloads" / RELEASE, sample_media))

    assert os.listdir(movie["path"]) == [f"{IMPORTED}.mkv"]
    assert await _extras(library, movie["id"]) == []


async def test_a_rename_renames_the_extras_with_their_video(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    client = library.server.client
    await _configure(library, extras=True)
    movie = await add_movie(library)
    # The add's refresh rescans the folder: finished, so that it cannot take the file placed below
    # for an extra of the film.
    await refreshed(library)
    folder = Path(movie["path"])
    await _import(library, movie, _download(tmp_path / "downloads" / RELEASE, sample_media))
    naming = (await client.get("/api/v3/config/naming")).json()
    fmt = "{Movie.Title}.{Release Year}.{Quality Full}"
    assert (
        await client.put("/api/v3/config/naming/1", json={**naming, "standardMovieFormat": fmt})
    ).is_success
    # Someone else's file already has the forced subtitle's new name: it is left alone.
    (folder / f"{RENAMED}.fr.forced.srt").write_text("theirs")

    command = await run_command(library, "RenameMovie", movieIds=[movie["id"]])

    assert command["status"] == "completed", command
    assert sorted(os.listdir(folder)) == sorted(
        [
            f"{RENAMED}.mkv",
            f"{RENAMED}.en.srt",
            f"{RENAMED}.nfo",
            f"{RENAMED}.fr.forced.srt",
            f"{IMPORTED}.fr.forced.srt",
        ]
    )
    assert (folder / f"{RENAMED}.fr.forced.srt").read_text() == "theirs"
    paths = sorted(e["relativePath"] for e in await _extras(library, movie["id"]))
    assert paths == sorted([f"{RENAMED}.en.srt", f"{IMPORTED}.fr.forced.srt", f"{RENAMED}.nfo"])


async def test_an_upgrade_retires_the_old_video_s_extras_and_brings_the_new_ones(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    client = library.server.client
    await _configure(library, extras=True, extensions="srt")
    recycle = tmp_path / "recycle"
    recycle.mkdir()
    media = (await client.get("/api/v3/config/mediamanagement")).json()
    assert (
        await client.put("/api/v3/config/mediamanagement/1", json={**media, "recycleBin": str(recycle)})
    ).is_success
    profile = (await client.get("/api/v3/qualityprofile/4")).json()
    assert (await client.put("/api/v3/qualityprofile/4", json={**profile, "upgradeAllowed": True})).is_success
    movie = await add_movie(library)
    folder = Path(movie["path"])
    web = "The.Matrix.1999.1080p.WEB-DL.DD5.1.H.264-FLUX"
    await _import(library, movie, _download(tmp_path / "first" / web, sample_media, web), web)
    old = "The Matrix (1999) WEBDL-1080p"
    assert f"{old}.en.srt" in os.listdir(folder)
    upgrade = _download(tmp_path / "second" / RELEASE, sample_media)
    with (upgrade / f"{RELEASE}.mkv").open("ab") as video:
        video.write(b"better")

    await _import(library, movie, upgrade)

    assert sorted(os.listdir(folder)) == sorted(
        [f"{IMPORTED}.mkv", f"{IMPORTED}.en.srt", f"{IMPORTED}.fr.forced.srt"]
    )
    assert sorted(os.listdir(recycle / folder.name)) == sorted(
        [f"{old}.mkv", f"{old}.en.srt", f"{old}.fr.forced.srt"]
    )
    paths = [e["relativePath"] for e in await _extras(library, movie["id"])]
    assert paths == [f"{IMPORTED}.en.srt", f"{IMPORTED}.fr.forced.srt"]


async def test_extrafile_requires_a_movie_id(library: Library) -> None:
    client = library.server.client
    for params in ({}, {"movieId": "x"}):
        response = await client.get("/api/v3/extrafile", params=params)
        assert response.status_code == 400, response.text
    assert (await client.get("/api/v3/extrafile", params={"movieId": 999999})).json() == []
    assert (await client.get("/api/v3/extrafile", params={"movieId": 2**40})).json() == []
