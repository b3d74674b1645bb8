"""The token syntax: prefixes and suffixes, separators, case, truncation, lookup."""

from __future__ import annotations

import pytest

from reelarr.naming.tokens import ELLIPSIS, TokenMatch, replace_tokens, token_count, token_key, truncate

HANDLERS = {
    token_key("Movie Title"): lambda m: "South Park",
    token_key("Quality Proper"): lambda m: "",
    token_key("Release Group"): lambda m: m.default("Radarr"),
    token_key("Echo"): lambda m: m.format or "",
}


def replace(pattern: str) -> str:
    return replace_tokens(pattern, HANDLERS, lambda value: value)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("{Movie Title}", "South Park"),
        ("{Movie.Title}", "South.Park"),
        ("{Movie_Title}", "South_Park"),
        ("{Movie-Title}", "South-Park"),
        ("{MOVIE TITLE}", "SOUTH PARK"),
        ("{movie title}", "south park"),
        ("{mOvIe-tItLE}", "South-Park"),
        ("{MovieTitle}", "South Park"),
        ("{[Movie Title]}", "[South Park]"),
        ("{[Quality Proper]}", ""),
        ("{Unknown Token}", ""),
        ("{Release Group}", "Radarr"),
        ("{-Release Group}", ""),
        ("{ [Release Group]}", ""),
        ("{Echo:-a}", "-a"),
        ("{Echo:a|b}", "a|b"),
        ("{Echo:-}", "{Echo:-}"),
        ("{Echo:}", "{Echo:}"),
        ("{imdb-{Movie Title}}", "{imdb-South Park}"),
        ("{{imdbid-{Movie Title}}}", "{{imdbid-South Park}}"),
        ("{edition-{Quality Proper}}", ""),
        ("{{Movie Title}}", "{South Park}"),
    ],
)
def test_replace_tokens(pattern: str, expected: str) -> None:
    assert replace(pattern) == expected


def test_token_lookup_ignores_case_spaces_and_punctuation() -> None:
    assert token_key("Movie.Title") == token_key("movie_title") == token_key("MOVIE TITLE") == "movietitle"


def test_the_cleaner_sees_the_value_before_the_prefix_and_suffix() -> None:
    seen: list[str] = []
    replace_tokens("{[Movie Title]}", HANDLERS, lambda value: seen.append(value) or value)
    assert seen == ["South Park"]


@pytest.mark.parametrize(
    ("value", "format", "expected"),
    [
        ("The Fantastic Life of Mr. Sisko", "16", f"The Fantastic{ELLIPSIS}"),
        ("The Fantastic Life of Mr. Sisko", "-13", f"{ELLIPSIS}Mr. Sisko"),
        ("The Fantastic Life of Mr. Sisko", "31", "The Fantastic Life of Mr. Sisko"),
        ("The Fantastic Life of Mr. Sisko", "de", "The Fantastic Life of Mr. Sisko"),
        ("The Fantastic Life of Mr. Sisko", None, "The Fantastic Life of Mr. Sisko"),
        ("Title", "2", ELLIPSIS),
        (None, "16", ""),
        ("  ", "16", ""),
    ],
)
def test_truncate(value: str | None, format: str | None, expected: str) -> None:
    assert truncate(value, format) == expected


def test_token_count() -> None:
    assert token_count("{Movie Title} {imdb-{ImdbId}} plain {x") == 2


def test_a_token_with_a_prefix_or_suffix_has_no_default() -> None:
    match = TokenMatch(tag="", prefix="-", token="Release Group", separator=" ", format=None, suffix="")
    assert match.default("Radarr") == ""
