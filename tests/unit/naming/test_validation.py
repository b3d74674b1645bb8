"""Radarr's rules for naming formats."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reelarr.errors import ValidationFailure
from reelarr.naming.config import NamingConfig
from reelarr.naming.validation import (
    MAX_FORMAT_LENGTH,
    config_failures,
    folder_format_failures,
    movie_format_failures,
    sample_failures,
)


@pytest.mark.parametrize(
    "pattern",
    [
        "{Movie Title} ({Release Year}) {Quality Full}",
        "{Movie.CleanTitle}.{Release.Year}",
        "{Movie OriginalTitle} {(Release Year)}",
        "{Movie TitleThe:30} [{Release Year}]",
        "{Original Title}",
        "{Original Filename}",
        "{Movie Title} {Original Filename}",
    ],
)
def test_file_formats_that_name_the_film(pattern: str) -> None:
    assert movie_format_failures(pattern) == []


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("", "'Standard Movie Format' must not be empty."),
        ("   ", "'Standard Movie Format' must not be empty."),
        ("{Movie Title}", "Must contain either movie title and release year OR Original Title/Filename"),
        ("{Release Year} {Quality Full}", "Must contain either movie title"),
        ("{Movie Title} {Release Year}\x00", "Contains illegal characters"),
    ],
)
def test_file_formats_that_do_not(pattern: str, message: str) -> None:
    [failure] = movie_format_failures(pattern)
    assert failure.property_name == "standardMovieFormat"
    assert failure.error_message.startswith(message)


@pytest.mark.parametrize(
    ("pattern", "messages"),
    [
        ("{Movie Title} ({Release Year})", []),
        ("{Movie TitleFirstCharacter}/{Movie TitleThe} {imdb-{ImdbId}} {tmdb-{TmdbId}}", []),
        ("", ["'Movie Folder Format' must not be empty."]),
        ("{Release Year}", ["Must contain movie title"]),
        (
            "{Movie Title} {Quality Full} {[Release Group]} {MediaInfo VideoCodec}",
            [
                "Must not contain deprecated tokens derived from file properties: "
                "{Quality Full}, {[Release Group]}, {MediaInfo VideoCodec}"
            ],
        ),
    ],
)
def test_folder_formats(pattern: str, messages: list[str]) -> None:
    assert [f.error_message for f in folder_format_failures(pattern)] == messages


def test_a_name_that_does_not_read_back_as_a_film_is_refused_while_renaming() -> None:
    config = NamingConfig(rename_movies=True, standard_movie_format="{Release Year} {Movie Title}")
    [failure] = sample_failures(config, "Bluray-1080p")
    assert (failure.property_name, failure.error_message) == (
        "standardMovieFormat",
        "Produces invalid file names",
    )
    assert sample_failures(NamingConfig(standard_movie_format="{Release Year} {Movie Title}"), "x") == []


def test_radarrs_defaults_pass() -> None:
    assert config_failures(NamingConfig(), "Bluray-1080p") == []
    assert config_failures(NamingConfig(rename_movies=True), "Bluray-1080p") == []


def test_the_sample_is_checked_only_once_the_formats_pass() -> None:
    config = NamingConfig(rename_movies=True, standard_movie_format="{Quality Full}")
    assert [f.error_message for f in config_failures(config, "x")] == [
        "Must contain either movie title and release year OR Original Title/Filename"
    ]


@pytest.mark.parametrize("check", [movie_format_failures, folder_format_failures])
def test_a_format_longer_than_any_name_is_refused(check: Callable[[str], list[ValidationFailure]]) -> None:
    pattern = "{Movie Title} {Release Year}" + "{" * MAX_FORMAT_LENGTH
    [failure] = check(pattern)
    assert failure.error_message == f"Must be at most {MAX_FORMAT_LENGTH} characters long"
