"""Real Radarr clients (pyarr, aiopyarr) and replays of others against a live Reelarr.

Every test gets `library`: a server on SQLite and on PostgreSQL, wired to the fixture TMDB, with
one root folder. The helpers here add films the way Overseerr does (lookup, then the minimal body),
so that a test about one client does not depend on another client's library.
"""

from __future__ import annotations

from typing import Any

from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.integration.movies.conftest import Library, library

__all__ = ["Library", "add_film", "library", "lookup", "tmdb_fixture_server", "tmdb_server"]

# Radarr's default "HD-1080p" profile.
HD_1080P = 4


async def lookup(library: Library, tmdb_id: int) -> dict[str, Any]:
    """The lookup result for one TMDB id (with its library state when it is in the library)."""
    response = await library.server.client.get("/api/v3/movie/lookup", params={"term": f"tmdb:{tmdb_id}"})
    assert response.status_code == 200, response.text
    [found] = response.json()
    assert isinstance(found, dict)
    return found


async def add_film(library: Library, tmdb_id: int, **overrides: Any) -> dict[str, Any]:
    """Add a film with Overseerr's minimal body; `overrides` replace its fields."""
    found = await lookup(library, tmdb_id)
    body = {
        "title": found["title"],
        "qualityProfileId": HD_1080P,
        "profileId": HD_1080P,
        "titleSlug": str(tmdb_id),
        "minimumAvailability": "released",
        "tmdbId": tmdb_id,
        "year": found["year"],
        "rootFolderPath": str(library.root),
        "monitored": True,
        "tags": [],
        "addOptions": {"searchForMovie": False},
        **overrides,
    }
    response = await library.server.client.post("/api/v3/movie", json=body)
    assert response.status_code == 201, response.text
    added: dict[str, Any] = response.json()
    return added
