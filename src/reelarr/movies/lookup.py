"""Finding films to add: a search term, a TMDB or IMDb id, or a TMDB/IMDb address."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from reelarr.errors import NotFound
from reelarr.metadata.models import MovieMetadata, MovieSearchPage, MovieSearchResult
from reelarr.movies.folder_names import parse_folder_name

_TMDB_TERM = re.compile(r"^\s*tmdb(?:id)?\s*:\s*(\d+)\s*$", re.IGNORECASE)
_IMDB_TERM = re.compile(r"^\s*(?:imdb(?:id)?\s*:\s*)?(tt\d{5,10})\s*$", re.IGNORECASE)
_TMDB_URL = re.compile(r"themoviedb\.org/movie/(\d+)", re.IGNORECASE)
_IMDB_URL = re.compile(r"imdb\.com/title/(tt\d{5,10})", re.IGNORECASE)
_TRAILING_YEAR = re.compile(r"^(?P<title>.+?)[\s.(\[]+(?P<year>(?:19|20)\d{2})[)\]]?\s*$")


@dataclass(frozen=True, slots=True)
class LookupTerm:
    """What a lookup term asks for: one of a TMDB id, an IMDb id, or a title (with a year)."""

    tmdb_id: int | None = None
    imdb_id: str | None = None
    title: str = ""
    year: int | None = None


def parse_term(term: str) -> LookupTerm:
    """Read a lookup term as Radarr accepts them: `tmdb:603`, `imdb:tt0133093`, addresses, or free text."""
    for pattern in (_TMDB_TERM, _TMDB_URL):
        if match := pattern.search(term):
            return LookupTerm(tmdb_id=int(match.group(1)))
    for pattern in (_IMDB_TERM, _IMDB_URL):
        if match := pattern.search(term):
            return LookupTerm(imdb_id=match.group(1).lower())
    text = term.strip()
    # Radarr's import screen looks up folder names: "Spirited Away (2001) {tmdb-129}", release names.
    folder = parse_folder_name(text)
    if folder.tmdb_id:
        return LookupTerm(tmdb_id=folder.tmdb_id)
    if folder.imdb_id:
        return LookupTerm(imdb_id=folder.imdb_id)
    if match := _TRAILING_YEAR.match(text):
        return LookupTerm(title=match.group("title").strip(), year=int(match.group("year")))
    if folder.title and (" " not in text or any(c in text for c in "[]{}")):
        return LookupTerm(title=folder.title, year=folder.year)
    return LookupTerm(title=text)


@dataclass(frozen=True, slots=True)
class MetadataLookups:
    """The metadata calls a lookup needs (the TMDB client's, in practice)."""

    movie: Callable[[int], Awaitable[MovieMetadata]]
    find_by_imdb_id: Callable[[str], Awaitable[MovieSearchResult | None]]
    search: Callable[[str, int | None], Awaitable[MovieSearchPage]]


async def lookup(term: str, source: MetadataLookups) -> list[MovieMetadata | MovieSearchResult]:
    """Films matching a term: full metadata for an id, search hits for text; unknown ids find nothing."""
    wanted = parse_term(term)
    tmdb_id = wanted.tmdb_id
    if wanted.imdb_id is not None:
        found = await source.find_by_imdb_id(wanted.imdb_id)
        if found is None:
            return []
        tmdb_id = found.tmdb_id
    if tmdb_id is not None:
        try:
            return [await source.movie(tmdb_id)]
        except NotFound:
            return []
    if not wanted.title:
        return []
    page = await source.search(wanted.title, wanted.year)
    if not page.results and wanted.year is not None:
        # "Blade Runner 2049": a trailing number may be part of the title rather than its year.
        page = await source.search(term.strip(), None)
    return list(page.results)
