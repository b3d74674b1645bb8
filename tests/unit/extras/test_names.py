"""Subtitle languages and tags from names, the suffixes extras get, and the wanted extensions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reelarr.extras.names import belongs_to, extra_path, subtitle_language, subtitle_suffix, wanted_extensions
from reelarr.languages import UNKNOWN, lang


@pytest.mark.parametrize(
    ("name", "language", "tags"),
    [
        ("Movie.2010.en.srt", "English", ()),
        ("Movie.2010.eng.srt", "English", ()),
        ("Movie.2010.fr.forced.srt", "French", ("forced",)),
        ("Movie.2010.sdh.en.forced.srt", "English", ("sdh", "forced")),
        ("Movie 2010 - German.srt", "German", ()),
        ("Movie.2010.srt", "Unknown", ()),
        ("en.srt", "Unknown", ()),
    ],
)
def test_a_subtitle_name_gives_its_language_and_tags(name: str, language: str, tags: tuple[str, ...]) -> None:
    assert subtitle_language(name) == (lang(language), tags)


@given(st.text())
def test_any_name_parses_without_raising(name: str) -> None:
    subtitle_language(name + ".srt")


def test_suffixes_carry_the_two_letter_code_tags_and_copy_numbers() -> None:
    assert subtitle_suffix(lang("English"), ()) == ".en"
    assert subtitle_suffix(lang("French"), ("forced",)) == ".fr.forced"
    assert subtitle_suffix(lang("English"), (), copy=2, multiple=True) == ".2.en"
    assert subtitle_suffix(UNKNOWN, ()) == ""


def test_an_extra_is_named_after_its_video() -> None:
    assert extra_path("Movie (2010).mkv", ".en", ".srt") == "Movie (2010).en.srt"
    assert extra_path("Sub/Movie (2010).mkv", "", ".nfo") == "Sub/Movie (2010).nfo"


def test_wanted_extensions_accept_dots_spaces_and_case() -> None:
    assert wanted_extensions("srt, .NFO,,sub ") == {".srt", ".nfo", ".sub"}
    assert wanted_extensions("") == frozenset()


@pytest.mark.parametrize(
    ("video", "candidate", "belongs"),
    [
        ("The.Matrix.1999.1080p.WEB-DL.mkv", "The.Matrix.1999.en.srt", True),
        ("The.Matrix.1999.1080p.WEB-DL.mkv", "the matrix (1999).eng.forced.srt", True),
        ("The.Matrix.1999.1080p.WEB-DL.mkv", "The.Matrix.1999.1080p.WEB-DL.de.srt", True),
        ("The.Matrix.1999.1080p.WEB-DL.mkv", "The.Matrix.Reloaded.2003.en.srt", False),
        ("The.Matrix.1999.1080p.WEB-DL.mkv", "The.Matrix.2003.en.srt", False),
        ("The.Matrix.1999.1080p.WEB-DL.mkv", "english.srt", False),
        ("Movie.mkv", "Other.srt", False),
    ],
)
def test_an_extra_belongs_to_a_video_by_its_name_or_by_film_and_year(
    video: str, candidate: str, belongs: bool
) -> None:
    assert belongs_to(video, candidate) is belongs
