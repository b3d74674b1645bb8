"""What Newznab/Torznab sites are asked, as their capabilities allow (Radarr's request generator)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from reelarr.indexers.errors import IndexerError
from reelarr.indexers.newznab.caps import Capabilities, parse_caps
from reelarr.indexers.newznab.queries import rss_chain, search_chain
from reelarr.indexers.newznab.settings import NewznabSettings
from reelarr.indexers.requests import RequestChain
from reelarr.indexers.xml import parse_xml
from reelarr.releases.search import MovieSearch, clean_scene_title
from tests.fixtures.indexers.newznab import NabSite, caps_document

SETTINGS = NewznabSettings(
    base_url="https://nab.test/", api_path="/api/", api_key="k3y", categories=[2000, 2040, 2000]
)
MATRIX = MovieSearch(tmdb_id=603, imdb_id="tt0133093", titles=("The Matrix", "Matrix"), year=1999)


def _caps(**site: object) -> Capabilities:
    return parse_caps(parse_xml(caps_document(NabSite("newznab", **site)).encode()))  # type: ignore[arg-type]


def _queries(chain: RequestChain) -> list[list[dict[str, str]]]:
    """Each tier's queries, as the parameters of their first page."""
    return [
        [{k: v[0] for k, v in parse_qs(urlsplit(pages[0].url).query).items()} for pages in tier]
        for tier in chain.tiers
    ]


def test_capabilities_are_read_from_caps() -> None:
    caps = _caps(default_limit=50, max_limit=75, movie_params="q,imdbid")
    assert (caps.default_page_size, caps.max_page_size, caps.page_size) == (50, 75, 75)
    assert caps.search_params == ("q",)
    assert caps.movie_search_params == ("q", "imdbid")
    assert caps.supports_aggregate_id_search is True
    assert 2040 in caps.category_ids()


def test_unavailable_searches_are_none() -> None:
    caps = _caps(search_available=False, movie_available=False)
    assert caps.search_params is None
    assert caps.movie_search_params is None


def test_movie_search_without_listed_parameters_keeps_radarrs_defaults() -> None:
    caps = _caps(movie_params=None)
    assert caps.movie_search_params == ("q", "imdbid", "imdbtitle", "imdbyear")
    assert caps.supports_aggregate_id_search is False


def test_a_document_that_is_not_caps_is_refused() -> None:
    with pytest.raises(IndexerError, match="caps"):
        parse_caps(parse_xml(b"<rss/>"))


def test_the_page_size_is_at_most_100() -> None:
    assert _caps(default_limit=500, max_limit=1000).page_size == 100


def test_ids_go_together_when_the_site_takes_several() -> None:
    queries = _queries(search_chain(SETTINGS, _caps(), 100, MATRIX))
    assert queries[0] == [
        {
            "t": "movie",
            "cat": "2000,2040",
            "extended": "1",
            "apikey": "k3y",
            "offset": "0",
            "limit": "100",
            "tmdbid": "603",
            "imdbid": "0133093",
        }
    ]


def test_titles_and_year_are_the_fallback_tier() -> None:
    queries = _queries(search_chain(SETTINGS, _caps(), 100, MATRIX))
    assert [q["q"] for q in queries[1]] == ["Matrix 1999"]


def test_an_imdb_only_site_is_asked_by_imdb_id() -> None:
    queries = _queries(search_chain(SETTINGS, _caps(movie_params="q,imdbid"), 100, MATRIX))
    assert "imdbid" in queries[0][0]
    assert "tmdbid" not in queries[0][0]


def test_without_listed_parameters_radarrs_defaults_search_by_imdb_id() -> None:
    queries = _queries(search_chain(SETTINGS, _caps(movie_params=None), 100, MATRIX))
    assert queries[0] == [
        {
            "t": "movie",
            "cat": "2000,2040",
            "extended": "1",
            "apikey": "k3y",
            "offset": "0",
            "limit": "100",
            "imdbid": "0133093",
        }
    ]


