"""Manual import (Radarr's ManualImportService): the video files of a folder or of a tracked download,
each matched to a film by its names and judged by the import rules, for a person to choose from; then
the chosen files imported with the person's film, quality, languages and release group, through the
importer's journalled transfer. Also the scan a post-processing script asks for (DownloadedMoviesScan).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum

from reelarr.downloads.config import DownloadClientConfigService
from reelarr.downloads.tracking import TrackedDownload, TrackedDownloads
from reelarr.errors import NotFound, ReelarrError, ValidationFailed
from reelarr.imports.completed import CompletedDownloads
from reelarr.imports.service import DownloadImporter, FinishedDownload
from reelarr.imports.specs import ImportFacts
from reelarr.imports.transfer import TransferError
from reelarr.languages import Language
from reelarr.mediafiles.scan import MovieFileOnDisk, list_download
from reelarr.movies.model import Movie
from reelarr.movies.service import MovieService
from reelarr.parsing import parse_path, parse_title
from reelarr.quality.revision import QualityModel

log = logging.getLogger(__name__)
UNKNOWN_MOVIE = "Unknown Movie"
FRESH = timedelta(seconds=5)  # how old the tracked downloads may be when a download id is looked up


class ImportMode(StrEnum):
    """How chosen files reach the library (Radarr's ImportMode)."""

    AUTO = "auto"  # as the download would be: moved from usenet or a torrent done seeding, else copied
    MOVE = "move"
    COPY = "copy"  # hard-linked when the media management settings allow it

    def moves(self, usual: bool) -> bool:
        """Whether the source goes away, given what the download's usual mode is."""
        return usual if self is ImportMode.AUTO else self is ImportMode.MOVE


@dataclass(frozen=True, slots=True)
class ManualImportItem:
    """One video file offered for manual import: the film it seems to be, and why it would be refused."""

    path: str
    relative_path: str
    folder_name: str | None
    size: int
    movie: Movie | None
    quality: QualityModel
    languages: tuple[Language, ...]
    release_group: str | None
    download_id: str | None
    custom_formats: tuple[str, ...] = ()
    custom_format_score: int = 0
    indexer_flags: int = 0
    rejections: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The file's name without its extension."""
        return os.path.splitext(os.path.basename(self.path))[0]


@dataclass(frozen=True, slots=True)
class ChosenFile:
    """A file a person chose to import, with what they said of it."""

    path: str
    movie_id: int
    quality: QualityModel | None = None
    languages: tuple[Language, ...] = ()
    release_group: str | None = None
    download_id: str | None = None
    indexer_flags: int = 0


@dataclass(frozen=True, slots=True)
class ManualImportOutcome:
    """What importing chosen files did: the files imported, and those refused with the reason."""

    imported: tuple[str, ...]
    failed: tuple[tuple[str, str], ...]

    @property
    def message(self) -> str:
        """The outcome in a line, for the command's message."""
        text = f"Imported {len(self.imported)} of {len(self.imported) + len(self.failed)} file(s)"
        if self.failed:
            text += ": " + "; ".join(f"{os.path.basename(p)}: {reason}" for p, reason in self.failed)
        return text


def _absolute(field: str, path: str | None) -> str:
    if not path or not path.strip():
        raise ValidationFailed.single(field, f"'{field}' must not be empty", path)
    try:
        os.fsencode(path)
    except UnicodeError as error:
        raise ValidationFailed.single(field, "Path is not valid text", path) from error
    if "\0" in path:
        raise ValidationFailed.single(field, "Path must not contain a NUL character", path)
    if not os.path.isabs(path):
        raise ValidationFailed.single(field, "Path must be absolute", path)
    return os.path.normpath(path)


class ManualImports:
    """Lists files for a person to import by hand, and imports those they chose."""

    def __init__(
        self,
        importer: DownloadImporter,
        completed: CompletedDownloads,
        tracked: TrackedDownloads,
        movies: MovieService,
        config: DownloadClientConfigService,
    ) -> None:
        self._importer = importer
        self._completed = completed
        self._tracked = tracked
        self._movies = movies
        self._config = config

    # --- listing ------------------------------------------------------------------------------

    async def items(
        self,
        folder: str | None,
        download_id: str | None = None,
        movie_id: int | None = None,
        filter_existing_files: bool = True,
    ) -> list[ManualImportItem]:
        """The video files of a folder (or file), or of a tracked download, or (with neither) of the
        film's own folder, each matched and judged."""
        download = None
        if download_id:
            download = await self.tracked_download(download_id)
            if download is None:
                return []  # as Radarr: a download it does not track has nothing to offer
            folder = await self._completed.local_path(download)
        elif not folder and movie_id is not None:
            folder = (await self._film("movieId", movie_id)).path
            if not await asyncio.to_thread(os.path.isdir, folder):
                return []  # as Radarr: a film whose folder is not there has no files to offer
        path = _absolute("folder", folder)
        chosen = await self._film("movieId", movie_id) if movie_id is not None else None
        scan = await self._listing("folder", path)
        is_folder = await asyncio.to_thread(os.path.isdir, path)
        root = path if is_folder else os.path.dirname(path)
        folder_name = os.path.basename(path) if is_folder else None
        by_film: dict[int, list[MovieFileOnDisk]] = {}
        films: dict[int, Movie] = {}
        unknown: list[MovieFileOnDisk] = []
        folder_film = await self._named(os.path.basename(path)) if is_folder else None
        for candidate in scan:
            film = chosen or await self._tracked_film(download) or folder_film
            film = film or await self._film_of_file(candidate)
            if film is None:
                unknown.append(candidate)
                continue
            films[film.id] = film
            by_film.setdefault(film.id, []).append(candidate)
        found: list[ManualImportItem] = [_unknown_item(c, root, folder_name, download_id) for c in unknown]
        for film_id, candidates in by_film.items():
            film = films[film_id]
            if filter_existing_files:
                candidates = await self._not_recorded(film, candidates)
            finished = await self._download_for(film, download, path)
            judged = await self._importer.judge(finished, candidates)
            found += [
                _item(fact.candidate, film, root, folder_name, download_id, fact, reasons)
                for fact, reasons in judged
            ]
        return sorted(found, key=lambda item: item.relative_path)

    async def reprocess(self, item: ChosenFile) -> ManualImportItem:
        """One file judged again with a person's choices (Radarr's POST /manualimport)."""
        path = _absolute("path", item.path)
        download = await self.tracked_download(item.download_id) if item.download_id else None
        scan = await self._listing("path", path)
        if not await asyncio.to_thread(os.path.isfile, path) or not scan:
            raise ValidationFailed.single("path", "Path is not a video file", item.path)
        root = os.path.dirname(path)
        if not item.movie_id:
            return _unknown_item(scan[0], root, None, item.download_id)
        film = await self._film("movieId", item.movie_id)
        finished = _with_choices(await self._download_for(film, download, path), item)
        [(fact, reasons)] = await self._importer.judge(finished, scan[:1])
        return _item(fact.candidate, film, root, None, item.download_id, fact, reasons)

    # --- importing ----------------------------------------------------------------------------

    async def check(self, files: Sequence[ChosenFile]) -> None:
        """Refuse, as a 400, chosen files that cannot be imported: not there, not a file, for an
        unknown film, or in the folder of another film of the library (that file is the library's).
        A file in the chosen film's own folder is imported by moving it to the film's name."""
        if not files:
            raise ValidationFailed.single("files", "At least one file must be chosen", [])
        film_folders = await self._movies.paths()
        for index, file in enumerate(files):
            field = f"files[{index}].path"
            path = _absolute(field, file.path)
            if not await asyncio.to_thread(os.path.isfile, path):
                raise ValidationFailed.single(field, "File does not exist", file.path)
            film = await self._film(f"files[{index}].movieId", file.movie_id)
            if any(_within(path, folder) for folder in film_folders if folder != film.path):
                message = "File is in the folder of another movie of the library"
                raise ValidationFailed.single(field, message, file.path)

    async def import_files(self, files: Sequence[ChosenFile], mode: ImportMode) -> ManualImportOutcome:
        """Import each chosen file for its film as the person said; a tracked download whose files all
        went in is marked imported (and handed back to its client), and its folder removed when they
        were moved out of it and nothing of value is left (as Radarr does)."""
        imported: list[str] = []
        failed: list[tuple[str, str]] = []
        downloads: dict[str, tuple[TrackedDownload, bool]] = {}
        moved: set[str] = set()
        for file in files:
            download = await self.tracked_download(file.download_id) if file.download_id else None
            try:
                film = await self._movies.get(file.movie_id)
                finished = _with_choices(await self._download_for(film, download, file.path), file)
                # A file already in the film's folder is renamed into place, never copied beside itself.
                in_place = _within(file.path, film.path)
                finished = replace(finished, move=in_place or mode.moves(finished.move))
                if download is not None and finished.move:
                    moved.add(download.item.download_id)
                await self._importer.import_chosen(finished, file.path)
            except (TransferError, OSError, ReelarrError) as error:
                log.warning("Manual import of %s failed: %s", file.path, error)
                failed.append((file.path, str(error)))
                ok = False
            else:
                imported.append(file.path)
                ok = True
            if download is not None:
                key = download.item.download_id
                downloads[key] = (download, ok and downloads.get(key, (download, True))[1])
        for download, all_went_in in downloads.values():
            if all_went_in:
                await self._completed.handed_back(download)
                if download.item.download_id in moved:
                    await self._importer.clear_download_folder(await self._completed.local_path(download))
        return ManualImportOutcome(tuple(imported), tuple(failed))

    # --- DownloadedMoviesScan -----------------------------------------------------------------

    async def check_scan(self, path: str | None) -> None:
        """Refuse, as a 400, a scan of a path that is not there."""
        full = _absolute("path", path)
        if not await asyncio.to_thread(os.path.exists, full):
            raise ValidationFailed.single("path", "Path does not exist", path)

    async def scan(self, path: str, download_client_id: str | None, mode: ImportMode) -> str:
        """Import what can be matched at `path` (a download's folder or file), as Radarr does for a
        post-processing script: the tracked download's film, else the film its names give."""
        path = _absolute("path", path)
        download = await self.tracked_download(download_client_id) if download_client_id else None
        working_folders = (await self._config.get()).working_folders
        films = await self._films_at(path, download)
        if not films:
            return f"{UNKNOWN_MOVIE}: no film in the library matches {os.path.basename(path)}"
        lines = []
        for film in films:
            finished = await self._download_for(film, download, path)
            finished = replace(finished, move=mode.moves(finished.move))
            try:
                result = await self._importer.import_download(finished, working_folders)
            except (TransferError, OSError, ReelarrError) as error:
                lines.append(f"{film.title} ({film.year}): {error}")
                continue
            if result.imported_before:
                lines.append(f"{film.title} ({film.year}): imported already")
            elif result.imported is None:
                lines.append(f"{film.title} ({film.year}) not imported: {'; '.join(result.messages)}")
            else:
                lines.append(f"{film.title} ({film.year}): imported {result.imported.relative_path}")
                if finished.move and await self._is_download_of(path, download, film):
                    await self._importer.clear_download_folder(path)
                if download is not None:
                    await self._completed.handed_back(download)
        return "; ".join(lines)

    async def _is_download_of(self, path: str, download: TrackedDownload | None, film: Movie) -> bool:
        """Whether `path` is one download's folder for the film (tracked, or named for it), not a
        folder of many downloads that a scan was pointed at: only such a folder is removed."""
        if download is not None:
            return True
        named = await self._named(os.path.basename(path.rstrip(os.sep)))
        return named is not None and named.id == film.id

    # --- shared steps -------------------------------------------------------------------------

    async def tracked_download(self, download_id: str | None) -> TrackedDownload | None:
        """The tracked download a client knows as `download_id` (case ignored), if any."""
        if not download_id:
            return None
        wanted = download_id.casefold()
        for download in await self._tracked.current(FRESH):
            if download.item.download_id.casefold() == wanted:
                return download
        return None

    async def _films_at(self, path: str, download: TrackedDownload | None) -> list[Movie]:
        tracked = await self._tracked_film(download)
        if tracked is not None:
            return [tracked]
        name = os.path.basename(path)
        if await asyncio.to_thread(os.path.isfile, path):
            name = os.path.splitext(name)[0]
        named = await self._named(name)
        if named is not None:
            return [named]
        films: dict[int, Movie] = {}
        for candidate in await self._listing("path", path):
            film = await self._film_of_file(candidate)
            if film is not None:
                films.setdefault(film.id, film)
        return list(films.values())

    async def _listing(self, field: str, path: str) -> tuple[MovieFileOnDisk, ...]:
        try:
            scan = await asyncio.to_thread(list_download, path, keep_samples=True)
        except (FileNotFoundError, NotADirectoryError) as error:
            raise ValidationFailed.single(field, "Path does not exist", path) from error
        except OSError as error:
            raise ValidationFailed.single(field, f"Path cannot be read: {error.strerror}", path) from error
        return scan.files

    async def _film(self, field: str, movie_id: int) -> Movie:
        try:
            return await self._movies.get(movie_id)
        except NotFound as error:
            raise ValidationFailed.single(
                field, f"Movie with ID {movie_id} does not exist", movie_id
            ) from error

    async def _tracked_film(self, download: TrackedDownload | None) -> Movie | None:
        if download is None or download.movie_id is None:
            return None
        try:
            return await self._movies.get(download.movie_id)
        except NotFound:
            return None

    async def _named(self, name: str) -> Movie | None:
        parsed = parse_title(name)
        return await self._movies.find_for_release(parsed) if parsed is not None else None

    async def _film_of_file(self, candidate: MovieFileOnDisk) -> Movie | None:
        """The film a file's names give: its first folder within the download, else its own name."""
        first = candidate.relative_path.split("/")[0]
        if first != candidate.relative_path:
            film = await self._named(first)
            if film is not None:
                return film
        parsed = candidate.parsed or parse_path(candidate.path)
        return await self._movies.find_for_release(parsed) if parsed is not None else None

    async def _not_recorded(self, film: Movie, candidates: list[MovieFileOnDisk]) -> list[MovieFileOnDisk]:
        existing = (await self._movies.files([film.id])).get(film.id)
        if existing is None:
            return candidates
        recorded = os.path.join(film.path, existing.relative_path)
        return [c for c in candidates if not _same_path(c.path, recorded)]

    async def _download_for(
        self, film: Movie, download: TrackedDownload | None, path: str
    ) -> FinishedDownload:
        """What the importer is told of the files' origin: the tracked download, or the path alone."""
        if download is not None:
            return await self._completed.finished_download(download, film.id)
        name = os.path.basename(path.rstrip(os.sep))
        is_file = await asyncio.to_thread(os.path.isfile, path)
        title = os.path.splitext(name)[0] if is_file else name
        return FinishedDownload(movie_id=film.id, download_id=None, title=title, path=path, move=True)


def _with_choices(download: FinishedDownload, file: ChosenFile) -> FinishedDownload:
    return replace(
        download,
        quality=file.quality if file.quality is not None else download.quality,
        languages=file.languages or download.languages,
        release_group=file.release_group or None,
        indexer_flags=file.indexer_flags or download.indexer_flags,
    )


def _same_path(left: str, right: str) -> bool:
    return os.path.normpath(left) == os.path.normpath(right)


def _within(path: str, folder: str) -> bool:
    if not folder:
        return False
    full, base = os.path.abspath(path), os.path.abspath(folder)
    return full == base or full.startswith(base.rstrip(os.sep) + os.sep)


def _relative(path: str, root: str) -> str:
    relative = os.path.relpath(path, root)
    return os.path.basename(path) if relative.startswith("..") else relative


def _unknown_item(
    candidate: MovieFileOnDisk, root: str, folder_name: str | None, download_id: str | None
) -> ManualImportItem:
    return ManualImportItem(
        path=candidate.path,
        relative_path=_relative(candidate.path, root),
        folder_name=folder_name,
        size=candidate.size,
        movie=None,
        quality=candidate.quality,
        languages=candidate.languages,
        release_group=candidate.release_group,
        download_id=download_id,
        rejections=(UNKNOWN_MOVIE,),
    )


def _item(
    candidate: MovieFileOnDisk,
    film: Movie,
    root: str,
    folder_name: str | None,
    download_id: str | None,
    fact: ImportFacts,
    reasons: tuple[str, ...],
) -> ManualImportItem:
    return ManualImportItem(
        path=candidate.path,
        relative_path=_relative(candidate.path, root),
        folder_name=folder_name,
        size=candidate.size,
        movie=film,
        quality=candidate.quality,
        languages=candidate.languages,
        release_group=candidate.release_group,
        download_id=download_id,
        custom_formats=fact.candidate_formats,
        custom_format_score=fact.candidate_score,
        rejections=reasons,
    )
