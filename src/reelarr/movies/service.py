"""The library: add, read, change and remove movies; TMDB supplies what a movie is."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, Select, bindparam, delete, func, or_, outerjoin, select
from sqlalchemy.ext.asyncio import AsyncSession

from reelarr.db.engine import Database
from reelarr.db.paging import Page, PageRequest, fetch_page
from reelarr.errors import NotFound, ReelarrError, ValidationFailed, ValidationFailure
from reelarr.events import EventBus
from reelarr.memory import collector_paused
from reelarr.metadata.models import MovieMetadata
from reelarr.movies.changes import Edit, MovieChanges, apply_changes, new_paths, path_failures
from reelarr.movies.credits import insert_credits, replace_credits
from reelarr.movies.events import MovieAdded, MovieDeleted, MovieGone, MovieUpdated
from reelarr.movies.matching import best_match, release_clean_titles
from reelarr.movies.model import AddMethod, AlternativeTitle, MinimumAvailability, Movie, MovieFile, MovieKeys
from reelarr.movies.paths import FolderIndex, movie_path_failures, normalise, root_folder_of
from reelarr.movies.repository import (
    MovieFileValues,
    MovieValues,
    alternative_title_rows,
    apply_metadata,
    json_as_text,
    to_movie,
    to_movie_file,
)
from reelarr.movies.tables import AlternativeTitleRow, ImportExclusionRow, MovieFileRow, MovieRow
from reelarr.parsing import ParsedMovieInfo

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
# How many films a bulk add asks TMDB about at once (TMDB's own rate limit still applies).
_METADATA_FETCHES = 8
# Ids per IN (...) query: well below what either database accepts.
_CHUNK = 1000
MetadataSource = Callable[[int], Awaitable[MovieMetadata]]
RootFolderPaths = Callable[[], Awaitable[list[str]]]
ProfileExists = Callable[[int], Awaitable[bool]]
TagsExist = Callable[[Iterable[int]], Awaitable[set[int]]]
# The folder a new film gets in its root folder (the naming settings' folder format).
FolderName = Callable[[MovieMetadata], Awaitable[str]]
# A film's tags once auto tagging had its say; the rules are read once per change, then applied to each film.
AutoTagger = Callable[[Movie], tuple[int, ...]]
AutoTagging = Callable[[], Awaitable[AutoTagger]]


@dataclass(frozen=True, slots=True)
class AddMovie:
    """What a client asks for when adding a movie; the rest comes from TMDB."""

    tmdb_id: int
    quality_profile_id: int
    root_folder_path: str | None = None
    path: str | None = None
    monitored: bool = True
    minimum_availability: MinimumAvailability = MinimumAvailability.RELEASED
    tags: tuple[int, ...] = ()
    search_for_movie: bool = False
    monitor_collection: bool = False  # Radarr's addOptions.monitor "movieAndCollection"
    add_method: AddMethod = AddMethod.MANUAL


@dataclass(frozen=True, slots=True)
class SkippedMovie:
    """A film of a batch that was not added: its place in the batch and why (the error adding it raises)."""

    index: int
    request: AddMovie
    error: ReelarrError
    already_added: bool = False


@dataclass(frozen=True, slots=True)
class AddOutcome:
    """What a batch add did: the movies added, in the batch's order, and the films skipped."""

    added: list[Movie]
    skipped: list[SkippedMovie]


def _already_added(index: int, request: AddMovie) -> SkippedMovie:
    error = ValidationFailed.single("tmdbId", "This movie has already been added", request.tmdb_id)
    return SkippedMovie(index, request, error, already_added=True)


@dataclass
class LibraryHooks:
    """What the movies package asks of other packages, wired in app.py."""

    root_folders: RootFolderPaths
    profile_exists: ProfileExists
    metadata: MetadataSource
    folder_name: FolderName
    existing_tags: TagsExist | None = None
    auto_tagging: AutoTagging | None = None
    extra_checks: list[Callable[[AddMovie], Awaitable[list[ValidationFailure]]]] = field(default_factory=list)


