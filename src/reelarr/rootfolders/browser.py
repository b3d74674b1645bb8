"""The folder picker's view of the file system: names, sizes and dates, never what a file contains."""

from __future__ import annotations

import os
import posixpath
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from reelarr.errors import ValidationFailed
from reelarr.parsing.extensions import MEDIA_EXTENSIONS, extension_of
from reelarr.rootfolders.disk import DiskProbes, json_safe
from reelarr.rootfolders.paths import BROWSER_HIDDEN_NAMES, SCAN_SKIPPED_NAMES, normalise

EntityType = Literal["drive", "folder", "file"]


@dataclass(frozen=True, slots=True)
class FileSystemEntry:
    """A folder or file in a listing; folders' paths end with a slash, as Radarr's do."""

    type: EntityType
    name: str
    path: str
    last_modified: datetime | None
    extension: str | None = None
    size: int = 0


@dataclass(frozen=True, slots=True)
class FileSystemListing:
    """A folder's parent (None at the top), subfolders and (when asked) files."""

    parent: str | None
    directories: list[FileSystemEntry]
    files: list[FileSystemEntry]


@dataclass(frozen=True, slots=True)
class MediaFile:
    """A video file found under a folder."""

    path: str
    relative_path: str
    name: str


def _parent(folder: str) -> str | None:
    if folder == "/":
        return None
    parent = posixpath.dirname(folder)
    return parent if parent.endswith("/") else parent + "/"


def _modified(stat: os.stat_result) -> datetime:
    return datetime.fromtimestamp(stat.st_mtime, UTC)


def _sorted(entries: list[FileSystemEntry]) -> list[FileSystemEntry]:
    return sorted(entries, key=lambda e: (e.name.casefold(), e.name))


def _scan(folder: str, include_files: bool) -> tuple[list[FileSystemEntry], list[FileSystemEntry]]:
    base = folder.rstrip("/")
    directories: list[FileSystemEntry] = []
    files: list[FileSystemEntry] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if not json_safe(entry.name):
                continue
            try:
                if entry.is_dir():
                    if entry.name.lower() not in BROWSER_HIDDEN_NAMES:
                        path = f"{base}/{entry.name}/"
                        directories.append(
                            FileSystemEntry("folder", entry.name, path, _modified(entry.stat()))
                        )
                elif include_files and entry.is_file():
                    stat = entry.stat()
                    extension = os.path.splitext(entry.name)[1]
                    files.append(
                        FileSystemEntry(
                            "file",
                            entry.name,
                            f"{base}/{entry.name}",
                            _modified(stat),
                            extension,
                            stat.st_size,
                        )
                    )
            except OSError:
                # Vanished while listed, or a link to nowhere: leave it out.
                continue
    return _sorted(directories), _sorted(files)


def list_folder(folder: str, include_files: bool) -> FileSystemListing:
    """List one absolute folder; a missing, unreadable or non-folder path lists as empty (as Radarr)."""
    clean = normalise(folder)
    if clean is None:
        return FileSystemListing(None, [], [])
    parent = _parent(clean)
    try:
        directories, files = _scan(clean, include_files)
    except (OSError, ValueError):
        return FileSystemListing(parent, [], [])
    return FileSystemListing(parent, directories, files)


def lookup(
    query: str, include_files: bool, allow_folders_without_trailing_slashes: bool
) -> FileSystemListing:
    """Radarr's folder-picker lookup: list the folder the query names, up to its last slash.

    "/data/mov" lists "/data/" (the picker completes what is typed); with
    allow_folders_without_trailing_slashes an existing folder is listed as is.
    """
    if not query.strip():
        query = "/"
    if not query.startswith("/"):
        return FileSystemListing(None, [], [])
    if allow_folders_without_trailing_slashes and normalise(query) and os.path.isdir(query):
        return list_folder(query, include_files)
    return list_folder(query[: query.rfind("/") + 1], include_files)


def entity_type(path: str) -> Literal["file", "folder"]:
    """Say file for an existing file, folder otherwise, even when missing (reveals nothing, as Radarr)."""
    clean = normalise(path)
    return "file" if clean is not None and os.path.isfile(clean) else "folder"


def _skipped_folder(name: str) -> bool:
    return name.startswith(".") or name.lower() in SCAN_SKIPPED_NAMES or not json_safe(name)


def _is_video(name: str) -> bool:
    return extension_of(name) in MEDIA_EXTENSIONS and not name.startswith("._") and json_safe(name)


def find_media_files(path: str, *, limit: int, deadline: float) -> list[MediaFile]:
    """Video files anywhere under a folder, skipping hidden and NAS thumbnail folders ([] if no folder)."""
    root = normalise(path)
    if root is None or not os.path.isdir(root):
        return []
    found: list[MediaFile] = []
    for folder, subfolders, names in os.walk(root):
        if time.monotonic() > deadline:
            raise ValidationFailed.single("path", f"Listing the files under '{path}' took too long", path)
        subfolders[:] = [s for s in subfolders if not _skipped_folder(s)]
        for name in names:
            if _is_video(name):
                full = os.path.join(folder, name)
                found.append(MediaFile(full, os.path.relpath(full, root), name))
        if len(found) > limit:
            raise ValidationFailed.single("path", f"More than {limit} video files under '{path}'", path)
    return sorted(found, key=lambda f: f.path)


class FileSystemBrowser:
    """Lists folders for the folder picker, each call bounded by a time limit."""

    def __init__(self, *, timeout_seconds: float = 10.0, media_file_limit: int = 20_000) -> None:
        self._timeout = timeout_seconds
        self._probes = DiskProbes(timeout_seconds)
        # The walk stops itself at its deadline; the extra second lets it say so.
        self._walks = DiskProbes(timeout_seconds + 1)
        self._limit = media_file_limit

    async def lookup(
        self, query: str, *, include_files: bool = False, allow_folders_without_trailing_slashes: bool = False
    ) -> FileSystemListing:
        """What the folder picker shows for a typed path; a folder that hangs lists as empty."""
        try:
            return await self._probes.run(
                lookup, query, include_files, allow_folders_without_trailing_slashes
            )
        except TimeoutError:
            return FileSystemListing(None, [], [])

    async def entity_type(self, path: str) -> Literal["file", "folder"]:
        """Whether a path is a file or (otherwise) a folder."""
        try:
            return await self._probes.run(entity_type, path)
        except TimeoutError:
            return "folder"

    async def media_files(self, path: str) -> list[MediaFile]:
        """Video files under a folder (ValidationFailed when there are too many or it takes too long)."""
        deadline = time.monotonic() + self._timeout
        try:
            return await self._walks.run(find_media_files, path, limit=self._limit, deadline=deadline)
        except TimeoutError as error:
            raise ValidationFailed.single(
                "path", f"Listing the files under '{path}' took too long", path
            ) from error
