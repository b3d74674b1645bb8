"""Kodi's metadata written for real: a .nfo and the images beside an imported video, rewritten by a
refresh, moved with a rename, removed with the video, and never over a user's own file; the other
writers' files, and none of Kometa's (SQLite and PostgreSQL, a real server, the fixture TMDB and a
real sample video)."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from reelarr.imports.service import FinishedDownload
from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, refreshed, run_command
from tests.support.waiting import eventually

RELEASE = "The.Matrix.1999.1080p.BluRay.x264-GROUP"


async def _enable(library: Library, implementation: str = "XbmcMetadata", **settings: Any) -> dict[str, Any]:
    """Switch on the writer every server lists (disabled, from its start), as the UI does."""
    client = library.server.client
    listed = (await client.get("/api/v3/metadata")).json()
    writer = next(p for p in listed if p["implementation"] == implementation)
    fields = [{**f, "value": settings.get(f["name"], f.get("value"))} for f in writer["fields"]]
    body = {**writer, "enable": True, "fields": fields}
    response = await client.put(f"/api/v3/metadata/{writer['id']}", json=body)
    assert response.status_code == 202, response.text
    saved: dict[str, Any] = response.json()
    return saved


async def _film(library: Library) -> dict[str, Any]:
    movie = await add_movie(library)
    await refreshed(library)
    return movie


async def _import(library: Library, movie: dict[str, Any], downloads: Path, media: SampleMedia) -> str:
    folder = downloads / RELEASE
    folder.mkdir(parents=True)
    media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / f"{RELEASE}.mkv")
    download = FinishedDownload(movie["id"], f"KODI-{RELEASE}", RELEASE, str(folder), move=False)
    result = await library.server.services.importer.import_download(download, ())
    assert result.imported is not None, result.messages
    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    relative: str = film["movieFile"]["relativePath"]
    return relative


def _present(path: Path) -> Path | None:
    return path if path.exists() else None


async def _file(path: Path) -> Path:
    async def there() -> Path | None:
        return _present(path)

    return await eventually(there)


async def _metadata_extras(library: Library, movie_id: int) -> list[tuple[str, str]]:
    response = await library.server.client.get("/api/v3/extrafile", params={"movieId": movie_id})
    assert response.status_code == 200, response.text
    return sorted((e["relativePath"], e["type"]) for e in response.json() if e["type"] == "metadata")


async def test_an_import_writes_the_nfo_and_the_images_beside_the_video(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _enable(library)
    movie = await _film(library)
    folder = Path(movie["path"])

    video = await _import(library, movie, tmp_path / "downloads", sample_media)

    nfo = await _file(folder / (os.path.splitext(video)[0] + ".nfo"))
    root = ET.fromstring(nfo.read_text(encoding="utf-8"))
    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert root.tag == "movie"
    assert root.findtext("title") == film["title"]
    assert root.findtext("year") == str(film["year"])
    assert root.findtext("id") == str(film["tmdbId"])
    assert [u.text for u in root.findall("uniqueid")] == [str(film["tmdbId"]), film["imdbId"]]
    assert [g.text for g in root.findall("genre")] == film["genres"]
    assert root.find("fileinfo/streamdetails/video/width") is not None
    cached = Path(library.server.services.settings.data_dir) / "MediaCover" / str(movie["id"])
    for kind in ("poster", "fanart"):
        if (cached / f"{kind}.jpg").exists():
            assert (folder / f"{kind}.jpg").read_bytes() == (cached / f"{kind}.jpg").read_bytes()
    assert (folder / "poster.jpg").exists()
    recorded = await _metadata_extras(library, movie["id"])
    assert (os.path.splitext(video)[0] + ".nfo", "metadata") in recorded
    assert ("poster.jpg", "metadata") in recorded


async def test_a_refresh_rewrites_the_nfo(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _enable(library, useMovieNfo=True)
    movie = await _film(library)
    await _import(library, movie, tmp_path / "downloads", sample_media)
    nfo = await _file(Path(movie["path"]) / "movie.nfo")
    nfo.write_text("<movie><title>stale</title></movie>", encoding="utf-8")

    command = await run_command(library, "RefreshMovie", movieIds=[movie["id"]])

    assert command["status"] == "completed", command
    root = ET.fromstring(nfo.read_text(encoding="utf-8"))
    assert root.findtext("title") == movie["title"]


def _write_own_nfo(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "movie.nfo").write_text("my own notes", encoding="utf-8")


async def test_a_user_s_own_nfo_is_never_written_over(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _enable(library, useMovieNfo=True)
    movie = await _film(library)
    folder = Path(movie["path"])
    _write_own_nfo(folder)

    await _import(library, movie, tmp_path / "downloads", sample_media)
    await _file(folder / "poster.jpg")
    command = await run_command(library, "RefreshMovie", movieIds=[movie["id"]])

    assert command["status"] == "completed", command
    assert (folder / "movie.nfo").read_text(encoding="utf-8") == "my own notes"
    assert ("movie.nfo", "metadata") not in await _metadata_extras(library, movie["id"])


async def test_deleting_the_video_removes_only_what_reelarr_wrote(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _enable(library)
    movie = await _film(library)
    folder = Path(movie["path"])
    video = await _import(library, movie, tmp_path / "downloads", sample_media)
    await _file(folder / (os.path.splitext(video)[0] + ".nfo"))
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()

    response = await library.server.client.delete(f"/api/v3/moviefile/{film['movieFile']['id']}")

    assert response.is_success, response.text

    async def emptied() -> list[str] | None:
        left = sorted(os.listdir(folder))
        return left if left == ["notes.txt"] else None

    assert await eventually(emptied) == ["notes.txt"]
    assert await _metadata_extras(library, movie["id"]) == []


async def test_emby_s_movie_xml_is_written_beside_kodi_s_nfo(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _enable(library, useMovieNfo=True)
    await _enable(library, "MediaBrowserMetadata")
    movie = await _film(library)
    folder = Path(movie["path"])

    await _import(library, movie, tmp_path / "downloads", sample_media)

    xml = ET.fromstring((await _file(folder / "movie.xml")).read_text(encoding="utf-8"))
    assert (xml.tag, xml.findtext("LocalTitle"), xml.findtext("IMDB")) == (
        "Movie",
        movie["title"],
        movie["imdbId"],
    )
    assert (await _file(folder / "movie.nfo")).exists()
    recorded = await _metadata_extras(library, movie["id"])
    assert {("movie.xml", "metadata"), ("movie.nfo", "metadata")} <= set(recorded)


async def test_a_rename_moves_the_nfo_to_the_video_s_new_name(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    client = library.server.client
    await _enable(library)
    movie = await _film(library)
    folder = Path(movie["path"])
    video = await _import(library, movie, tmp_path / "downloads", sample_media)
    await _file(folder / (os.path.splitext(video)[0] + ".nfo"))
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
    renamed = os.path.splitext(film["movieFile"]["relativePath"])[0]
    assert renamed != os.path.splitext(video)[0]

    async def moved() -> list[str] | None:
        nfos = [p for p, _ in await _metadata_extras(library, movie["id"]) if p.endswith(".nfo")]
        return nfos if nfos == [f"{renamed}.nfo"] else None

    assert await eventually(moved) == [f"{renamed}.nfo"]
    nfo = folder / f"{renamed}.nfo"
    assert ET.fromstring(nfo.read_text(encoding="utf-8")).findtext("title") == movie["title"]
    assert not (folder / (os.path.splitext(video)[0] + ".nfo")).exists()


async def test_roksbox_and_wdtv_write_their_files_and_the_second_xml_gives_way(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _enable(library, "RoksboxMetadata")
    await _enable(library, "WdtvMetadata")
    movie = await _film(library)
    folder = Path(movie["path"])

    video = await _import(library, movie, tmp_path / "downloads", sample_media)

    xml = ET.fromstring(
        (await _file(folder / (os.path.splitext(video)[0] + ".xml"))).read_text(encoding="utf-8")
    )
    assert xml.tag in ("video", "details")  # both want <video>.xml: the first written keeps it
    assert xml.findtext("title") == movie["title"]
    assert (await _file(folder / f"{folder.name}.jpg")).exists()
    assert (await _file(folder / "folder.jpg")).exists()
    recorded = [p for p, _ in await _metadata_extras(library, movie["id"])]
    assert recorded.count(os.path.splitext(video)[0] + ".xml") == 1


async def test_an_enabled_kometa_writes_nothing_beside_the_video(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _enable(library, "KometaMetadata")
    movie = await _film(library)
    folder = Path(movie["path"])

    video = await _import(library, movie, tmp_path / "downloads", sample_media)
    command = await run_command(library, "RefreshMovie", movieIds=[movie["id"]])

    assert command["status"] == "completed", command
    assert sorted(os.listdir(folder)) == [video]
    assert await _metadata_extras(library, movie["id"]) == []
