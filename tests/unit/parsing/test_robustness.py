"""The parser never raises, whatever the input, and stays fast on hostile titles."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reelarr import parsing
from reelarr.languages import find_iso_language

PUBLIC_FUNCTIONS: list[Callable[[str], Any]] = [
    parsing.parse_title,
    lambda text: parsing.parse_title(text, is_dir=True),
    parsing.parse_path,
    parsing.parse_quality,
    parsing.parse_resolution,
    parsing.parse_languages,
    parsing.parse_release_group,
    parsing.parse_edition,
    parsing.parse_hardcoded_subs,
    parsing.parse_imdb_id,
    parsing.parse_tmdb_id,
    parsing.normalize_imdb_id,
    parsing.clean_title,
    parsing.url_slug,
    lambda text: parsing.url_slug(text, True, "", ""),
    parsing.remove_accents,
    parsing.is_scene_title,
    parsing.scene_title,
    parsing.parse_subtitle_language,
    parsing.parse_subtitle_info,
    find_iso_language,
]

# Text built from the pieces release names are made of, so the search reaches deep parser paths.
RELEASE_PIECES = st.sampled_from(
    [
        "Movie",
        "The",
        "Title",
        "2019",
        "1999",
        "1080p",
        "2160p",
        "720p",
        "BluRay",
        "WEB-DL",
        "WEBRip",
        "HDTV",
        "REMUX",
        "x264",
        "HEVC",
        "German",
        "DL",
        "ML",
        "MULTi",
        "FRENCH",
        "ENG",
        "Subs",
        "PROPER",
        "REPACK2",
        "REAL",
        "v2",
        "[",
        "]",
        "(",
        ")",
        ".",
        "-",
        "_",
        " ",
        "AKA",
        "/",
        "Director's.Cut",
        "IMAX",
        "tt1234567",
        "tmdb-123",
        "[HASH1234]",
        "[SubsPlease]",
        "-GRP",
        "www.site.com - ",
        ".mkv",
        ".srt",
        "é",
        "日本",
    ]
)
RELEASE_LIKE = st.lists(RELEASE_PIECES, max_size=30).map("".join)


@pytest.mark.parametrize("function", PUBLIC_FUNCTIONS)
@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300))
def test_no_public_function_raises_on_any_string(function: Callable[[str], Any], text: str) -> None:
    function(text)


@pytest.mark.parametrize("function", PUBLIC_FUNCTIONS)
@settings(max_examples=150, deadline=None)
@given(text=RELEASE_LIKE)
def test_no_public_function_raises_on_release_like_strings(function: Callable[[str], Any], text: str) -> None:
    function(text)


@settings(max_examples=300, deadline=None)
@given(text=RELEASE_LIKE)
def test_a_parsed_title_is_consistent(text: str) -> None:
    result = parsing.parse_title(text)
    if result is not None:
        assert result.titles[0] == result.title
        assert result.languages
        assert result.year == 0 or 1800 <= result.year <= 2099


def _fill(piece: str, tail: str = "") -> str:
    """Repeat a piece to make a title of exactly 10,000 characters ending in `tail`."""
    body = piece * (10_000 // len(piece) + 1)
    return body[: 10_000 - len(tail)] + tail


HOSTILE = {
    "dots": _fill("."),
    "brackets": "[" * 5_000 + "]" * 5_000,
    "open brackets": _fill("[("),
    "digits": _fill("1"),
    "years": _fill("2019."),
    "years without separators": _fill("2019"),
    "repeated words": _fill("Movie."),
    "repeated German": _fill("German."),
    "German tags then DL": _fill("2016 German ", "DL"),
    "dashes": _fill("-a"),
    "groups": _fill("x264-GRP."),
    "unicode": _fill("Ünïcødé 日本語 "),
    "spaces": _fill(" "),
    "editions": _fill("Directors.Cut."),
    "aka": _fill("a AKA b "),
    "hashes": _fill("[ABCDEF12]"),
    "bracketed years": _fill("[2019]"),
    "whole releases": _fill("Movie.Title.2019.1080p.BluRay.x264-GRP "),
    "disc tags": _fill("German.ML.2016.Bluray.AVC."),
    "subtitle tags": _fill("a.eng.forced"),
    "site": "www." + _fill("a", ".com - x")[4:],
}


@pytest.mark.parametrize("title", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_ten_thousand_character_title_parses_in_under_50_ms(title: str) -> None:
    assert len(title) == 10_000
    # Best of three, so a garbage collection or a busy neighbour does not count against the parser.
    elapsed = min(_timed(parsing.parse_title, title) for _ in range(3))
    assert elapsed < 0.050, f"{elapsed * 1000:.1f} ms"


def _timed(function: Callable[[str], Any], title: str) -> float:
    start = time.perf_counter()
    function(title)
    return time.perf_counter() - start
