"""What the media management options do to an import: the download's folder goes once its film was
moved out of it and nothing of value is left, and the imported file gets the film's date and the
permissions set (both databases)."""

from __future__ import annotations

import os
import shutil
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reelarr.imports.service import FinishedDownload
from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command

TITLE = "The.Matrix.1999.1080p.BluRay.x264-GROUP"


async def _options(library: Library, **changes: Any) -> None:
    client = library.server.client
    media = (await client.get("/api/v3/config/mediamanagement")).json()
    response = await client.put("/api/v3/config/mediamanagement/1", json={**media, **changes})
    assert response.status_code == 202, response.text


def _download(tmp_path: Path, sample_media: SampleMedia, *leftovers: str) -> Path:
    folder = tmp_path / "downloads" / TITLE
    folder.mkdir(parents=True)
    # A copy, not the sample's hard link: the options change the file's date and mode, which a link
    # would pass on to the session's cached sample.
    shutil.copyfile(sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO), folder / f"{TITLE}.mkv")
    for name in leftovers:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"left over")
    return folder


def _stat(path: str) -> os.stat_result:
    return os.stat(path)


async def _import(library: Library, movie: dict[str, Any], folder: Path, *, move: bool) -> None:
    download = FinishedDownload(movie["id"], "DL-1", TITLE, str(folder), move=move)
    result = await library.server.services.importer.import_download(download, ())
    assert result.imported is not None, result.messages


async def _scan(library: Library, path: Path, mode: str) -> str:
    """DownloadedMoviesScan of one path, as a post-processing script asks for it; its message."""
    done = await run_command(library, "DownloadedMoviesScan", path=str(path), importMode=mode)
    assert done["status"] == "completed", done
    message: str = done["message"]
    return message


async def test_a_moved_download_leaving_nothing_of_value_loses_its_folder(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await add_movie(library)
    folder = _download(tmp_path, sample_media, f"{TITLE}.nfo", "Sample/the.matrix.1999.sample.mkv")
    assert "The Matrix (1999): imported" in await _scan(library, folder, "move")
    assert not folder.exists()
    assert folder.parent.is_dir()


async def test_a_moved_download_leaving_another_film_keeps_its_folder(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await add_movie(library)
    folder = _download(tmp_path, sample_media, "Bonus.Feature.1999.720p.BluRay.x264-GROUP.mkv")
    assert "The Matrix (1999): imported" in await _scan(library, folder, "move")
    assert sorted(p.name for p in folder.iterdir()) == ["Bonus.Feature.1999.720p.BluRay.x264-GROUP.mkv"]


async def test_a_copied_download_keeps_its_folder_and_file(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await add_movie(library)
    folder = _download(tmp_path, sample_media, f"{TITLE}.nfo")
    assert "The Matrix (1999): imported" in await _scan(library, folder, "copy")
    assert (folder / f"{TITLE}.mkv").exists()


async def test_a_scan_of_a_folder_of_many_downloads_never_removes_it(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await add_movie(library)
    folder = _download(tmp_path, sample_media, f"{TITLE}.nfo")
    assert "The Matrix (1999): imported" in await _scan(library, folder.parent, "move")
    assert folder.parent.is_dir()  # "downloads" names no film: it is not one download's folder


async def test_the_imported_file_gets_the_release_date_and_the_permissions(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await _options(library, fileDate="release", setPermissionsLinux=True, chmodFolder="775")
    movie = await add_movie(library)
    folder = _download(tmp_path, sample_media)
    await _import(library, movie, folder, move=True)
    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    imported = _stat(film["movieFile"]["path"])
    released = datetime.fromisoformat(film.get("physicalRelease") or film["digitalRelease"])
    assert imported.st_mtime == datetime(*released.timetuple()[:3], tzinfo=UTC).timestamp()
    assert stat.S_IMODE(imported.st_mode) == 0o664
    assert stat.S_IMODE(_stat(film["path"]).st_mode) == 0o775


async def test_without_the_options_the_file_keeps_its_own_date(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    movie = await add_movie(library)
    folder = _download(tmp_path, sample_media)
    before = (folder / f"{TITLE}.mkv").stat().st_mtime
    await _import(library, movie, folder, move=True)
    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert _stat(film["movieFile"]["path"]).st_mtime == before


async def test_a_rescan_gives_the_film_s_file_the_date_the_option_says(
    library: Library, sample_media: SampleMedia
) -> None:
    movie = await add_movie(library)
    video = Path(movie["path"]) / f"{TITLE}.mkv"
    video.parent.mkdir(parents=True)
    shutil.copyfile(sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO), video)
    assert (await run_command(library, "RescanMovie", movieId=movie["id"]))["status"] == "completed"
    untouched = _stat(str(video)).st_mtime

    await _options(library, fileDate="cinemas")
    assert (await run_command(library, "RescanMovie", movieId=movie["id"]))["status"] == "completed"

    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    in_cinemas = datetime.fromisoformat(film["inCinemas"])
    wanted = datetime(*in_cinemas.timetuple()[:3], tzinfo=UTC).timestamp()
    assert wanted != untouched
    assert _stat(str(video)).st_mtime == wanted
