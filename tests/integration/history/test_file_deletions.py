"""movieFileDeleted in history for a file deleted by hand and one found gone from disk, with Radarr's
reason and data (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.moviefiles.conftest import add_movie, get_movie, place
from tests.integration.movies.conftest import Library
from tests.support.waiting import eventually

RELEASE = "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv"


async def _matrix_with_file(library: Library, media: SampleMedia) -> tuple[dict[str, Any], Path]:
    folder = library.root / "The Matrix (1999)"
    path = place(media, MediaKind.FEATURE_90MIN, folder, RELEASE)
    movie = await get_movie(library, (await add_movie(library, 603, folder))["id"])
    assert movie["hasFile"] is True
    return movie, path


async def _deleted(library: Library, movie_id: int) -> list[dict[str, Any]]:
    async def found() -> list[dict[str, Any]] | None:
        history = await library.server.client.get(
            "/api/v3/history/movie", params={"movieId": movie_id, "eventType": "movieFileDeleted"}
        )
        assert history.status_code == 200, history.text
        entries: list[dict[str, Any]] = history.json()
        return entries or None

    return await eventually(found)


async def test_a_file_deleted_by_hand_is_kept_in_history_with_its_reason(
    library: Library, sample_media: SampleMedia
) -> None:
    movie, path = await _matrix_with_file(library, sample_media)
    file = movie["movieFile"]

    response = await library.server.client.delete(f"/api/v3/moviefile/{file['id']}")
    assert response.status_code == 200, response.text

    [entry] = await _deleted(library, movie["id"])
    assert entry["eventType"] == "movieFileDeleted"
    assert entry["sourceTitle"] == str(path)
    assert entry["quality"] == file["quality"]
    assert entry["languages"] == file["languages"]
    assert entry["data"] == {
        "reason": "Manual",
        "releaseGroup": "GRP",
        "size": str(file["size"]),
        "indexerFlags": "",
    }


async def test_a_file_gone_from_disk_is_kept_in_history_as_missing(
    library: Library, sample_media: SampleMedia
) -> None:
    movie, path = await _matrix_with_file(library, sample_media)
    path.unlink()

    await library.server.services.movie_files.rescan(movie["id"])

    [entry] = await _deleted(library, movie["id"])
    assert (entry["sourceTitle"], entry["data"]["reason"]) == (str(path), "MissingFromDisk")
    all_history = (await library.server.client.get("/api/v3/history", params={"eventType": 6})).json()
    assert [r["movieId"] for r in all_history["records"]] == [movie["id"]]
