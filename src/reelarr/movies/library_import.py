"""Importing an existing library: a root folder's unmapped folders matched to TMDB for the user to confirm.

The confirmed films are added through `POST /api/v3/movie/import` with their folder as `path`; the
refresh that follows every add rescans the folder, so the files already there appear.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field

from reelarr.errors import Conflict, NotFound, RemoteError
from reelarr.metadata.models import MovieMetadata, MovieSearchPage, MovieSearchResult
from reelarr.movies.folder_names import FolderName, parse_folder_name
from reelarr.movies.library_match import (
    MatchConfidence,
    best_candidate,
    candidate_of,
    worth_details,
)
from reelarr.rootfolders.service import RootFolders, UnmappedFolder

Found = MovieMetadata | MovieSearchResult
MAX_CANDIDATES = 5
DEFAULT_CONCURRENCY = 4


@dataclass(frozen=True, slots=True)
class ImportLookups:
    """The metadata calls matching needs (the TMDB client's, in practice)."""

    movie: Callable[[int], Awaitable[MovieMetadata]]
    find_by_imdb_id: Callable[[str], Awaitable[MovieSearchResult | None]]
    search: Callable[[str, int | None], Awaitable[MovieSearchPage]]


@dataclass(frozen=True, slots=True)
class ImportSuggestion:
    """A folder, what its name says, the film it most likely holds and the other films it might."""

    folder: UnmappedFolder
    parsed: FolderName
    confidence: MatchConfidence
    match: Found | None = None
    matched_by: str | None = None  # "tmdbId", "imdbId" or "title"
    candidates: tuple[Found, ...] = ()
    excluded_ids: frozenset[int] = field(default_factory=frozenset)
    error: str | None = None

    @property
    def excluded(self) -> bool:
        """Whether the matched film is on the import exclusion list."""
        return self.match is not None and self.match.tmdb_id in self.excluded_ids


class LibraryImport:
    """Suggests which film each unmapped folder of a root folder holds."""

    def __init__(
        self,
        root_folders: RootFolders,
        lookups: ImportLookups,
        excluded_ids: Callable[[], Awaitable[set[int]]],
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
    ) -> None:
        self._root_folders = root_folders
        self._lookups = lookups
        self._excluded_ids = excluded_ids
        self._concurrency = max(concurrency, 1)

    async def suggestions(
        self, root_folder_id: int, folders: Collection[str] | None = None
    ) -> list[ImportSuggestion]:
        """A suggestion for each unmapped folder of a root folder (or only the named ones), in order."""
        root = await self._root_folders.get(root_folder_id)
        if not root.accessible:
            raise Conflict(f"Root folder '{root.path}' is not accessible")
        wanted = [f for f in root.unmapped_folders if folders is None or f.name in folders]
        excluded = frozenset(await self._excluded_ids())
        gate = asyncio.Semaphore(self._concurrency)

        async def one(folder: UnmappedFolder) -> ImportSuggestion:
            async with gate:
                return await self.suggest(folder, excluded)

        return list(await asyncio.gather(*(one(folder) for folder in wanted)))

    async def suggest(
        self, folder: UnmappedFolder, excluded: frozenset[int] = frozenset()
    ) -> ImportSuggestion:
        """The suggestion for one folder; a TMDB failure is reported on it rather than raised."""
        parsed = parse_folder_name(folder.name)
        try:
            by_id = await self._by_id(parsed)
            if by_id is not None:
                found, matched_by = by_id
                return ImportSuggestion(folder, parsed, MatchConfidence.HIGH, found, matched_by, (), excluded)
            match, confidence, others = await self._by_title(parsed)
        except RemoteError as error:
            return ImportSuggestion(folder, parsed, MatchConfidence.NONE, error=str(error))
        return ImportSuggestion(
            folder,
            parsed,
            confidence,
            match,
            "title" if match is not None else None,
            others[:MAX_CANDIDATES],
            excluded,
        )

    async def _details(self, tmdb_id: int) -> MovieMetadata | None:
        try:
            return await self._lookups.movie(tmdb_id)
        except NotFound:
            return None

    async def _by_id(self, parsed: FolderName) -> tuple[MovieMetadata, str] | None:
        """The film an id in the folder name names, when TMDB knows it."""
        if parsed.tmdb_id:
            found = await self._details(parsed.tmdb_id)
            if found is not None:
                return found, "tmdbId"
        if parsed.imdb_id:
            hit = await self._lookups.find_by_imdb_id(parsed.imdb_id)
            found = await self._details(hit.tmdb_id) if hit is not None else None
            if found is not None:
                return found, "imdbId"
        return None

    async def _search(self, parsed: FolderName) -> dict[int, Found]:
        """Search hits for each reading of the name, TMDB's order kept, until a title matches."""
        hits: dict[int, Found] = {}
        for term in parsed.searches:
            page = await self._lookups.search(term.title, term.year)
            if not page.results and term.year is not None:
                page = await self._lookups.search(term.title, None)
            for hit in page.results:
                hits.setdefault(hit.tmdb_id, hit)
            _, confidence = best_candidate(parsed, [candidate_of(h) for h in hits.values()])
            if confidence >= MatchConfidence.MEDIUM:
                break
        return hits

    async def _by_title(self, parsed: FolderName) -> tuple[Found | None, MatchConfidence, tuple[Found, ...]]:
        """The best search hit by title and year; alternative titles are fetched when no title matched."""
        hits = await self._search(parsed)
        best, confidence = best_candidate(parsed, [candidate_of(h) for h in hits.values()])
        if confidence < MatchConfidence.MEDIUM:
            for tmdb_id in worth_details(parsed, (candidate_of(h) for h in hits.values())):
                details = await self._details(tmdb_id)
                if details is not None:
                    hits[tmdb_id] = details
            best, confidence = best_candidate(parsed, [candidate_of(h) for h in hits.values()])
        match = hits[best.tmdb_id] if best is not None else None
        others = tuple(h for tmdb_id, h in hits.items() if match is None or tmdb_id != match.tmdb_id)
        return match, confidence, others
