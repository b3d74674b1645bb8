"""Importing one finished download into the library (Radarr's DownloadedMovieImportService).

The download's video files are listed and judged by the import rules; the best approved one is
placed in the film's folder under the name the naming settings give it, through a journalled
transfer (`transfer.py`); then the file row, history and events are written. A replaced file goes
to the recycle bin, or is deleted, only once the new one is staged beside it.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError

from reelarr.db.engine import Database
from reelarr.errors import Conflict, NotFound
from reelarr.events import EventBus
from reelarr.extras.service import ExtraFileService
from reelarr.history.model import HistoryEventType, NewHistory
from reelarr.history.service import HistoryService
from reelarr.imports.events import MovieImported
from reelarr.imports.script import ScriptContext, adopt_script_output, place_by_script, undo_script
from reelarr.imports.specs import ImportFacts, rejections
from reelarr.imports.tables import ImportJournalRow
from reelarr.imports.transfer import (
    TransferError,
    TransferMode,
    TransferStage,
    commit,
    partial_path,
    release_source,
    retire,
    stage,
    undo_staging,
)
from reelarr.jobs.orphans import orphaned_rows
from reelarr.languages import Language, language_by_id
from reelarr.mediafiles.mediainfo import MediaInfoReader
from reelarr.mediafiles.scan import MovieFileOnDisk, list_download, with_media_info
from reelarr.mediamanagement.attributes import attributes_of, settle_attributes
from reelarr.mediamanagement.config import MediaManagementConfig, MediaManagementConfigService
from reelarr.mediamanagement.folders import remove_download_folder
from reelarr.movies.file_rules import FileRecord, record_of
from reelarr.movies.files import MovieFileService
from reelarr.movies.model import Movie, MovieFile
from reelarr.movies.repository import quality_from_json, quality_to_json
from reelarr.movies.service import MovieService
from reelarr.naming.service import NamingService
from reelarr.parsing import parse_title, scene_title
from reelarr.quality.profile import QualityProfile
from reelarr.quality.revision import QualityModel
from reelarr.search.formats import FormatScorer
from reelarr.search.snapshot import free_space_of

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
NO_FILES = "No files found are eligible for import"


class ImportInProgress(Conflict):
    """Another import for the same film is under way (in this process or another)."""


@dataclass(frozen=True, slots=True)
class FinishedDownload:
    """A download ready to import, with what its grab said (or its title, for one not grabbed here)."""

    movie_id: int
    download_id: str | None
    title: str  # the release's title: the scene name the file keeps
    path: str  # where the content is, in this machine's terms
    move: bool  # the source may be moved away (usenet, or a torrent done seeding)
    client: str = ""  # implementation name
    client_name: str = ""
    quality: QualityModel | None = None  # the grabbed release's quality, trusted over the file name's
    languages: tuple[Language, ...] = ()
    indexer: str = ""
    imported_at: datetime | None = None
    release_group: str | None = None  # a person's choice (manual import), over the file name's
    indexer_flags: int = 0  # Radarr's IndexerFlags of the file: the grabbed release's, or a person's choice


@dataclass(frozen=True, slots=True)
class FileVerdict:
    """One file of a download and why it was not imported (nothing when it was)."""

    path: str
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What importing a download did: the file it recorded, or why every file was refused."""

    imported: MovieFile | None
    verdicts: tuple[FileVerdict, ...] = ()
    imported_before: bool = False  # the download was imported already (by an earlier pass)

    @property
    def messages(self) -> tuple[str, ...]:
        """Every refusal as one line, for logs and command messages."""
        return tuple(
            f"{os.path.basename(v.path)}: {', '.join(v.reasons)}" for v in self.verdicts if v.reasons
        )


@dataclass(frozen=True, slots=True)
class ImportSources:
    """What an import reads besides the download: profiles, formats and the optional media reader."""

    profile: Callable[[int], Awaitable[QualityProfile]]
    scorer: Callable[[], Awaitable[FormatScorer]]
    reader: MediaInfoReader | None = None
    extras: ExtraFileService | None = None  # carries subtitles and other extras in beside the video