class MovieService:
    """Reads and changes the library; publishes what happened."""

    def __init__(self, db: Database, bus: EventBus, clock: Clock, hooks: LibraryHooks) -> None:
        self._db = db
        self._bus = bus
        self._clock = clock
        self.hooks = hooks

    async def all(self) -> list[Movie]:
        """Every movie in the library (without alternative titles), by sort title."""
        # Plain rows rather than ORM objects: no identity map or instance state for 10,000 rows.
        stmt = select(*json_as_text(MovieRow.__table__)).order_by(MovieRow.sort_title, MovieRow.id)
        async with self._db.read() as session:
            rows = (await session.execute(stmt)).all()
        with collector_paused():
            return [to_movie(MovieValues._make(row)) for row in rows]

    async def list_order(self) -> list[int]:
        """The ids of every movie in the library list's order (sort title, then id)."""
        async with self._db.read() as session:
            return list(await session.scalars(select(MovieRow.id).order_by(MovieRow.sort_title, MovieRow.id)))

    async def with_files(self, ids: Iterable[int]) -> dict[int, tuple[Movie, MovieFile | None]]:
        """Some movies with their files, by id (unknown ids are left out)."""
        found: dict[int, tuple[Movie, MovieFile | None]] = {}
        wanted = sorted(set(ids))
        if wanted:
            async for batch in self.all_with_files(ids=wanted):
                for movie, file in batch:
                    found[movie.id] = (movie, file)
        return found

    async def all_with_files(
        self, batch_size: int = 500, *, ids: Sequence[int] | None = None
    ) -> AsyncGenerator[list[tuple[Movie, MovieFile | None]], None]:
        """Every movie with its file, in all()'s order, a batch at a time as the rows arrive.

        For the whole-library list: a batch of movies is built, used and dropped before the next,
        so 10,000 movies and their files never sit in memory at once. Close it (aclosing) when not
        read to the end.
        """
        stmt = _WITH_FILES.order_by(MovieRow.sort_title, MovieRow.id)
        if ids is not None:
            stmt = stmt.where(MovieRow.id.in_(list(ids)))
        async with self._db.read() as session:
            titles = await _alternative_titles(session, ids)
            result = await session.stream(stmt)
            async for rows in result.partitions(batch_size):
                with collector_paused():
                    batch = [_movie_and_file(row, titles) for row in rows]
                yield batch

    async def keys(self, ids: Iterable[int] | None = None) -> list[MovieKeys]:
        """Every movie's ids, titles and years (or only these movies'; an unknown id is left out): all that
        matching releases to the library reads."""
        wanted = None if ids is None else sorted(set(ids))
        found: list[MovieKeys] = []
        async with self._db.read() as session:
            if wanted is None:
                found = await _keys(session, None)
            else:
                for start in range(0, len(wanted), _CHUNK):
                    found.extend(await _keys(session, wanted[start : start + _CHUNK]))
        return found

    async def get(self, movie_id: int) -> Movie:
        """One movie with its alternative titles."""
        async with self._db.read() as session:
            row = await session.get(MovieRow, movie_id)
            if row is None:
                raise NotFound(f"Movie with ID {movie_id} does not exist")
            titles = list(
                await session.scalars(
                    select(AlternativeTitleRow).where(AlternativeTitleRow.movie_id == movie_id)
                )
            )
            return to_movie(row, titles)

    async def get_with_file(self, movie_id: int) -> tuple[Movie, MovieFile | None]:
        """One movie with its alternative titles and its file: two queries in one session."""
        async with self._db.read() as session:
            read = await _rows_with_files(session, _ONE_WITH_FILE, {"movie_id": movie_id})
        found = read.movies()
        if not found:
            raise NotFound(f"Movie with ID {movie_id} does not exist")
        return found[0]

    async def page(self, request: PageRequest) -> Page[tuple[Movie, MovieFile | None]]:
        """One page of the library, each movie with its file, by title, year, date added, runtime or id."""
        columns = {
            "title": MovieRow.sort_title,
            "sortTitle": MovieRow.sort_title,
            "year": MovieRow.year,
            "added": MovieRow.added,
            "runtime": MovieRow.runtime,
            "id": MovieRow.id,
        }
        # The page's ids first, then their rows: sorting only (key, id) pairs, the database no longer
        # carries every earlier row whole through the sort (a page in the middle of 10,000 movies
        # took 0.2 s on SQLite, the first one 30 ms).
        async with self._db.read() as session:
            ids = await fetch_page(
                session, select(MovieRow.id), request, columns, default_key="title", tiebreaker=MovieRow.id
            )
            stmt = _WITH_FILES.where(MovieRow.id.in_(ids.records))
            read = await _rows_with_files(session, stmt) if ids.records else _Rows([], {})
        by_id = {movie.id: (movie, file) for movie, file in read.movies()}
        # (on PostgreSQL a movie deleted between the two statements is left out)
        movies = [by_id[movie_id] for movie_id in ids.records if movie_id in by_id]
        return Page(ids.page, ids.page_size, ids.sort_key, ids.sort_direction, ids.total_records, movies)

    async def releasing_between(
        self, start: date, end: date, *, include_unmonitored: bool, tags: set[int] | None = None
    ) -> list[tuple[Movie, MovieFile | None]]:
        """Movies with a cinema, digital or physical release from `start` to `end` (both included), with
        their files."""
        # One range per date column, each answered by its own index (migration 0012).
        dates = [MovieRow.in_cinemas, MovieRow.digital_release, MovieRow.physical_release]
        stmt = _WITH_FILES.where(or_(*(column.between(start, end) for column in dates)))
        if not include_unmonitored:
            stmt = stmt.where(MovieRow.monitored.is_(True))
        async with self._db.read() as session:
            read = await _rows_with_files(session, stmt)
        found = read.movies()
        if tags:
            found = [(movie, file) for movie, file in found if tags.intersection(movie.tags)]
        return found

    async def find_for_release(self, info: ParsedMovieInfo) -> Movie | None:
        """The library movie a parsed release title names (ids first, then title and year)."""
        if info.tmdb_id:
            stmt = select(MovieRow).where(MovieRow.tmdb_id == info.tmdb_id)
        elif info.imdb_id:
            stmt = select(MovieRow).where(MovieRow.imdb_id == info.imdb_id)
        else:
            titles = list(release_clean_titles(info))
            alternative = select(AlternativeTitleRow.movie_id).where(
                AlternativeTitleRow.clean_title.in_(titles)
            )
            stmt = select(MovieRow).where(or_(MovieRow.clean_title.in_(titles), MovieRow.id.in_(alternative)))
        async with self._db.read() as session:
            candidates = [to_movie(row) for row in await session.scalars(stmt)]
        return best_match(info, candidates)

    async def find_by_tmdb_id(self, tmdb_id: int) -> Movie | None:
        """The library's movie with this TMDB id, if any."""
        async with self._db.read() as session:
            row = await session.scalar(select(MovieRow).where(MovieRow.tmdb_id == tmdb_id))
            if row is None:
                return None
            return to_movie(row, (await _alternative_titles(session, [row.id])).get(row.id))

    async def by_tmdb_ids(self, tmdb_ids: Iterable[int]) -> dict[int, Movie]:
        """Library movies among these TMDB ids, by TMDB id."""
        ids = list(set(tmdb_ids))
        if not ids:
            return {}
        async with self._db.read() as session:
            rows = await session.scalars(select(MovieRow).where(MovieRow.tmdb_id.in_(ids)))
            return {row.tmdb_id: to_movie(row) for row in rows}

    async def collection_tmdb_ids(self) -> dict[int, int]:
        """The TMDB collections of the library's films, each to the id of its first film added."""
        stmt = (
            select(MovieRow.collection_tmdb_id, func.min(MovieRow.id))
            .where(MovieRow.collection_tmdb_id.is_not(None))
            .group_by(MovieRow.collection_tmdb_id)
        )
        async with self._db.read() as session:
            rows = await session.execute(stmt)
            return {int(tmdb_id): int(movie_id) for tmdb_id, movie_id in rows if tmdb_id is not None}

    async def paths(self) -> set[str]:
        """The folders of every movie."""
        async with self._db.read() as session:
            return set(await session.scalars(select(MovieRow.path)))

    async def ids_with_tag(self, tag_id: int) -> list[int]:
        """Ids of the movies carrying a tag."""
        async with self._db.read() as session:
            rows = await session.execute(select(MovieRow.id, MovieRow.tags))
            return [movie_id for movie_id, tags in rows if tag_id in tags]

    async def uses_profile(self, profile_id: int) -> bool:
        """Whether any movie uses this quality profile."""
        async with self._db.read() as session:
            count = await session.scalar(
                select(func.count()).select_from(MovieRow).where(MovieRow.quality_profile_id == profile_id)
            )
            return bool(count)

    async def uses_root_folder(self, root: str) -> bool:
        """Whether any movie lives in this root folder."""
        root = normalise(root)
        return any(root_folder_of(p, [root]) for p in await self.paths())

    async def files(self, movie_ids: Sequence[int] | None = None) -> dict[int, MovieFile]:
        """Movie files by movie id, for some movies or all."""
        stmt = select(*json_as_text(MovieFileRow.__table__))
        if movie_ids is not None:
            stmt = stmt.where(MovieFileRow.movie_id.in_(list(movie_ids)))
        async with self._db.read() as session:
            rows = (await session.execute(stmt)).all()
        with collector_paused():
            return {row.movie_id: to_movie_file(MovieFileValues._make(row)) for row in rows}

    async def add(self, request: AddMovie) -> Movie:
        """Add one movie: validate, fetch its metadata from TMDB, save it; nothing is saved on failure."""
        outcome = await self.add_each([request])
        if outcome.skipped:
            raise outcome.skipped[0].error
        return outcome.added[0]

    async def add_each(self, requests: Sequence[AddMovie]) -> AddOutcome:
        """Add every film of a batch that can be added; each other one is skipped with the reason.

        A film already in the library, named twice, refused by the rules, unknown to TMDB or with a
        folder that cannot be used does not stop the others (Radarr's library import and Kometa's
        batches). The added ones are saved in one transaction.
        """
        skipped: list[SkippedMovie] = []
        existing = await self.by_tmdb_ids(r.tmdb_id for r in requests)
        seen: set[int] = set()
        checked: list[tuple[int, AddMovie]] = []
        for index, request in enumerate(requests):
            if request.tmdb_id in existing:
                skipped.append(_already_added(index, request))
                continue
            failures = await self._check(request)
            if request.tmdb_id in seen:
                failures.append(
                    ValidationFailure(
                        "tmdbId", "This movie is in the request more than once", request.tmdb_id
                    )
                )
            seen.add(request.tmdb_id)
            if failures:
                skipped.append(SkippedMovie(index, request, ValidationFailed(failures)))
            else:
                checked.append((index, request))
        found = await self._metadata_of([request.tmdb_id for _, request in checked])
        roots = await self.hooks.root_folders()
        taken = FolderIndex(await self.paths())
        planned: list[tuple[int, AddMovie, MovieMetadata, str]] = []
        for (index, request), info in zip(checked, found, strict=True):
            if isinstance(info, ReelarrError):
                skipped.append(SkippedMovie(index, request, info))
                continue
            folder = "" if request.path else await self.hooks.folder_name(info)
            path, failures = self._planned_path(request, folder, roots, taken)
            if failures:
                skipped.append(SkippedMovie(index, request, ValidationFailed(failures)))
                continue
            taken.add(path)
            planned.append((index, request, info, path))
        added = await self._save_new(planned, roots, skipped)
        for request, movie in added:
            await self._bus.publish(
                MovieAdded(
                    movie_id=movie.id,
                    search=request.search_for_movie,
                    monitor_collection=request.monitor_collection,
                    add_method=request.add_method,
                )
            )
        for skip in skipped:
            log.info("Movie with TMDB id %s was not added: %s", skip.request.tmdb_id, skip.error)
        return AddOutcome([movie for _, movie in added], sorted(skipped, key=lambda s: s.index))

    async def _metadata_of(self, tmdb_ids: Sequence[int]) -> list[MovieMetadata | ReelarrError]:
        """Each film's metadata from TMDB, or the error TMDB's answer was (unknown id, unreachable)."""
        fetches = asyncio.Semaphore(_METADATA_FETCHES)

        async def fetch(tmdb_id: int) -> MovieMetadata | ReelarrError:
            async with fetches:
                try:
                    return await self.hooks.metadata(tmdb_id)
                except ReelarrError as error:
                    return error

        return list(await asyncio.gather(*(fetch(tmdb_id) for tmdb_id in tmdb_ids)))

    async def _save_new(
        self,
        planned: Sequence[tuple[int, AddMovie, MovieMetadata, str]],
        roots: list[str],
        skipped: list[SkippedMovie],
    ) -> list[tuple[AddMovie, Movie]]:
        """Save the planned movies in one transaction; one added meanwhile by another request is skipped."""
        now = self._clock()
        added: list[tuple[AddMovie, Movie]] = []
        if not planned:
            return added
        tagger = await self._tagger()
        async with self._db.write() as session:
            # One round trip per step for the whole batch, not per film: a library import adds thousands.
            present: set[int] = set()
            wanted = [request.tmdb_id for _, request, _, _ in planned]
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                known = select(MovieRow.tmdb_id).where(MovieRow.tmdb_id.in_(chunk))
                present.update(await session.scalars(known))
            new: list[tuple[AddMovie, MovieMetadata, MovieRow]] = []
            for index, request, info, path in planned:
                if request.tmdb_id in present:
                    skipped.append(_already_added(index, request))
                    continue
                row = self._new_row(request, path, root_folder_of(path, roots) or "", info, now)
                session.add(row)
                new.append((request, info, row))
            await session.flush()
            session.add_all([title for _, info, row in new for title in alternative_title_rows(row.id, info)])
            await insert_credits(session, [(row.id, info) for _, info, row in new])
            added.extend((request, _auto_tagged(row, tagger)) for request, _, row in new)
        return added

    async def update(self, movie_id: int, changes: MovieChanges) -> Movie:
        """Change a movie's settings; a new path must follow the folder rules."""
        [updated] = await self.update_many([(movie_id, changes)])
        return updated

    async def update_many(self, edits: Sequence[Edit]) -> list[Movie]:
        """Change several movies at once: every change is checked first, then all are written
        together, or none (an unknown movie is a NotFound, a broken rule a ValidationFailed)."""
        ids = [movie_id for movie_id, _ in edits]
        current = await self._get_many(ids)
        roots = await self.hooks.root_folders()
        failures = await self._change_failures(edits, current, roots)
        if failures:
            raise ValidationFailed(failures)
        paths = new_paths(edits, current)
        updated: list[Movie] = []
        tagger = await self._tagger()
        async with self._db.write() as session:
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                rows = {
                    r.id: r for r in await session.scalars(select(MovieRow).where(MovieRow.id.in_(chunk)))
                }
                for movie_id, changes in edits[start : start + _CHUNK]:
                    row = rows.get(movie_id)
                    if row is None:
                        raise NotFound(f"Movie with ID {movie_id} does not exist")
                    apply_changes(row, changes, paths[movie_id], roots)
                    updated.append(_auto_tagged(row, tagger))
        for movie in updated:
            await self._bus.publish(MovieUpdated(movie_id=movie.id))
        return updated

    async def refresh_metadata(self, movie_id: int, metadata: MovieMetadata | None) -> Movie:
        """Store fresh metadata (None: TMDB no longer has the film, so it is marked deleted)."""
        now = self._clock()
        tagger = await self._tagger()
        async with self._db.write() as session:
            # Locked first: refreshes of one film from several processes replace its titles and
            # credits one after the other, never both from the same old rows.
            row = await session.get(MovieRow, movie_id, with_for_update=True)
            if row is None:
                raise NotFound(f"Movie with ID {movie_id} does not exist")
            if metadata is None:
                row.tmdb_status = "Deleted"
                row.last_info_sync = now
            else:
                apply_metadata(row, metadata, now)
                await session.execute(
                    delete(AlternativeTitleRow).where(
                        AlternativeTitleRow.movie_id == movie_id, AlternativeTitleRow.source_type == "tmdb"
                    )
                )
                session.add_all(alternative_title_rows(movie_id, metadata))
                await replace_credits(session, movie_id, metadata)
            updated = _auto_tagged(row, tagger)
        await self._bus.publish(MovieUpdated(movie_id=movie_id))
        return updated

    async def delete(self, movie_id: int, *, delete_files: bool, add_exclusion: bool) -> None:
        """Remove a movie; optionally its folder from disk, and keep lists from adding it again."""
        movie = await self.get(movie_id)
        async with self._db.write() as session:
            row = await session.get(MovieRow, movie_id)
            if row is None:
                raise NotFound(f"Movie with ID {movie_id} does not exist")
            file_row = await session.scalar(select(MovieFileRow).where(MovieFileRow.movie_id == movie_id))
            file = to_movie_file(file_row) if file_row is not None else None
            await session.delete(row)
            if add_exclusion:
                await self._exclude(session, movie)
        if delete_files:
            await asyncio.to_thread(shutil.rmtree, movie.path, ignore_errors=True)
        await self._bus.publish(
            MovieDeleted(
                movie_id=movie.id, tmdb_id=movie.tmdb_id, title=movie.title, deleted_files=delete_files
            )
        )
        await self._bus.publish(MovieGone(movie=movie, file=file, deleted_files=delete_files))

    async def set_monitored(self, movie_ids: Sequence[int], monitored: bool) -> None:
        """Monitor or unmonitor several movies at once."""
        await self.update_many([(movie_id, MovieChanges(monitored=monitored)) for movie_id in movie_ids])

    async def mark_searched(self, movie_id: int) -> None:
        """Remember when a movie was last searched for."""
        async with self._db.write() as session:
            row = await session.get(MovieRow, movie_id)
            if row is None:
                return
            row.last_search_time = self._clock()
        await self._bus.publish(MovieUpdated(movie_id=movie_id))

    async def announce_change(self, movie_id: int) -> None:
        """Tell everyone a movie's resource changed outside its row (its cached covers, say)."""
        await self._bus.publish(MovieUpdated(movie_id=movie_id))

    async def _exclude(self, session: AsyncSession, movie: Movie) -> None:
        exists = await session.scalar(
            select(ImportExclusionRow.id).where(ImportExclusionRow.tmdb_id == movie.tmdb_id)
        )
        if exists is None:
            session.add(
                ImportExclusionRow(tmdb_id=movie.tmdb_id, movie_title=movie.title, movie_year=movie.year)
            )

    async def _check(self, request: AddMovie) -> list[ValidationFailure]:
        """What is wrong with an add request before TMDB is asked (an empty list when nothing is)."""
        failures: list[ValidationFailure] = []
        if request.tmdb_id <= 0:
            failures.append(
                ValidationFailure("tmdbId", "'Tmdb Id' must be greater than '0'.", request.tmdb_id)
            )
        if not await self.hooks.profile_exists(request.quality_profile_id):
            failures.append(
                ValidationFailure(
                    "qualityProfileId", "Quality profile does not exist", request.quality_profile_id
                )
            )
        if not request.path and not request.root_folder_path:
            failures.append(
                ValidationFailure("rootFolderPath", "'Root Folder Path' must not be empty.", None)
            )
        failures.extend(await self._tag_failures(request.tags))
        for check in self.hooks.extra_checks:
            failures.extend(await check(request))
        return failures

    @staticmethod
    def _planned_path(
        request: AddMovie, folder: str, roots: list[str], taken: FolderIndex
    ) -> tuple[str, list[ValidationFailure]]:
        if request.path:
            path = normalise(request.path)
        else:
            root = normalise(request.root_folder_path or "")
            if root not in {normalise(r) for r in roots}:
                return "", [
                    ValidationFailure(
                        "rootFolderPath", "Root folder does not exist", request.root_folder_path
                    )
                ]
            path = os.path.join(root, folder)
        return path, movie_path_failures(path, root_folders=roots, other_movie_paths=taken)

    async def get_many(self, movie_ids: Sequence[int]) -> list[Movie]:
        """Movies by id in the order asked (without alternative titles); NotFound for a missing id."""
        found = await self._get_many(movie_ids)
        return [found[movie_id] for movie_id in movie_ids]

    async def _get_many(self, movie_ids: Sequence[int]) -> dict[int, Movie]:
        found: dict[int, Movie] = {}
        wanted = sorted(set(movie_ids))
        async with self._db.read() as session:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                found.update(
                    (r.id, to_movie(r))
                    for r in await session.scalars(select(MovieRow).where(MovieRow.id.in_(chunk)))
                )
        for movie_id in movie_ids:
            if movie_id not in found:
                raise NotFound(f"Movie with ID {movie_id} does not exist")
        return found

    async def _change_failures(
        self, edits: Sequence[Edit], current: dict[int, Movie], roots: list[str]
    ) -> list[ValidationFailure]:
        failures: list[ValidationFailure] = []
        for profile_id in sorted(
            {c.quality_profile_id for _, c in edits if c.quality_profile_id is not None}
        ):
            if not await self.hooks.profile_exists(profile_id):
                failures.append(
                    ValidationFailure("qualityProfileId", "Quality profile does not exist", profile_id)
                )
        tags = {tag for _, c in edits for tag in (c.tags or ())}
        failures.extend(await self._tag_failures(tags))
        if any(new != current[movie_id].path for movie_id, new in new_paths(edits, current).items()):
            failures.extend(
                path_failures(edits, current, library_paths=await self.paths(), root_folders=roots)
            )
        return failures

    async def _tagger(self) -> AutoTagger | None:
        """Auto tagging's rules as they are now (None when nothing applies them)."""
        return await self.hooks.auto_tagging() if self.hooks.auto_tagging is not None else None

    async def _tag_failures(self, tags: Iterable[int]) -> list[ValidationFailure]:
        wanted = set(tags)
        if not wanted or self.hooks.existing_tags is None:
            return []
        missing = sorted(wanted - await self.hooks.existing_tags(wanted))
        if missing:
            return [ValidationFailure("tags", f"Tags do not exist: {', '.join(map(str, missing))}", missing)]
        return []

    @staticmethod
    def _new_row(request: AddMovie, path: str, root: str, info: MovieMetadata, now: datetime) -> MovieRow:
        row = MovieRow(
            monitored=request.monitored,
            minimum_availability=request.minimum_availability.value,
            quality_profile_id=request.quality_profile_id,
            path=path,
            root_folder_path=root,
            tags=sorted(set(request.tags)),
            added=now,
        )
        apply_metadata(row, info, now)
        return row


