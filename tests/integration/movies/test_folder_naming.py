"""Films' folders follow the naming settings' folder format (Radarr's GetMovieFolder)."""

from __future__ import annotations

from typing import Any

from tests.integration.movies.conftest import Library

FOLDER_FORMAT = "{Movie TitleThe} {imdb-{ImdbId}}"


async def _use_folder_format(library: Library, pattern: str) -> None:
    config = (await library.server.client.get("/api/v3/config/naming")).json()
    response = await library.server.client.put(
        "/api/v3/config/naming/1", json={**config, "movieFolderFormat": pattern}
    )
    assert response.status_code == 202, response.text


async def _add(library: Library, tmdb_id: int, **fields: Any) -> dict[str, Any]:
    body = {"tmdbId": tmdb_id, "qualityProfileId": 4, "rootFolderPath": str(library.root), **fields}
    response = await library.server.client.post("/api/v3/movie", json=body)
    assert response.status_code == 201, response.text
    added: dict[str, Any] = response.json()
    return added


async def test_a_film_added_after_the_format_changed_gets_the_new_folder(library: Library) -> None:
    before = await _add(library, 550)
    await _use_folder_format(library, FOLDER_FORMAT)
    after = await _add(library, 603)
    assert after["path"] == str(library.root / "Matrix, The {imdb-tt0133093}")
    assert before["path"] == str(library.root / "Fight Club (1999)")
    assert (await library.server.client.get(f"/api/v3/movie/{before['id']}")).json()["path"] == before["path"]


async def test_a_path_sent_with_the_film_is_kept(library: Library) -> None:
    # Library import and clients that name the folder themselves send the path.
    await _use_folder_format(library, FOLDER_FORMAT)
    added = await _add(library, 603, path=str(library.root / "matrix"), rootFolderPath=None)
    assert added["path"] == str(library.root / "matrix")


async def test_lookup_shows_the_folder_a_film_would_get(library: Library) -> None:
    await _use_folder_format(library, FOLDER_FORMAT)
    client = library.server.client
    [found] = (await client.get("/api/v3/movie/lookup", params={"term": "tmdb:603"})).json()
    assert found["folder"] == "Matrix, The {imdb-tt0133093}"
    hits = (await client.get("/api/v3/movie/lookup", params={"term": "matrix"})).json()
    # A text search knows no IMDb id: the wrapper around it goes.
    assert "Matrix, The" in [h["folder"] for h in hits]


async def test_a_films_folder_under_the_format_in_force(library: Library) -> None:
    movie = await _add(library, 603)
    await _use_folder_format(library, FOLDER_FORMAT)
    response = await library.server.client.get(f"/api/v3/movie/{movie['id']}/folder")
    assert response.json() == {"folder": "Matrix, The {imdb-tt0133093}"}
