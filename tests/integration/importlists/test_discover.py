"""GET /api/v3/importlist/movie for Discover, on SQLite and PostgreSQL: the lists' films with TMDB's
details, TMDB's recommendations for the library's films, TMDB's trending and popular films, a TMDb User
list (TMDB's v4 account API), and the lists' films alone when TMDB is down.

One server per dialect for the module: The Matrix and then Fight Club in the library, The Matrix
Revolutions excluded, and a list that only offers (enableAuto off) Inception and The Matrix."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DIALECTS, make_settings
from tests.fixtures.importlists.server import INCEPTION, MATRIX, ListServer
from tests.fixtures.tmdb.account import ACCOUNT_ID, USER_TOKEN
from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.integration.importlists.conftest import ListsEnv, MovableClock
from tests.support.databases import DATABASES, copy_sqlite
from tests.support.live import live_server

FIGHT_CLUB, REVOLUTIONS, RELOADED, DARK_KNIGHT, LEON, INTERSTELLAR = 550, 605, 604, 155, 101, 157336
SPIRITED_AWAY, PARASITE, EXTRACTION, AMELIE = 129, 496243, 545609, 194
# The fixture TMDB's trending films this week (tests/fixtures/tmdb/data/trending.json).
TRENDING = [PARASITE, EXTRACTION, MATRIX.tmdb_id, SPIRITED_AWAY, REVOLUTIONS, AMELIE]


@pytest.fixture(scope="module", params=DIALECTS)
async def discover_env(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    sqlite_template: Path,
    postgres_template: str,
    tmdb_fixture_server: TmdbFixtureServer,
) -> AsyncIterator[ListsEnv]:
    """The module's server of one dialect, with its library, exclusion and offering list."""
    tmp = tmp_path_factory.mktemp(f"discover-{request.param}")
    if request.param == "sqlite":
        url = copy_sqlite(sqlite_template, tmp / "db" / "reelarr.db")
    else:
        url = await DATABASES.take(postgres_template)
    tmdb = tmdb_fixture_server
    tmdb.reset()
    settings = make_settings(
        url, tmp / "data", tmdb_api_url=tmdb.api_url, tmdb_api_key=tmdb.api_key, tmdb_image_url=tmdb.image_url
    )
    root = tmp / "movies"
    root.mkdir()
    try:
        with ListServer() as lists:
            async with live_server(settings, clock=MovableClock()) as server:
                env = ListsEnv(server, lists, root, 0, MovableClock())
                client = server.client
                assert (await client.post("/api/v3/rootfolder", json={"path": str(root)})).status_code == 201
                env.profile_id = (await client.get("/api/v3/qualityprofile")).json()[0]["id"]
                for tmdb_id in (MATRIX.tmdb_id, FIGHT_CLUB):
                    body = {
                        "tmdbId": tmdb_id,
                        "qualityProfileId": env.profile_id,
                        "rootFolderPath": str(root),
                    }
                    response = await client.post("/api/v3/movie", json=body)
                    assert response.status_code == 201, response.text
                exclusion = {"tmdbId": REVOLUTIONS, "movieTitle": "The Matrix Revolutions", "movieYear": 2003}
                assert (await client.post("/api/v3/exclusions", json=exclusion)).status_code in (200, 201)
                lists.offer(INCEPTION, MATRIX)
                await env.add_radarr_list(enableAuto=False)
                await env.sync()
                yield env
    finally:
        if request.param != "sqlite":
            DATABASES.drop(url)


async def _discover(env: ListsEnv, query: str = "") -> dict[int, dict[str, Any]]:
    response = await env.server.client.get(f"/api/v3/importlist/movie{query}")
    assert response.status_code == 200, response.text
    assert "X-Discover-Errors" not in response.headers
    return {m["tmdbId"]: m for m in response.json()}


