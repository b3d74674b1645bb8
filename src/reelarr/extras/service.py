"""Extra files: carried in with an import, listed per film, and renamed with their video."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from sqlalchemy import delete, select, update

from reelarr.db.engine import Database
from reelarr.errors import NotFound
from reelarr.events import EventBus
from reelarr.extras.events import ExtraFilesChanged, ExtraFilesRecorded
from reelarr.extras.existing import list_extra_files, recognised_extensions, reconcile, unclaimed
from reelarr.extras.finding import FoundExtra, find_extras
from reelarr.extras.model import ExtraFile, ExtraFileType
from reelarr.extras.names import (
    extra_path,
    same_path,
    subtitle_language,
    subtitle_suffix,
    wanted_extensions,
)
from reelarr.extras.tables import ExtraFileRow
from reelarr.imports.transfer import (
    TransferError,
    TransferMode,
    commit,
    release_source,
    retire,
    stage,
    undo_staging,
)
from reelarr.integers import INT32_MAX
from reelarr.languages import UNKNOWN, language_by_id
from reelarr.mediamanagement.config import MediaManagementConfigService
from reelarr.movies.events import MovieFileDeleted, MovieScanned
from reelarr.movies.model import Movie, MovieFile
from reelarr.movies.service import MovieService

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


class MetadataFinder(Protocol):
    """What tells a metadata writer's files from a user's (the metadata files service)."""

    @property
    def extensions(self) -> frozenset[str]:
        """Every extension a writer's file may have."""

    async def find(self, folder: str, relative_paths: Sequence[str]) -> dict[str, str]:
        """The files among these that a writer writes, each with the writer's implementation name."""


@dataclass(frozen=True, slots=True)
class ExtraMove:
    """Where an extra file goes when its video is renamed."""

    extra: ExtraFile
    relative_path: str
    copy: int


def _to_extra(row: ExtraFileRow) -> ExtraFile:
    return ExtraFile(
        id=row.id,
        movie_id=row.movie_id,
        movie_file_id=row.movie_file_id,
        relative_path=row.relative_path,
        extension=row.extension,
        type=ExtraFileType(row.type),
        language=language_by_id(row.language) or UNKNOWN,
        language_tags=tuple(row.language_tags or ()),
        title=row.title,
        copy=row.copy,
    )


def _group_key(extra: ExtraFile) -> tuple[int, str, tuple[str, ...], str]:
    """Radarr's SubtitleFile.AggregateString: language, title, tags and extension."""
    return (extra.language.id, extra.title or "", extra.language_tags, extra.extension.lower())


def _numbered(subtitles: Sequence[ExtraFile]) -> list[ExtraFile]:
    """Subtitles with copy numbers where several share a language, title, tags and extension; a number
    once given is kept (Radarr's numbering skips some, this one counts on from the highest)."""
    groups: dict[tuple[int, str, tuple[str, ...], str], list[ExtraFile]] = {}
    for subtitle in subtitles:
        groups.setdefault(_group_key(subtitle), []).append(subtitle)
    numbered: list[ExtraFile] = []
    for group in groups.values():
        multiple = len(group) > 1
        number = max(s.copy for s in group)
        for subtitle in sorted(group, key=lambda s: -s.copy):
            if multiple and subtitle.copy == 0:
                number += 1
                subtitle = replace(subtitle, copy=number)
            numbered.append(subtitle)
    return numbered


def _suffix(extra: ExtraFile, multiple: bool) -> str:
    if extra.type is not ExtraFileType.SUBTITLE:
        return ""
    return subtitle_suffix(
        extra.language, extra.language_tags, copy=extra.copy, multiple=multiple, title=extra.title
    )


def placements(video: MovieFile, extras: Sequence[ExtraFile]) -> list[ExtraMove]:
    """The path each extra file of a video should have under the video's name."""
    subtitles = _numbered([e for e in extras if e.type is ExtraFileType.SUBTITLE])
    sizes: dict[tuple[int, str, tuple[str, ...], str], int] = {}
    for subtitle in subtitles:
        sizes[_group_key(subtitle)] = sizes.get(_group_key(subtitle), 0) + 1
    # Metadata files are named by the provider that wrote them, which rewrites them after a rename.
    others = [e for e in extras if e.type is ExtraFileType.OTHER]
    moves = []
    for extra in [*subtitles, *others]:
        multiple = sizes.get(_group_key(extra), 0) > 1 and extra.type is ExtraFileType.SUBTITLE
        target = extra_path(video.relative_path, _suffix(extra, multiple), extra.extension)
        moves.append(ExtraMove(extra, target, extra.copy))
    return moves


def _retire_all(movie_path: str, relative_paths: Sequence[str], recycle_bin: str) -> None:
    """Take extra files out of a film's folder: into the recycle bin, or deleted (blocking)."""
    folder_name = os.path.basename(os.path.normpath(movie_path))
    for relative in relative_paths:
        path = os.path.join(movie_path, relative)
        try:
            retire(path, recycle_bin, folder_name)
        except OSError as error:
            log.warning("Unable to remove extra file %s: %s", path, error)


