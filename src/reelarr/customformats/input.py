"""What custom formats are matched against: one release (or file), built by search, decisions and imports."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reelarr.languages import ORIGINAL, UNKNOWN, Language
from reelarr.parsing.result import ParsedMovieInfo
from reelarr.quality.catalogue import UNKNOWN as UNKNOWN_QUALITY
from reelarr.quality.catalogue import Quality

_UNSAFE_RE = re.compile(r"\s*[<>?*|]")


@dataclass(frozen=True, slots=True)
class FormatInput:
    """One release or file as the conditions see it.

    `release_title` is the parser's simple release title (Radarr's SimpleReleaseTitle, the title with
    the movie's name replaced), `file_name` the file's name when matching a file. `year` is the year
    read from the title (0 when none); `movie_year` and `original_language` come from the library's
    movie when the release maps to one (None when it does not).
    """

    release_title: str | None = None
    file_name: str | None = None
    edition: str | None = None
    release_group: str | None = None
    quality: Quality = UNKNOWN_QUALITY
    languages: tuple[Language, ...] = ()
    size: int = 0
    indexer_flags: int = 0
    year: int = 0
    movie_year: int | None = None
    original_language: Language | None = None


def simplify_release_title(title: str) -> str:
    """A title without the characters Radarr strips before matching (`<>?*|` and spaces before them)."""
    return _UNSAFE_RE.sub("", title)


def release_languages(
    parsed: Sequence[Language],
    original_language: Language | None,
    indexer_languages: Sequence[Language] = (),
) -> tuple[Language, ...]:
    """The languages of a release as Radarr settles them once the movie is known.

    The indexer's languages win over the parsed ones; a release with no known language gets the
    movie's original language; "Original" in a title becomes the movie's original language. With
    no movie (`original_language` None) the languages stay as given.
    """
    languages = list(indexer_languages or parsed)
    if original_language is None:
        return tuple(languages)
    if not languages or languages == [UNKNOWN]:
        languages = [original_language]
    if ORIGINAL in languages:
        languages.remove(ORIGINAL)
        languages.append(UNKNOWN if original_language in languages else original_language)
    return tuple(languages)


def release_input(
    info: ParsedMovieInfo,
    *,
    size: int = 0,
    indexer_flags: int = 0,
    languages: Sequence[Language] | None = None,
    movie_year: int | None = None,
    original_language: Language | None = None,
) -> FormatInput:
    """The input for a parsed release; `languages` default to what the title says, settled against
    the movie's original language when the movie is known."""
    settled = (
        tuple(languages) if languages is not None else release_languages(info.languages, original_language)
    )
    return FormatInput(
        release_title=info.simple_release_title,
        edition=info.edition or None,
        release_group=info.release_group,
        quality=info.quality.quality,
        languages=settled,
        size=size,
        indexer_flags=indexer_flags,
        year=info.year,
        movie_year=movie_year,
        original_language=original_language,
    )


def file_input(
    *,
    release_title: str,
    file_name: str | None,
    quality: Quality,
    languages: Sequence[Language],
    size: int,
    release_group: str | None = None,
    edition: str | None = None,
    indexer_flags: int = 0,
    movie_year: int | None = None,
    original_language: Language | None = None,
) -> FormatInput:
    """The input for a movie file: `release_title` is its scene name, else its original file name,
    else its file name (as Radarr picks it); a file has no parsed year, so the movie's counts."""
    return FormatInput(
        release_title=simplify_release_title(release_title),
        file_name=file_name,
        edition=edition or None,
        release_group=release_group,
        quality=quality,
        languages=tuple(languages),
        size=size,
        indexer_flags=indexer_flags,
        movie_year=movie_year,
        original_language=original_language,
    )
