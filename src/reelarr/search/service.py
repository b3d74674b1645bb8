"""RSS syncs, searches and pushed releases: fetch, decide, keep every decision, choose what to grab."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Collection, Sequence
from contextlib import aclosing
from dataclasses import dataclass, field, replace
from datetime import datetime

from reelarr.decisionlog.model import LoggedDecision, Outcome, Source, logged
from reelarr.decisionlog.service import DecisionLog
from reelarr.decisions.engine import Decision
from reelarr.decisions.subject import SearchContext
from reelarr.indexers.config import IndexerConfigService
from reelarr.indexers.service import FetchOutcome, IndexerFailure, IndexerService
from reelarr.memory import collector_paused
from reelarr.movies.availability import is_available
from reelarr.movies.model import Movie, MovieFile, MovieKeys
from reelarr.movies.service import MovieService
from reelarr.movies.wanted import WantedMovies
from reelarr.releases.model import Release
from reelarr.releases.search import MovieSearch
from reelarr.search.known_films import KnownFilms
from reelarr.search.library_index import matches_movie
from reelarr.search.pipeline import (
    Matched,
    Snapshot,
    best_per_movie,
    decide_matched,
    decide_one,
    match_names,
    read,
)
from reelarr.search.snapshot import SnapshotSources, free_space_of, load_snapshot

Clock = Callable[[], datetime]
log = logging.getLogger(__name__)
_IDS_PER_QUERY = 2000


@dataclass(frozen=True, slots=True)
class SearchReport:
    """What one sync or search found and decided, and which indexers failed."""

    decisions: list[Decision]
    failures: list[IndexerFailure] = field(default_factory=list)
    searched: list[int] = field(default_factory=list)
    chosen: dict[int, Decision] = field(default_factory=dict)
    # An interactive search's decisions, still being written to the log while the answer is made:
    # await it before answering.
    keeping: asyncio.Task[None] | None = None

    def summary(self, what: str) -> str:
        """One line for the command's message."""
        pending = sum(1 for d in self.decisions if d.temporarily_rejected)
        parts = [f"{what}: {len(self.decisions)} release(s) from {len(self.searched)} indexer(s)"]
        parts.append(f"{len(self.chosen)} chosen")
        if pending:
            parts.append(f"{pending} waiting")
        text = ", ".join(parts)
        if self.failures:
            failed = "; ".join(f"{f.indexer}: {f.message}" for f in self.failures)
            text += f". Failed: {failed}"
        return text


def movie_search(movie: Movie) -> MovieSearch:
    """What to ask indexers for a film: its ids, its original title first, then the others, its year."""
    titles = (movie.original_title, movie.title, *(t.title for t in movie.alternative_titles))
    return MovieSearch(
        tmdb_id=movie.tmdb_id,
        imdb_id=movie.imdb_id,
        titles=tuple(dict.fromkeys(t for t in titles if t)),
        year=movie.year,
    )


def _outcomes(ranked: Sequence[Decision]) -> tuple[dict[int, Decision], dict[int, Outcome]]:
    """Each film's chosen release, and the outcome of every decision by its position in `ranked`."""
    chosen = best_per_movie(ranked)
    chosen_ids = {id(d) for d in chosen.values()}
    outcomes: dict[int, Outcome] = {}
    for position, decision in enumerate(ranked):
        if id(decision) in chosen_ids:
            outcomes[position] = Outcome.CHOSEN
        elif decision.temporarily_rejected and decision.movie_id not in chosen:
            outcomes[position] = Outcome.PENDING
    return chosen, outcomes


