"""The naming settings, with Radarr's defaults."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ColonReplacement(StrEnum):
    """What a colon in a name becomes (Radarr's ColonReplacementFormat, in its order)."""

    DELETE = "delete"
    DASH = "dash"
    SPACE_DASH = "spaceDash"
    SPACE_DASH_SPACE = "spaceDashSpace"
    SMART = "smart"


COLON_BY_NUMBER: tuple[ColonReplacement, ...] = tuple(ColonReplacement)


def colon_replacement(value: str | int) -> ColonReplacement | None:
    """The mode a client named by Radarr's name (any case) or number, or None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return COLON_BY_NUMBER[value] if 0 <= value < len(COLON_BY_NUMBER) else None
    text = str(value).strip()
    if text.isdigit():
        return colon_replacement(int(text))
    return next((mode for mode in ColonReplacement if mode.value.lower() == text.lower()), None)


DEFAULT_MOVIE_FORMAT = "{Movie Title} ({Release Year}) {Quality Full}"
DEFAULT_FOLDER_FORMAT = "{Movie Title} ({Release Year})"


@dataclass(frozen=True, slots=True)
class NamingConfig:
    """How films' folders and files are named."""

    rename_movies: bool = False
    replace_illegal_characters: bool = True
    colon_replacement_format: ColonReplacement = ColonReplacement.SMART
    standard_movie_format: str = DEFAULT_MOVIE_FORMAT
    movie_folder_format: str = DEFAULT_FOLDER_FORMAT
