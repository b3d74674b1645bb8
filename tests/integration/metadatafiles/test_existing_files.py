"""Metadata files already in a film's folder (written by Radarr, or by a writer before): a rescan
records each as its writer's, leaves a user's files as theirs, and an enabled writer then keeps its
own files current and moves them with a rename (SQLite and PostgreSQL, a real server, real files)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import select

from reelarr.extras.tables import ExtraFileRow
from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.metadatafiles.test_kodi_files import _enable
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, refreshed, run_command
from tests.support.waiting import eventually

VIDEO = "The.Matrix.1999.1080p.BluRay.x264-GROUP"
# What Radarr's Kodi writer puts in a .nfo (shortened): Kodi's <movie> element.
RADARR_NFO = '<?xml version="1.0" encoding="utf-8"?>\n<movie>\n  <title>Old</title>\n</movie>'
RADARR_FILES = {
    "movie.nfo": RADARR_NFO,
    "poster.jpg": "poster bytes",
    "fanart.jpg": "fanart bytes",
    f"{VIDEO}-thumb.jpg": "thumb bytes",
    "movie.xml": "<Movie><LocalTitle>Old</LocalTitle></Movie>",
    "folder.jpg": "wdtv poster",
    f"{VIDEO}.xml": "<video><title>Old</title></video>",
}
USER_FILES = {"release.nfo": "Ripped by GROUP, greetings", "cover.jpg": "mine"}


def _lay_out(folder: Path, media: SampleMedia, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / f"{VIDEO}.mkv")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def _nfos(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.nfo"))


async def _film_in_a_radarr_folder(
    library: Library, media: SampleMedia, files: dict[str, str]
) -> dict[str, Any]:
    movie = await add_movie(library)
    await refreshed(library)
    _lay_out(Path(movie["path"]), media, files)
    return movie


async def _rescan(library: Library, movie: dict[str, Any]) -> None:
    command = await run_command(library, "RescanMovie", movieId=movie["id"])
    assert command["status"] == "completed", command


async def _extras(library: Library, movie_id: int) -> dict[str, tuple[str, int | None]]:
    response = await library.server.client.get("/api/v3/extrafile", params={"movieId": movie_id})
    assert response.status_code == 200, response.text
    return {e["relativePath"]: (e["type"], e["movieFileId"]) for e in response.json()}


async def test_a_rescan_records_radarr_s_metadata_files_as_their_writer_s_and_leaves_them_be(
    library: Library, sample_media: SampleMedia
) -> None:
    movie = await _film_in_a_radarr_folder(library, sample_media, {**RADARR_FILES, **USER_FILES})
    folder = Path(movie["path"])
    before = {name: os.stat(folder / name).st_mtime_ns for name in RADARR_FILES}

    await _rescan(library, movie)

    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    video_id = film["movieFile"]["id"]
    assert await _extras(library, movie["id"]) == {
        **dict.fromkeys(RADARR_FILES, ("metadata", video_id)),
        "release.nfo": ("other", video_id),  # a release's notes: not Kodi's XML
    }
    query = select(ExtraFileRow.relative_path, ExtraFileRow.title).where(
        ExtraFileRow.movie_id == movie["id"], ExtraFileRow.type == "metadata"
    )
    async with library.server.services.db.read() as session:
        writers = {row.relative_path: row.title for row in (await session.execute(query)).all()}
    assert writers == {
        "movie.nfo": "XbmcMetadata",
        "poster.jpg": "XbmcMetadata",
        "fanart.jpg": "XbmcMetadata",
        f"{VIDEO}-thumb.jpg": "XbmcMetadata",
        "movie.xml": "MediaBrowserMetadata",
        "folder.jpg": "WdtvMetadata",
        f"{VIDEO}.xml": "RoksboxMetadata",
    }
    # No writer is enabled: nothing is rewritten.
    assert {name: os.stat(folder / name).st_mtime_ns for name in RADARR_FILES} == before

    await _rescan(library, movie)

    assert len(await _extras(library, movie["id"])) == len(RADARR_FILES) + 1


async def test_an_enabled_writer_keeps_the_nfo_radarr_wrote_current_and_moves_it_with_a_rename(
    library: Library, sample_media: SampleMedia
) -> None:
    client = library.server.client
    movie = await _film_in_a_radarr_folder(library, sample_media, {f"{VIDEO}.nfo": RADARR_NFO})
    folder = Path(movie["path"])
    await _enable(library)

    await _rescan(library, movie)

    async def current() -> bool:
        return "<title>Old</title>" not in (folder / f"{VIDEO}.nfo").read_text(encoding="utf-8")

    await eventually(current)
    assert (await _extras(library, movie["id"]))[f"{VIDEO}.nfo"][0] == "metadata"
    naming = (await client.get("/api/v3/config/naming")).json()
    body = {
        **naming,
        "renameMovies": True,
        "standardMovieFormat": "{Movie.Title}.{Release Year}.{Quality Full}",
    }
    assert (await client.put("/api/v3/config/naming/1", json=body)).is_success

    command = await run_command(library, "RenameMovie", movieIds=[movie["id"]])

    assert command["status"] == "completed", command
    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    renamed = os.path.splitext(film["movieFile"]["relativePath"])[0] + ".nfo"

    async def moved() -> list[str] | None:
        nfos = sorted(p for p in await _extras(library, movie["id"]) if p.endswith(".nfo"))
        return nfos if nfos == [renamed] else None

    assert await eventually(moved) == [renamed]
    assert _nfos(folder) == [renamed]
