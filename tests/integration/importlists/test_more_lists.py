"""The Trakt lists (device-code sign-in, list, popular, user; token refresh), IMDbListImport,
SimklUserImport and PlexImport (PIN sign-ins) against the fixture Trakt, Simkl, Plex, list server and
TMDB, on SQLite and PostgreSQL. One server per dialect for the module: each test uses lists and films
of its own, so the order does not matter."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from reelarr.db.base import utcnow
from reelarr.notifications.plex import client_identifier
from tests.conftest import DIALECTS, make_settings
from tests.fixtures.importlists.plex import PlexServer, plex_server
from tests.fixtures.importlists.server import Film, ListServer
from tests.fixtures.importlists.simkl import CLIENT_ID as SIMKL_CLIENT_ID
from tests.fixtures.importlists.simkl import SimklServer, simkl_server
from tests.fixtures.importlists.trakt import CLIENT_ID, CLIENT_SECRET, TraktServer, trakt_server
from tests.fixtures.tmdb.plugin import tmdb_fixture_server
from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.integration.importlists.conftest import ListsEnv, MovableClock
from tests.support.databases import DATABASES, copy_sqlite
from tests.support.live import live_server
from tests.support.waiting import eventually

__all__ = ["plex_server", "simkl_server", "tmdb_fixture_server", "trakt_server"]

LEON = Film("Léon: The Professional", 1994, 101, "tt0110413")
SPIRITED_AWAY = Film("Spirited Away", 2001, 129, "tt0245429")
DARK_KNIGHT = Film("The Dark Knight", 2008, 155, "tt0468569")
INTERSTELLAR = Film("Interstellar", 2014, 157336, "tt0816692")
AMELIE = Film("Amélie", 2001, 194, "tt0211915")
PARASITE = Film("Parasite", 2019, 496243, "tt6751668")
EXTRACTION = Film("Extraction", 2020, 545609, "tt8936646")
INCEPTION = Film("Inception", 2010, 27205, "tt1375666")
FIGHT_CLUB = Film("Fight Club", 1999, 550, "tt0137523")
MATRIX = Film("The Matrix", 1999, 603, "tt0133093")
RELOADED = Film("The Matrix Reloaded", 2003, 604, "tt0234215")
REVOLUTIONS = Film("The Matrix Revolutions", 2003, 605, "tt0242653")
FAR_OFF = (utcnow() + timedelta(days=3650)).isoformat()


@pytest.fixture(scope="module")
def module_lists() -> Any:
    """One list server for the module (the IMDb exports)."""
    with ListServer() as server:
        yield server


@pytest.fixture(scope="module", params=DIALECTS)
async def env(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    sqlite_template: Path,
    postgres_template: str,
    tmdb_fixture_server: TmdbFixtureServer,
    trakt_server: TraktServer,
    simkl_server: SimklServer,
    plex_server: PlexServer,
    module_lists: ListServer,
) -> AsyncIterator[ListsEnv]:
    """A server per dialect with TMDB, Trakt and IMDb pointed at the fixtures, and a root folder."""
    tmp = tmp_path_factory.mktemp(f"more-lists-{request.param}")
    if request.param == "sqlite":
        url = copy_sqlite(sqlite_template, tmp / "db" / "reelarr.db")
    else:
        url = await DATABASES.take(postgres_template)
    root = tmp / "movies"
    root.mkdir()
    settings = make_settings(
        url,
        tmp / "data",
        tmdb_api_url=tmdb_fixture_server.api_url,
        tmdb_api_key=tmdb_fixture_server.api_key,
        tmdb_image_url=tmdb_fixture_server.image_url,
        import_list_timeout_seconds=5.0,
        trakt_api_url=trakt_server.url,
        trakt_client_id=CLIENT_ID,
        trakt_client_secret=CLIENT_SECRET,
        imdb_url=module_lists.url(),
        simkl_api_url=simkl_server.url,
        simkl_client_id=SIMKL_CLIENT_ID,
        plex_tv_url=plex_server.url,
        plex_discover_url=plex_server.url,
    )
    clock = MovableClock()
    try:
        async with live_server(settings, clock=clock) as server:
            response = await server.client.post("/api/v3/rootfolder", json={"path": str(root)})
            assert response.status_code == 201, response.text
            profiles = (await server.client.get("/api/v3/qualityprofile")).json()
            yield ListsEnv(server, module_lists, root, profiles[0]["id"], clock)
    finally:
        if request.param != "sqlite":
            DATABASES.drop(url)


def field(resource: dict[str, Any], name: str) -> Any:
    return next(f for f in resource["fields"] if f["name"] == name)


async def action(env: ListsEnv, implementation: str, name: str, **query: str) -> Any:
    """Run a provider action on a blank list of the implementation."""
    body = {"implementation": implementation, "configContract": "", "fields": []}
    body["configContract"] = {
        "TraktUserImport": "TraktUserSettings",
        "TraktListImport": "TraktListSettings",
        "TraktPopularImport": "TraktPopularSettings",
        "SimklUserImport": "SimklUserSettings",
        "PlexImport": "PlexListSettings",
    }[implementation]
    response = await env.server.client.post(f"/api/v3/importlist/action/{name}", json=body, params=query)
    assert response.status_code == 200, response.text
    return response.json()


async def test_the_trakt_lists_have_radarrs_fields_in_radarrs_order(env: ListsEnv) -> None:
    schema = {
        e["implementation"]: e for e in (await env.server.client.get("/api/v3/importlist/schema")).json()
    }
    tokens = ["accessToken", "refreshToken", "expires", "authUser"]
    names = {k: [f["name"] for f in schema[k]["fields"]] for k in schema if k.startswith("Trakt")}
    assert names == {
        "TraktListImport": [*tokens, "username", "listname", "limit", "signIn"],
        "TraktPopularImport": [
            *tokens,
            "traktListType",
            "rating",
            "certification",
            "genres",
            "years",
            "traktAdditionalParameters",
            "limit",
            "signIn",
        ],
        "TraktUserImport": [*tokens, "traktListType", "traktWatchSorting", "username", "limit", "signIn"],
    }
    popular = schema["TraktPopularImport"]
    assert (popular["listType"], popular["configContract"], popular["minRefreshInterval"]) == (
        "trakt",
        "TraktPopularSettings",
        "12:00:00",
    )
    assert all(field(popular, n)["hidden"] == "hidden" for n in tokens)
    assert field(popular, "traktAdditionalParameters")["advanced"] is True
    assert field(popular, "signIn")["type"] == "oAuth"
    assert [o["name"] for o in field(popular, "traktListType")["selectOptions"]][:3] == [
        "Trending Movies",
        "Popular Movies",
        "Top Anticipated Movies",
    ]
    assert (field(popular, "rating")["value"], field(popular, "limit")["value"]) == ("0-100", 100)
    imdb = schema["IMDbListImport"]
    assert (imdb["implementationName"], [f["name"] for f in imdb["fields"]]) == ("IMDb Lists", ["listId"])


async def test_a_device_code_sign_in_then_the_users_watchlist_adds_its_films(
    env: ListsEnv, trakt_server: TraktServer
) -> None:
    started = await action(env, "TraktUserImport", "startDeviceCode")
    assert (started["userCode"], started["verificationUrl"]) == ("5055CC52", "https://trakt.tv/activate")
    pending = await action(env, "TraktUserImport", "getDeviceToken", deviceCode=started["deviceCode"])
    assert pending == {"state": "pending"}
    trakt_server.approve(started["deviceCode"], "ann")
    signed = await action(env, "TraktUserImport", "getDeviceToken", deviceCode=started["deviceCode"])
    assert (signed["state"], signed["authUser"]) == ("authorized", "ann")
    trakt_server.offer("users/ann/watchlist", INTERSTELLAR)
    fields = {k: signed[k] for k in ("accessToken", "refreshToken", "expires", "authUser")}
    await env.add_list("TraktUserImport", fields, name="Ann's watchlist", config_contract="TraktUserSettings")
    await env.sync()
    assert INTERSTELLAR.tmdb_id in await env.library()
    path, query, headers, _ = trakt_server.requests("/users/ann/watchlist")[-1]
    assert (path, query) == ("/users/ann/watchlist/movies/rank", "limit=100")
    assert (headers["trakt-api-version"], headers["trakt-api-key"], headers["authorization"]) == (
        "2",
        CLIENT_ID,
        f"Bearer {signed['accessToken']}",
    )


async def test_a_trakt_list_adds_its_films_with_the_lists_options_but_not_excluded_ones(
    env: ListsEnv, trakt_server: TraktServer
) -> None:
    response = await env.server.client.post(
        "/api/v3/exclusions",
        json={"tmdbId": REVOLUTIONS.tmdb_id, "movieTitle": REVOLUTIONS.title, "movieYear": REVOLUTIONS.year},
    )
    assert response.status_code in (200, 201), response.text
    trakt_server.offer("users/bob/lists/best-of-the-matrix", MATRIX, RELOADED, REVOLUTIONS)
    fields = {**trakt_server.sign_in("bob"), "expires": FAR_OFF, "username": "bob"}
    await env.add_list(
        "TraktListImport",
        {**fields, "listname": "Best of the Matrix!", "limit": 50},
        name="Bob's Matrix",
        config_contract="TraktListSettings",
        monitor="none",
        minimumAvailability="announced",
    )
    await env.sync()
    library = await env.library()
    assert {MATRIX.tmdb_id, RELOADED.tmdb_id} <= set(library)
    assert REVOLUTIONS.tmdb_id not in library
    assert (library[MATRIX.tmdb_id]["monitored"], library[MATRIX.tmdb_id]["minimumAvailability"]) == (
        False,
        "announced",
    )
    assert trakt_server.requests("/users/bob/lists/")[-1][:2] == (
        "/users/bob/lists/best-of-the-matrix/items/movies",
        "limit=50",
    )


async def test_an_expiring_trakt_token_is_refreshed_and_the_new_one_kept(
    env: ListsEnv, trakt_server: TraktServer
) -> None:
    trakt_server.offer("movies/popular", DARK_KNIGHT)
    signed = trakt_server.sign_in("cat")
    soon = (env.clock() + timedelta(hours=2)).isoformat()
    created = await env.add_list(
        "TraktPopularImport",
        {**signed, "expires": soon, "authUser": "cat", "traktListType": 1},
        name="Trakt popular",
        config_contract="TraktPopularSettings",
    )
    refreshes = len(trakt_server.requests("/oauth/token"))
    env.clock.advance(timedelta(hours=2))  # the token now runs out within five minutes
    await env.sync()
    assert DARK_KNIGHT.tmdb_id in await env.library()
    assert len(trakt_server.requests("/oauth/token")) == refreshes + 1
    _path, query, headers, _ = trakt_server.requests("/movies/popular")[-1]
    assert query == "years=&genres=&ratings=0-100&certifications=nr,g,pg,pg-13,r,nc-17&limit=100"
    assert headers["authorization"] != f"Bearer {signed['accessToken']}"
    stored = (await env.server.client.get(f"/api/v3/importlist/{created['id']}")).json()
    assert field(stored, "expires")["value"] > soon
    env.clock.advance(timedelta(hours=13))
    await env.sync()
    assert len(trakt_server.requests("/oauth/token")) == refreshes + 1  # the stored token was used
    assert trakt_server.requests("/movies/popular")[-1][2]["authorization"] == headers["authorization"]


async def test_a_token_that_ran_out_is_refreshed_when_the_list_is_saved_and_stored_with_it(
    env: ListsEnv, trakt_server: TraktServer
) -> None:
    trakt_server.offer("movies/trending", SPIRITED_AWAY)
    signed = trakt_server.sign_in("gus")
    gone = (env.clock() - timedelta(days=1)).isoformat()
    await env.add_list(
        "TraktPopularImport",
        {**signed, "expires": gone, "authUser": "gus", "traktListType": 0},
        name="Trakt trending",
        config_contract="TraktPopularSettings",
    )
    refreshes = len(trakt_server.requests("/oauth/token"))
    await env.sync()
    assert SPIRITED_AWAY.tmdb_id in await env.library()
    assert len(trakt_server.requests("/oauth/token")) == refreshes  # the saved list holds the new token
    assert (
        trakt_server.requests("/movies/trending")[-1][2]["authorization"] != f"Bearer {signed['accessToken']}"
    )


async def test_an_imdb_list_export_adds_its_films_found_by_imdb_id(env: ListsEnv) -> None:
    env.lists.offer_imdb("ls000000101", LEON, AMELIE)
    await env.add_list("IMDbListImport", {"listId": "ls000000101"}, config_contract="IMDbListSettings")
    await env.sync()
    assert {LEON.tmdb_id, AMELIE.tmdb_id} <= set(await env.library())
    assert env.lists.requests("/list/ls000000101/export")


async def test_imdb_lists_reelarr_cannot_read_are_refused(env: ListsEnv) -> None:
    body = {
        "name": "IMDb Top 250",
        "implementation": "IMDbListImport",
        "configContract": "IMDbListSettings",
        "fields": [{"name": "listId", "value": "top250"}],
        "qualityProfileId": env.profile_id,
        "rootFolderPath": str(env.root),
        "enabled": True,
    }
    response = await env.server.client.post("/api/v3/importlist", json=body)
    assert response.status_code == 400
    assert "ls12345678" in response.json()[0]["errorMessage"]


async def test_a_trakt_list_without_a_sign_in_is_refused(env: ListsEnv) -> None:
    body = {
        "name": "Unsigned",
        "implementation": "TraktListImport",
        "configContract": "TraktListSettings",
        "fields": [{"name": "username", "value": "dan"}, {"name": "listname", "value": "x"}],
        "qualityProfileId": env.profile_id,
        "rootFolderPath": str(env.root),
        "enabled": True,
    }
    response = await env.server.client.post("/api/v3/importlist", json=body)
    assert response.status_code == 400
    assert {e["propertyName"] for e in response.json()} == {"signIn"}


async def test_a_simkl_pin_sign_in_then_the_users_plan_to_watch_list_adds_its_films(
    env: ListsEnv, simkl_server: SimklServer
) -> None:
    started = await action(env, "SimklUserImport", "startDeviceCode")
    assert started["verificationUrl"] == "https://simkl.com/pin/"
    pending = await action(env, "SimklUserImport", "getDeviceToken", userCode=started["userCode"])
    assert pending == {"state": "pending", "message": "Authorization pending"}
    simkl_server.approve(started["userCode"], "eve")
    signed = await action(env, "SimklUserImport", "getDeviceToken", userCode=started["userCode"])
    assert (signed["state"], signed["authUser"]) == ("authorized", "1047")
    simkl_server.offer("eve", "plantowatch", PARASITE)
    simkl_server.offer("eve", "completed", EXTRACTION)
    fields = {"accessToken": signed["accessToken"], "authUser": signed["authUser"], "listType": 1}
    await env.add_list(
        "SimklUserImport", fields, name="Eve's plan to watch", config_contract="SimklUserSettings"
    )
    await env.sync()
    library = await env.library()
    assert PARASITE.tmdb_id in library
    assert EXTRACTION.tmdb_id not in library
    path, _query, headers = simkl_server.requests("/sync/all-items/")[-1]
    assert path == "/sync/all-items/movies/plantowatch"
    assert (headers["simkl-api-key"], headers["authorization"]) == (
        SIMKL_CLIENT_ID,
        f"Bearer {signed['accessToken']}",
    )


async def test_a_plex_pin_sign_in_then_the_accounts_watchlist_adds_its_films(
    env: ListsEnv, plex_server: PlexServer
) -> None:
    started = await action(env, "PlexImport", "startDeviceCode")
    assert started["verificationUrl"].startswith("https://app.plex.tv/auth#?clientID=")
    assert f"code={started['code']}" in started["verificationUrl"]
    pin_id = str(started["pinId"])
    assert await action(env, "PlexImport", "getDeviceToken", pinId=pin_id) == {"state": "pending"}
    plex_server.approve(started["pinId"], "plex-account-token-01")
    plex_server.offer("plex-account-token-01", INCEPTION, FIGHT_CLUB)
    signed = await action(env, "PlexImport", "getDeviceToken", pinId=pin_id)
    assert signed == {"state": "authorized", "accessToken": "plex-account-token-01"}
    await env.add_list(
        "PlexImport", {"accessToken": signed["accessToken"]}, config_contract="PlexListSettings"
    )
    await env.sync()
    assert {INCEPTION.tmdb_id, FIGHT_CLUB.tmdb_id} <= set(await env.library())
    query = plex_server.requests("/library/sections/watchlist/all")[-1]
    pins = plex_server.requests("/api/v2/pins")[-1]
    assert query == {
        "clientID": pins["X-Plex-Client-Identifier"],
        "context[device][product]": "Reelarr",
        "context[device][platform]": "Windows",
        "context[device][platformVersion]": "7",
        "context[device][version]": pins["X-Plex-Version"],
        "includeFields": "title,type,year,ratingKey",
        "excludeElements": "Image",
        "includeGuids": "1",
        "sort": "watchlistedAt:desc",
        "type": "1",
        "X-Plex-Container-Size": "100",
        "X-Plex-Container-Start": "0",
        "X-Plex-Token": "plex-account-token-01",
    }
    assert pins["strong"] == "true"


async def _run(env: ListsEnv, name: str) -> dict[str, Any]:
    client = env.server.client
    response = await client.post("/api/v3/command", json={"name": name})
    assert response.status_code == 201, response.text
    queued = response.json()

    async def finished() -> dict[str, Any] | None:
        command: dict[str, Any] = (await client.get(f"/api/v3/command/{queued['id']}")).json()
        return command if command["status"] in ("completed", "failed") else None

    return await eventually(finished, within=30)


async def test_plex_tokens_are_pinged_daily_at_plex_tv_to_keep_them_alive(
    env: ListsEnv, plex_server: PlexServer
) -> None:
    tasks = (await env.server.client.get("/api/v3/system/task")).json()
    task = next(t for t in tasks if t["taskName"] == "PlexTokenKeepAlive")
    assert (task["name"], task["interval"]) == ("Plex Token Keep Alive", 24 * 60)
    plex_server.offer("plex-kept-alive-01")  # an account with an empty watchlist
    await env.add_list(
        "PlexImport",
        {"accessToken": "plex-kept-alive-01"},
        name="Kept alive",
        config_contract="PlexListSettings",
    )
    notification = {
        "name": "Plex revoked",
        "implementation": "PlexServer",
        "configContract": "PlexServerSettings",
        "fields": [
            {"name": "host", "value": "127.0.0.1"},
            {"name": "authToken", "value": "plex-revoked-02"},
        ],
        "onDownload": True,
        "tags": [],
    }
    response = await env.server.client.post(
        "/api/v3/notification", json=notification, params={"forceSave": "true"}
    )
    assert response.status_code == 201, response.text
    before = len(plex_server.pings())

    done = await _run(env, "PlexTokenKeepAlive")

    assert done["status"] == "completed", done
    assert done["message"].endswith("not taken for: notification Plex revoked")
    pings = plex_server.pings()[before:]
    assert {token for token, _query in pings} >= {"plex-kept-alive-01", "plex-revoked-02"}
    assert len(pings) == len({token for token, _query in pings})  # each token once
    (query,) = {frozenset(q.items()) for _token, q in pings}
    identity = dict(query)
    assert "X-Plex-Token" not in identity  # the token goes in a header, out of logged addresses
    assert (identity["X-Plex-Product"], identity["X-Plex-Client-Identifier"]) == (
        "Reelarr",
        client_identifier("Reelarr"),  # the one the PIN sign-in bound the token to
    )


async def test_a_simkl_list_whose_app_was_disconnected_asks_to_sign_in_again(
    env: ListsEnv, simkl_server: SimklServer
) -> None:
    client = env.server.client
    simkl_server.offer("fay", "watching", AMELIE)
    fields = {"accessToken": simkl_server.sign_in("fay"), "authUser": "2093", "listType": 0}
    created = await env.add_list(
        "SimklUserImport", fields, name="Fay watching", config_contract="SimklUserSettings"
    )
    await env.sync(definitionId=created["id"])
    assert AMELIE.tmdb_id in await env.library()

    simkl_server.disconnect("fay")
    await env.sync(definitionId=created["id"])

    problems = (await client.get("/api/v3/health")).json()
    sign_in = [p for p in problems if p["source"] == "ImportListSignInCheck"]
    assert [(p["type"], p["message"]) for p in sign_in] == [
        ("error", "Lists whose sign-in was refused, sign in again: Fay watching")
    ]
    tested = await client.post("/api/v3/importlist/test", json=created)
    assert tested.status_code == 400, tested.text
    assert [e["errorMessage"] for e in tested.json()] == [
        "Unable to connect to import list: Simkl no longer accepts this list's sign-in "
        "(the app was disconnected at simkl.com); sign in with Simkl again"
    ]
    # Signing in again mends it: the list syncs, and the health check says nothing more.
    fresh = {**fields, "accessToken": simkl_server.sign_in("fay")}
    updated = {**created, "fields": [{"name": k, "value": v} for k, v in fresh.items()]}
    response = await client.put(f"/api/v3/importlist/{created['id']}", json=updated)
    assert response.status_code == 202, response.text
    await env.sync(definitionId=created["id"])
    problems = (await client.get("/api/v3/health")).json()
    assert [p for p in problems if p["source"] == "ImportListSignInCheck"] == []
    assert (await client.delete(f"/api/v3/importlist/{created['id']}")).status_code == 200
