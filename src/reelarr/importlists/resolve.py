"""Films named by a list, resolved to TMDB ids (Radarr's MapMovieToTmdbMovie): by TMDB id as given, by
IMDb id through TMDB's find, by title and year through TMDB's search."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence

from reelarr.importlists.model import ListItem, OfferedMovie
from reelarr.metadata.models import MovieSearchPage, MovieSearchResult
from reelarr.parsing import normalize_imdb_id

FindByImdb = Callable[[str], Awaitable[MovieSearchResult | None]]
SearchByTitle = Callable[[str, int | None], Awaitable[MovieSearchPage]]
_LOOKUPS = 4  # TMDB's own rate limit still applies


async def resolve(
    list_id: int, items: Sequence[ListItem], find_by_imdb: FindByImdb, search: SearchByTitle
) -> list[OfferedMovie]:
    """Each item's film, once per TMDB id; items TMDB does not know are left out. A failure to reach
    TMDB raises (RemoteError): the list's films are then not known, which is not the same as none."""
    lookups = asyncio.Semaphore(_LOOKUPS)

    async def one(item: ListItem) -> OfferedMovie | None:
        if item.tmdb_id > 0:
            return OfferedMovie(list_id, item.tmdb_id, item.title, item.year, item.imdb_id or None)
        imdb_id = normalize_imdb_id(item.imdb_id.strip().lower()) if item.imdb_id.strip() else None
        async with lookups:
            if imdb_id:
                found = await find_by_imdb(imdb_id)
            elif item.title.strip():
                page = await search(item.title.strip(), item.year or None)
                found = page.results[0] if page.results else None
            else:
                found = None
        if found is None:
            return None
        return OfferedMovie(list_id, found.tmdb_id, found.title, found.year or item.year, imdb_id)

    resolved = await asyncio.gather(*(one(item) for item in items))
    unique: dict[int, OfferedMovie] = {}
    for movie in resolved:
        if movie is not None and movie.tmdb_id > 0:
            unique.setdefault(movie.tmdb_id, movie)
    return list(unique.values())