class SearchService:
    """Finds releases for the library's films and decides about each, keeping every decision."""

    def __init__(
        self,
        movies: MovieService,
        indexers: IndexerService,
        indexer_config: IndexerConfigService,
        decision_log: DecisionLog,
        sources: SnapshotSources,
        clock: Clock,
        known: KnownFilms,
        wanted: WantedMovies,
    ) -> None:
        self._movies = movies
        self._wanted = wanted
        self._known = known
        self._indexers = indexers
        self._config = indexer_config
        self._log = decision_log
        self._sources = sources
        self._clock = clock

    async def _snapshot(self, films: Sequence[tuple[Movie, MovieFile | None]]) -> Snapshot:
        return await load_snapshot(
            self._sources,
            now=self._clock(),
            config=await self._config.get(),
            indexers=await self._indexers.infos(),
            films=films,
        )

    async def _library(self, ids: Collection[int] | None = None) -> tuple[list[Movie], dict[int, MovieFile]]:
        """The library's films (or only these) and their files."""
        movies: list[Movie] = []
        files: dict[int, MovieFile] = {}
        ordered = sorted(ids) if ids is not None else None
        # A few thousand ids at a time keeps each IN (...) well under the databases' limits on parameters.
        chunks = (
            [None]
            if ordered is None
            else [ordered[n : n + _IDS_PER_QUERY] for n in range(0, len(ordered), _IDS_PER_QUERY)]
        )
        for chunk in chunks:
            async with aclosing(self._movies.all_with_files(ids=chunk)) as batches:
                async for batch in batches:
                    for movie, file in batch:
                        movies.append(movie)
                        if file is not None:
                            files[movie.id] = file
        return movies, files

    async def _keep(
        self, ranked: Sequence[Decision], source: Source, *, searched_movie: int | None = None
    ) -> dict[int, Decision]:
        chosen, outcomes = _outcomes(ranked)
        now = self._clock()
        entries: list[LoggedDecision] = []
        with collector_paused():
            for position, decision in enumerate(ranked):
                movie_id = searched_movie if searched_movie is not None else decision.movie_id
                if movie_id is None:
                    continue
                entries.append(logged(decision, movie_id, source, now, outcomes.get(position)))
        await self._log.record(entries)
        return chosen

    # -- RSS -------------------------------------------------------------------------------------

    async def rss_sync(self) -> SearchReport:
        """Every RSS-enabled indexer's newest releases, and the releases waiting out a delay, decided."""
        fetched = await self._indexers.rss()
        waiting = await self._log.pending()
        # Releases are matched by their names against the films' ids and titles; only the films they name
        # are loaded, and only their releases are read in full (most of a feed names no film of the library).
        index = await self._known.index()
        with collector_paused():
            found = match_names(fetched.releases, index)
        named = {film.id for _release, _readable, film in found if film is not None}
        movies, files = await self._library(named | {entry.movie_id for entry in waiting})
        by_id = {m.id: m for m in movies}
        with collector_paused():
            matched = _read_named(found, by_id)
        seen = {(m.release.indexer_id, m.release.guid) for m in matched}
        for entry in waiting:
            release = entry.release
            if (release.indexer_id, release.guid) in seen or entry.movie_id not in by_id:
                continue
            matched.append(Matched(release, read(release), by_id[entry.movie_id]))
        films = [(m.movie, files.get(m.movie.id)) for m in matched if m.movie is not None]
        snapshot = await self._snapshot(films)
        with collector_paused():
            ranked = decide_matched(matched, snapshot)
        chosen = await self._keep(ranked, Source.RSS)
        return SearchReport(ranked, fetched.failures, fetched.searched, chosen)

    # -- searches --------------------------------------------------------------------------------

    async def _match_for(self, movie: Movie, releases: Sequence[Release]) -> list[Matched]:
        matched = []
        for release in releases:
            parsed = read(release)
            if parsed is None:
                matched.append(Matched(release, None, None))
                continue
            ids_say_this_film = release.tmdb_id == movie.tmdb_id or (
                release.imdb_id is not None and release.imdb_id == movie.imdb_id
            )
            if ids_say_this_film or matches_movie(parsed, movie):
                matched.append(Matched(release, parsed, movie))
            else:
                matched.append(Matched(release, parsed, await self._movies.find_for_release(parsed)))
        return matched

    async def search_movie(
        self,
        movie_id: int,
        *,
        user_invoked: bool,
        interactive: bool = False,
        indexer_ids: Sequence[int] | None = None,
    ) -> SearchReport:
        """Search every suitable indexer for one film and decide about what they offer."""
        movie = await self._movies.get(movie_id)
        fetching = asyncio.create_task(
            self._indexers.search(
                movie_search(movie), interactive=interactive, tags=movie.tags, indexer_ids=indexer_ids
            )
        )
        try:
            # While the indexers answer: everything the decisions read besides the releases.
            await self._movies.mark_searched(movie.id)
            file = (await self._movies.files([movie.id])).get(movie.id)
            snapshot = await self._snapshot([(movie, file)])
        except BaseException:
            fetching.cancel()
            raise
        fetched: FetchOutcome = await fetching
        matched = await self._match_for(movie, fetched.releases)
        others = [m.movie for m in matched if m.movie is not None and m.movie.id != movie.id]
        free_space = await asyncio.to_thread(free_space_of, others) if others else {}
        # Releases are as old as they are now, not when the snapshot was loaded.
        snapshot = replace(snapshot, now=self._clock(), free_space={**snapshot.free_space, **free_space})
        context = SearchContext(movie.id, user_invoked=user_invoked or interactive, interactive=interactive)
        ranked = decide_matched(matched, snapshot, context)
        source = (
            Source.INTERACTIVE_SEARCH
            if interactive
            else Source.USER_INVOKED_SEARCH
            if user_invoked
            else Source.SEARCH
        )
        if interactive:
            # An interactive search shows the choice to the user; it chooses nothing itself.
            now = self._clock()
            keeping = asyncio.create_task(
                # Outcomes stay: a release chosen, grabbed or waiting is still so when the user looks.
                self._log.record([logged(d, movie.id, source, now) for d in ranked], keep_outcomes=True)
            )
            return SearchReport(ranked, fetched.failures, fetched.searched, keeping=keeping)
        chosen = await self._keep(ranked, source, searched_movie=movie.id)
        return SearchReport(ranked, fetched.failures, fetched.searched, chosen)

    # -- pushed releases -------------------------------------------------------------------------

    async def push(self, release: Release) -> Decision:
        """Decide about a release another tool pushed (autobrr), as an RSS release is decided."""
        parsed = read(release)
        movie = await self._movies.find_for_release(parsed) if parsed is not None else None
        if parsed is not None and movie is None and (release.tmdb_id or release.imdb_id):
            movie = await self._by_ids(release)
        file = (await self._movies.files([movie.id])).get(movie.id) if movie is not None else None
        snapshot = await self._snapshot([(movie, file)] if movie is not None else [])
        ranked = decide_matched([Matched(release, parsed, movie)], snapshot, pushed=True)
        await self._keep(ranked, Source.RELEASE_PUSH)
        return ranked[0]

    async def decide_for(self, release: Release, movie_id: int) -> Decision:
        """Decide again about a release the user picked for a film, as an interactive search does
        (the user may grab it whatever the decision says)."""
        movie = await self._movies.get(movie_id)
        file = (await self._movies.files([movie.id])).get(movie.id)
        snapshot = await self._snapshot([(movie, file)])
        context = SearchContext(movie.id, user_invoked=True, interactive=True)
        [decision] = decide_matched([Matched(release, read(release), movie)], snapshot, context)
        return decision

    async def decide_many(self, picks: Sequence[tuple[Release, int]]) -> list[Decision | None]:
        """decide_for for many releases at once, with one load of their films and one snapshot (None
        for a release whose film is gone): the queue decides every waiting release again."""
        movies, files = await self._library({movie_id for _release, movie_id in picks})
        by_id = {m.id: m for m in movies}
        snapshot = await self._snapshot([(m, files.get(m.id)) for m in movies])
        decisions: list[Decision | None] = []
        for release, movie_id in picks:
            movie = by_id.get(movie_id)
            if movie is None:
                decisions.append(None)
                continue
            context = SearchContext(movie.id, user_invoked=True, interactive=True)
            decisions.append(decide_one(Matched(release, read(release), movie), snapshot, context))
        return decisions

    async def _by_ids(self, release: Release) -> Movie | None:
        if release.tmdb_id:
            return await self._movies.find_by_tmdb_id(release.tmdb_id)
        return None

    # -- backlog ---------------------------------------------------------------------------------

    async def missing(self) -> list[Movie]:
        """Monitored films without a file that are available to grab, least recently searched first."""
        config = await self._config.get()
        today = self._clock().date()
        movies, files = await self._library()
        wanted = [
            m
            for m in movies
            if m.monitored
            and m.id not in files
            and is_available(
                m.minimum_availability,
                in_cinemas=m.in_cinemas,
                digital=m.digital_release,
                physical=m.physical_release,
                today=today,
                delay_days=config.availability_delay,
            )
        ]
        return sorted(wanted, key=_last_searched)

    async def cutoff_unmet(self) -> list[Movie]:
        """Monitored films whose file does not meet their profile's cutoff (the Wanted → Cutoff Unmet
        list), least recently searched first."""
        movies, _files = await self._library(await self._wanted.cutoff_unmet_ids())
        return sorted(movies, key=_last_searched)


def _read_named(
    found: Sequence[tuple[Release, bool, MovieKeys | None]], by_id: dict[int, Movie]
) -> list[Matched]:
    """The releases matched by their names, those naming a loaded film read in full."""
    matched = []
    for release, readable, film in found:
        movie = by_id.get(film.id) if film is not None else None
        if movie is None:
            matched.append(Matched(release, None, None, named=readable))
        else:
            matched.append(Matched(release, read(release), movie))
    return matched


def _last_searched(movie: Movie) -> tuple[bool, datetime]:
    return (movie.last_search_time is not None, movie.last_search_time or datetime.min)
