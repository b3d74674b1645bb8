"""Cleaning built names: illegal characters, colon modes, separators, device names."""

from __future__ import annotations

import pytest

from reelarr.naming.cleanup import clean_file_name, tidy_file_component, tidy_folder_component
from reelarr.naming.config import ColonReplacement, NamingConfig
from reelarr.naming.tokens import ELLIPSIS


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mission: Impossible - no [HDTV-720p]", "Mission - Impossible - no [HDTV-720p]"),
        (".45 (2006)", "45 (2006)"),
        (" The Movie Title ", "The Movie Title"),
        ('a\\b/c<d>e?f*g|h"i', "a+b+cde!f-ghi"),
        ("Tab\tand\x1fbell\x07", "Tabandbell"),
    ],
)
def test_clean_file_name_with_radarrs_defaults(name: str, expected: str) -> None:
    assert clean_file_name(name) == expected


@pytest.mark.parametrize(
    ("mode", "spaced", "tight"),
    [
        (ColonReplacement.SMART, "CSI - Vegas", "Movie-Title"),
        (ColonReplacement.DASH, "CSI- Vegas", "Movie-Title"),
        (ColonReplacement.DELETE, "CSI Vegas", "MovieTitle"),
        (ColonReplacement.SPACE_DASH, "CSI - Vegas", "Movie -Title"),
        (ColonReplacement.SPACE_DASH_SPACE, "CSI -  Vegas", "Movie - Title"),
    ],
)
def test_colon_modes(mode: ColonReplacement, spaced: str, tight: str) -> None:
    config = NamingConfig(colon_replacement_format=mode)
    assert clean_file_name("CSI: Vegas", config) == spaced
    assert clean_file_name("Movie:Title", config) == tight


def test_without_replacing_illegal_characters_they_and_colons_are_dropped() -> None:
    config = NamingConfig(replace_illegal_characters=False)
    assert clean_file_name("Who? What: *That*", config) == "Who What That"


@pytest.mark.parametrize(
    ("component", "expected"),
    [
        ("HDTV-720p  South Park", "HDTV-720p South Park"),
        ("Venture.Bros.", "Venture.Bros"),
        ("Title - ", "Title"),
        ("Con.Game (2021)", "Con_Game (2021)"),
        ("com1.Sat", "com1_Sat"),
        ("Console.Wars", "Console.Wars"),
        (".2010.Bluray-1080p", "2010.Bluray-1080p"),
        (f"The Fantastic{ELLIPSIS}", "The Fantastic..."),
    ],
)
def test_tidy_file_component(component: str, expected: str) -> None:
    assert tidy_file_component(component) == expected


def test_tidy_folder_component_trims_dots_at_both_ends() -> None:
    assert tidy_folder_component(".hack  Sign.") == "hack Sign"