async def test_the_lists_films_come_with_tmdbs_details_and_no_recommendations(discover_env: ListsEnv) -> None:
    offered = await _discover(discover_env)
    assert set(offered) == {INCEPTION.tmdb_id, MATRIX.tmdb_id}
    inception = offered[INCEPTION.tmdb_id]
    assert (inception["title"], inception["year"], inception["imdbId"]) == ("Inception", 2010, "tt1375666")
    assert inception["overview"]
    assert inception["runtime"] > 0
    assert inception["genres"]
    poster = next(i for i in inception["images"] if i["coverType"] == "poster")
    assert poster["remoteUrl"].startswith("http")
    assert inception["remotePoster"] == poster["remoteUrl"]
    assert (inception["isExisting"], inception["isRecommendation"], len(inception["lists"])) == (
        False,
        False,
        1,
    )
    assert offered[MATRIX.tmdb_id]["isExisting"] is True


async def test_recommendations_for_the_library_skip_its_films_and_excluded_ones(
    discover_env: ListsEnv,
) -> None:
    offered = await _discover(discover_env, "?includeRecommendations=true")
    recommended = [tmdb_id for tmdb_id, m in offered.items() if m["isRecommendation"]]
    # The Dark Knight is recommended for both films; the rest once, the latest added film's first.
    assert recommended == [DARK_KNIGHT, LEON, RELOADED, INCEPTION.tmdb_id, INTERSTELLAR]
    assert REVOLUTIONS not in offered
    assert FIGHT_CLUB not in offered
    knight = offered[DARK_KNIGHT]
    assert (knight["title"], knight["year"], knight["lists"], knight["isExisting"]) == (
        "The Dark Knight",
        2008,
        [],
        False,
    )
    assert knight["overview"]
    assert knight["remotePoster"]
    assert len(offered[INCEPTION.tmdb_id]["lists"]) == 1  # recommended and on the list
    assert offered[MATRIX.tmdb_id]["isRecommendation"] is False


async def test_trending_films_come_first_with_details_flagged_when_in_the_library_or_excluded(
    discover_env: ListsEnv,
) -> None:
    offered = await _discover(discover_env, "?includeTrending=true")
    # Trending films first, in TMDB's order, then the list's; The Matrix is on both, once.
    assert list(offered) == [*TRENDING, INCEPTION.tmdb_id]
    assert [t for t, m in offered.items() if m["isTrending"]] == TRENDING
    parasite = offered[PARASITE]
    assert (parasite["title"], parasite["year"], parasite["imdbId"]) == ("Parasite", 2019, "tt6751668")
    assert parasite["runtime"] > 0
    assert parasite["remotePoster"]
    assert parasite["folder"] == "Parasite (2019)"
    assert (parasite["isExisting"], parasite["isExcluded"], parasite["isPopular"], parasite["lists"]) == (
        False,
        False,
        False,
        [],
    )
    matrix = offered[MATRIX.tmdb_id]
    assert (matrix["isTrending"], matrix["isExisting"], len(matrix["lists"])) == (True, True, 1)
    assert offered[REVOLUTIONS]["isExcluded"] is True
    assert offered[INCEPTION.tmdb_id]["isTrending"] is False


async def test_popular_films_follow_trending_ones_and_a_film_on_both_carries_both_flags(
    discover_env: ListsEnv,
) -> None:
    offered = await _discover(discover_env, "?includeTrending=true&includePopular=true")
    assert list(offered)[: len(TRENDING)] == TRENDING
    popular_only = [t for t, m in offered.items() if m["isPopular"] and not m["isTrending"]]
    assert list(offered)[len(TRENDING) :] == popular_only  # the list's Inception is popular too
    popularity = [offered[t]["popularity"] for t in popular_only]
    assert popularity == sorted(popularity, reverse=True)
    assert popular_only[:3] == [INTERSTELLAR, DARK_KNIGHT, INCEPTION.tmdb_id]
    assert (offered[PARASITE]["isTrending"], offered[PARASITE]["isPopular"]) == (True, True)
    assert offered[FIGHT_CLUB]["isExisting"] is True  # popular, in the library: shown, flagged
    assert (offered[INTERSTELLAR]["isTrending"], offered[INTERSTELLAR]["isRecommendation"]) == (False, False)
    assert 216527 not in offered  # Avatar 4 is not out


async def test_the_charts_are_asked_of_tmdb_once_an_hour_not_on_every_visit(
    discover_env: ListsEnv, tmdb_server: TmdbFixtureServer
) -> None:
    for _ in range(3):
        await _discover(discover_env, "?includeTrending=true&includePopular=true")
    assert tmdb_server.count("/trending/movie/week") <= 1
    assert tmdb_server.count("/movie/popular") <= 1
    assert tmdb_server.count(f"/movie/{PARASITE}") <= 1


