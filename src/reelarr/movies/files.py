"""A movie's file on disk: found by a rescan, edited by the user, deleted only when asked.

A rescan never touches a movie whose root folder is missing or empty (an unmounted disk looks like
that): removing file records then would lose what the user has. Disk calls that can hang on a dead
network mount run in worker threads under a deadline.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import ParamSpec, TypeVar

from sqlalchemy import delete, select

from reelarr.db.engine import Database
from reelarr.errors import Conflict, NotFound
from reelarr.events import EventBus
from reelarr.mediafiles.mediainfo import MediaInfoReader
from reelarr.mediafiles.scan import SkippedPath, scan_movie_folder
from reelarr.movies.events import (
    MovieFileAdded,
    MovieFileDeleted,
    MovieFileGone,
    MovieFileUpdated,
    MovieScanned,
)
from reelarr.movies.file_rows import FileChanges, apply_changes, new_file_row
from reelarr.movies.file_rules import FileRecord, best_file, needs_media_info, record_of, stored_media_info
from reelarr.movies.model import Movie, MovieFile
from reelarr.movies.paths import root_folder_of
from reelarr.movies.repository import to_movie_file
from reelarr.movies.service import MovieService
from reelarr.movies.tables import MovieFileRow, MovieRow
from reelarr.quality.profile import QualityProfile
from reelarr.rootfolders.disk import DiskProbes

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
P = ParamSpec("P")
T = TypeVar("T")
DEFAULT_DISK_TIMEOUT = 15.0
# Ids are 32-bit in both databases; a larger one asked for is simply not there.
MAX_ID = 2**31 - 1


class DeleteReason(StrEnum):
    """Why a movie file's record went (Radarr's DeleteMediaFileReason)."""

    MISSING_FROM_DISK = "missingFromDisk"
    MANUAL = "manual"
    UPGRADE = "upgrade"


class RootFolderUnavailable(Conflict):
    """A movie's root folder is missing, empty or not answering: nothing on it is changed."""


class ScanOutcome(StrEnum):
    """What a rescan did to a movie's file record."""

    ADDED = "added"
    REPLACED = "replaced"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    REMOVED = "removed"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class RescanResult:
    """The outcome of rescanning one movie's folder."""

    movie_id: int
    outcome: ScanOutcome
    file: MovieFile | None = None
    skipped: tuple[SkippedPath, ...] = ()

    @property
    def message(self) -> str:
        """What happened, for the command's message."""
        if self.file is None:
            return "No movie file found" if self.outcome is ScanOutcome.NONE else "Movie file is gone"
        return f"{self.outcome.value.capitalize()}: {self.file.relative_path} ({self.file.quality.name})"


@dataclass
class FileHooks:
    """What movie files ask of other packages, wired in app.py."""

    root_folders: Callable[[], Awaitable[list[str]]]
    profile: Callable[[int], Awaitable[QualityProfile]]
    # Creates a film's missing folder when the options say so (createEmptyMovieFolders).
    create_missing_folder: Callable[[Movie], Awaitable[bool]] | None = None


def _root_problem(root: str) -> str | None:
    """Why a root folder cannot be trusted right now, or None (blocking)."""
    if not os.path.isdir(root):
        return "does not exist"
    try:
        with os.scandir(root) as entries:
            if next(entries, None) is None:
                return "is empty (is its disk mounted?)"
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    return None


def _file_size(path: str) -> int | None:
    """The size of a regular file, or None when there is none at the path (blocking)."""
    try:
        return os.stat(path).st_size if os.path.isfile(path) else None
    except OSError:
        return None


def _remove_file(path: str) -> None:
    """Delete one file (never a folder); a file already gone is fine (blocking)."""
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)


def _valid_ids(ids: Iterable[int]) -> list[int]:
    return sorted({i for i in ids if 0 < i <= MAX_ID})


def _not_found(file_id: int) -> NotFound:
    return NotFound(f"Movie file with ID {file_id} does not exist")


