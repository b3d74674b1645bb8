"""Extra files already beside a film's video: recorded by a rescan with their language, forgotten
when they leave the folder (SQLite and PostgreSQL, a real server and real files)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import websockets

from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command
from tests.support.live import API_KEY

VIDEO = "The.Matrix.1999.1080p.BluRay.x264-GROUP"


def _lay_out(folder: Path, media: SampleMedia | None, names: tuple[str, ...]) -> None:
    """A film folder holding the video (when media is given) and these small files."""
    folder.mkdir(parents=True, exist_ok=True)
    if media is not None:
        media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / f"{VIDEO}.mkv")
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("1\n00:00:01,000 --> 00:00:02,000\nHello\n")


async def _film_with_files(library: Library, media: SampleMedia, *names: str) -> dict[str, Any]:
    movie = await add_movie(library)
    _lay_out(Path(movie["path"]), media, names)
    return movie


async def _rescan(library: Library, movie: dict[str, Any]) -> None:
    command = await run_command(library, "RescanMovie", movieId=movie["id"])
    assert command["status"] == "completed", command


async def _extras(library: Library, movie_id: int) -> list[dict[str, Any]]:
    response = await library.server.client.get("/api/v3/extrafile", params={"movieId": movie_id})
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()
    return found


async def test_a_rescan_records_the_subtitles_beside_the_video_with_their_language(
    library: Library, sample_media: SampleMedia
) -> None:
    movie = await _film_with_files(
        library, sample_media, f"{VIDEO}.en.srt", f"{VIDEO}.eng.forced.srt", f"Subs/{VIDEO}.fr.sdh.ass"
    )

    await _rescan(library, movie)

    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    extras = await _extras(library, movie["id"])
    assert [
        (e["relativePath"], e["type"], e["extension"], e["language"]["name"], e["languageTags"])
        for e in extras
    ] == [
        (f"Subs/{VIDEO}.fr.sdh.ass", "subtitle", ".ass", "French", ["sdh"]),
        (f"{VIDEO}.en.srt", "subtitle", ".srt", "English", []),
        (f"{VIDEO}.eng.forced.srt", "subtitle", ".srt", "English", ["forced"]),
    ]
    assert {e["movieFileId"] for e in extras} == {film["movieFile"]["id"]}
    assert {e["movieId"] for e in extras} == {movie["id"]}


async def test_a_rescan_records_an_nfo_and_the_wanted_extensions_as_other_files(
    library: Library, sample_media: SampleMedia
) -> None:
    client = library.server.client
    media = (await client.get("/api/v3/config/mediamanagement")).json()
    body = {**media, "extraFileExtensions": "srt,jpg"}
    assert (await client.put("/api/v3/config/mediamanagement/1", json=body)).is_success
    # Neither file is a metadata writer's (a release's notes, an image no writer names so).
    movie = await _film_with_files(library, sample_media, "movie.nfo", "cover.jpg", "notes.doc")

    await _rescan(library, movie)

    extras = await _extras(library, movie["id"])
    assert [(e["relativePath"], e["type"], e["language"]) for e in extras] == [
        ("cover.jpg", "other", None),
        ("movie.nfo", "other", None),
    ]


async def test_a_rescan_forgets_extras_gone_from_the_folder_and_keeps_the_others(
    library: Library, sample_media: SampleMedia
) -> None:
    movie = await _film_with_files(library, sample_media, f"{VIDEO}.en.srt", f"{VIDEO}.de.srt")
    await _rescan(library, movie)
    kept = {e["relativePath"]: e["id"] for e in await _extras(library, movie["id"])}

    (Path(movie["path"]) / f"{VIDEO}.de.srt").unlink()
    await _rescan(library, movie)

    extras = await _extras(library, movie["id"])
    assert [(e["relativePath"], e["id"]) for e in extras] == [(f"{VIDEO}.en.srt", kept[f"{VIDEO}.en.srt"])]


async def test_a_second_rescan_records_nothing_twice(library: Library, sample_media: SampleMedia) -> None:
    movie = await _film_with_files(library, sample_media, f"{VIDEO}.en.srt")

    await _rescan(library, movie)
    await _rescan(library, movie)

    assert len(await _extras(library, movie["id"])) == 1


async def test_without_a_video_a_rescan_records_no_extras(library: Library) -> None:
    movie = await add_movie(library)
    _lay_out(Path(movie["path"]), None, (f"{VIDEO}.en.srt",))

    await _rescan(library, movie)

    assert await _extras(library, movie["id"]) == []


async def test_extras_in_passed_over_folders_are_not_recorded(
    library: Library, sample_media: SampleMedia
) -> None:
    movie = await _film_with_files(library, sample_media, "Extras/commentary.en.srt", ".hidden.en.srt")

    await _rescan(library, movie)

    assert await _extras(library, movie["id"]) == []


async def test_the_ui_hears_over_ws_when_a_rescan_changes_a_film_s_extras(
    library: Library, sample_media: SampleMedia
) -> None:
    url = library.server.url.replace("http://", "ws://") + f"/ws?access_token={API_KEY}"
    async with websockets.connect(url, open_timeout=10) as ws:
        # Whichever rescan records the subtitle first (the refresh after adding, or this one) says so.
        movie = await _film_with_files(library, sample_media, f"{VIDEO}.en.srt")
        await _rescan(library, movie)

        async with asyncio.timeout(30):
            while (message := json.loads(await ws.recv(decode=True)))["name"] != "extrafile":
                continue

    assert message == {"name": "extrafile", "action": "updated", "resource": {"movieId": movie["id"]}}