async def test_a_switch_that_is_not_a_boolean_is_radarrs_400(discover_env: ListsEnv) -> None:
    response = await discover_env.server.client.get("/api/v3/importlist/movie?includeTrending=maybe")
    assert response.status_code == 400, response.text
    assert [f["propertyName"] for f in response.json()] == ["includeTrending"]


async def test_a_tmdb_user_list_offers_the_accounts_rated_films_without_adding_them(
    discover_env: ListsEnv, tmdb_server: TmdbFixtureServer
) -> None:
    client = discover_env.server.client
    schema = {e["implementation"]: e for e in (await client.get("/api/v3/importlist/schema")).json()}
    user = schema["TMDbUserImport"]
    assert (user["implementationName"], user["enableAuto"], user["listType"]) == ("TMDb User", False, "tmdb")
    assert [f["name"] for f in user["fields"]] == ["accountId", "accessToken", "listType"]
    fields = {"accountId": ACCOUNT_ID, "accessToken": "not-the-token", "listType": 3}
    refused = await client.post("/api/v3/importlist", json=_user_list(discover_env, fields))
    assert refused.status_code == 400, refused.text
    created = await client.post(
        "/api/v3/importlist", json=_user_list(discover_env, fields | {"accessToken": USER_TOKEN})
    )
    assert created.status_code == 201, created.text
    list_id = created.json()["id"]
    await discover_env.sync(definitionId=list_id)
    offered = await _discover(discover_env)
    assert {t for t, m in offered.items() if list_id in m["lists"]} == {FIGHT_CLUB, SPIRITED_AWAY}
    assert offered[SPIRITED_AWAY]["isExisting"] is False
    assert offered[FIGHT_CLUB]["isExisting"] is True
    asked = [r for r in tmdb_server.requests if r.path == f"/4/account/{ACCOUNT_ID}/movie/rated"]
    assert asked
    assert asked[-1].auth == "bearer"
    assert (await client.delete(f"/api/v3/importlist/{list_id}")).status_code == 200


def _user_list(env: ListsEnv, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": "My TMDb ratings",
        "implementation": "TMDbUserImport",
        "configContract": "TMDbUserSettings",
        "fields": [{"name": k, "value": v} for k, v in fields.items()],
        "enabled": True,
        "enableAuto": False,
        "monitor": "movieOnly",
        "minimumAvailability": "released",
        "qualityProfileId": env.profile_id,
        "rootFolderPath": str(env.root),
        "tags": [],
    }


async def test_with_tmdb_down_the_lists_films_are_still_offered(
    discover_env: ListsEnv, tmdb_server: TmdbFixtureServer
) -> None:
    discover_env.server.services.tmdb.reconfigure(discover_env.server.services.tmdb.config)  # a cold cache
    tmdb_server.down()
    offered = await _discover(discover_env, "?includeRecommendations=true")
    assert {(t, m["title"], m["isRecommendation"]) for t, m in offered.items()} == {
        (INCEPTION.tmdb_id, "Inception", False),
        (MATRIX.tmdb_id, "The Matrix", False),
    }


async def test_with_tmdb_down_the_charts_are_empty_named_and_in_health(
    discover_env: ListsEnv, tmdb_server: TmdbFixtureServer
) -> None:
    client = discover_env.server.client
    discover_env.server.services.tmdb.reconfigure(discover_env.server.services.tmdb.config)  # a cold cache
    tmdb_server.down()
    response = await client.get("/api/v3/importlist/movie?includeTrending=true&includePopular=true")
    assert response.status_code == 200, response.text
    assert {m["tmdbId"] for m in response.json()} == {INCEPTION.tmdb_id, MATRIX.tmdb_id}
    failed = json.loads(response.headers["X-Discover-Errors"])
    assert [f["section"] for f in failed] == ["trending", "popular"]
    assert all(f["message"].startswith("TMDB") for f in failed)
    assert tmdb_server.api_key not in response.headers["X-Discover-Errors"]
    health = (await client.get("/api/v3/health")).json()
    assert any(h["source"] == "TmdbCheck" and h["type"] == "error" for h in health)
