"""TMDB JSON to metadata models: the rules that pick dates, certificates, trailers and images."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from reelarr.metadata import CoverType, ReleaseDate, ReleaseType
from reelarr.metadata.tmdb_mapping import (
    MappingOptions,
    certification,
    earliest,
    movie_from_tmdb,
    parse_date,
    release_dates,
    youtube_trailer,
)

OPTIONS = MappingOptions()


def released(*entries: tuple[str, int, str, str]) -> dict[str, Any]:
    """A release_dates part from (country, type, date, certification) tuples."""
    countries: dict[str, list[dict[str, Any]]] = {}
    for country, kind, day, cert in entries:
        countries.setdefault(country, []).append(
            {
                "certification": cert,
                "iso_639_1": "",
                "note": "",
                "release_date": f"{day}T00:00:00.000Z",
                "type": kind,
            }
        )
    return {"results": [{"iso_3166_1": c, "release_dates": d} for c, d in countries.items()]}


def film(**fields: Any) -> dict[str, Any]:
    return {"id": 1, "title": "A Film", "original_title": "A Film", "original_language": "en", **fields}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1999-03-31", date(1999, 3, 31)),
        ("1999-03-31T00:00:00.000Z", date(1999, 3, 31)),
        ("", None),
        (None, None),
        ("1999-02-30", None),
        (19990331, None),
    ],
)
def test_parse_date(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_in_cinemas_is_the_earliest_theatrical_date_anywhere_premieres_aside() -> None:
    dates = release_dates(
        {
            "release_dates": released(
                ("US", 1, "2020-01-01", ""), ("US", 3, "2020-03-06", "R"), ("FR", 2, "2020-02-20", "")
            )
        }
    )
    assert earliest(dates, [ReleaseType.THEATRICAL, ReleaseType.THEATRICAL_LIMITED], None) == date(
        2020, 2, 20
    )


def test_a_preferred_country_wins_when_it_has_a_date_of_that_kind() -> None:
    dates = release_dates(
        {"release_dates": released(("US", 5, "2020-06-01", ""), ("GB", 5, "2020-05-01", ""))}
    )
    assert earliest(dates, [ReleaseType.PHYSICAL], "US") == date(2020, 6, 1)
    assert earliest(dates, [ReleaseType.PHYSICAL], "DE") == date(2020, 5, 1)
    assert earliest(dates, [ReleaseType.DIGITAL], "US") is None


def test_unknown_release_types_and_bad_dates_are_skipped() -> None:
    doc = {
        "release_dates": released(
            ("US", 9, "2020-01-01", ""), ("US", 3, "not a date", ""), ("US", 4, "2020-01-02", "")
        )
    }
    assert [entry.type for entry in release_dates(doc)] == [ReleaseType.DIGITAL]


def test_certification_prefers_the_country_and_theatrical_releases_then_the_us() -> None:
    dates = (
        ReleaseDate("DE", ReleaseType.PHYSICAL, date(2020, 1, 2), "12"),
        ReleaseDate("DE", ReleaseType.THEATRICAL, date(2020, 1, 1), "16"),
        ReleaseDate("US", ReleaseType.THEATRICAL, date(2020, 1, 1), "R"),
    )
    assert certification(dates, "DE") == "16"
    assert certification(dates, "FR") == "R"
    assert certification(dates[:2], "FR") is None


def test_without_any_release_dates_the_primary_date_counts_as_in_cinemas() -> None:
    movie = movie_from_tmdb(film(release_date="2001-07-20"), OPTIONS)
    assert (movie.in_cinemas, movie.year) == (date(2001, 7, 20), 2001)


def test_with_release_dates_the_primary_date_does_not_invent_a_cinema_release() -> None:
    movie = movie_from_tmdb(
        film(release_date="2020-04-24", release_dates=released(("US", 4, "2020-04-24", "R"))), OPTIONS
    )
    assert movie.in_cinemas is None
    assert movie.digital_release == date(2020, 4, 24)


def test_a_film_with_no_dates_at_all_has_no_year() -> None:
    movie = movie_from_tmdb(film(release_date="", runtime=None, imdb_id=""), OPTIONS)
    assert (movie.year, movie.runtime, movie.imdb_id, movie.studio) == (None, 0, None, None)


def test_the_imdb_id_may_come_from_external_ids() -> None:
    movie = movie_from_tmdb(film(imdb_id=None, external_ids={"imdb_id": "tt0000001"}), OPTIONS)
    assert movie.imdb_id == "tt0000001"


def test_the_trailer_is_an_official_youtube_trailer_in_the_language_first() -> None:
    videos = {
        "results": [
            {"site": "YouTube", "type": "Teaser", "key": "teaser", "official": True, "iso_639_1": "en"},
            {"site": "Vimeo", "type": "Trailer", "key": "vimeo", "official": True, "iso_639_1": "en"},
            {"site": "YouTube", "type": "Trailer", "key": "fan", "official": False, "iso_639_1": "en"},
            {"site": "YouTube", "type": "Trailer", "key": "german", "official": True, "iso_639_1": "de"},
            {"site": "YouTube", "type": "Trailer", "key": "english", "official": True, "iso_639_1": "en"},
        ]
    }
    assert youtube_trailer({"videos": videos}, "en-US") == "english"
    assert youtube_trailer({"videos": videos}, "de-DE") == "german"
    assert youtube_trailer({"videos": {"results": videos["results"][:2]}}, "en") == "teaser"
    assert youtube_trailer({}, "en") is None


def test_images_fall_back_to_the_best_voted_image_in_the_language() -> None:
    images = {
        "posters": [
            {"file_path": "/fr.jpg", "iso_639_1": "fr", "vote_average": 9.0},
            {"file_path": "/en-low.jpg", "iso_639_1": "en", "vote_average": 4.0},
            {"file_path": "/en-high.jpg", "iso_639_1": "en", "vote_average": 6.0},
        ],
        "logos": [{"file_path": "/logo.png", "iso_639_1": None, "vote_average": 1.0}],
    }
    movie = movie_from_tmdb(
        film(poster_path=None, images=images), MappingOptions(image_url="https://img.test/t/p/")
    )
    assert [(image.cover_type, image.remote_url) for image in movie.images] == [
        (CoverType.POSTER, "https://img.test/t/p/en-high.jpg"),
        (CoverType.CLEARLOGO, "https://img.test/t/p/logo.png"),
    ]


def test_alternative_titles_are_distinct_per_country() -> None:
    titles = {
        "titles": [
            {"iso_3166_1": "US", "title": "A Film", "type": ""},
            {"iso_3166_1": "FR", "title": "Un Film", "type": ""},
            {"iso_3166_1": "FR", "title": "un film ", "type": ""},
            {"iso_3166_1": "BE", "title": "Un Film", "type": ""},
            {"iso_3166_1": "DE", "title": "", "type": ""},
        ]
    }
    movie = movie_from_tmdb(film(alternative_titles=titles), OPTIONS)
    assert [(alt.title, alt.country) for alt in movie.alternative_titles] == [
        ("Un Film", "FR"),
        ("Un Film", "BE"),
    ]
