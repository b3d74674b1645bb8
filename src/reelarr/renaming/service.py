"""Previews and renames of films' existing files, journalled so that a crash loses no file.

A rename never overwrites: a file whose new name is taken is left as it is (Radarr logs it and goes
on). The film's extra files follow their video. Every rename is recorded in history as Radarr's
MovieFileRenamed.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from reelarr.db.engine import Database
from reelarr.errors import Conflict, NotFound
from reelarr.events import EventBus
from reelarr.extras.names import same_path
from reelarr.extras.service import ExtraFileService, ExtraMove
from reelarr.history.model import HistoryEventType, NewHistory
from reelarr.history.service import HistoryService
from reelarr.integers import INT32_MAX
from reelarr.jobs.orphans import orphaned_rows
from reelarr.movies.files import MovieFileService
from reelarr.movies.model import Movie, MovieFile
from reelarr.movies.service import MovieService
from reelarr.naming.builder import NamingFormatError
from reelarr.naming.service import NamingService
from reelarr.renaming.events import MovieFileRenamed
from reelarr.renaming.moves import RenameRefused, drop_old, link_new, remove_empty_subfolders, undo
from reelarr.renaming.tables import RenameJournalRow

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
MOVIE_FILE = "movieFile"
EXTRA_FILE = "extraFile"


def _inside(path: str, folder: str) -> bool:
    return os.path.normpath(path).startswith(os.path.normpath(folder) + os.sep)


def _relative(path: str, folder: str) -> str:
    return os.path.relpath(path, folder)


class RenameInProgress(Conflict):
    """Another rename of the same film is under way (in this process or another)."""


@dataclass(frozen=True, slots=True)
class RenamePreview:
    """What renaming would do to one file (Radarr's RenameMovieFilePreview); paths are within the
    film's folder."""

    movie_id: int
    movie_file_id: int
    existing_path: str
    new_path: str


class RenameService:
    """Names films' existing files as the naming settings say, one safe rename at a time."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        clock: Clock,
        movies: MovieService,
        movie_files: MovieFileService,
        naming: NamingService,
        history: HistoryService,
        extras: ExtraFileService,
    ) -> None:
        self._db = db
        self._bus = bus
        self._clock = clock
        self._movies = movies
        self._files = movie_files
        self._naming = naming
        self._history = history
        self._extras = extras
        self.worker_id = "standalone"  # the command worker's id, set when the workers start
        self.live_workers: Callable[[], Awaitable[Sequence[str]]] | None = None
        self._lock = asyncio.Lock()

    async def previews(self, movie_ids: Sequence[int]) -> list[RenamePreview]:
        """The files of these films whose name would change (unknown films are left out, as in Radarr)."""
        movies = []
        for movie_id in dict.fromkeys(i for i in movie_ids if 0 < i <= INT32_MAX):
            try:
                movies.append(await self._movies.get(movie_id))
            except NotFound:
                continue
        files = await self._movies.files([movie.id for movie in movies])
        found = []
        for movie in movies:
            file = files.get(movie.id)
            if file is None:
                continue
            new_path = await self._new_path(movie, file)
            if new_path is not None and new_path != file.relative_path:
                found.append(RenamePreview(movie.id, file.id, file.relative_path, new_path))
        return found

    async def rename_files(self, movie_id: int, file_ids: Sequence[int]) -> int:
        """Rename the chosen files of one film (RenameFiles); how many were renamed."""
        movie = await self._movies.get(movie_id)
        files = [f for f in await self._files.by_ids(file_ids) if f.movie_id == movie.id]
        return await self._rename(movie, files)

    async def rename_movie(self, movie: Movie) -> int:
        """Rename every file of one film (a RenameMovie step); how many were renamed."""
        file = (await self._movies.files([movie.id])).get(movie.id)
        return await self._rename(movie, [file] if file is not None else [])

    async def _new_path(self, movie: Movie, file: MovieFile) -> str | None:
        try:
            name = await self._naming.file_name(movie, file)
        except NamingFormatError as error:
            log.warning("Cannot name the file of %s: %s", movie.title, error)
            return None
        return name + os.path.splitext(file.relative_path)[1]

    async def _rename(self, movie: Movie, files: Sequence[MovieFile]) -> int:
        await self.recover()
        renamed = 0
        for file in files:
            try:
                if await self._rename_one(movie, file):
                    renamed += 1
            except (OSError, Conflict) as error:
                log.error("Failed to rename the file of %s: %s", movie.title, error)
        if renamed:
            await asyncio.to_thread(remove_empty_subfolders, movie.path)
        return renamed

    async def _rename_one(self, movie: Movie, file: MovieFile) -> bool:
        new_path = await self._new_path(movie, file)
        if new_path is None or new_path == file.relative_path:
            return False
        source = self._files.full_path(movie, file)
        destination = os.path.join(movie.path, new_path)
        if not _inside(destination, movie.path):
            log.warning("Not renaming %s: '%s' is outside the movie folder", source, new_path)
            return False
        journal = await self._move(movie, MOVIE_FILE, file.id, source, destination)
        if journal is None:
            return False
        renamed = await self._files.set_relative_path(file.id, new_path)
        await asyncio.to_thread(drop_old, source, destination)
        log.info("Renamed %s to %s", source, destination)
        # History is written before the journal entry goes, so a crash in between is finished by
        # recovery, which writes it unless it is there already.
        await self._record_history(movie, renamed, source)
        await self._end(journal)
        await self._bus.publish(
            MovieFileRenamed(movie_id=movie.id, movie_file_id=renamed.id, original_path=source)
        )
        for move in await self._extras.moves_for(movie, renamed):
            await self._move_extra(movie, move)
        return True

    async def _move_extra(self, movie: Movie, move: ExtraMove) -> None:
        source = os.path.join(movie.path, move.extra.relative_path)
        destination = os.path.join(movie.path, move.relative_path)
        try:
            journal = await self._move(movie, EXTRA_FILE, move.extra.id, source, destination)
        except OSError as error:
            log.warning("Unable to move extra file %s after rename: %s", source, error)
            return
        if journal is None:
            return
        await self._extras.set_path(move.extra.id, move.relative_path, move.copy)
        await self._finish_move(journal, source, destination)

    async def _move(self, movie: Movie, kind: str, file_id: int, source: str, destination: str) -> int | None:
        """Journal a rename and give the file its second name: the journal entry, None when the new
        name is taken."""
        journal = await self._begin(movie, kind, file_id, source, destination)
        try:
            await asyncio.to_thread(link_new, source, destination)
        except RenameRefused as error:
            await self._end(journal)
            log.warning("File not renamed, there is already a file at the destination: %s", error)
            return None
        except OSError:
            await self._end(journal)
            raise
        return journal

    async def _finish_move(self, journal: int, source: str, destination: str) -> None:
        await asyncio.to_thread(drop_old, source, destination)
        await self._end(journal)

    async def _record_history(self, movie: Movie, file: MovieFile, original: str) -> None:
        await self._history.record(
            NewHistory(
                movie_id=movie.id,
                event_type=HistoryEventType.MOVIE_FILE_RENAMED,
                source_title=original,
                quality=file.quality,
                date=self._clock(),
                languages=file.languages,
                data={
                    "SourcePath": original,
                    "SourceRelativePath": _relative(original, movie.path),
                    "Path": os.path.join(movie.path, file.relative_path),
                    "RelativePath": file.relative_path,
                    "ReleaseGroup": file.release_group or "",
                    "Size": str(file.size),
                    "IndexerFlags": str(file.indexer_flags),
                },
            )
        )

    async def _begin(self, movie: Movie, kind: str, file_id: int, source: str, destination: str) -> int:
        row = RenameJournalRow(
            movie_id=movie.id,
            kind=kind,
            file_id=file_id,
            source=source,
            destination=destination,
            worker_id=self.worker_id,
            started_at=self._clock(),
        )
        try:
            async with self._db.write() as session:
                session.add(row)
                await session.flush()
                return row.id
        except IntegrityError as error:
            raise RenameInProgress(f"{movie.title} ({movie.year}) is being renamed already") from error

    async def _end(self, journal: int) -> None:
        async with self._db.write() as session:
            await session.execute(delete(RenameJournalRow).where(RenameJournalRow.id == journal))

    async def recover(self) -> int:
        """Finish or undo the renames of workers that died mid-way; how many were dealt with."""
        rows = await orphaned_rows(self._db, RenameJournalRow, self.worker_id, self.live_workers)
        for row in rows:
            try:
                await self._recover(row)
            except OSError as error:
                log.error("Could not finish the interrupted rename of %s: %s", row.source, error)
        return len(rows)

    async def _recover(self, row: RenameJournalRow) -> None:
        recorded = await self._recorded_path(row)
        if recorded is not None and same_path(recorded, row.destination):
            log.warning("Finishing the interrupted rename of %s to %s", row.source, row.destination)
            await asyncio.to_thread(drop_old, row.source, row.destination)
            if row.kind == MOVIE_FILE:
                await self._record_missing_history(row)
        elif recorded is not None and same_path(recorded, row.source):
            log.warning("Undoing the interrupted rename of %s to %s", row.source, row.destination)
            await asyncio.to_thread(undo, row.source, row.destination)
        await self._end(row.id)

    async def _record_missing_history(self, row: RenameJournalRow) -> None:
        """Write the MovieFileRenamed entry of a finished rename unless it was written before the crash."""
        entries = await self._history.for_movie(row.movie_id, [HistoryEventType.MOVIE_FILE_RENAMED])
        newest = entries[0].data if entries else {}
        if newest.get("SourcePath") == row.source and newest.get("Path") == row.destination:
            return
        movie = await self._movies.get(row.movie_id)
        file = await self._files.get(row.file_id)
        await self._record_history(movie, file, row.source)
        await self._bus.publish(
            MovieFileRenamed(movie_id=movie.id, movie_file_id=file.id, original_path=row.source)
        )

    async def _recorded_path(self, row: RenameJournalRow) -> str | None:
        """Where the database says the journalled file is (None when it is no longer recorded)."""
        try:
            movie = await self._movies.get(row.movie_id)
        except NotFound:
            return None
        if row.kind == MOVIE_FILE:
            try:
                relative = (await self._files.get(row.file_id)).relative_path
            except NotFound:
                return None
        else:
            extra = await self._extras.get(row.file_id)
            if extra is None:
                return None
            relative = extra.relative_path
        return os.path.join(movie.path, relative)
