"""Radarr's TMDb lists against the fixture TMDB (its /list, /discover/movie and /person/.../movie_credits),
on SQLite and PostgreSQL: each list offers the films TMDB names for it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.integration.importlists.conftest import ListsEnv

ALL_RELEASED = {101, 129, 155, 157336, 194, 27205, 496243, 545609, 550, 603, 604, 605}


async def offered_by(env: ListsEnv, implementation: str, fields: dict[str, Any]) -> set[int]:
    """The TMDB ids a list of this implementation offers after its sync (it adds nothing)."""
    created = await env.add_list(
        implementation,
        fields,
        config_contract=f"{implementation.removesuffix('Import')}Settings",
        enableAuto=False,
    )
    await env.sync(definitionId=created["id"])
    offered = (await env.server.client.get("/api/v3/importlist/movie")).json()
    assert await env.library() == {}
    return {m["tmdbId"] for m in offered if created["id"] in m["lists"]}


@pytest.mark.parametrize(
    ("implementation", "fields", "films"),
    [
        ("TMDbListImport", {"listId": "8502"}, {603, 27205}),
        ("TMDbCompanyImport", {"companyId": "79"}, {603, 604, 605}),
        ("TMDbKeywordImport", {"keywordId": "4565"}, {157336, 216527, 603, 604, 605}),
        ("TMDbPersonImport", {"personId": "525", "personCastDirector": True}, {155, 157336, 27205}),
        ("TMDbPersonImport", {"personId": "6384", "personCast": True}, {603, 604, 605}),
        ("TMDbPopularImport", {"tMDbListType": 2}, ALL_RELEASED),
        (
            "TMDbPopularImport",
            {"tMDbListType": 3, "filterCriteria.minVoteAverage": "8.4"},
            {129, 155, 157336, 496243, 550},
        ),
    ],
)
async def test_a_tmdb_list_offers_the_films_tmdb_names(
    lists_env: ListsEnv, implementation: str, fields: dict[str, Any], films: set[int]
) -> None:
    assert await offered_by(lists_env, implementation, fields) == films


async def test_tmdb_popular_asks_discover_in_radarrs_order_with_its_filters(
    lists_env: ListsEnv, tmdb_server: TmdbFixtureServer
) -> None:
    await offered_by(lists_env, "TMDbPopularImport", {"tMDbListType": 3, "filterCriteria.certification": "R"})
    asked = [r.params for r in tmdb_server.requests if r.path == "/discover/movie"]
    assert asked
    assert all(p["sort_by"] == "vote_average.desc" for p in asked)
    assert (asked[0]["certification"], asked[0]["certification_country"], asked[0]["vote_count.gte"]) == (
        "R",
        "US",
        "1",
    )


async def test_a_list_with_a_bad_tmdb_id_is_a_400(lists_env: ListsEnv) -> None:
    body = {
        "name": "Bad",
        "implementation": "TMDbListImport",
        "configContract": "TMDbListSettings",
        "fields": [{"name": "listId", "value": "abc"}],
        "enabled": True,
        "qualityProfileId": lists_env.profile_id,
        "rootFolderPath": str(lists_env.root),
    }
    response = await lists_env.server.client.post("/api/v3/importlist", json=body)
    assert response.status_code == 400, response.text
    assert response.json()[0]["propertyName"] == "listId"


async def test_a_person_list_needs_a_kind_of_credit(lists_env: ListsEnv) -> None:
    body = {
        "name": "Nobody",
        "implementation": "TMDbPersonImport",
        "configContract": "TMDbPersonSettings",
        "fields": [{"name": "personId", "value": "525"}],
        "enabled": True,
        "qualityProfileId": lists_env.profile_id,
        "rootFolderPath": str(lists_env.root),
    }
    response = await lists_env.server.client.post("/api/v3/importlist", json=body)
    assert response.status_code == 400, response.text
    assert "Must Select One Credit Type Option" in response.text


async def test_tmdb_down_fails_the_list_and_removes_nothing(
    lists_env: ListsEnv, tmdb_server: TmdbFixtureServer
) -> None:
    created = await lists_env.add_list(
        "TMDbListImport", {"listId": "8502"}, config_contract="TMDbListSettings"
    )
    await lists_env.sync()
    assert set(await lists_env.library()) == {603, 27205}
    await lists_env.set_level("removeAndKeep")
    tmdb_server.fail(503, path="/list/8502")
    lists_env.clock.advance(timedelta(days=1))
    await lists_env.sync()
    assert set(await lists_env.library()) == {603, 27205}
    listed = (await lists_env.server.client.get(f"/api/v3/importlist/{created['id']}")).json()
    assert listed["status"]["lastError"].startswith("TMDb")
