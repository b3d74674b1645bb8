"""/api/v3/moviefile as Bazarr, LunaSea, Maintainerr and pyarr use it: read, edit, delete."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from pyarr import RadarrAPI

from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.moviefiles.conftest import add_movie, get_movie, place
from tests.integration.movies.conftest import Library
from tests.support.live import API_KEY

RELEASE = "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv"


async def _matrix_with_file(library: Library, media: SampleMedia) -> tuple[dict[str, Any], Path]:
    folder = library.root / "The Matrix (1999)"
    path = place(media, MediaKind.FEATURE_90MIN, folder, RELEASE)
    (folder / "The.Matrix.1999.1080p.BluRay.x264-GRP.en.srt").write_text("1\n", encoding="utf-8")
    movie = await get_movie(library, (await add_movie(library, 603, folder))["id"])
    assert movie["hasFile"] is True
    return movie, path


async def test_files_of_a_movie_and_by_id(library: Library, sample_media: SampleMedia) -> None:
    movie, path = await _matrix_with_file(library, sample_media)
    client = library.server.client
    file_id = movie["movieFileId"]

    by_movie = (await client.get("/api/v3/moviefile", params={"movieId": movie["id"]})).json()
    by_ids = (await client.get("/api/v3/moviefile", params=[("movieFileIds", file_id)])).json()
    by_comma_list = (await client.get("/api/v3/moviefile", params={"movieFileIds": f"{file_id},999"})).json()
    one = await client.get(f"/api/v3/moviefile/{file_id}")

    assert one.status_code == 200
    assert by_movie == by_ids == by_comma_list == [one.json()] == [movie["movieFile"]]
    resource = one.json()
    assert resource["movieId"] == movie["id"]
    assert resource["path"] == str(path)
    assert resource["qualityCutoffNotMet"] is False
    assert resource["mediaInfo"]["videoCodec"] == "x264"


async def test_a_movie_without_file_or_unknown_has_none(library: Library) -> None:
    folder = library.root / "Fight Club (1999)"
    folder.mkdir()
    movie = await add_movie(library, 550, folder)
    client = library.server.client

    assert (await client.get("/api/v3/moviefile", params={"movieId": movie["id"]})).json() == []
    assert (await client.get("/api/v3/moviefile", params={"movieid": 999})).json() == []


@pytest.mark.parametrize("params", [{}, {"movieFileIds": "abc"}, {"movieId": "x"}])
async def test_bad_listing_requests_are_the_400_array(library: Library, params: dict[str, str]) -> None:
    response = await library.server.client.get("/api/v3/moviefile", params=params)
    assert response.status_code == 400
    assert response.json()[0]["errorMessage"]


@pytest.mark.parametrize("file_id", [999, 2**31, 2**63, -1])
async def test_unknown_file_ids_are_404(library: Library, file_id: int) -> None:
    client = library.server.client
    in_path = (
        await client.get(f"/api/v3/moviefile/{file_id}"),
        await client.delete(f"/api/v3/moviefile/{file_id}"),
    )
    in_body = (
        await client.put(f"/api/v3/moviefile/{file_id}", json={"id": file_id}),
        await client.put("/api/v3/moviefile/bulk", json=[{"id": file_id}]),
        await client.request("DELETE", "/api/v3/moviefile/bulk", json={"movieFileIds": [file_id]}),
    )
    for response in in_path:
        assert response.status_code == 404, response.text
        assert response.json()["message"]
    # An id no database column can hold is refused where it comes in: a 400 naming it in a body.
    fits = -(2**31) <= file_id < 2**31
    for response in in_body:
        assert response.status_code == (404 if fits else 400), response.text
    listed = await client.get("/api/v3/moviefile", params={"movieFileIds": file_id, "movieId": file_id})
    assert listed.json() == []


async def test_audio_languages_and_codecs_from_the_tracks(
    library: Library, two_language_feature: Path
) -> None:
    folder = library.root / "Spirited Away (2001)"
    folder.mkdir()
    shutil.copyfile(two_language_feature, folder / "Spirited Away (2001).mkv")
    movie = await get_movie(library, (await add_movie(library, 129, folder))["id"])

    file = movie["movieFile"]
    assert [language["name"] for language in file["languages"]] == ["French", "Japanese"]
    info = file["mediaInfo"]
    assert info["audioLanguages"] == "fre/jpn"
    assert info["audioCodec"] == "AAC"
    assert info["audioStreamCount"] == 2
    assert info["audioChannels"] == 2.0
    assert info["resolution"] == "1280x720"
    assert info["runTime"] == "11:00"


async def test_put_changes_quality_languages_edition_and_group(
    library: Library, sample_media: SampleMedia
) -> None:
    movie, _ = await _matrix_with_file(library, sample_media)
    client = library.server.client
    file = movie["movieFile"]
    edited = {
        **file,
        "quality": {"quality": {"id": 7}, "revision": {"version": 2, "real": 0, "isRepack": False}},
        "languages": [{"id": 2, "name": "French"}, {"id": -1, "name": "Any"}],
        "edition": "Director's Cut",
        "releaseGroup": "NEWGRP",
        "sceneName": "not a scene name",
    }

    response = await client.put(f"/api/v3/moviefile/{file['id']}", json=edited)

    assert response.status_code == 202, response.text
    saved = response.json()
    assert saved["quality"]["quality"]["name"] == "Bluray-1080p"
    assert saved["quality"]["revision"]["version"] == 2
    assert saved["languages"] == [{"id": 2, "name": "French"}]
    assert saved["edition"] == "Director's Cut"
    assert saved["releaseGroup"] == "NEWGRP"
    assert saved["sceneName"] == file["sceneName"]
    assert (await get_movie(library, movie["id"]))["movieFile"] == saved


async def test_put_without_id_in_the_path(library: Library, sample_media: SampleMedia) -> None:
    movie, _ = await _matrix_with_file(library, sample_media)
    file = movie["movieFile"]

    response = await library.server.client.put("/api/v3/moviefile", json={**file, "edition": "IMAX"})

    assert response.status_code == 202
    assert response.json()["edition"] == "IMAX"


@pytest.mark.parametrize(
    ("change", "property_name"),
    [
        ({"quality": {"quality": {"id": 999}}}, "quality.quality.id"),
        ({"languages": [{"id": 5000}]}, "languages[0].id"),
        ({"quality": "Bluray-1080p"}, "quality"),
    ],
)
async def test_put_with_bad_values_is_the_400_array(
    library: Library, sample_media: SampleMedia, change: dict[str, Any], property_name: str
) -> None:
    movie, _ = await _matrix_with_file(library, sample_media)
    file = movie["movieFile"]

    response = await library.server.client.put(f"/api/v3/moviefile/{file['id']}", json={**file, **change})

    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == property_name
    assert (await get_movie(library, movie["id"]))["movieFile"] == file


async def test_editor_and_bulk_change_several_files(library: Library, sample_media: SampleMedia) -> None:
    movie, _ = await _matrix_with_file(library, sample_media)
    client = library.server.client
    file_id = movie["movieFileId"]

    editor = await client.put(
        "/api/v3/moviefile/editor",
        json={"movieFileIds": [file_id], "quality": {"quality": {"id": 3}}, "releaseGroup": "EDIT"},
    )
    bulk = await client.put("/api/v3/moviefile/bulk", json=[{"id": file_id, "edition": "Extended"}])

    assert editor.status_code == 202
    assert editor.json()[0]["quality"]["quality"]["name"] == "WEBDL-1080p"
    assert editor.json()[0]["releaseGroup"] == "EDIT"
    assert bulk.status_code == 202
    assert [f["edition"] for f in bulk.json()] == ["Extended"]
    assert bulk.json()[0]["releaseGroup"] == "EDIT"
    missing = await client.put("/api/v3/moviefile/bulk", json=[{"id": file_id}, {"id": 999}])
    assert missing.status_code == 404


async def test_delete_removes_the_file_and_its_extras_from_disk_and_nothing_else(
    library: Library, sample_media: SampleMedia
) -> None:
    movie, path = await _matrix_with_file(library, sample_media)
    unrelated = path.parent / "folder.jpg"  # not an extra file kind Reelarr records by default
    unrelated.write_bytes(b"jpeg")
    client = library.server.client

    response = await client.delete(f"/api/v3/moviefile/{movie['movieFileId']}")

    assert response.status_code == 200
    assert response.json() == {}
    assert not path.exists()
    # The subtitle the rescan recorded as the file's extra goes with it, as in Radarr.
    assert not (path.parent / "The.Matrix.1999.1080p.BluRay.x264-GRP.en.srt").exists()
    assert unrelated.read_bytes() == b"jpeg"
    after = await get_movie(library, movie["id"])
    assert after["hasFile"] is False
    assert after["statistics"]["movieFileCount"] == 0
    assert (await client.get(f"/api/v3/moviefile/{movie['movieFileId']}")).status_code == 404


async def test_bulk_delete(library: Library, sample_media: SampleMedia) -> None:
    movie, path = await _matrix_with_file(library, sample_media)
    client = library.server.client

    empty = await client.request("DELETE", "/api/v3/moviefile/bulk", json={"movieFileIds": []})
    unknown = await client.request(
        "DELETE", "/api/v3/moviefile/bulk", json={"movieFileIds": [movie["movieFileId"], 999]}
    )
    assert empty.status_code == 400
    assert unknown.status_code == 404
    assert path.exists()

    response = await client.request(
        "DELETE", "/api/v3/moviefile/bulk", json={"movieFileIds": [movie["movieFileId"]]}
    )

    assert response.status_code == 200
    assert response.json() == {}
    assert not path.exists()


async def test_delete_refused_while_the_root_folder_is_unreachable(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    movie, path = await _matrix_with_file(library, sample_media)
    away = tmp_path / "unmounted"
    os.rename(library.root, away)
    try:
        response = await library.server.client.delete(f"/api/v3/moviefile/{movie['movieFileId']}")
        assert response.status_code == 409
        assert str(library.root) in response.json()["message"]
    finally:
        os.rename(away, library.root)
    assert path.exists()
    assert (await get_movie(library, movie["id"]))["hasFile"] is True


async def test_pyarr_reads_and_deletes_movie_files(library: Library, sample_media: SampleMedia) -> None:
    movie, path = await _matrix_with_file(library, sample_media)
    radarr = RadarrAPI(library.server.url, API_KEY)
    file_id = movie["movieFileId"]

    # pyarr types every answer as a list; for one id Radarr answers one resource.
    one: Any = await asyncio.to_thread(radarr.get_movie_file, file_id)
    several = await asyncio.to_thread(radarr.get_movie_file, [file_id])
    by_movie = await asyncio.to_thread(radarr.get_movie_files_by_movie_id, movie["id"])
    assert one == several[0] == by_movie[0] == movie["movieFile"]

    await asyncio.to_thread(radarr.del_movie_file, file_id)

    assert not path.exists()
    assert (await get_movie(library, movie["id"]))["hasFile"] is False