def _auto_tagged(row: MovieRow, tagger: AutoTagger | None) -> Movie:
    """The film of a row about to be written, with the tags auto tagging gives or takes (UpdateTags)."""
    movie = to_movie(row)
    if tagger is None:
        return movie
    tags = tagger(movie)
    if set(tags) == set(movie.tags):
        return movie
    row.tags = list(tags)
    return to_movie(row)


_MOVIE_COLUMNS = len(MovieRow.__table__.columns)
# Every movie column, then its file's (prefixed `file_`, all null without a file). Built once:
# statements are immutable, and building this one (70 labelled columns) was a tenth of a movie by id.
_WITH_FILES: Select[Any] = select(
    *json_as_text(MovieRow.__table__), *json_as_text(MovieFileRow.__table__, prefix="file_")
).select_from(outerjoin(MovieRow, MovieFileRow, MovieFileRow.movie_id == MovieRow.id))
_ONE_WITH_FILE = _WITH_FILES.where(MovieRow.id == bindparam("movie_id"))
_ALTERNATIVE_TITLES = select(
    AlternativeTitleRow.movie_id,
    AlternativeTitleRow.id,
    AlternativeTitleRow.title,
    AlternativeTitleRow.clean_title,
    AlternativeTitleRow.country,
    AlternativeTitleRow.source_type,
).order_by(AlternativeTitleRow.movie_id, AlternativeTitleRow.id)
_ALTERNATIVE_TITLES_OF = _ALTERNATIVE_TITLES.where(
    AlternativeTitleRow.movie_id.in_(bindparam("movie_ids", expanding=True))
)


