"""Pieces of Radarr's webhook payloads, built from plain values."""

from __future__ import annotations

from datetime import UTC, date, datetime

from reelarr.languages import Language
from reelarr.movies.model import MinimumAvailability, Movie
from reelarr.notifications.logs import redact
from reelarr.notifications.payloads import movie_json, relative_to, release_date, utc_time

ENGLISH = Language(1, "English")


def film(**values: object) -> Movie:
    base: dict[str, object] = {
        "id": 7,
        "tmdb_id": 603,
        "imdb_id": None,
        "title": "The Matrix",
        "original_title": "The Matrix",
        "sort_title": "matrix",
        "clean_title": "thematrix",
        "year": 1999,
        "overview": "A hacker learns the truth.",
        "runtime": 136,
        "tmdb_status": "released",
        "original_language": ENGLISH,
        "monitored": True,
        "minimum_availability": MinimumAvailability.RELEASED,
        "quality_profile_id": 1,
        "path": "/movies/The Matrix (1999)",
        "root_folder_path": "/movies",
        "added": datetime(2024, 1, 1, tzinfo=UTC),
    }
    return Movie(**{**base, **values})  # type: ignore[arg-type]


def test_the_release_date_is_the_physical_one_else_ninety_days_after_cinemas_else_the_end_of_time() -> None:
    assert (
        release_date(film(physical_release=date(1999, 9, 21), in_cinemas=date(1999, 3, 31))) == "1999-09-21"
    )
    assert release_date(film(in_cinemas=date(1999, 3, 31))) == "1999-06-29"
    assert release_date(film()) == "9999-12-31"


def test_times_are_utc_with_a_z_and_no_trailing_zeros() -> None:
    assert utc_time(datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)) == "2024-05-06T07:08:09Z"
    assert utc_time(datetime(2024, 5, 6, 7, 8, 9, 120000, tzinfo=UTC)) == "2024-05-06T07:08:09.12Z"


def test_a_movie_without_an_imdb_id_leaves_it_out_and_sorts_its_tag_labels() -> None:
    found = movie_json(film(genres=("Action",)), ["zeta", "alpha", " "], [])
    assert "imdbId" not in found
    assert found["tags"] == ["alpha", "zeta"]
    assert found["originalLanguage"] == {"id": 1, "name": "English"}
    assert found["genres"] == ["Action"]


def test_a_path_inside_the_folder_is_made_relative() -> None:
    assert relative_to("/movies/The Matrix (1999)/a.mkv", "/movies/The Matrix (1999)") == "a.mkv"
    assert relative_to("/elsewhere/a.mkv", "/movies/The Matrix (1999)") == "/elsewhere/a.mkv"


def test_an_error_message_keeps_only_the_webhooks_origin() -> None:
    url = "https://user:pw@hooks.example.com:8443/T0KEN/abc?key=secret"
    message = "cannot connect (POST https://user:pw@hooks.example.com:8443/T0KEN/abc)"
    assert redact(message, url) == "cannot connect (POST https://hooks.example.com:8443)"
