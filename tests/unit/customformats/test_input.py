"""What a release looks like to custom formats: built from a parsed title or from a movie file."""

from __future__ import annotations

import pytest

from reelarr.customformats.input import file_input, release_input, release_languages, simplify_release_title
from reelarr.languages import ORIGINAL, UNKNOWN, Language, lang
from reelarr.parsing import parse_title
from reelarr.quality.catalogue import quality

ENGLISH, FRENCH, GERMAN, JAPANESE = lang("English"), lang("French"), lang("German"), lang("Japanese")


@pytest.mark.parametrize(
    ("parsed", "original", "indexer", "expected"),
    [
        ((FRENCH,), None, (), (FRENCH,)),
        ((UNKNOWN,), None, (), (UNKNOWN,)),
        ((UNKNOWN,), JAPANESE, (), (JAPANESE,)),
        ((), JAPANESE, (), (JAPANESE,)),
        ((GERMAN, ORIGINAL), JAPANESE, (), (GERMAN, JAPANESE)),
        ((JAPANESE, ORIGINAL), JAPANESE, (), (JAPANESE, UNKNOWN)),
        ((UNKNOWN,), JAPANESE, (FRENCH,), (FRENCH,)),
    ],
)
def test_release_languages_are_settled_against_the_movie(
    parsed: tuple[Language, ...],
    original: Language | None,
    indexer: tuple[Language, ...],
    expected: tuple[Language, ...],
) -> None:
    assert release_languages(parsed, original, indexer) == expected


def test_release_input_from_a_parsed_title() -> None:
    info = parse_title("The.Matrix.1999.Directors.Cut.1080p.BluRay.x264-GRP")
    assert info is not None
    subject = release_input(info, size=123, indexer_flags=8, movie_year=1999, original_language=ENGLISH)
    assert subject.release_title == info.simple_release_title
    assert "Matrix" not in (subject.release_title or ""), "the movie's name is not matched against"
    assert subject.edition == "Directors Cut"
    assert subject.release_group == "GRP"
    assert subject.quality == quality("Bluray-1080p")
    assert subject.languages == (ENGLISH,)
    assert (subject.size, subject.indexer_flags, subject.year, subject.movie_year) == (123, 8, 1999, 1999)


def test_release_input_without_a_movie_keeps_the_parsed_languages() -> None:
    info = parse_title("Amelie.2001.1080p.BluRay.x264-GRP")
    assert info is not None
    assert release_input(info).languages == info.languages


def test_file_input_has_no_year_of_its_own() -> None:
    subject = file_input(
        release_title="Movie.2019.1080p.WEB-DL.DDP5.1.H.264-GRP",
        file_name="Movie (2019) WEBDL-1080p.mkv",
        quality=quality("WEBDL-1080p"),
        languages=(ENGLISH,),
        size=5,
        movie_year=2019,
    )
    assert subject.year == 0
    assert subject.movie_year == 2019
    assert subject.file_name == "Movie (2019) WEBDL-1080p.mkv"


def test_titles_lose_the_characters_radarr_strips() -> None:
    assert simplify_release_title("Movie <2019> | GRP?*") == "Movie2019 GRP"
