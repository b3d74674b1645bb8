"""The TMDB client against the fixture TMDB: keys, failures, the breaker, rate limits and the cache."""

from __future__ import annotations

import asyncio

import pytest

from reelarr.errors import NotFound, RemoteRejected, RemoteUnavailable
from reelarr.metadata import TmdbClient
from reelarr.metadata.tmdb import SERVICE_NAME
from reelarr.remote import RemoteRegistry, RetryPolicy, ServicePolicy, ServiceStatus
from tests.fixtures.tmdb.server import TmdbFixtureServer

from .conftest import TEST_POLICY, FakeClock, MakeClient


def tmdb_state(registry: RemoteRegistry) -> ServiceStatus:
    return registry.get(SERVICE_NAME).state().status


# -- keys ---------------------------------------------------------------------------------------


async def test_a_v3_key_is_sent_as_the_api_key_parameter(
    tmdb: TmdbClient, tmdb_server: TmdbFixtureServer
) -> None:
    await tmdb.movie(550)
    sent = tmdb_server.requests[0]
    assert sent.auth == "api_key"
    assert sent.user_agent.startswith("Reelarr/")


async def test_a_v4_token_is_sent_as_a_bearer_header(
    make_client: MakeClient, tmdb_server: TmdbFixtureServer
) -> None:
    tmdb = make_client(api_key=tmdb_server.bearer_token)
    assert (await tmdb.movie(550)).title == "Fight Club"
    assert tmdb_server.requests[0].auth == "bearer"


async def test_a_wrong_key_is_refused_and_health_shows_it(
    make_client: MakeClient, registry: RemoteRegistry, tmdb_server: TmdbFixtureServer
) -> None:
    tmdb = make_client(api_key="0123456789abcdef0123456789abcdef")
    with pytest.raises(RemoteRejected, match="Invalid API key") as raised:
        await tmdb.movie(603)
    assert raised.value.status_code == 401
    assert tmdb_server.count("/movie/603") == 1  # a refusal is not retried
    state = registry.get(SERVICE_NAME).state()
    assert state.status is ServiceStatus.FAILING
    assert "Invalid API key" in state.message


async def test_a_wrong_bearer_token_is_refused(make_client: MakeClient) -> None:
    tmdb = make_client(api_key="eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJub3BlIn0.bm9wZQ")
    with pytest.raises(RemoteRejected) as raised:
        await tmdb.search_movies("matrix")
    assert raised.value.status_code == 401


async def test_without_a_key_every_call_says_so_and_nothing_is_sent(
    make_client: MakeClient, tmdb_server: TmdbFixtureServer
) -> None:
    tmdb = make_client(api_key="")
    assert not tmdb.configured
    for call in (tmdb.movie(603), tmdb.search_movies("x"), tmdb.find_by_imdb_id("tt0133093"), tmdb.check()):
        with pytest.raises(RemoteRejected, match="API key is not configured"):
            await call
    assert tmdb_server.count() == 0


async def test_check_asks_tmdb_every_time(tmdb: TmdbClient, tmdb_server: TmdbFixtureServer) -> None:
    await tmdb.check()
    await tmdb.check()
    assert tmdb_server.count("/configuration") == 2


async def test_an_unknown_id_is_a_healthy_answer(tmdb: TmdbClient, registry: RemoteRegistry) -> None:
    with pytest.raises(NotFound):
        await tmdb.movie(424242424)
    assert tmdb_state(registry) is ServiceStatus.OK


# -- failures -----------------------------------------------------------------------------------


async def test_server_errors_are_retried_with_backoff(
    tmdb: TmdbClient, tmdb_server: TmdbFixtureServer, clock: FakeClock
) -> None:
    tmdb_server.fail(500, times=2)
    assert (await tmdb.movie(27205)).title == "Inception"
    assert tmdb_server.count("/movie/27205") == 3
    assert clock.sleeps == [0.5, 1.0]


async def test_tmdbs_429_is_honoured(
    tmdb: TmdbClient, tmdb_server: TmdbFixtureServer, clock: FakeClock
) -> None:
    tmdb_server.throttle(retry_after="3", times=1)
    assert (await tmdb.movie(157336)).title == "Interstellar"
    assert tmdb_server.count("/movie/157336") == 2
    assert clock.sleeps == [3.0]