def _movie_and_file(row: Row[Any], titles: dict[int, list[Any]]) -> tuple[Movie, MovieFile | None]:
    split = _MOVIE_COLUMNS
    movie = to_movie(MovieValues._make(row[:split]), titles.get(row.id))
    return movie, to_movie_file(MovieFileValues._make(row[split:])) if row[split] is not None else None


@dataclass(frozen=True, slots=True)
class _Rows:
    """Rows of movies with their files and alternative titles, as read: turned into movies once the
    session is closed, so that a connection is not held while they are built (fifty clients queue for
    a handful of connections)."""

    rows: Sequence[Row[Any]]
    titles: dict[int, list[Any]]

    def movies(self) -> list[tuple[Movie, MovieFile | None]]:
        """The movies with their files."""
        return [_movie_and_file(row, self.titles) for row in self.rows]


async def _rows_with_files(
    session: AsyncSession, stmt: Select[Any], parameters: dict[str, Any] | None = None
) -> _Rows:
    """What `stmt` (a `_WITH_FILES` select) finds, with the alternative titles of those movies."""
    # On the session's connection: a plain select needs none of the ORM's work on its rows.
    connection = await session.connection()
    rows = (await connection.execute(stmt, parameters)).all()
    return _Rows(rows, await _alternative_titles(session, [row.id for row in rows]) if rows else {})


