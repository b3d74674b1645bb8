"""What the name of a folder in a library says about its film: title, year, TMDB or IMDb id (pure).

Libraries are named by hand or by other tools: "The Matrix (1999)", Plex's "Spirited Away (2001)
{tmdb-129}", Jellyfin's "Leon [imdbid-tt0110413]", or a release name kept from the download.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reelarr.parsing import parse_imdb_id, parse_title, parse_tmdb_id

# Id tags the media servers write into folder names, in any bracket: {tmdb-129}, [imdbid-tt0110413].
_ID_TAG_RE = re.compile(r"[\[{(]\s*(?:tmdb|imdb|tvdb)(?:id)?\s*[-=:\s]\s*\w+\s*[\]})]", re.IGNORECASE)
_BARE_IMDB_RE = re.compile(r"\btt\d{7,8}\b", re.IGNORECASE)
_BRACKETED_RE = re.compile(r"\[[^\]]*\]|\{[^}]*\}")
_BRACKETED_YEAR_RE = re.compile(r"[(\[]\s*((?:18|19|20)\d{2})\s*[)\]]")
_YEAR_RE = re.compile(r"^(?P<title>.*?)[\s._-]+(?P<year>(?:18|19|20)\d{2})(?:[\s._-].*)?$")
_SEPARATORS_RE = re.compile(r"[._]+")
_SPACES_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """One search to run for a folder: a title, and the year to narrow it by."""

    title: str
    year: int | None


@dataclass(frozen=True, slots=True)
class FolderName:
    """A folder name read as a film: the best guess at title and year, ids, and the searches to try."""

    name: str
    title: str
    year: int | None = None
    tmdb_id: int | None = None
    imdb_id: str | None = None
    searches: tuple[SearchTerm, ...] = ()


def _tidy(text: str) -> str:
    if " " not in text.strip():
        text = _SEPARATORS_RE.sub(" ", text)
    return _SPACES_RE.sub(" ", text).strip(" -")


def _without_ids(name: str) -> str:
    return _BARE_IMDB_RE.sub(" ", _ID_TAG_RE.sub(" ", name))


def _plain_searches(name: str) -> list[SearchTerm]:
    """Title and year the plain way: before the last "(1999)", else before a year; no bracketed tags."""
    bracketed = list(_BRACKETED_YEAR_RE.finditer(name))
    if bracketed:
        title = _tidy(_BRACKETED_RE.sub(" ", name[: bracketed[-1].start()]))
        if title:
            return [SearchTerm(title, int(bracketed[-1].group(1)))]
    text = _tidy(_BRACKETED_RE.sub(" ", name))
    match = _YEAR_RE.match(text)
    if match is None or not match.group("title").strip():
        return [SearchTerm(text, None)] if text else []
    title, year = _tidy(match.group("title")), int(match.group("year"))
    terms = [SearchTerm(title, year)]
    if text == f"{title} {year}":
        # "Blade Runner 2049": the number may be the end of the title rather than a year.
        terms.append(SearchTerm(text, None))
    return terms


def parse_folder_name(name: str) -> FolderName:
    """Read a library folder's name: ids written into it, then its title and year."""
    tmdb_id = parse_tmdb_id(name) or None
    imdb_id = parse_imdb_id(name)
    bare = _without_ids(name)
    searches = _plain_searches(bare)
    parsed = parse_title(bare.strip(), is_dir=True) if bare.strip() else None
    if parsed is not None and parsed.title.strip():
        searches.insert(0, SearchTerm(parsed.title.strip(), parsed.year or None))
    unique = list(dict.fromkeys((t.title.casefold(), t.year) for t in searches))
    terms = tuple(next(t for t in searches if (t.title.casefold(), t.year) == key) for key in unique)
    first = terms[0] if terms else SearchTerm("", None)
    return FolderName(
        name=name,
        title=first.title,
        year=first.year,
        tmdb_id=tmdb_id,
        imdb_id=imdb_id.lower() if imdb_id else None,
        searches=terms,
    )
