"""Which library movie a parsed release title is about."""

from __future__ import annotations

from collections.abc import Iterable

from reelarr.movies.model import Movie
from reelarr.parsing import ParsedMovieInfo, clean_title


def release_clean_titles(info: ParsedMovieInfo) -> set[str]:
    """The clean forms of every title a release carries (AKA titles included)."""
    return {cleaned for title in (info.title, *info.titles) if (cleaned := clean_title(title))}


def year_fits(movie: Movie, year: int) -> bool:
    """A release without a year fits any movie; otherwise the year or the secondary year must match."""
    return not year or year in (movie.year, movie.secondary_year)


def best_match(info: ParsedMovieInfo, candidates: Iterable[Movie]) -> Movie | None:
    """The candidate a release names: by TMDB id, by IMDb id, then by title and year."""
    movies = list(candidates)
    if info.tmdb_id:
        return next((m for m in movies if m.tmdb_id == info.tmdb_id), None)
    if info.imdb_id:
        return next((m for m in movies if m.imdb_id == info.imdb_id), None)
    fitting = [m for m in movies if year_fits(m, info.year)]
    return fitting[0] if len(fitting) == 1 else None