_KEYS = select(
    MovieRow.id,
    MovieRow.tmdb_id,
    MovieRow.imdb_id,
    MovieRow.title,
    MovieRow.original_title,
    MovieRow.clean_title,
    MovieRow.year,
    MovieRow.secondary_year,
)


async def _keys(session: AsyncSession, movie_ids: Sequence[int] | None) -> list[MovieKeys]:
    """The keys of these movies (None: of every movie)."""
    stmt = _KEYS if movie_ids is None else _KEYS.where(MovieRow.id.in_(movie_ids))
    titles = await _alternative_titles(session, movie_ids)
    rows = (await session.execute(stmt)).all()
    with collector_paused():
        return [
            MovieKeys(
                *row,
                alternative_titles=tuple(
                    AlternativeTitle(title.title, title.clean_title) for title in titles.get(row.id, ())
                ),
            )
            for row in rows
        ]


async def _alternative_titles(session: AsyncSession, movie_ids: Sequence[int] | None) -> dict[int, list[Any]]:
    """The alternative title rows of these movies (None: of every movie), by movie id."""
    connection = await session.connection()
    if movie_ids is None:
        rows = await connection.execute(_ALTERNATIVE_TITLES)
    else:
        rows = await connection.execute(_ALTERNATIVE_TITLES_OF, {"movie_ids": list(movie_ids)})
    by_movie: dict[int, list[Any]] = {}
    for row in rows:
        by_movie.setdefault(row.movie_id, []).append(row)
    return by_movie
