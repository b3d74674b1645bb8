"""The TMDB client asks for titles and overviews in the film information language, and falls back
as Radarr does: the language asked for, else English, else the original (against the fixture TMDB,
whose films carry TMDB's translations)."""

from __future__ import annotations

from reelarr.metadata.tmdb import DETAILS_PARTS
from tests.fixtures.tmdb.server import TmdbFixtureServer

from .conftest import MakeClient


async def test_a_film_comes_in_french_with_its_original_and_english_titles_kept(
    make_client: MakeClient, tmdb_server: TmdbFixtureServer
) -> None:
    tmdb = make_client(language="fr")

    movie = await tmdb.movie(603)

    sent = tmdb_server.requests[0].params
    assert sent["language"] == "fr"
    assert sent["append_to_response"].split(",") == [*DETAILS_PARTS, "translations"]
    assert (movie.title, movie.original_title) == ("Matrix", "The Matrix")
    assert movie.overview.startswith("Programmeur anonyme")
    assert movie.tagline == "Bienvenue dans la Matrice."
    assert ("The Matrix", "US") in [(t.title, t.country) for t in movie.alternative_titles]


async def test_a_film_without_the_language_s_translation_comes_in_english(make_client: MakeClient) -> None:
    tmdb = make_client(language="fr")

    movie = await tmdb.movie(129)

    assert (movie.title, movie.original_title) == ("Spirited Away", "千と千尋の神隠し")
    assert movie.overview.startswith("A young girl, Chihiro")


async def test_a_french_film_in_french_is_its_original_title(make_client: MakeClient) -> None:
    movie = await make_client(language="fr").movie(194)

    assert (movie.title, movie.original_title) == (
        "Le Fabuleux Destin d'Amélie Poulain",
        "Le Fabuleux Destin d'Amélie Poulain",
    )
    assert "Amélie" in [t.title for t in movie.alternative_titles]


async def test_english_asks_for_no_translations_and_changes_nothing(
    make_client: MakeClient, tmdb_server: TmdbFixtureServer
) -> None:
    movie = await make_client().movie(603)

    assert tmdb_server.requests[0].params["language"] == "en-US"
    assert "translations" not in tmdb_server.requests[0].params["append_to_response"]
    assert (movie.title, movie.overview[:14]) == ("The Matrix", "Set in the 22n")


async def test_search_answers_in_the_language(make_client: MakeClient) -> None:
    page = await make_client(language="de").search_movies("matrix")

    titles = {hit.tmdb_id: hit.title for hit in page.results}
    assert titles[603] == "Matrix"
    assert titles[604] == "The Matrix Reloaded"  # no German translation: TMDB's original title