def test_ids_go_one_at_a_time_tmdb_first_when_the_site_takes_one() -> None:
    caps = Capabilities(movie_search_params=("q", "tmdbid", "imdbid"), supports_aggregate_id_search=False)
    queries = _queries(search_chain(SETTINGS, caps, 100, MATRIX))
    assert queries[0][0]["tmdbid"] == "603"
    assert "imdbid" not in queries[0][0]


def test_a_site_without_id_search_is_asked_by_title_and_year() -> None:
    queries = _queries(search_chain(SETTINGS, _caps(movie_params="q"), 100, MATRIX))
    assert [(q["t"], q["q"]) for q in queries[0]] == [("search", "Matrix 1999")]


def test_a_film_without_ids_is_searched_by_title() -> None:
    search = MovieSearch(titles=("Amélie", "Le Fabuleux Destin d'Amélie Poulain"), year=2001)
    queries = _queries(search_chain(SETTINGS, _caps(), 100, search))
    assert [q["q"] for q in queries[0]] == ["Amelie 2001", "Le Fabuleux Destin dAmelie Poulain 2001"]
    assert (
        "q=Le%20Fabuleux%20Destin%20dAmelie%20Poulain%202001"
        in search_chain(SETTINGS, _caps(), 100, search).tiers[0][1][0].url
    )


def test_the_year_may_be_left_out() -> None:
    settings = SETTINGS.model_copy(update={"remove_year": True})
    queries = _queries(search_chain(settings, _caps(movie_params="q"), 100, MATRIX))
    assert queries[0][0]["q"] == "Matrix"


def test_a_raw_search_engine_gets_the_titles_as_they_are() -> None:
    queries = _queries(search_chain(SETTINGS, _caps(movie_params="q", text_engine="raw"), 100, MATRIX))
    assert [q["q"] for q in queries[0]] == ["The Matrix 1999", "Matrix 1999"]


def test_no_text_search_without_a_year() -> None:
    search = MovieSearch(titles=("Untitled",), year=0)
    assert not search_chain(SETTINGS, _caps(movie_params="q"), 100, search)


def test_rss_uses_movie_search_when_there_is_one_else_plain_search() -> None:
    assert _queries(rss_chain(SETTINGS, _caps(), 100))[0][0]["t"] == "movie"
    assert _queries(rss_chain(SETTINGS, _caps(movie_available=False), 100))[0][0]["t"] == "search"
    assert not rss_chain(SETTINGS, _caps(movie_available=False, search_available=False), 100)


def test_rss_pages_through_thirty_pages_of_the_page_size() -> None:
    pages = rss_chain(SETTINGS, _caps(), 50).tiers[0][0]
    assert len(pages) == 30
    assert [parse_qs(urlsplit(p.url).query)["offset"][0] for p in pages[:3]] == ["0", "50", "100"]
    assert pages[0].url.startswith("https://nab.test/api?t=movie&cat=2000,2040&extended=1&apikey=k3y")


def test_additional_parameters_are_sent_and_no_key_when_none_is_set() -> None:
    settings = SETTINGS.model_copy(update={"api_key": "", "additional_parameters": "&maxage=30"})
    query = _queries(rss_chain(settings, _caps(), 100))[0][0]
    assert query["maxage"] == "30"
    assert "apikey" not in query


def test_no_categories_no_query() -> None:
    settings = SETTINGS.model_copy(update={"categories": []})
    assert not rss_chain(settings, _caps(), 100)


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("The Matrix", "Matrix"),
        ("Fast & Furious", "Fast+and+Furious"),
        ("Schindler's List", "Schindlers+List"),
        ("Mission: Impossible - Fallout", "Mission+Impossible+Fallout"),
        ("Amélie", "Amelie"),
        ("M.A.S.H.", "MASH"),
    ],
)
def test_titles_are_cleaned_as_radarr_cleans_them(title: str, clean: str) -> None:
    assert clean_scene_title(title) == clean
