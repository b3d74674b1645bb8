"""What the media management options do when a film's file is deleted, through the API or found gone
by a rescan: deleteEmptyFolders removes the emptied folder, autoUnmonitorPreviouslyDownloadedMovies
unmonitors the film (both databases)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, refreshed, run_command

NAME = "The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv"


async def _options(library: Library, **changes: Any) -> None:
    client = library.server.client
    media = (await client.get("/api/v3/config/mediamanagement")).json()
    response = await client.put("/api/v3/config/mediamanagement/1", json={**media, **changes})
    assert response.status_code == 202, response.text


async def _film_with_file(library: Library, sample_media: SampleMedia) -> dict[str, Any]:
    movie = await add_movie(library)
    await refreshed(library)  # the new film's own scan is done: the test's scans are the only ones
    sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, Path(movie["path"]) / NAME)
    assert (await run_command(library, "RescanMovie", movieId=movie["id"]))["status"] == "completed"
    film: dict[str, Any] = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert film["hasFile"], film
    return film


def _exists(folder: str) -> bool:
    return Path(folder).is_dir()


async def _film(library: Library, movie_id: int) -> dict[str, Any]:
    film: dict[str, Any] = (await library.server.client.get(f"/api/v3/movie/{movie_id}")).json()
    return film


async def test_deleting_the_only_file_removes_the_emptied_folder(
    library: Library, sample_media: SampleMedia
) -> None:
    await _options(library, deleteEmptyFolders=True)
    film = await _film_with_file(library, sample_media)
    (Path(film["path"]) / "Subs").mkdir()  # an empty folder is no content
    response = await library.server.client.delete(f"/api/v3/moviefile/{film['movieFile']['id']}")
    assert response.is_success, response.text
    assert not _exists(film["path"])
    assert library.root.is_dir()


async def test_a_folder_still_holding_a_file_is_kept(library: Library, sample_media: SampleMedia) -> None:
    await _options(library, deleteEmptyFolders=True)
    film = await _film_with_file(library, sample_media)
    (Path(film["path"]) / "movie.nfo").write_text("<movie/>")
    assert (await library.server.client.delete(f"/api/v3/moviefile/{film['movieFile']['id']}")).is_success
    assert (Path(film["path"]) / "movie.nfo").exists()


async def test_without_the_option_the_emptied_folder_stays(
    library: Library, sample_media: SampleMedia
) -> None:
    film = await _film_with_file(library, sample_media)
    assert (await library.server.client.delete(f"/api/v3/moviefile/{film['movieFile']['id']}")).is_success
    assert _exists(film["path"])


async def test_a_file_gone_from_disk_unmonitors_the_film_and_drops_its_folder(
    library: Library, sample_media: SampleMedia
) -> None:
    await _options(library, deleteEmptyFolders=True, autoUnmonitorPreviouslyDownloadedMovies=True)
    film = await _film_with_file(library, sample_media)
    (Path(film["path"]) / NAME).unlink()
    assert (await run_command(library, "RescanMovie", movieId=film["id"]))["status"] == "completed"
    after = await _film(library, film["id"])
    assert (after["hasFile"], after["monitored"]) == (False, False)
    assert not _exists(film["path"])


async def test_without_the_option_a_film_whose_file_went_stays_monitored(
    library: Library, sample_media: SampleMedia
) -> None:
    film = await _film_with_file(library, sample_media)
    (Path(film["path"]) / NAME).unlink()
    assert (await run_command(library, "RescanMovie", movieId=film["id"]))["status"] == "completed"
    after = await _film(library, film["id"])
    assert (after["hasFile"], after["monitored"]) == (False, True)
    assert _exists(film["path"])
