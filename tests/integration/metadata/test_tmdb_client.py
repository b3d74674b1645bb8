"""The TMDB client against the fixture TMDB: what it finds and how it shapes films."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from reelarr.errors import NotFound, ValidationFailed
from reelarr.metadata import CoverType, ReleaseType, TmdbClient
from reelarr.metadata.tmdb import DETAILS_PARTS
from tests.fixtures.tmdb.server import TmdbFixtureServer

from .conftest import MakeClient

IMAGES = "https://image.tmdb.org/t/p/original"


async def test_search_finds_every_film_whose_title_matches(tmdb: TmdbClient) -> None:
    page = await tmdb.search_movies("matrix")
    assert {hit.tmdb_id for hit in page.results} == {603, 604, 605}
    assert page.results[0].tmdb_id == 603  # exact title first
    assert page.total_results == 3
    first = page.results[0]
    assert (first.title, first.year, first.release_date) == ("The Matrix", 1999, date(1999, 3, 31))
    assert first.ratings.tmdb is not None
    assert first.ratings.tmdb.votes == 26512
    assert [image.cover_type for image in first.images] == [CoverType.POSTER, CoverType.FANART]
    assert first.images[0].remote_url == f"{IMAGES}/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg"


async def test_search_narrows_by_year(tmdb: TmdbClient) -> None:
    page = await tmdb.search_movies("matrix", year=2003)
    assert {hit.tmdb_id for hit in page.results} == {604, 605}


async def test_search_matches_original_and_alternative_titles(tmdb: TmdbClient) -> None:
    assert [hit.tmdb_id for hit in (await tmdb.search_movies("Le Voyage de Chihiro")).results] == [129]
    assert [hit.tmdb_id for hit in (await tmdb.search_movies("千と千尋")).results] == [129]
    assert [hit.tmdb_id for hit in (await tmdb.search_movies("leon")).results] == [101]


async def test_search_with_nothing_to_look_for_asks_nobody(
    tmdb: TmdbClient, tmdb_server: TmdbFixtureServer
) -> None:
    page = await tmdb.search_movies("   ")
    assert page.results == ()
    assert tmdb_server.count() == 0


async def test_search_refuses_a_page_tmdb_would_refuse(tmdb: TmdbClient) -> None:
    with pytest.raises(ValidationFailed):
        await tmdb.search_movies("matrix", page=501)


async def test_details_come_with_every_part_in_one_request(
    tmdb: TmdbClient, tmdb_server: TmdbFixtureServer
) -> None:
    movie = await tmdb.movie(603)
    assert tmdb_server.count("/movie/603") == 1
    sent = tmdb_server.requests[0].params
    assert sent["append_to_response"].split(",") == list(DETAILS_PARTS)
    assert (movie.tmdb_id, movie.imdb_id, movie.title, movie.original_language) == (
        603,
        "tt0133093",
        "The Matrix",
        "en",
    )
    assert (movie.year, movie.runtime, movie.status) == (1999, 136, "Released")
    assert movie.overview.startswith("Set in the 22nd century")
    assert movie.studio == "Village Roadshow Pictures"
    assert movie.genres == ("Action", "Science Fiction")
    assert movie.ratings.tmdb is not None
    assert movie.ratings.tmdb.value == 8.2
    assert movie.ratings.imdb is None
    assert movie.certification == "R"
    assert movie.website == "http://www.warnerbros.com/matrix"
    assert movie.youtube_trailer_id == "vKQi3bBA1y8"
    assert movie.popularity == 85.317


async def test_details_carry_the_earliest_cinema_digital_and_physical_dates(tmdb: TmdbClient) -> None:
    movie = await tmdb.movie(603)
    assert movie.release_date == date(1999, 3, 31)
    assert movie.in_cinemas == date(1999, 3, 31)  # the earlier US premiere is not a cinema release
    assert movie.digital_release == date(2009, 11, 3)
    assert movie.physical_release == date(1999, 9, 21)
    assert any(r.type is ReleaseType.PREMIERE and r.country == "US" for r in movie.release_dates)


async def test_release_dates_come_from_a_preferred_country_when_it_has_them(make_client: MakeClient) -> None:
    anywhere = await make_client().movie(27205)
    assert (anywhere.in_cinemas, anywhere.physical_release) == (date(2010, 7, 15), date(2010, 12, 6))
    american = await make_client(release_country="US").movie(27205)
    assert (american.in_cinemas, american.digital_release, american.physical_release) == (
        date(2010, 7, 16),
        date(2010, 12, 3),
        date(2010, 12, 7),
    )
    british = await make_client(release_country="GB", certification_country="GB").movie(27205)
    assert british.certification == "12A"
    assert british.digital_release == date(2010, 12, 3)  # no British digital date: the earliest anywhere


async def test_a_streaming_original_has_no_cinema_date(tmdb: TmdbClient) -> None:
    movie = await tmdb.movie(545609)
    assert (movie.in_cinemas, movie.digital_release, movie.physical_release) == (
        None,
        date(2020, 4, 24),
        None,
    )
    assert movie.year == 2020


async def test_an_upcoming_film_has_only_future_dates(tmdb: TmdbClient) -> None:
    movie = await tmdb.movie(216527)
    today = date.today()
    assert movie.status == "Post Production"
    assert movie.in_cinemas == today + timedelta(days=399)  # Germany first
    assert movie.digital_release is None
    assert movie.physical_release is None
    assert movie.runtime == 0
    assert movie.year == (today + timedelta(days=400)).year
    assert movie.youtube_trailer_id is None
    assert movie.ratings.tmdb is not None
    assert movie.ratings.tmdb.votes == 0


async def test_a_film_in_another_language_keeps_its_original_title(tmdb: TmdbClient) -> None:
    movie = await tmdb.movie(129)
    assert (movie.title, movie.original_title, movie.original_language) == (
        "Spirited Away",
        "千と千尋の神隠し",
        "ja",
    )
    assert movie.certification == "PG"  # US certificate: Japan has a G but the default country is the US
    assert movie.youtube_trailer_id == "ByXuk9QqQkk"


async def test_alternative_titles_keep_their_country_and_drop_the_main_title(tmdb: TmdbClient) -> None:
    movie = await tmdb.movie(101)
    titles = {(alt.title, alt.country) for alt in movie.alternative_titles}
    assert len(movie.alternative_titles) >= 15
    assert ("The Professional", "US") in titles
    assert ("这个杀手不太冷", "CN") in titles
    assert ("Leon", "DE") in titles
    assert ("Leon", "US") in titles
    assert all(alt.title != movie.title for alt in movie.alternative_titles)
    cut = next(alt for alt in movie.alternative_titles if alt.title == "Léon - Version intégrale")
    assert cut.note == "Director's Cut"


async def test_images_point_at_tmdbs_image_server(tmdb: TmdbClient) -> None:
    movie = await tmdb.movie(603)
    by_type = {image.cover_type: image.remote_url for image in movie.images}
    assert by_type[CoverType.POSTER] == f"{IMAGES}/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg"
    assert by_type[CoverType.FANART] == f"{IMAGES}/ncEsesgOJDNrTUED89hYbA117wo.jpg"
    assert by_type[CoverType.CLEARLOGO].startswith(f"{IMAGES}/")


async def test_credits_collection_recommendations_and_keywords(tmdb: TmdbClient) -> None:
    movie = await tmdb.movie(603)
    assert (movie.cast[0].name, movie.cast[0].character) == ("Keanu Reeves", "Thomas A. Anderson / Neo")
    assert [member.order for member in movie.cast] == sorted(member.order for member in movie.cast)
    assert movie.cast[0].credit_id == "3fe5ae18eb4cd61df9e70340"
    assert all(member.credit_id for member in (*movie.cast, *movie.crew))
    directors = {member.name for member in movie.crew if member.job == "Director"}
    assert directors == {"Lilly Wachowski", "Lana Wachowski"}
    assert movie.collection is not None
    assert (movie.collection.tmdb_id, movie.collection.name) == (2344, "The Matrix Collection")
    assert movie.recommendations[:2] == (604, 605)
    assert "cyberpunk" in movie.keywords


async def test_an_unknown_movie_is_not_found(tmdb: TmdbClient) -> None:
    with pytest.raises(NotFound, match="999999999"):
        await tmdb.movie(999999999)


async def test_find_by_imdb_id(tmdb: TmdbClient, tmdb_server: TmdbFixtureServer) -> None:
    found = await tmdb.find_by_imdb_id("tt0245429")
    assert found is not None
    assert (found.tmdb_id, found.original_title) == (129, "千と千尋の神隠し")
    assert tmdb_server.requests[0].params["external_source"] == "imdb_id"
    assert await tmdb.find_by_imdb_id("tt9999999") is None


async def test_find_refuses_what_is_not_an_imdb_id(tmdb: TmdbClient) -> None:
    with pytest.raises(ValidationFailed):
        await tmdb.find_by_imdb_id("603")


async def test_collection_lists_its_films_oldest_first(tmdb: TmdbClient) -> None:
    collection = await tmdb.collection(2344)
    assert collection.name == "The Matrix Collection"
    assert [part.tmdb_id for part in collection.parts] == [603, 604, 605, 624860]
    assert collection.images[0].cover_type is CoverType.POSTER


async def test_a_collection_with_upcoming_films(tmdb: TmdbClient) -> None:
    collection = await tmdb.collection(87096)
    assert [part.tmdb_id for part in collection.parts][-2:] == [216527, 393209]
    assert all(part.release_date for part in collection.parts)


async def test_an_unknown_collection_is_not_found(tmdb: TmdbClient) -> None:
    with pytest.raises(NotFound):
        await tmdb.collection(1)
