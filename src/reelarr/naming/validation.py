"""Radarr's rules for naming formats (FileNameValidation and the check of the sample's name), pure."""

from __future__ import annotations

import re

from reelarr.errors import ValidationFailure
from reelarr.naming.builder import NamingFormatError, build_file_name
from reelarr.naming.config import NamingConfig
from reelarr.naming.sample import SAMPLE_MOVIE, sample_file
from reelarr.parsing import parse_title

_MOVIE_TITLE = re.compile(
    r"\{Movie[- ._](?:Clean)?(?:OriginalTitle|Title(?:The)?)(?::[a-z0-9|-]+)?\}", re.IGNORECASE
)
_RELEASE_YEAR = re.compile(r"\{[-{ ._\[(]*Release[- ._]Year[-} ._)\]]*\}", re.IGNORECASE)
_ORIGINAL = re.compile(r"\{Original[- ._](?:Title|Filename)\}", re.IGNORECASE)
# Tokens with a value only for a file: a folder named by one would have no name to give.
_FILE_ONLY_TOKENS = re.compile(
    r"\{[- ._\[(]?(?:Original[- ._](?:Title|Filename)|Release[- ._]Group|Edition[- ._]Tags"
    r"|Quality[- ._](?:Full|Title|Proper|Real)"
    r"|MediaInfo[- ._](?:Video|VideoCodec|VideoBitDepth|Audio|AudioCodec|AudioChannels|AudioLanguages"
    r"|AudioLanguagesAll|SubtitleLanguages|SubtitleLanguagesAll|3D|Simple|Full|VideoDynamicRange"
    r"|VideoDynamicRangeType))[- ._\])]?\}",
    re.IGNORECASE,
)
# What .NET refuses in a path on Windows besides the characters every name is cleaned of.
_CONTROL = re.compile(r"[\x00-\x1f]")
# Far beyond any real format (TRaSH's longest is ~300); reading tokens costs the square of a run of
# braces, so the length is bounded before a name is built from it.
MAX_FORMAT_LENGTH = 1024


def length_failures(field: str, value: str) -> list[ValidationFailure]:
    """A format longer than any name could use is refused."""
    if len(value) <= MAX_FORMAT_LENGTH:
        return []
    message = f"Must be at most {MAX_FORMAT_LENGTH} characters long"
    return [ValidationFailure(field, message, value[:100] + "...", error_code="MaximumLengthValidator")]


def _common(field: str, label: str, value: str) -> list[ValidationFailure]:
    if not value.strip():
        return [
            ValidationFailure(field, f"'{label}' must not be empty.", value, error_code="NotEmptyValidator")
        ]
    too_long = length_failures(field, value)
    if too_long:
        return too_long
    bad = "".join(dict.fromkeys(_CONTROL.findall(value)))
    if bad:
        return [ValidationFailure(field, f"Contains illegal characters: {bad!r}", value)]
    return []


def movie_format_failures(value: str) -> list[ValidationFailure]:
    """The file format names the film (title and year) or keeps the original name."""
    found = _common("standardMovieFormat", "Standard Movie Format", value)
    if found:
        return found
    original = _ORIGINAL.search(value) is not None
    if not original and not (_MOVIE_TITLE.search(value) and _RELEASE_YEAR.search(value)):
        return [
            ValidationFailure(
                "standardMovieFormat",
                "Must contain either movie title and release year OR Original Title/Filename",
                value,
            )
        ]
    return []


def folder_format_failures(value: str) -> list[ValidationFailure]:
    """The folder format names the film and uses no token that only a file has."""
    found = _common("movieFolderFormat", "Movie Folder Format", value)
    if found:
        return found
    file_only = [m.group(0) for m in _FILE_ONLY_TOKENS.finditer(value)]
    if file_only:
        found.append(
            ValidationFailure(
                "movieFolderFormat",
                f"Must not contain deprecated tokens derived from file properties: {', '.join(file_only)}",
                value,
            )
        )
    if _MOVIE_TITLE.search(value) is None:
        found.append(ValidationFailure("movieFolderFormat", "Must contain movie title", value))
    return found


def sample_failures(config: NamingConfig, quality_title: str) -> list[ValidationFailure]:
    """The sample film's file name must read back as a film (Radarr's "Produces invalid file names")."""
    try:
        name = build_file_name(SAMPLE_MOVIE, sample_file(quality_title), config)
    except NamingFormatError:
        name = ""
    if not name or parse_title(name) is None:
        return [
            ValidationFailure(
                "standardMovieFormat", "Produces invalid file names", config.standard_movie_format
            )
        ]
    return []


def config_failures(config: NamingConfig, quality_title: str) -> list[ValidationFailure]:
    """Everything wrong with naming settings before they may be saved."""
    found = movie_format_failures(config.standard_movie_format)
    found += folder_format_failures(config.movie_folder_format)
    if not found:
        found += sample_failures(config, quality_title)
    return found
