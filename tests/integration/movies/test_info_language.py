"""Settings → UI's film information language takes effect: a film refreshed after French is chosen
comes with its French title and overview and keeps its original title, and English brings the
English back (both databases, a real server and the fixture TMDB)."""

from __future__ import annotations

from typing import Any

from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, refreshed, run_command

FRENCH, ENGLISH = 2, 1


async def _info_language(library: Library, language: int) -> None:
    client = library.server.client
    config = (await client.get("/api/v3/config/ui")).json()
    response = await client.put("/api/v3/config/ui", json={**config, "movieInfoLanguage": language})
    assert response.status_code == 202, response.text
    assert response.json()["movieInfoLanguage"] == language


async def _refreshed_film(library: Library, movie_id: int) -> dict[str, Any]:
    command = await run_command(library, "RefreshMovie", movieIds=[movie_id])
    assert command["status"] == "completed", command
    film: dict[str, Any] = (await library.server.client.get(f"/api/v3/movie/{movie_id}")).json()
    return film


async def test_a_film_refreshed_in_french_gets_its_french_title_and_overview(library: Library) -> None:
    movie = await add_movie(library)
    await refreshed(library)
    assert movie["title"] == "The Matrix"

    await _info_language(library, FRENCH)
    film = await _refreshed_film(library, movie["id"])

    assert (film["title"], film["originalTitle"]) == ("Matrix", "The Matrix")
    assert film["overview"].startswith("Programmeur anonyme")
    assert "The Matrix" in [t["title"] for t in film["alternateTitles"]]
    lookup = (await library.server.client.get("/api/v3/movie/lookup", params={"term": "matrix"})).json()
    assert [m["title"] for m in lookup if m["tmdbId"] == 603] == ["Matrix"]

    await _info_language(library, ENGLISH)
    film = await _refreshed_film(library, movie["id"])

    assert (film["title"], film["originalTitle"]) == ("The Matrix", "The Matrix")
    assert film["overview"].startswith("Set in the 22nd century")


async def test_a_film_with_no_french_translation_keeps_its_english_title(library: Library) -> None:
    await _info_language(library, FRENCH)

    movie = await add_movie(library, tmdb_id=129)
    await refreshed(library)
    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()

    assert (film["title"], film["originalTitle"]) == ("Spirited Away", "千と千尋の神隠し")
    assert film["overview"].startswith("A young girl, Chihiro")
