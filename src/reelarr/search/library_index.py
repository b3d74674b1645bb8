"""Which library film a release names, answered from memory for thousands of releases at once (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

from reelarr.movies.model import Movie
from reelarr.parsing import MovieNames, ParsedMovieInfo, clean_title


class _Titled(Protocol):
    @property
    def title(self) -> str: ...

    @property
    def clean_title(self) -> str: ...


class Known(Protocol):
    """What the index reads of a film (a Movie, or only its MovieKeys)."""

    @property
    def id(self) -> int: ...

    @property
    def tmdb_id(self) -> int: ...

    @property
    def imdb_id(self) -> str | None: ...

    @property
    def title(self) -> str: ...

    @property
    def original_title(self) -> str: ...

    @property
    def clean_title(self) -> str: ...

    @property
    def year(self) -> int: ...

    @property
    def secondary_year(self) -> int | None: ...

    @property
    def alternative_titles(self) -> Sequence[_Titled]: ...


FilmT = TypeVar("FilmT", bound=Known)


def _year_fits(movie: Known, year: int) -> bool:
    """A release without a year fits any film; otherwise its year or its secondary year must match."""
    return not year or year in (movie.year, movie.secondary_year)


def _movie_clean_titles(movie: Known) -> set[str]:
    titles = {movie.clean_title, clean_title(movie.title), clean_title(movie.original_title)}
    titles.update(alt.clean_title or clean_title(alt.title) for alt in movie.alternative_titles)
    return {t for t in titles if t}


def _release_clean_titles(parsed: ParsedMovieInfo | MovieNames) -> tuple[str, ...]:
    return _clean_titles(parsed.title, tuple(parsed.titles))


# An RSS sync reads the indexers' newest pages again and again: most titles were cleaned last time.
@lru_cache(maxsize=16_384)
def _clean_titles(title: str, titles: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for each in dict.fromkeys((title, *titles)):  # the title is also the first of titles
        cleaned = clean_title(each)
        if cleaned:
            seen.setdefault(cleaned)
    return tuple(seen)


class LibraryIndex(Generic[FilmT]):
    """The library's films by TMDB id, IMDb id and every clean title they are known by.

    Films can be added and removed one at a time (search.known_films keeps an index between RSS
    syncs); whatever the order, an index answers as one built at once from the same films.
    """

    def __init__(self, movies: Iterable[FilmT] = ()) -> None:
        self._films: dict[int, FilmT] = {}
        self._by_tmdb: dict[int, FilmT] = {}
        # Two films may share an IMDb id (TMDB has duplicates): the lowest film id answers.
        self._by_imdb: dict[str, dict[int, FilmT]] = {}
        self._by_title: dict[str, list[FilmT]] = {}
        for movie in movies:
            self.add(movie)

    def __len__(self) -> int:
        return len(self._films)

    def __contains__(self, movie_id: object) -> bool:
        return movie_id in self._films

    def add(self, movie: FilmT) -> None:
        """Index a film (one already indexed under its id is replaced)."""
        if movie.id in self._films:
            self.remove(movie.id)
        self._films[movie.id] = movie
        self._by_tmdb[movie.tmdb_id] = movie
        if movie.imdb_id:
            self._by_imdb.setdefault(movie.imdb_id.lower(), {})[movie.id] = movie
        by_title = self._by_title
        for title in _movie_clean_titles(movie):
            films = by_title.get(title)
            if films is None:
                by_title[title] = [movie]
            else:
                films.append(movie)

    def remove(self, movie_id: int) -> None:
        """Forget a film (nothing happens when it is not indexed)."""
        movie = self._films.pop(movie_id, None)
        if movie is None:
            return
        if self._by_tmdb.get(movie.tmdb_id) is movie:
            del self._by_tmdb[movie.tmdb_id]
        if movie.imdb_id:
            sharing = self._by_imdb.get(movie.imdb_id.lower(), {})
            sharing.pop(movie_id, None)
            if not sharing:
                self._by_imdb.pop(movie.imdb_id.lower(), None)
        for title in _movie_clean_titles(movie):
            films = [m for m in self._by_title.get(title, ()) if m.id != movie_id]
            if films:
                self._by_title[title] = films
            else:
                self._by_title.pop(title, None)

    def match(
        self, parsed: ParsedMovieInfo | MovieNames, *, tmdb_id: int = 0, imdb_id: str | None = None
    ) -> FilmT | None:
        """The film a release names: the indexer's ids first, then the title's ids, then title and year."""
        for candidate_tmdb in (tmdb_id, parsed.tmdb_id):
            if candidate_tmdb and candidate_tmdb in self._by_tmdb:
                return self._by_tmdb[candidate_tmdb]
        for candidate_imdb in (imdb_id, parsed.imdb_id):
            if candidate_imdb:
                sharing = self._by_imdb.get(candidate_imdb.lower())
                if sharing:
                    return sharing[min(sharing)]
        for title in _release_clean_titles(parsed):
            fitting = [m for m in self._by_title.get(title, ()) if _year_fits(m, parsed.year)]
            unique = {m.id: m for m in fitting}
            if len(unique) == 1:
                return next(iter(unique.values()))
        return None


def matches_movie(parsed: ParsedMovieInfo, movie: Movie) -> bool:
    """Whether a release found by searching for `movie` is really about it (by title and year, or ids)."""
    if parsed.tmdb_id and parsed.tmdb_id != movie.tmdb_id:
        return False
    if parsed.imdb_id and movie.imdb_id and parsed.imdb_id.lower() != movie.imdb_id.lower():
        return False
    if parsed.tmdb_id or parsed.imdb_id:
        return True
    wanted = _movie_clean_titles(movie)
    return _year_fits(movie, parsed.year) and any(t in wanted for t in _release_clean_titles(parsed))
