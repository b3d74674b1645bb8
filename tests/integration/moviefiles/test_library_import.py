"""Importing an existing library: suggestions for folders named as real libraries name them, confirmation
through POST /api/v3/movie/import with the folders as paths, and the files already there picked up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.moviefiles.conftest import add_movie, commands_finished, get_movie, place
from tests.integration.movies.conftest import Library

FOLDERS = {
    "The Matrix (1999)": 603,
    "Inception.2010.1080p.BluRay.x264-GRP": 27205,
    "Spirited Away (2001) {tmdb-129}": 129,
    "Leon [imdbid-tt0110413]": 101,
}
NOTHING = "Home Videos (1985)"


@pytest.fixture
def existing_library(library: Library, sample_media: SampleMedia) -> dict[str, Path]:
    folders = {}
    for name in [*FOLDERS, NOTHING]:
        folders[name] = library.root / name
        place(sample_media, MediaKind.FEATURE_90MIN, folders[name], "movie.mkv")
    return folders


async def _root_folder_id(library: Library) -> int:
    [root] = (await library.server.client.get("/api/v3/rootfolder")).json()
    root_id: int = root["id"]
    return root_id


async def _suggestions(library: Library, **params: Any) -> dict[str, dict[str, Any]]:
    response = await library.server.client.get(
        "/api/v3/movie/import/suggestions", params={"rootFolderId": await _root_folder_id(library), **params}
    )
    assert response.status_code == 200, response.text
    return {s["folder"]: s for s in response.json()}


async def test_suggestions_for_folders_named_as_libraries_name_them(
    library: Library, existing_library: dict[str, Path]
) -> None:
    found = await _suggestions(library)

    assert set(found) == {*FOLDERS, NOTHING}
    assert {name: s.get("match", {}).get("tmdbId") for name, s in found.items()} == {**FOLDERS, NOTHING: None}
    matrix = found["The Matrix (1999)"]
    assert matrix["path"] == str(existing_library["The Matrix (1999)"])
    assert matrix["relativePath"] == "The Matrix (1999)"
    assert (matrix["parsedTitle"], matrix["parsedYear"]) == ("The Matrix", 1999)
    assert (matrix["confidence"], matrix["matchedBy"]) == ("high", "title")
    assert matrix["match"]["title"] == "The Matrix"
    assert matrix["match"]["year"] == 1999
    assert "id" not in matrix["match"]
    assert matrix["excluded"] is False
    release = found["Inception.2010.1080p.BluRay.x264-GRP"]
    assert (release["parsedTitle"], release["parsedYear"], release["confidence"]) == (
        "Inception",
        2010,
        "high",
    )
    spirited = found["Spirited Away (2001) {tmdb-129}"]
    assert (spirited["parsedTmdbId"], spirited["matchedBy"], spirited["confidence"]) == (
        129,
        "tmdbId",
        "high",
    )
    leon = found["Leon [imdbid-tt0110413]"]
    assert (leon["parsedImdbId"], leon["matchedBy"], leon["confidence"]) == ("tt0110413", "imdbId", "high")
    assert leon["match"]["title"] == "Léon: The Professional"
    nothing = found[NOTHING]
    assert nothing["confidence"] == "none"
    assert nothing["candidates"] == []
    assert "match" not in nothing


async def test_other_candidates_are_offered(library: Library, sample_media: SampleMedia) -> None:
    place(sample_media, MediaKind.FEATURE_90MIN, library.root / "Matrix", "movie.mkv")

    [suggestion] = (await _suggestions(library)).values()

    assert suggestion["confidence"] in {"medium", "low"}
    offered = {suggestion["match"]["tmdbId"], *(c["tmdbId"] for c in suggestion["candidates"])}
    assert {603, 604, 605} <= offered


async def test_excluded_films_are_flagged(library: Library, existing_library: dict[str, Path]) -> None:
    excluded = await library.server.client.post(
        "/api/v3/exclusions", json={"tmdbId": 27205, "movieTitle": "Inception", "movieYear": 2010}
    )
    assert excluded.status_code == 201

    found = await _suggestions(library)

    inception = found["Inception.2010.1080p.BluRay.x264-GRP"]
    assert inception["excluded"] is True
    assert inception["match"]["excluded"] is True
    assert found["The Matrix (1999)"]["excluded"] is False


async def test_only_the_folders_asked_for(library: Library, existing_library: dict[str, Path]) -> None:
    found = await _suggestions(library, folder=["The Matrix (1999)", NOTHING])
    assert set(found) == {"The Matrix (1999)", NOTHING}


async def test_folders_of_library_movies_are_not_suggested(
    library: Library, existing_library: dict[str, Path]
) -> None:
    await add_movie(library, 603, existing_library["The Matrix (1999)"])
    assert "The Matrix (1999)" not in await _suggestions(library)


async def test_tmdb_down_is_reported_per_folder(library: Library, existing_library: dict[str, Path]) -> None:
    library.tmdb.down()
    try:
        found = await _suggestions(library, folder=["The Matrix (1999)"])
    finally:
        library.tmdb.up()
    matrix = found["The Matrix (1999)"]
    assert matrix["confidence"] == "none"
    assert matrix["error"]


async def test_unknown_or_missing_root_folder(library: Library) -> None:
    client = library.server.client
    unknown = await client.get("/api/v3/movie/import/suggestions", params={"rootFolderId": 999})
    missing = await client.get("/api/v3/movie/import/suggestions")
    assert unknown.status_code == 404
    assert missing.status_code == 400
    assert missing.json()[0]["propertyName"] == "rootFolderId"


async def test_confirmed_suggestions_are_added_with_their_folders_and_files(
    library: Library, existing_library: dict[str, Path]
) -> None:
    client = library.server.client
    found = await _suggestions(library)
    confirmed = [
        {**s["match"], "path": s["path"], "qualityProfileId": 1, "monitored": True}
        for s in found.values()
        if "match" in s
    ]

    response = await client.post("/api/v3/movie/import", json=confirmed)

    assert response.status_code == 200, response.text
    added = response.json()
    assert {m["tmdbId"]: m["path"] for m in added} == {
        tmdb_id: str(existing_library[name]) for name, tmdb_id in FOLDERS.items()
    }
    await commands_finished(library, "RefreshMovie")
    for movie in added:
        after = await get_movie(library, movie["id"])
        assert after["hasFile"] is True
        assert after["movieFile"]["path"] == str(Path(movie["path"]) / "movie.mkv")
    assert set(await _suggestions(library)) == {NOTHING}


async def test_radarrs_own_flow_lookup_by_folder_name_then_import(
    library: Library, existing_library: dict[str, Path]
) -> None:
    client = library.server.client
    root = (await client.get(f"/api/v3/rootfolder/{await _root_folder_id(library)}")).json()
    confirmed = []
    for folder in root["unmappedFolders"]:
        found = (await client.get("/api/v3/movie/lookup", params={"term": folder["name"]})).json()
        if folder["name"] == NOTHING:
            assert found == []
            continue
        assert found[0]["tmdbId"] == FOLDERS[folder["name"]], folder["name"]
        confirmed.append({**found[0], "path": folder["path"], "qualityProfileId": 1})

    response = await client.post("/api/v3/movie/import", json=confirmed)

    assert response.status_code == 200, response.text
    await commands_finished(library, "RefreshMovie")
    movies = (await client.get("/api/v3/movie")).json()
    assert len(movies) == len(FOLDERS)
    assert all(m["hasFile"] for m in movies)