class DownloadImporter:
    """Imports finished downloads, journalling each transfer so that a crash loses no file."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        clock: Clock,
        movies: MovieService,
        movie_files: MovieFileService,
        naming: NamingService,
        history: HistoryService,
        media_management: MediaManagementConfigService,
        sources: ImportSources,
    ) -> None:
        self._db = db
        self._bus = bus
        self._clock = clock
        self._movies = movies
        self._files = movie_files
        self._naming = naming
        self._history = history
        self._media = media_management
        self._sources = sources
        self.worker_id = "standalone"  # the command worker's id, set when the workers start
        self.live_workers: Callable[[], Awaitable[Sequence[str]]] | None = None
        self._lock = asyncio.Lock()

    async def import_download(
        self, download: FinishedDownload, working_folders: tuple[str, ...]
    ) -> ImportResult:
        """Import the best approved file of a download; the refusals when there is none."""
        async with self._lock:
            if await self._imported_before(download):
                return ImportResult(None, imported_before=True)
            movie = await self._movies.get(download.movie_id)
            existing = (await self._movies.files([movie.id])).get(movie.id)
            facts = await self._facts(download, movie, existing, working_folders)
            if not facts:
                return ImportResult(None, (FileVerdict(download.path, (f"{NO_FILES} in {download.path}",)),))
            judged = [(fact, rejections(fact)) for fact in facts]
            verdicts = tuple(FileVerdict(f.candidate.path, reasons) for f, reasons in judged)
            approved = [f for f, reasons in judged if not reasons]
            if not approved:
                return ImportResult(None, verdicts)
            chosen = max(approved, key=lambda f: f.candidate.size)
            stored = await self._place(download, movie, existing, chosen)
            return ImportResult(stored, tuple(v for v in verdicts if v.path != chosen.candidate.path))

    async def clear_download_folder(self, folder: str) -> bool:
        """Remove the folder of a download moved into the library when nothing of value is left in it
        (Radarr's ShouldDeleteFolder), never a root folder or a film's; whether it went."""
        if not await asyncio.to_thread(os.path.isdir, folder):
            return False  # a single-file download: its file was moved, there is no folder of its own
        films = await self._movies.paths()
        protected = (*films, *{os.path.dirname(path) for path in films})  # their folders and roots
        try:
            return await asyncio.to_thread(remove_download_folder, folder, protected)
        except OSError as error:
            log.warning("Could not delete the download folder %s: %s", folder, error)
            return False

    async def _imported_before(self, download: FinishedDownload) -> bool:
        if download.download_id is None:
            return False
        events = await self._history.for_downloads({download.download_id})
        return any(
            e.event_type is HistoryEventType.DOWNLOAD_FOLDER_IMPORTED and e.movie_id == download.movie_id
            for e in events
        )

    async def _facts(
        self,
        download: FinishedDownload,
        movie: Movie,
        existing: MovieFile | None,
        working_folders: tuple[str, ...],
    ) -> list[ImportFacts]:
        try:
            scan = await asyncio.to_thread(list_download, download.path)
        except (FileNotFoundError, NotADirectoryError):
            return []
        return await self._facts_of(download, movie, existing, scan.files, working_folders)

    async def judge(
        self,
        download: FinishedDownload,
        candidates: Sequence[MovieFileOnDisk],
        working_folders: tuple[str, ...] = (),
    ) -> list[tuple[ImportFacts, tuple[str, ...]]]:
        """What the import rules say of each file, were it imported for the download's film (media
        info read, the download's quality, languages and release group applied)."""
        movie = await self._movies.get(download.movie_id)
        existing = (await self._movies.files([movie.id])).get(movie.id)
        facts = await self._facts_of(download, movie, existing, candidates, working_folders)
        return [(fact, rejections(fact)) for fact in facts]

    async def import_chosen(self, download: FinishedDownload, path: str) -> MovieFile:
        """Import the one file a person chose for the download's film, whatever the rules say of it
        (Radarr's manual import), through the same journalled transfer."""
        async with self._lock:
            movie = await self._movies.get(download.movie_id)
            existing = (await self._movies.files([movie.id])).get(movie.id)
            if existing is not None and _same_path(path, self._files.full_path(movie, existing)):
                raise TransferError(f"'{path}' is the film's recorded file already")
            try:
                scan = await asyncio.to_thread(list_download, path, keep_samples=True)
            except (FileNotFoundError, NotADirectoryError) as error:
                raise TransferError(f"'{path}' is not there to import") from error
            if not scan.files or not await asyncio.to_thread(os.path.isfile, path):
                raise TransferError(f"'{path}' is not a video file")
            [chosen] = await self._facts_of(download, movie, existing, scan.files[:1], ())
            return await self._place(download, movie, existing, chosen)

    async def _facts_of(
        self,
        download: FinishedDownload,
        movie: Movie,
        existing: MovieFile | None,
        candidates: Sequence[MovieFileOnDisk],
        working_folders: tuple[str, ...],
    ) -> list[ImportFacts]:
        media = await self._media.get()
        profile = await self._profile(movie)
        scorer = await self._sources.scorer()
        space = (await asyncio.to_thread(free_space_of, [movie])).get(movie.id)
        existing_score = scorer.of_file(existing, movie, profile)[1] if existing and profile else 0
        found = []
        for candidate in candidates:
            if self._sources.reader is not None and media.enable_media_info:
                candidate = await with_media_info(candidate, self._sources.reader, movie.runtime)
            if download.quality is not None:
                candidate = replace(candidate, quality=download.quality)
            named = await self._named_movie(candidate)
            record = _chosen(record_of(candidate, movie.original_language), download)
            formats, score = scorer.of_file(_unsaved(movie, record), movie, profile) if profile else ((), 0)
            found.append(
                ImportFacts(
                    candidate=candidate,
                    movie=movie,
                    profile=profile,
                    candidate_score=score,
                    candidate_formats=formats,
                    existing=existing,
                    existing_score=existing_score,
                    free_space=space,
                    minimum_free_space_mb=media.minimum_free_space_when_importing,
                    skip_free_space_check=media.skip_free_space_check_when_importing,
                    working_folders=working_folders,
                    named_movie_id=named,
                    imported_at=download.imported_at,
                )
            )
        return found

    async def _named_movie(self, candidate: MovieFileOnDisk) -> int | None:
        parsed = candidate.parsed or parse_title(os.path.basename(candidate.path))
        if parsed is None:
            return None
        found = await self._movies.find_for_release(parsed)
        return found.id if found is not None else None

    async def _profile(self, movie: Movie) -> QualityProfile | None:
        try:
            return await self._sources.profile(movie.quality_profile_id)
        except NotFound:
            return None

    async def _place(
        self, download: FinishedDownload, movie: Movie, existing: MovieFile | None, chosen: ImportFacts
    ) -> MovieFile:
        candidate = chosen.candidate
        record = replace(
            record_of(candidate, movie.original_language),
            scene_name=scene_title(download.title)
            or record_of(candidate, movie.original_language).scene_name,
        )
        record = _chosen(record, download)
        name = await self._naming.file_name(movie, _unsaved(movie, record))
        extension = os.path.splitext(candidate.path)[1].lower()
        destination = os.path.join(movie.path, name + extension)
        record = replace(record, relative_path=name + extension)
        media = await self._media.get()
        mode = _mode(download, media.copy_using_hardlinks)
        replaces = self._files.full_path(movie, existing) if existing is not None else None
        if _same_path(candidate.path, destination):
            raise TransferError(f"'{destination}' has the film's name already; rescan the film to record it")
        if destination != replaces and await asyncio.to_thread(os.path.exists, destination):
            raise TransferError(f"'{destination}' already exists and is not the film's recorded file")
        # A script must not write over the replaced file of the same name: that import is the usual one.
        script = media.script_import_path if media.use_script_import else ""
        occupied: bool = await asyncio.to_thread(os.path.exists, destination) if script else False
        if occupied:
            log.warning("%s exists until the import replaces it: the import script is not run", destination)
            script = ""
        journal = await self._begin(
            download, movie, candidate.path, destination, mode, existing, record, script=bool(script)
        )
        context = ScriptContext(
            movie, record, mode, download.download_id, download.client, download.client_name
        )
        try:
            linked, mode = await self._stage(script, candidate.path, destination, context)
        except (TransferError, OSError):
            await asyncio.to_thread(undo_staging, destination)
            if script:
                await asyncio.to_thread(undo_script, candidate.path, destination)
            await self._end(journal)
            raise
        await self._advance(journal, TransferStage.STAGED, mode)
        return await self._finish(journal, download, movie, media, linked, record)

    @staticmethod
    async def _stage(
        script: str, source: str, destination: str, context: ScriptContext
    ) -> tuple[bool, TransferMode]:
        """Stage the file, through the user's import script when there is one: (hard-linked, mode)."""
        if script:
            return await asyncio.to_thread(place_by_script, script, source, destination, context)
        return await asyncio.to_thread(stage, source, destination, context.mode), context.mode

    async def _finish(
        self,
        journal: int,
        download: FinishedDownload,
        movie: Movie,
        media: MediaManagementConfig,
        linked: bool | None,
        record: FileRecord,
    ) -> MovieFile:
        row = await self._journal(journal)
        if row.stage != TransferStage.COMMITTED:
            # While the stage is there the new file is not in place: the replaced one goes first (it
            # may have the same name). Without a stage the commit was done before a crash.
            staged = await asyncio.to_thread(os.path.exists, partial_path(row.destination))
            if staged and row.replaces is not None:
                await asyncio.to_thread(retire, row.replaces, media.recycle_bin, os.path.basename(movie.path))
            await asyncio.to_thread(commit, row.destination)
            await self._advance(journal, TransferStage.COMMITTED)
        # Only once committed: a hard-linked stage shares its inode with the download's file. Setting a
        # date or a mode again is harmless, so recovery repeats this step.
        attributes = attributes_of(media, movie.in_cinemas, movie.physical_release, movie.digital_release)
        await asyncio.to_thread(settle_attributes, row.destination, movie.path, attributes)
        if row.mode == TransferMode.MOVE:
            await asyncio.to_thread(release_source, row.source, row.destination)
        recorded = await self._recorded(movie, record, recovering=linked is None)
        if recorded is not None:  # written before a crash
            stored, replaced = recorded, _replaced_of(movie, row.details.get("replaced"))
        else:
            original = _original_path(download, row.source)
            stored, replaced = await self._files.record_import(movie.id, record, original)
            await self._import_extras(download, movie, stored, row.source, TransferMode(row.mode))
        if not await self._imported_before(download):
            await self._record_history(download, movie, stored, replaced, row.source, row.destination, linked)
        await self._end(journal)
        log.info("Imported %s into %s", download.title, row.destination)
        await self._bus.publish(
            MovieImported(
                movie_id=movie.id,
                movie_file_id=stored.id,
                download_id=download.download_id,
                is_upgrade=replaced is not None,
            )
        )
        return stored

    async def _import_extras(
        self, download: FinishedDownload, movie: Movie, stored: MovieFile, source: str, mode: TransferMode
    ) -> None:
        """Carry the download's extra files in beside the new video, when the user asked for them."""
        media = await self._media.get()
        if self._sources.extras is None or not media.import_extra_files:
            return
        recursive = await asyncio.to_thread(os.path.isdir, download.path)
        await self._sources.extras.import_beside(
            movie, stored, source, recursive=recursive, mode=mode, setting=media.extra_file_extensions
        )

    async def _recorded(self, movie: Movie, record: FileRecord, *, recovering: bool) -> MovieFile | None:
        """The film's file row when a crashed import had written it already."""
        if not recovering:
            return None
        current = (await self._movies.files([movie.id])).get(movie.id)
        if current is not None and current.relative_path == record.relative_path:
            return current
        return None

    async def _record_history(
        self,
        download: FinishedDownload,
        movie: Movie,
        stored: MovieFile,
        replaced: MovieFile | None,
        source: str,
        destination: str,
        linked: bool | None,
    ) -> None:
        now = self._clock()
        if replaced is not None:
            await self._history.record(
                NewHistory(
                    movie_id=movie.id,
                    event_type=HistoryEventType.MOVIE_FILE_DELETED,
                    source_title=replaced.scene_name or os.path.basename(replaced.relative_path),
                    quality=replaced.quality,
                    date=now,
                    languages=replaced.languages,
                    data={
                        "Reason": "Upgrade",
                        "ReleaseGroup": replaced.release_group or "",
                        "Size": str(replaced.size),
                    },
                )
            )
        data = {
            "FileId": str(stored.id),
            "DroppedPath": source,
            "ImportedPath": destination,
            "DownloadClient": download.client,
            "DownloadClientName": download.client_name,
            "ReleaseGroup": stored.release_group or "",
            "Size": str(stored.size),
            "Indexer": download.indexer,
        }
        if linked is not None:
            data["TransferMode"] = "HardLink" if linked else ("Move" if source != destination else "Copy")
        await self._history.record(
            NewHistory(
                movie_id=movie.id,
                event_type=HistoryEventType.DOWNLOAD_FOLDER_IMPORTED,
                source_title=download.title,
                quality=stored.quality,
                date=now,
                languages=stored.languages,
                download_id=download.download_id,
                data=data,
            )
        )

    # --- the journal ------------------------------------------------------------------------

    async def _begin(
        self,
        download: FinishedDownload,
        movie: Movie,
        source: str,
        destination: str,
        mode: TransferMode,
        existing: MovieFile | None,
        record: FileRecord,
        *,
        script: bool = False,
    ) -> int:
        details: dict[str, Any] = {
            "download": _download_json(download),
            "record": _record_json(record),
            "script": script,
        }
        if existing is not None:
            details["replaced"] = {**_record_json(_record_of_file(existing)), "id": existing.id}
        row = ImportJournalRow(
            movie_id=movie.id,
            download_id=download.download_id,
            source=source,
            destination=destination,
            mode=mode.value,
            stage=TransferStage.STAGING.value,
            worker_id=self.worker_id,
            replaces=self._files.full_path(movie, existing) if existing is not None else None,
            details=details,
            started_at=self._clock(),
        )
        try:
            async with self._db.write() as session:
                session.add(row)
                await session.flush()
                return row.id
        except IntegrityError as error:
            raise ImportInProgress(f"{movie.title} ({movie.year}) is being imported already") from error

    async def _journal(self, journal: int) -> ImportJournalRow:
        async with self._db.read() as session:
            row = await session.get(ImportJournalRow, journal)
            if row is None:
                raise LookupError(f"Import journal entry {journal} is gone")
            return row

    async def _advance(
        self, journal: int, stage_reached: TransferStage, mode: TransferMode | None = None
    ) -> None:
        values = {"stage": stage_reached.value} | ({"mode": mode.value} if mode is not None else {})
        async with self._db.write() as session:
            await session.execute(
                update(ImportJournalRow).where(ImportJournalRow.id == journal).values(**values)
            )

    async def _end(self, journal: int) -> None:
        async with self._db.write() as session:
            await session.execute(delete(ImportJournalRow).where(ImportJournalRow.id == journal))

    async def recover(self) -> int:
        """Finish or undo the transfers of workers that died mid-way; how many were dealt with."""
        rows = await orphaned_rows(self._db, ImportJournalRow, self.worker_id, self.live_workers)
        for row in rows:
            try:
                await self._recover(row)
            except (OSError, TransferError, LookupError) as error:
                log.error("Could not finish the interrupted import of %s: %s", row.source, error)
        return len(rows)

    async def _recover(self, row: ImportJournalRow) -> None:
        async with self._lock:
            script = bool(row.details.get("script"))
            if row.stage == TransferStage.STAGING and script:
                if await asyncio.to_thread(adopt_script_output, row.source, row.destination):
                    await self._advance(row.id, TransferStage.STAGED, TransferMode.COPY)
                    row = await self._journal(row.id)
                else:
                    await asyncio.to_thread(undo_script, row.source, row.destination)
            if row.stage == TransferStage.STAGING:
                log.warning("Undoing the interrupted import of %s (it will be imported again)", row.source)
                await asyncio.to_thread(undo_staging, row.destination)
                await self._end(row.id)
                return
            log.warning("Finishing the interrupted import of %s into %s", row.source, row.destination)
            movie = await self._movies.get(row.movie_id)
            media = await self._media.get()
            download = _download_of(row.details["download"])
            record = _record_of(row.details["record"])
            await self._finish(row.id, download, movie, media, None, record)


def _chosen(record: FileRecord, download: FinishedDownload) -> FileRecord:
    """A file's record with what the download (or a person) says over its name: languages, group,
    indexer flags."""
    if download.languages:
        record = replace(record, languages=download.languages)
    if download.release_group:
        record = replace(record, release_group=download.release_group)
    if download.indexer_flags:
        record = replace(record, indexer_flags=download.indexer_flags)
    return record


def _same_path(first: str, second: str) -> bool:
    return os.path.normpath(first) == os.path.normpath(second)


def _mode(download: FinishedDownload, hardlinks: bool) -> TransferMode:
    if download.move:
        return TransferMode.MOVE
    return TransferMode.HARDLINK_OR_COPY if hardlinks else TransferMode.COPY


def _original_path(download: FinishedDownload, source: str) -> str:
    """Radarr's OriginalFilePath: the file's path within the download."""
    if os.path.isdir(download.path) or not os.path.exists(download.path):
        relative = os.path.relpath(source, download.path)
        if not relative.startswith(".."):
            return os.path.join(os.path.basename(download.path.rstrip(os.sep)), relative)
    return os.path.basename(source)


def _unsaved(movie: Movie, record: FileRecord) -> MovieFile:
    """A file not yet recorded, as naming and custom formats read a recorded one."""
    return MovieFile(
        id=0,
        movie_id=movie.id,
        relative_path=record.relative_path,
        size=record.size,
        date_added=datetime.min,
        quality=record.quality,
        languages=record.languages,
        scene_name=record.scene_name,
        release_group=record.release_group,
        edition=record.edition,
    )


def _record_of_file(file: MovieFile) -> FileRecord:
    return FileRecord(
        relative_path=file.relative_path,
        size=file.size,
        quality=file.quality,
        languages=file.languages,
        edition=file.edition,
        release_group=file.release_group,
        scene_name=file.scene_name,
        media_info=None,
    )


def _replaced_of(movie: Movie, stored: dict[str, Any] | None) -> MovieFile | None:
    """The file an import replaced, as its journal kept it."""
    if stored is None:
        return None
    return replace(_unsaved(movie, _record_of(stored)), id=int(stored.get("id", 0)))


def _download_json(download: FinishedDownload) -> dict[str, Any]:
    return {
        "movieId": download.movie_id,
        "downloadId": download.download_id,
        "title": download.title,
        "path": download.path,
        "move": download.move,
        "client": download.client,
        "clientName": download.client_name,
        "indexer": download.indexer,
    }


def _download_of(stored: dict[str, Any]) -> FinishedDownload:
    return FinishedDownload(
        movie_id=int(stored["movieId"]),
        download_id=stored.get("downloadId"),
        title=str(stored["title"]),
        path=str(stored["path"]),
        move=bool(stored["move"]),
        client=str(stored.get("client", "")),
        client_name=str(stored.get("clientName", "")),
        indexer=str(stored.get("indexer", "")),
    )


def _record_json(record: FileRecord) -> dict[str, Any]:
    return {
        "relativePath": record.relative_path,
        "size": record.size,
        "quality": quality_to_json(record.quality),
        "languages": [language.id for language in record.languages],
        "edition": record.edition,
        "releaseGroup": record.release_group,
        "sceneName": record.scene_name,
        "indexerFlags": record.indexer_flags,
    }


def _record_of(stored: dict[str, Any]) -> FileRecord:
    languages = (language_by_id(int(i)) for i in stored.get("languages", []))
    return FileRecord(
        relative_path=str(stored["relativePath"]),
        size=int(stored["size"]),
        quality=quality_from_json(stored["quality"]),
        languages=tuple(language for language in languages if language is not None),
        edition=stored.get("edition"),
        release_group=stored.get("releaseGroup"),
        scene_name=stored.get("sceneName"),
        media_info=None,  # read again by the next rescan
        indexer_flags=int(stored.get("indexerFlags", 0)),
    )
