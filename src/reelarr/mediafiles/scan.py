"""Scanning a movie folder: its video files with what their names say and, if asked, their media info.

Listing is one `os.scandir` walk with no subprocess per file, so scanning thousands of folders is
fast; media info is read afterwards, a few files at a time, only when a reader is given.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from reelarr.languages import Language
from reelarr.mediafiles.exclusions import SkipReason, file_skip_reason, folder_skip_reason, is_video_name
from reelarr.mediafiles.mediainfo import MediaInfoReader
from reelarr.mediafiles.model import MediaInfo
from reelarr.mediafiles.quality import augment_quality
from reelarr.mediafiles.samples import SampleCheck, detect_sample
from reelarr.parsing import parse_path, parse_quality
from reelarr.parsing.result import ParsedMovieInfo
from reelarr.quality.revision import QualityModel

log = logging.getLogger(__name__)

DEFAULT_CONCURRENCY = 2


@dataclass(frozen=True, slots=True)
class SkippedPath:
    """A folder or file a scan passed over, and why."""

    path: str
    relative_path: str
    reason: SkipReason
    is_folder: bool
    detail: str = ""


@dataclass(frozen=True, slots=True)
class MovieFileOnDisk:
    """A video file found in a movie folder, with what its name says and (once read) its media info."""

    path: str
    relative_path: str
    size: int
    modified: datetime
    parsed: ParsedMovieInfo | None
    name_quality: QualityModel
    quality: QualityModel
    sample: SampleCheck
    media_info: MediaInfo | None = None

    @property
    def name(self) -> str:
        """The file's name, which is the scene name Radarr's codec labels look at."""
        return os.path.basename(self.path)

    @property
    def edition(self) -> str:
        """The edition the name gives ("Director's Cut"), or empty."""
        return self.parsed.edition if self.parsed is not None else ""

    @property
    def release_group(self) -> str | None:
        """The release group the name gives, or None."""
        return self.parsed.release_group if self.parsed is not None else None

    @property
    def languages(self) -> tuple[Language, ...]:
        """The languages the name gives."""
        return self.parsed.languages if self.parsed is not None else ()


@dataclass(frozen=True, slots=True)
class FolderScan:
    """What a scan found in a movie folder: the movie files, and what it passed over."""

    folder: str
    files: tuple[MovieFileOnDisk, ...]
    skipped: tuple[SkippedPath, ...]


@dataclass(frozen=True, slots=True)
class _Found:
    path: str
    relative_path: str
    stat: os.stat_result


def _walk(root: str) -> tuple[list[_Found], list[SkippedPath]]:
    """Every video file under root, following symlinked folders once, and the paths passed over."""
    found: list[_Found] = []
    skipped: list[SkippedPath] = []
    visited: set[tuple[int, int]] = set()
    pending = [(root, "")]
    while pending:
        directory, prefix = pending.pop()
        try:
            status = os.stat(directory)
            if (status.st_dev, status.st_ino) in visited:
                continue
            visited.add((status.st_dev, status.st_ino))
            with os.scandir(directory) as listing:
                entries = list(listing)
        except OSError as error:
            if directory == root:
                raise
            log.warning("Cannot read folder %s: %s", directory, error)
            continue
        for entry in entries:
            relative = prefix + entry.name
            try:
                if entry.is_dir():
                    reason = folder_skip_reason(entry.name)
                    if reason is None:
                        pending.append((entry.path, relative + "/"))
                    else:
                        skipped.append(SkippedPath(entry.path, relative, reason, is_folder=True))
                    continue
                if not entry.is_file():
                    continue
                reason = file_skip_reason(entry.name)
                if reason is not None:
                    skipped.append(SkippedPath(entry.path, relative, reason, is_folder=False))
                elif is_video_name(entry.name):
                    found.append(_Found(entry.path, relative, entry.stat()))
            except OSError as error:  # vanished or unreadable while listing
                log.warning("Cannot read %s: %s", entry.path, error)
    found.sort(key=lambda item: item.relative_path)
    skipped.sort(key=lambda item: item.relative_path)
    return found, skipped


def _movie_file(item: _Found) -> MovieFileOnDisk:
    parsed = parse_path(item.path)
    name_quality = parsed.quality if parsed is not None else parse_quality(os.path.basename(item.path))
    return MovieFileOnDisk(
        path=item.path,
        relative_path=item.relative_path,
        size=item.stat.st_size,
        modified=datetime.fromtimestamp(item.stat.st_mtime, UTC),
        parsed=parsed,
        name_quality=name_quality,
        quality=name_quality,
        sample=detect_sample(os.path.basename(item.path), None),
    )


def _without_samples(
    folder: str, files: Sequence[MovieFileOnDisk], skipped: Sequence[SkippedPath]
) -> FolderScan:
    samples = [
        SkippedPath(f.path, f.relative_path, SkipReason.SAMPLE, is_folder=False, detail=f.sample.reason)
        for f in files
        if f.sample.is_sample
    ]
    kept = tuple(f for f in files if not f.sample.is_sample)
    every_skip = sorted([*skipped, *samples], key=lambda item: item.relative_path)
    return FolderScan(folder, kept, tuple(every_skip))


def _list(folder: str | os.PathLike[str]) -> tuple[str, list[MovieFileOnDisk], list[SkippedPath]]:
    root = os.path.abspath(os.fspath(folder))
    found, skipped = _walk(root)
    return root, [_movie_file(item) for item in found], skipped


def list_movie_files(folder: str | os.PathLike[str]) -> FolderScan:
    """List a movie folder's video files from their names alone (blocking; no media info is read).

    Extras, hidden, system and sample folders, partial downloads, and files whose name says "sample"
    are passed over. Raises FileNotFoundError or NotADirectoryError when the folder is not there.
    """
    root, files, skipped = _list(folder)
    return _without_samples(root, files, skipped)


def list_download(path: str | os.PathLike[str], *, keep_samples: bool = False) -> FolderScan:
    """The video files of a finished download: the file itself, or those of its folder (blocking).

    With `keep_samples`, files whose name says "sample" are listed too (for a person to see them
    refused). Raises FileNotFoundError when the download is not there.
    """
    full = os.path.abspath(os.fspath(path))
    if not os.path.isfile(full):
        if keep_samples:
            root, files, skipped = _list(full)
            return FolderScan(root, tuple(files), tuple(skipped))
        return list_movie_files(full)
    name = os.path.basename(full)
    reason = file_skip_reason(name)
    if reason is not None:
        return FolderScan(os.path.dirname(full), (), (SkippedPath(full, name, reason, is_folder=False),))
    if not is_video_name(name):
        return FolderScan(os.path.dirname(full), (), ())
    found = _movie_file(_Found(full, name, os.stat(full)))
    if keep_samples:
        return FolderScan(os.path.dirname(full), (found,), ())
    return _without_samples(os.path.dirname(full), [found], [])


async def with_media_info(
    movie_file: MovieFileOnDisk, reader: MediaInfoReader, movie_runtime_minutes: int = 0
) -> MovieFileOnDisk:
    """The file with its media info read, its quality augmented by it, and its sample check redone."""
    try:
        info = await reader.read(movie_file.path)
    except FileNotFoundError:
        return movie_file
    if info is None:
        return movie_file
    return replace(
        movie_file,
        media_info=info,
        quality=augment_quality(movie_file.name_quality, info),
        sample=detect_sample(movie_file.name, info.run_time, movie_runtime_minutes),
    )


async def scan_movie_folder(
    folder: str | os.PathLike[str],
    *,
    reader: MediaInfoReader | None = None,
    movie_runtime_minutes: int = 0,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> FolderScan:
    """Scan a movie folder off the event loop; with a reader, read media info a few files at a time.

    With media info a file is a sample when its runtime is too short for the movie (Radarr's rule),
    whatever its name; without, when its name says so.
    """
    root, files, skipped = await asyncio.to_thread(_list, folder)
    if reader is not None and files:
        gate = asyncio.Semaphore(max(concurrency, 1))

        async def read(movie_file: MovieFileOnDisk) -> MovieFileOnDisk:
            async with gate:
                return await with_media_info(movie_file, reader, movie_runtime_minutes)

        files = list(await asyncio.gather(*(read(f) for f in files)))
    return _without_samples(root, files, skipped)
