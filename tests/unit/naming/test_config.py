"""The naming settings and the colon modes' names and numbers."""

from __future__ import annotations

import pytest

from reelarr.naming.config import ColonReplacement, NamingConfig, colon_replacement


def test_radarrs_defaults() -> None:
    config = NamingConfig()
    assert config.rename_movies is False
    assert config.replace_illegal_characters is True
    assert config.colon_replacement_format is ColonReplacement.SMART
    assert config.standard_movie_format == "{Movie Title} ({Release Year}) {Quality Full}"
    assert config.movie_folder_format == "{Movie Title} ({Release Year})"


@pytest.mark.parametrize(
    ("value", "mode"),
    [
        (0, ColonReplacement.DELETE),
        (4, ColonReplacement.SMART),
        ("3", ColonReplacement.SPACE_DASH_SPACE),
        ("spaceDash", ColonReplacement.SPACE_DASH),
        ("SPACEDASHSPACE", ColonReplacement.SPACE_DASH_SPACE),
        (" smart ", ColonReplacement.SMART),
        (5, None),
        (-1, None),
        ("colon", None),
        (True, None),
    ],
)
def test_colon_replacement_by_name_or_number(value: str | int, mode: ColonReplacement | None) -> None:
    assert colon_replacement(value) is mode
