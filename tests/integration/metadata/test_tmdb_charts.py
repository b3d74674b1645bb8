"""TMDB's trending and popular films through the client, against the fixture TMDB: what they hold,
and that an answer is kept for the charts' time and no longer."""

from __future__ import annotations

import pytest

from reelarr.errors import RemoteUnavailable, ValidationFailed
from reelarr.metadata import CoverType, TmdbClient
from tests.fixtures.tmdb.server import TmdbFixtureServer

from .conftest import FakeClock, MakeClient

PARASITE, EXTRACTION, MATRIX, SPIRITED_AWAY, REVOLUTIONS, AMELIE = 496243, 545609, 603, 129, 605, 194


async def test_trending_this_week_comes_in_tmdbs_order_as_search_shows_films(
    tmdb: TmdbClient, tmdb_server: TmdbFixtureServer
) -> None:
    films = await tmdb.trending_movies()
    assert [f.tmdb_id for f in films] == [PARASITE, EXTRACTION, MATRIX, SPIRITED_AWAY, REVOLUTIONS, AMELIE]
    parasite = films[0]
    assert (parasite.title, parasite.year, parasite.original_language) == ("Parasite", 2019, "ko")
    assert parasite.images[0].cover_type == CoverType.POSTER
    assert parasite.popularity > 0
    assert [r.path for r in tmdb_server.requests] == ["/trending/movie/week"]


async def test_trending_today_is_another_chart(tmdb: TmdbClient) -> None:
    assert [f.tmdb_id for f in await tmdb.trending_movies("day")][:2] == [EXTRACTION, PARASITE]


async def test_a_trending_window_tmdb_does_not_have_is_refused_before_asking(
    tmdb: TmdbClient, tmdb_server: TmdbFixtureServer
) -> None:
    with pytest.raises(ValidationFailed):
        await tmdb.trending_movies("month")
    assert tmdb_server.count() == 0


async def test_popular_films_are_the_released_ones_most_popular_first(
    tmdb: TmdbClient, tmdb_server: TmdbFixtureServer
) -> None:
    films = await tmdb.popular_movies()
    popularity = [f.popularity for f in films]
    assert popularity == sorted(popularity, reverse=True)
    assert [f.tmdb_id for f in films][:3] == [157336, 155, 27205]  # Interstellar, The Dark Knight, Inception
    assert 216527 not in {f.tmdb_id for f in films}  # Avatar 4 is not out
    assert tmdb_server.requests[0].path == "/movie/popular"


async def test_a_chart_is_kept_for_an_hour_then_asked_again(
    tmdb: TmdbClient, tmdb_server: TmdbFixtureServer, clock: FakeClock
) -> None:
    await tmdb.popular_movies()
    await tmdb.popular_movies()
    assert tmdb_server.count("/movie/popular") == 1
    clock.advance(tmdb.config.charts_ttl + 1)
    await tmdb.popular_movies()
    assert tmdb_server.count("/movie/popular") == 2


async def test_a_chart_tmdb_cannot_give_raises_and_is_not_kept(
    make_client: MakeClient, tmdb_server: TmdbFixtureServer
) -> None:
    tmdb = make_client()
    tmdb_server.fail(503, path="/trending/")
    with pytest.raises(RemoteUnavailable):
        await tmdb.trending_movies()
    tmdb_server.clear_faults()
    assert len(await tmdb.trending_movies()) == 6