class MovieFileService:
    """Keeps each movie's file record in step with its folder, and applies the user's edits."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        clock: Clock,
        movies: MovieService,
        hooks: FileHooks,
        *,
        reader: MediaInfoReader | None = None,
        disk_timeout: float = DEFAULT_DISK_TIMEOUT,
    ) -> None:
        self._db = db
        self._bus = bus
        self._clock = clock
        self._movies = movies
        self.hooks = hooks
        self._reader = reader
        self._disk_timeout = disk_timeout
        self._probes = DiskProbes(disk_timeout)

    async def get(self, file_id: int) -> MovieFile:
        """One movie file by id."""
        if not 0 < file_id <= MAX_ID:
            raise _not_found(file_id)
        async with self._db.read() as session:
            row = await session.get(MovieFileRow, file_id)
            if row is None:
                raise _not_found(file_id)
            return to_movie_file(row)

    async def by_ids(self, file_ids: Iterable[int]) -> list[MovieFile]:
        """The movie files with these ids (unknown ids are left out), in id order."""
        ids = _valid_ids(file_ids)
        if not ids:
            return []
        async with self._db.read() as session:
            rows = await session.scalars(
                select(MovieFileRow).where(MovieFileRow.id.in_(ids)).order_by(MovieFileRow.id)
            )
            return [to_movie_file(row) for row in rows]

    async def for_movies(self, movie_ids: Iterable[int]) -> list[MovieFile]:
        """The files of these movies (a movie has at most one), in movie id order."""
        files = await self._movies.files(_valid_ids(movie_ids))
        return [files[movie_id] for movie_id in sorted(files)]

    async def rescan(self, movie_id: int) -> RescanResult:
        """Bring a movie's file record in step with its folder: find, choose, update or forget its file;
        then say the folder was scanned, for what lies beside the video (extra files)."""
        if not 0 < movie_id <= MAX_ID:
            raise NotFound(f"Movie with ID {movie_id} does not exist")
        movie = await self._movies.get(movie_id)
        await self._check_root(movie)
        result = await self._rescan(movie)
        file_id = result.file.id if result.file is not None else None
        await self._bus.publish(MovieScanned(movie_id=movie.id, movie_file_id=file_id))
        return result

    async def _rescan(self, movie: Movie) -> RescanResult:
        movie_id = movie.id
        existing = (await self._movies.files([movie_id])).get(movie_id)
        if not await self._disk(movie.path, os.path.isdir, movie.path):
            if self.hooks.create_missing_folder is not None:
                await self.hooks.create_missing_folder(movie)
            return await self._forget(movie, existing, ())
        if existing is not None:
            full = self.full_path(movie, existing)
            size = await self._disk(full, _file_size, full)
            if size is not None:
                return await self._refresh_kept(movie, existing, full, size)
        try:
            scan = await scan_movie_folder(
                movie.path, reader=self._reader, movie_runtime_minutes=movie.runtime
            )
        except (FileNotFoundError, NotADirectoryError):
            return await self._forget(movie, existing, ())
        chosen = best_file(scan.files, await self._profile(movie))
        if chosen is None:
            return await self._forget(movie, existing, scan.skipped)
        return await self._store(movie, existing, record_of(chosen, movie.original_language), scan.skipped)

    async def rescan_quietly(self, movie_id: int) -> RescanResult | None:
        """Rescan a movie as part of other work: an unreachable root or a deleted movie is only logged."""
        try:
            return await self.rescan(movie_id)
        except (RootFolderUnavailable, NotFound) as error:
            log.warning("Did not rescan movie %s: %s", movie_id, error)
            return None

    async def update(self, file_id: int, changes: FileChanges) -> MovieFile:
        """Change what is recorded of one file (quality, languages, edition, group, scene name, flags)."""
        [updated] = await self.update_many([(file_id, changes)])
        return updated

    async def update_many(self, changes: Sequence[tuple[int, FileChanges]]) -> list[MovieFile]:
        """Change several files at once: all or none (an unknown id changes nothing)."""
        ids = [file_id for file_id, _ in changes]
        async with self._db.write() as session:
            query = select(MovieFileRow).where(MovieFileRow.id.in_(_valid_ids(ids)))
            rows = {row.id: row for row in await session.scalars(query)}
            missing = [file_id for file_id in ids if file_id not in rows]
            if missing:
                raise _not_found(missing[0])
            for file_id, change in changes:
                apply_changes(rows[file_id], change)
            updated = [to_movie_file(rows[file_id]) for file_id in dict.fromkeys(ids)]
        for file in updated:
            await self._bus.publish(MovieFileUpdated(movie_id=file.movie_id, movie_file_id=file.id))
        return updated

    async def set_relative_path(self, file_id: int, relative_path: str) -> MovieFile:
        """Record a file's new name within its movie's folder (after a rename on disk)."""
        async with self._db.write() as session:
            row = await session.get(MovieFileRow, file_id)
            if row is None:
                raise _not_found(file_id)
            row.relative_path = relative_path
            updated = to_movie_file(row)
        await self._bus.publish(MovieFileUpdated(movie_id=updated.movie_id, movie_file_id=updated.id))
        return updated

    async def delete(self, file_id: int) -> None:
        """Delete a file from disk (no recycle bin yet) and its record; a vanished file loses its record."""
        file = await self.get(file_id)
        movie = await self._movies.get(file.movie_id)
        await self._check_root(movie)
        full = self.full_path(movie, file)
        try:
            await self._disk(full, _remove_file, full)
        except OSError as error:
            raise Conflict(f"Unable to delete movie file '{full}': {error.strerror or error}") from error
        log.info("Deleted movie file %s", full)
        async with self._db.write() as session:
            await session.execute(delete(MovieFileRow).where(MovieFileRow.id == file_id))
        await self._bus.publish(
            MovieFileDeleted(movie_id=file.movie_id, movie_file_id=file.id, reason=DeleteReason.MANUAL)
        )
        await self._bus.publish(MovieFileGone(file=file, reason=DeleteReason.MANUAL))

    async def delete_many(self, file_ids: Sequence[int]) -> None:
        """Delete several files; every id must exist before any file is touched."""
        wanted = list(dict.fromkeys(file_ids))
        found = {file.id for file in await self.by_ids(wanted)}
        missing = [file_id for file_id in wanted if file_id not in found]
        if missing:
            raise _not_found(missing[0])
        for file_id in wanted:
            await self.delete(file_id)

    async def record_import(
        self, movie_id: int, record: FileRecord, original_file_path: str | None
    ) -> tuple[MovieFile, MovieFile | None]:
        """Record an imported file as the film's, in place of the one it upgrades: (new, replaced)."""
        async with self._db.write() as session:
            await self._db.serialize(session, f"movie-files-{movie_id}")
            if await session.get(MovieRow, movie_id) is None:
                raise NotFound(f"Movie with ID {movie_id} does not exist")
            current = await session.scalar(select(MovieFileRow).where(MovieFileRow.movie_id == movie_id))
            replaced = to_movie_file(current) if current is not None else None
            if current is not None:
                await session.delete(current)
                await session.flush()
            row = new_file_row(movie_id, record, self._clock())
            row.original_file_path = original_file_path
            session.add(row)
            await session.flush()
            stored = to_movie_file(row)
        if replaced is not None:
            await self._bus.publish(
                MovieFileDeleted(movie_id=movie_id, movie_file_id=replaced.id, reason=DeleteReason.UPGRADE)
            )
            await self._bus.publish(MovieFileGone(file=replaced, reason=DeleteReason.UPGRADE))
        await self._bus.publish(MovieFileAdded(movie_id=movie_id, movie_file_id=stored.id))
        return stored, replaced

    async def record_existing(
        self, movie_id: int, record: FileRecord, date_added: datetime, original_file_path: str | None
    ) -> MovieFile | None:
        """Record a file already in the film's folder as its file, as another program kept it (nothing
        on disk is touched); None, and nothing changed, when the film has a file recorded already."""
        async with self._db.write() as session:
            await self._db.serialize(session, f"movie-files-{movie_id}")
            if await session.get(MovieRow, movie_id) is None:
                raise NotFound(f"Movie with ID {movie_id} does not exist")
            if await session.scalar(select(MovieFileRow.id).where(MovieFileRow.movie_id == movie_id)):
                return None
            row = new_file_row(movie_id, record, date_added)
            row.original_file_path = original_file_path
            session.add(row)
            await session.flush()
            stored = to_movie_file(row)
        await self._bus.publish(MovieFileAdded(movie_id=movie_id, movie_file_id=stored.id))
        return stored

    @staticmethod
    def full_path(movie: Movie, file: MovieFile) -> str:
        """Where a movie's file is; refused when its recorded path would lead out of the movie folder."""
        folder = os.path.normpath(movie.path)
        full = os.path.normpath(os.path.join(folder, file.relative_path))
        if not full.startswith(folder + os.sep):
            raise Conflict(f"Movie file path '{file.relative_path}' is outside the movie folder")
        return full

    async def _disk(self, path: str, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return await self._probes.run(function, *args, **kwargs)
        except TimeoutError as error:
            message = f"'{path}' did not answer within {self._disk_timeout:g} s; nothing was changed"
            raise RootFolderUnavailable(message) from error

    async def _check_root(self, movie: Movie) -> None:
        root = root_folder_of(movie.path, await self.hooks.root_folders()) or os.path.dirname(movie.path)
        problem = await self._disk(root, _root_problem, root)
        if problem is not None:
            raise RootFolderUnavailable(
                f"Root folder '{root}' of {movie.title} ({movie.year}) {problem}; nothing was changed"
            )

    async def _profile(self, movie: Movie) -> QualityProfile | None:
        try:
            return await self.hooks.profile(movie.quality_profile_id)
        except NotFound:
            return None

    async def _refresh_kept(self, movie: Movie, existing: MovieFile, full: str, size: int) -> RescanResult:
        """The recorded file is still there: refresh its size and media info when they are stale."""
        if not needs_media_info(existing.size, existing.media_info, size):
            return RescanResult(movie.id, ScanOutcome.UNCHANGED, existing)
        info = None
        if self._reader is not None:
            try:
                info = await self._reader.read(full)
            except FileNotFoundError:
                info = None
        if info is None and size == existing.size:
            return RescanResult(movie.id, ScanOutcome.UNCHANGED, existing)
        async with self._db.write() as session:
            row = await session.get(MovieFileRow, existing.id)
            if row is None:
                return RescanResult(movie.id, ScanOutcome.NONE)
            row.size = size
            if info is not None:
                row.media_info = stored_media_info(info, row.scene_name)
            updated = to_movie_file(row)
        await self._bus.publish(MovieFileUpdated(movie_id=movie.id, movie_file_id=updated.id))
        return RescanResult(movie.id, ScanOutcome.UPDATED, updated)

    async def _forget(
        self, movie: Movie, existing: MovieFile | None, skipped: tuple[SkippedPath, ...]
    ) -> RescanResult:
        """No file to keep: the record of a file that is gone from disk is removed."""
        if existing is None:
            return RescanResult(movie.id, ScanOutcome.NONE, skipped=skipped)
        full = self.full_path(movie, existing)
        if await self._disk(full, _file_size, full) is not None:
            return RescanResult(movie.id, ScanOutcome.UNCHANGED, existing, skipped)
        async with self._db.write() as session:
            gone = await session.execute(delete(MovieFileRow).where(MovieFileRow.id == existing.id))
        if getattr(gone, "rowcount", 0):
            log.info("Movie file %s of %s is gone from disk; its record was removed", full, movie.title)
            await self._bus.publish(
                MovieFileDeleted(
                    movie_id=movie.id, movie_file_id=existing.id, reason=DeleteReason.MISSING_FROM_DISK
                )
            )
            await self._bus.publish(MovieFileGone(file=existing, reason=DeleteReason.MISSING_FROM_DISK))
        return RescanResult(movie.id, ScanOutcome.REMOVED, skipped=skipped)

    async def _store(
        self, movie: Movie, existing: MovieFile | None, record: FileRecord, skipped: tuple[SkippedPath, ...]
    ) -> RescanResult:
        """Record a newly chosen file, in place of the record of one that is gone."""
        async with self._db.write() as session:
            await self._db.serialize(session, f"movie-files-{movie.id}")
            if await session.get(MovieRow, movie.id) is None:
                raise NotFound(f"Movie with ID {movie.id} does not exist")
            current = await session.scalar(select(MovieFileRow).where(MovieFileRow.movie_id == movie.id))
            if current is not None and (existing is None or current.id != existing.id):
                # Another rescan recorded a file meanwhile; the existing record wins.
                return RescanResult(movie.id, ScanOutcome.UNCHANGED, to_movie_file(current), skipped)
            if current is not None:
                await session.delete(current)
                await session.flush()
            row = new_file_row(movie.id, record, self._clock())
            session.add(row)
            await session.flush()
            stored = to_movie_file(row)
        if existing is not None:
            await self._bus.publish(
                MovieFileDeleted(
                    movie_id=movie.id, movie_file_id=existing.id, reason=DeleteReason.MISSING_FROM_DISK
                )
            )
            await self._bus.publish(MovieFileGone(file=existing, reason=DeleteReason.MISSING_FROM_DISK))
        await self._bus.publish(MovieFileAdded(movie_id=movie.id, movie_file_id=stored.id))
        outcome = ScanOutcome.ADDED if existing is None else ScanOutcome.REPLACED
        return RescanResult(movie.id, outcome, stored, skipped)