def _carry(source: str, destination: str, mode: TransferMode) -> None:
    """Place one extra file without overwriting anything (blocking)."""
    if os.path.exists(destination):
        raise TransferError(f"'{destination}' already exists")
    try:
        stage(source, destination, mode)
        commit(destination)
    except (TransferError, OSError):
        undo_staging(destination)
        raise
    if mode is TransferMode.MOVE:
        release_source(source, destination)


class ExtraFileService:
    """Records and places the extra files of films; retires those of a video whose record goes."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        clock: Clock,
        movies: MovieService,
        media_management: MediaManagementConfigService,
    ) -> None:
        self._db = db
        self._bus = bus
        self._clock = clock
        self._movies = movies
        self._media = media_management
        self._metadata: MetadataFinder | None = None
        bus.subscribe(MovieFileDeleted, self._retire_for)
        bus.subscribe(MovieScanned, self._record_existing)

    def recognise_metadata_with(self, finder: MetadataFinder) -> None:
        """Record the files a metadata writer writes as that writer's when a rescan finds them."""
        self._metadata = finder

    async def _retire_for(self, event: MovieFileDeleted) -> None:
        """A video's record went (deleted, upgraded, gone from disk): its extras go to the recycle bin
        (or away when there is none) and their records with them, as in Radarr."""
        async with self._db.read() as session:
            query = select(ExtraFileRow).where(ExtraFileRow.movie_file_id == event.movie_file_id)
            extras = [_to_extra(row) for row in await session.scalars(query)]
        if not extras:
            return
        try:
            movie: Movie | None = await self._movies.get(event.movie_id)
        except NotFound:
            movie = None
        if movie is not None:
            recycle_bin = (await self._media.get()).recycle_bin
            paths = [e.relative_path for e in extras]
            await asyncio.to_thread(_retire_all, movie.path, paths, recycle_bin)
        async with self._db.write() as session:
            await session.execute(delete(ExtraFileRow).where(ExtraFileRow.id.in_([e.id for e in extras])))
        await self._bus.publish(ExtraFilesChanged(movie_id=event.movie_id))

    async def _record_existing(self, event: MovieScanned) -> None:
        """After a rescan, record the extra files beside the film's video (a metadata writer's as its
        own) and forget those gone from its folder (Radarr's ExistingExtraFileService); then say so,
        for the metadata writers to write."""
        try:
            movie = await self._movies.get(event.movie_id)
        except NotFound:
            return
        try:
            changed = await self._reconcile(movie, event.movie_file_id)
        except OSError as error:
            log.warning("Extra files of %s not read: %s", movie.title, error)
            return
        if changed:
            await self._bus.publish(ExtraFilesChanged(movie_id=movie.id))
        await self._bus.publish(ExtraFilesRecorded(movie_id=movie.id, movie_file_id=event.movie_file_id))

    async def _reconcile(self, movie: Movie, movie_file_id: int | None) -> bool:
        """Bring a film's extra file records in line with its folder; whether anything changed."""
        extensions = recognised_extensions(wanted_extensions((await self._media.get()).extra_file_extensions))
        listed = extensions | (self._metadata.extensions if self._metadata is not None else frozenset())
        try:
            on_disk = await asyncio.to_thread(list_extra_files, movie.path, listed)
        except (FileNotFoundError, NotADirectoryError):
            on_disk = []
        writers: dict[str, str] = {}
        if self._metadata is not None and on_disk:
            # Only files not yet recorded (or recorded as a user's) are looked at: a writer may read them.
            async with self._db.read() as session:
                rows = await session.scalars(select(ExtraFileRow).where(ExtraFileRow.movie_id == movie.id))
                recorded = [_to_extra(row) for row in rows]
            settled = {e.relative_path for e in recorded} - unclaimed(recorded)
            writers = await self._metadata.find(movie.path, [p for p in on_disk if p not in settled])
        async with self._db.write() as session:
            # Rescans of one film may overlap (a refresh and a RescanMovie): one reconciles at a time.
            await self._db.serialize(session, f"extra-files-{movie.id}")
            rows = await session.scalars(select(ExtraFileRow).where(ExtraFileRow.movie_id == movie.id))
            plan = reconcile(
                movie.id,
                movie_file_id,
                on_disk,
                [_to_extra(row) for row in rows],
                extensions=extensions,
                writers=writers,
            )
            if not plan.changes:
                return False
            for extra_id, writer in plan.claimed:
                await session.execute(
                    update(ExtraFileRow)
                    .where(ExtraFileRow.id == extra_id)
                    .values(type=ExtraFileType.METADATA.value, title=writer, last_updated=self._clock())
                )
            if plan.forgotten:
                await session.execute(delete(ExtraFileRow).where(ExtraFileRow.id.in_(plan.forgotten)))
            if plan.relinked:
                await session.execute(
                    update(ExtraFileRow)
                    .where(ExtraFileRow.id.in_(plan.relinked))
                    .values(movie_file_id=movie_file_id, last_updated=self._clock())
                )
            session.add_all(_row_of(extra, self._clock()) for extra in plan.added)
        log.info(
            "Extra files of %s: %d found (%d of a metadata writer), %d gone from disk",
            movie.title,
            len(plan.added),
            sum(1 for e in plan.added if e.type is ExtraFileType.METADATA) + len(plan.claimed),
            len(plan.forgotten),
        )
        return True

    async def for_movie(self, movie_id: int) -> list[ExtraFile]:
        """A film's extra files: subtitles, then the others, each by path (Radarr's order)."""
        async with self._db.read() as session:
            rows = await session.scalars(
                select(ExtraFileRow)
                .where(ExtraFileRow.movie_id == movie_id)
                .order_by(ExtraFileRow.relative_path)
            )
            extras = [_to_extra(row) for row in rows]
        order = {ExtraFileType.SUBTITLE: 0, ExtraFileType.METADATA: 1, ExtraFileType.OTHER: 2}
        return sorted(extras, key=lambda e: order[e.type])

    async def get(self, extra_id: int) -> ExtraFile | None:
        """One extra file, or None when it is not recorded."""
        if not 0 < extra_id <= INT32_MAX:
            return None
        async with self._db.read() as session:
            row = await session.get(ExtraFileRow, extra_id)
            return _to_extra(row) if row is not None else None

    async def moves_for(self, movie: Movie, video: MovieFile) -> list[ExtraMove]:
        """Where the extra files of a video go under its (new) name; those already there are left out."""
        extras = [e for e in await self.for_movie(movie.id) if e.movie_file_id == video.id]
        return [m for m in placements(video, extras) if m.relative_path != m.extra.relative_path]

    async def set_path(self, extra_id: int, relative_path: str, copy: int) -> None:
        """Record an extra file's new place in the film's folder."""
        async with self._db.write() as session:
            await session.execute(
                update(ExtraFileRow)
                .where(ExtraFileRow.id == extra_id)
                .values(relative_path=relative_path, copy=copy, last_updated=self._clock())
            )

    async def import_beside(
        self,
        movie: Movie,
        video: MovieFile,
        source: str,
        *,
        recursive: bool,
        mode: TransferMode,
        setting: str,
    ) -> list[ExtraFile]:
        """Carry the extras of a download's video into the film's folder under the video's new name."""
        found = await asyncio.to_thread(find_extras, source, wanted_extensions(setting), recursive)
        unsaved = [_unsaved(movie, video, item) for item in found]
        planned = {move.extra.relative_path: move for move in placements(video, unsaved)}
        imported: list[ExtraFile] = []
        for item in found:
            move = planned[item.path]
            destination = os.path.join(movie.path, move.relative_path)
            if same_path(destination, os.path.join(movie.path, video.relative_path)):
                continue
            try:
                await asyncio.to_thread(_carry, item.path, destination, mode)
            except (TransferError, OSError) as error:
                log.warning("Extra file %s not imported: %s", item.path, error)
                continue
            imported.append(
                await self._record(replace(move.extra, relative_path=move.relative_path, copy=move.copy))
            )
        if imported:
            await self._bus.publish(ExtraFilesChanged(movie_id=movie.id))
        return imported

    async def _record(self, extra: ExtraFile) -> ExtraFile:
        """Record an imported extra; a rescan that recorded the same file meanwhile gives way to it."""
        async with self._db.write() as session:
            await self._db.serialize(session, f"extra-files-{extra.movie_id}")
            query = select(ExtraFileRow).where(
                ExtraFileRow.movie_id == extra.movie_id, ExtraFileRow.relative_path == extra.relative_path
            )
            found = await session.scalar(query)
            if found is not None:
                await session.delete(found)
            row = _row_of(extra, self._clock())
            session.add(row)
            await session.flush()
            return _to_extra(row)


def _row_of(extra: ExtraFile, now: datetime) -> ExtraFileRow:
    return ExtraFileRow(
        movie_id=extra.movie_id,
        movie_file_id=extra.movie_file_id,
        relative_path=extra.relative_path,
        extension=extra.extension,
        type=extra.type.value,
        language=extra.language.id,
        language_tags=list(extra.language_tags),
        title=extra.title,
        copy=extra.copy,
        added=now,
        last_updated=now,
    )


def _unsaved(movie: Movie, video: MovieFile, found: FoundExtra) -> ExtraFile:
    extension = os.path.splitext(found.path)[1]
    language, tags = subtitle_language(found.path) if found.type is ExtraFileType.SUBTITLE else (UNKNOWN, ())
    return ExtraFile(
        id=0,
        movie_id=movie.id,
        movie_file_id=video.id,
        relative_path=found.path,
        extension=extension,
        type=found.type,
        language=language,
        language_tags=tags,
    )