async def test_a_hanging_tmdb_times_out(make_client: MakeClient, tmdb_server: TmdbFixtureServer) -> None:
    tmdb = make_client(policy=ServicePolicy(timeout=0.3, connect_timeout=1.0, retry=RetryPolicy(attempts=1)))
    tmdb_server.hang(seconds=10)
    try:
        with pytest.raises(RemoteUnavailable, match="timed out"):
            await tmdb.movie(603)
    finally:
        tmdb_server.clear_faults()


async def test_tmdb_down_opens_the_breaker_then_fails_fast_then_recovers(
    tmdb: TmdbClient, tmdb_server: TmdbFixtureServer, registry: RemoteRegistry, clock: FakeClock
) -> None:
    tmdb_server.down()
    for _ in range(TEST_POLICY.breaker.failure_threshold):
        with pytest.raises(RemoteUnavailable, match="cannot connect"):
            await tmdb.movie(603)
    assert tmdb_state(registry) is ServiceStatus.BACKING_OFF

    tmdb_server.up()
    with pytest.raises(RemoteUnavailable, match="backing off until"):
        await tmdb.movie(603)
    assert tmdb_server.count() == 0  # failed fast: TMDB never saw it

    clock.advance(TEST_POLICY.breaker.cooldown)
    assert (await tmdb.movie(603)).title == "The Matrix"
    assert tmdb_state(registry) is ServiceStatus.OK


async def test_tmdb_answering_503_trips_the_breaker_too(
    tmdb: TmdbClient, tmdb_server: TmdbFixtureServer, registry: RemoteRegistry
) -> None:
    tmdb_server.fail(503)
    for _ in range(TEST_POLICY.breaker.failure_threshold):
        with pytest.raises(RemoteUnavailable, match="503"):
            await tmdb.search_movies("inception")
    sent = tmdb_server.count()
    with pytest.raises(RemoteUnavailable, match="backing off"):
        await tmdb.search_movies("inception")
    assert tmdb_server.count() == sent
    state = registry.get(SERVICE_NAME).state()
    assert state.backing_off_until is not None
    assert state.last_error is not None
    assert "503" in state.last_error


# -- cache ---------------------------------------------------------------------------------------


async def test_a_cached_answer_saves_a_request(tmdb: TmdbClient, tmdb_server: TmdbFixtureServer) -> None:
    first = await tmdb.movie(603)
    second = await tmdb.movie(603)
    assert first == second
    assert tmdb_server.count("/movie/603") == 1
    await tmdb.search_movies("matrix")
    await tmdb.search_movies("matrix")
    assert tmdb_server.count("/search/movie") == 1


async def test_cached_answers_expire(
    tmdb: TmdbClient, tmdb_server: TmdbFixtureServer, clock: FakeClock
) -> None:
    await tmdb.search_movies("matrix")
    clock.advance(tmdb.config.search_ttl + 1)
    await tmdb.search_movies("matrix")
    assert tmdb_server.count("/search/movie") == 2


async def test_different_questions_are_cached_apart(tmdb: TmdbClient, tmdb_server: TmdbFixtureServer) -> None:
    await tmdb.search_movies("matrix")
    await tmdb.search_movies("matrix", year=1999)
    await tmdb.search_movies("matrix", page=2)
    assert tmdb_server.count("/search/movie") == 3


async def test_concurrent_lookups_of_one_film_share_one_request(
    tmdb: TmdbClient, tmdb_server: TmdbFixtureServer
) -> None:
    movies = await asyncio.gather(*(tmdb.movie(155) for _ in range(8)))
    assert {movie.title for movie in movies} == {"The Dark Knight"}
    assert tmdb_server.count("/movie/155") == 1


async def test_failures_are_not_cached(tmdb: TmdbClient, tmdb_server: TmdbFixtureServer) -> None:
    tmdb_server.fail(404, times=1, path="/movie/194")
    with pytest.raises(NotFound):
        await tmdb.movie(194)
    assert (await tmdb.movie(194)).original_title == "Le Fabuleux Destin d'Amélie Poulain"


async def test_a_new_configuration_drops_the_cache(
    make_client: MakeClient, tmdb_server: TmdbFixtureServer
) -> None:
    tmdb = make_client()
    await tmdb.movie(496243)
    tmdb.reconfigure(tmdb.config)
    await tmdb.movie(496243)
    assert tmdb_server.count("/movie/496243") == 2
