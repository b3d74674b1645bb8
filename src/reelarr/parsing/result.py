"""What parsing a release title yields."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.languages import Language
from reelarr.quality.revision import QualityModel


@dataclass(frozen=True, slots=True)
class ParsedMovieInfo:
    """A release title read as a movie: titles, year, edition, group, ids, languages and quality."""

    title: str
    titles: tuple[str, ...]
    year: int
    edition: str
    release_group: str | None
    imdb_id: str | None
    tmdb_id: int
    hardcoded_subs: str | None
    languages: tuple[Language, ...]
    quality: QualityModel
    original_title: str
    release_title: str
    simple_release_title: str
    release_hash: str | None = None


@dataclass(frozen=True, slots=True)
class MovieNames:
    """Only what matching a release to a film reads: its titles, year and ids, as ParsedMovieInfo has them."""

    title: str
    titles: tuple[str, ...]
    year: int
    imdb_id: str | None
    tmdb_id: int
