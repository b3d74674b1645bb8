"""Releases find their film among thousands by ids, then by any title the film is known by and year."""

from __future__ import annotations

from dataclasses import replace

from reelarr.movies.model import AlternativeTitle
from reelarr.parsing import ParsedMovieInfo, parse_title
from reelarr.search.library_index import LibraryIndex, matches_movie
from tests.unit.decisions.builders import movie


def _parsed(title: str) -> ParsedMovieInfo:
    parsed = parse_title(title)
    assert parsed is not None
    return parsed


MATRIX = movie()
AMELIE = movie(
    id=2,
    tmdb_id=194,
    imdb_id="tt0211915",
    title="Amélie",
    original_title="Le Fabuleux Destin d'Amélie Poulain",
    clean_title="amelie",
    year=2001,
    alternative_titles=(AlternativeTitle("Die fabelhafte Welt der Amelie", "diefabelhafteweltderamelie"),),
)
REMAKE = movie(id=3, tmdb_id=900, imdb_id="tt9000000", title="The Matrix", clean_title="thematrix", year=2031)
INDEX = LibraryIndex([MATRIX, AMELIE, REMAKE])


def test_title_and_year_pick_one_film() -> None:
    assert INDEX.match(_parsed("The.Matrix.1999.1080p.BluRay.x264-GRP")) == MATRIX
    assert INDEX.match(_parsed("The.Matrix.2031.1080p.WEB-DL-GRP")) == REMAKE


def test_two_films_of_one_title_without_a_year_match_neither() -> None:
    yearless = replace(_parsed("The.Matrix.1999.1080p.BluRay.x264-GRP"), year=0)
    assert INDEX.match(yearless) is None


def test_original_and_alternative_titles_match() -> None:
    assert INDEX.match(_parsed("Le.Fabuleux.Destin.d.Amelie.Poulain.2001.1080p.BluRay-GRP")) == AMELIE
    assert INDEX.match(_parsed("Die.fabelhafte.Welt.der.Amelie.2001.German.1080p.BluRay-GRP")) == AMELIE


def test_the_indexers_ids_come_first() -> None:
    wrongly_named = _parsed("Some.Other.Title.2001.1080p.BluRay-GRP")
    assert INDEX.match(wrongly_named, tmdb_id=194) == AMELIE
    assert INDEX.match(wrongly_named, imdb_id="TT0133093") == MATRIX
    assert INDEX.match(wrongly_named) is None


def test_unknown_films_match_nothing() -> None:
    assert INDEX.match(_parsed("Unknown.Film.2020.1080p.WEB-DL-GRP")) is None
    assert len(INDEX) == 3


def test_a_searched_films_release_must_be_about_it() -> None:
    assert matches_movie(_parsed("The.Matrix.1999.720p.HDTV-GRP"), MATRIX)
    assert not matches_movie(_parsed("The.Matrix.Reloaded.2003.720p.HDTV-GRP"), MATRIX)
    assert not matches_movie(_parsed("The.Matrix.2031.720p.HDTV-GRP"), MATRIX)
    assert matches_movie(_parsed("The.Matrix.1999.720p.HDTV-GRP"), replace(MATRIX, secondary_year=1998))


def test_a_film_removed_is_matched_no_more_and_its_namesake_is_then_unique() -> None:
    index = LibraryIndex([MATRIX, AMELIE, REMAKE])
    index.remove(REMAKE.id)
    yearless = replace(_parsed("The.Matrix.1999.1080p.BluRay.x264-GRP"), year=0)
    assert index.match(yearless) == MATRIX
    assert index.match(_parsed("The.Matrix.2031.1080p.WEB-DL-GRP")) is None
    assert index.match(_parsed("Some.Title.2031.1080p-GRP"), tmdb_id=900) is None
    assert REMAKE.id not in index
    index.remove(REMAKE.id)  # twice: nothing happens
    assert len(index) == 2


def test_a_film_added_again_is_known_by_its_new_titles_only() -> None:
    index = LibraryIndex([MATRIX, AMELIE])
    retitled = replace(AMELIE, title="Amelie Redux", clean_title="ameliredux", alternative_titles=())
    index.add(retitled)
    assert len(index) == 2
    assert index.match(_parsed("Amelie.Redux.2001.1080p.BluRay-GRP")) == retitled
    assert index.match(_parsed("Die.fabelhafte.Welt.der.Amelie.2001.German.1080p.BluRay-GRP")) is None
    assert index.match(_parsed("Some.Title.2001.1080p-GRP"), tmdb_id=194) == retitled


def test_films_sharing_an_imdb_id_answer_with_the_lowest_id_whatever_the_order() -> None:
    twin = replace(REMAKE, id=7, imdb_id=MATRIX.imdb_id)
    untitled = _parsed("Some.Other.Title.2001.1080p.BluRay-GRP")
    for films in ([MATRIX, twin], [twin, MATRIX]):
        assert LibraryIndex(films).match(untitled, imdb_id=MATRIX.imdb_id) == MATRIX
    index = LibraryIndex([MATRIX, twin])
    index.remove(MATRIX.id)
    assert index.match(untitled, imdb_id=MATRIX.imdb_id) == twin
