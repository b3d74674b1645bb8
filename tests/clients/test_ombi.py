"""Ombi's Radarr v3 client, replayed (API-COMPAT §6.1 suite F).

From Ombi-app/Ombi `src/Ombi.Api.Radarr/RadarrV3Api.cs`: header `X-Api-Key`. It adds with
`{title, tmdbId, qualityProfileId, rootFolderPath, titleSlug: title + year, monitored, year,
minimumAvailability, addOptions?: {searchForMovie}}` and reads the answer as text: containing
`"message":` means a failure, containing `"errorMessage":` means a validation failure (the first
one is shown); otherwise it is the added movie. It updates with PUT `/api/v3/movie/` (trailing
slash, id in the body), searches with POST `/api/v3/Command/`, and asks `/api/v3/status`, a path
real Radarr answers with 404.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.clients.conftest import HD_1080P, Library, add_film
from tests.support.live import API_KEY


@pytest.fixture
async def ombi(library: Library) -> AsyncIterator[httpx.AsyncClient]:
    """Ombi's HTTP client: the key header, paths from the server's root."""
    async with httpx.AsyncClient(
        base_url=library.server.url, headers={"X-Api-Key": API_KEY}, timeout=30
    ) as c:
        yield c


def _add_body(library: Library, search: bool) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "The Matrix",
        "tmdbId": 603,
        "qualityProfileId": HD_1080P,
        "rootFolderPath": str(library.root),
        "titleSlug": "The Matrix1999",
        "monitored": True,
        "year": 1999,
        "minimumAvailability": "released",
        "addOptions": {"searchForMovie": True} if search else None,
    }
    return body


@pytest.mark.parametrize("search", [True, False])
async def test_add_answers_the_movie_without_anything_ombi_reads_as_an_error(
    ombi: httpx.AsyncClient, library: Library, search: bool
) -> None:
    response = await ombi.post("/api/v3/movie", json=_add_body(library, search))
    assert response.status_code == 201
    assert '"message":' not in response.text
    assert '"errorMessage":' not in response.text
    movie = response.json()
    assert movie["id"] > 0
    assert movie["titleSlug"] == "603", "Radarr's slug is the TMDB id whatever the client sent"


async def test_add_of_a_film_already_added_is_an_error_message_ombi_can_show(
    ombi: httpx.AsyncClient, library: Library
) -> None:
    await ombi.post("/api/v3/movie", json=_add_body(library, False))
    response = await ombi.post("/api/v3/movie", json=_add_body(library, False))
    assert response.status_code == 400
    assert '"message":' not in response.text
    assert '"errorMessage":' in response.text
    assert response.json()[0]["errorMessage"] == "This movie has already been added"


async def test_put_with_a_trailing_slash_and_the_id_in_the_body_updates_the_movie(
    ombi: httpx.AsyncClient, library: Library
) -> None:
    added = await add_film(library, 603, monitored=False)
    movie = (await ombi.get(f"/api/v3/movie/{added['id']}")).json()
    response = await ombi.put("/api/v3/movie/", json={**movie, "monitored": True})
    assert response.status_code == 202
    assert response.json()["monitored"] is True
    assert (await ombi.get(f"/api/v3/movie/{added['id']}")).json()["monitored"] is True


async def test_movies_search_on_the_capitalised_command_path_with_a_trailing_slash(
    ombi: httpx.AsyncClient, library: Library
) -> None:
    added = await add_film(library, 603)
    response = await ombi.post("/api/v3/Command/", json={"name": "MoviesSearch", "movieIds": [added["id"]]})
    assert response.status_code == 201
    assert response.json()["name"] == "MoviesSearch"


async def test_status_path_radarr_does_not_have_is_a_json_404(ombi: httpx.AsyncClient) -> None:
    response = await ombi.get("/api/v3/status")
    assert response.status_code == 404
    assert response.json()["message"]
