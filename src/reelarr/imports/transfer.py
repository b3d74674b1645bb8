"""Placing a downloaded file in the library without ever losing it (blocking; run in a thread).

Every transfer goes through a staged copy beside the destination (`<destination>.partial~`, which
scans pass over): the file is hard-linked or copied there and flushed to disk, the replaced file
(if any) is retired, and only then is the stage linked to its final name. A link never overwrites,
so no existing file is clobbered. A moved source is removed last, once its copy is durable. Each
step is safe to repeat after a crash: `recover` finishes or undoes what the journal says was begun.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from enum import StrEnum

PARTIAL_SUFFIX = ".partial~"


class TransferMode(StrEnum):
    """How a download reaches the library (Radarr's TransferMode)."""

    HARDLINK_OR_COPY = "hardLinkOrCopy"  # torrents: the client keeps seeding the original
    COPY = "copy"
    MOVE = "move"  # usenet, or torrents done seeding


class TransferStage(StrEnum):
    """How far a transfer got, as the journal records it."""

    STAGING = "staging"  # the stage may be incomplete; the source is untouched
    STAGED = "staged"  # the stage is a complete, flushed copy (or a link) of the source
    COMMITTED = "committed"  # the destination is in place; a moved source may still be there


class TransferError(Exception):
    """The file could not be placed; nothing in the library changed."""


def partial_path(destination: str) -> str:
    """Where a destination is staged."""
    return destination + PARTIAL_SUFFIX


def _fsync_directory(path: str) -> None:
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # not every file system can sync a directory
    finally:
        os.close(descriptor)


def _copy_durably(source: str, target: str) -> None:
    with open(source, "rb") as reader, open(target, "xb") as writer:
        shutil.copyfileobj(reader, writer, 1024 * 1024)
        writer.flush()
        os.fsync(writer.fileno())
    shutil.copystat(source, target)


def stage(source: str, destination: str, mode: TransferMode) -> bool:
    """Stage `source` beside `destination`; whether it was hard-linked (else copied).

    A hard link is tried for HARDLINK_OR_COPY and MOVE (a move within one file system is a link
    followed by the source's removal); across file systems the file is copied.
    """
    if not os.path.isfile(source):
        raise TransferError(f"'{source}' is not there to import")
    os.makedirs(os.path.dirname(destination), exist_ok=True)
    partial = partial_path(destination)
    _discard(partial)
    if mode in (TransferMode.HARDLINK_OR_COPY, TransferMode.MOVE):
        try:
            os.link(source, partial)
            return True
        except OSError as error:
            if error.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES):
                raise TransferError(f"Unable to link '{source}': {error.strerror}") from error
    try:
        _copy_durably(source, partial)
    except OSError as error:
        _discard(partial)
        raise TransferError(f"Unable to copy '{source}': {error.strerror or error}") from error
    if os.path.getsize(partial) != os.path.getsize(source):
        _discard(partial)
        raise TransferError(f"The copy of '{source}' is incomplete")
    return False


def commit(destination: str) -> None:
    """Give the staged file its final name; refused when another file already has it (repeating a
    commit that was done is harmless)."""
    partial = partial_path(destination)
    if os.path.exists(destination):
        if not os.path.exists(partial):
            return  # committed before a crash: the destination was checked free before staging
        if os.path.samefile(partial, destination):
            _discard(partial)
            return
        raise TransferError(f"'{destination}' already exists")
    try:
        os.link(partial, destination)
        os.unlink(partial)
    except OSError as error:
        if error.errno == errno.EEXIST:
            raise TransferError(f"'{destination}' already exists") from error
        # A file system without hard links: a rename, after the check above.
        os.rename(partial, destination)
    _fsync_directory(os.path.dirname(destination))


def release_source(source: str, destination: str) -> None:
    """Remove a moved file's source, once its destination holds all of it."""
    if not os.path.exists(source):
        return
    if os.path.getsize(source) != os.path.getsize(destination):
        raise TransferError(f"'{destination}' does not match '{source}'; the source is kept")
    os.unlink(source)
    _fsync_directory(os.path.dirname(source))


def retire(path: str, recycle_bin: str, movie_folder_name: str) -> str | None:
    """Take a replaced file out of the library: into the recycle bin (its new path) or deleted (None)."""
    if not os.path.exists(path):
        return None
    if not recycle_bin:
        os.unlink(path)
        return None
    folder = os.path.join(recycle_bin, movie_folder_name)
    os.makedirs(folder, exist_ok=True)
    target = _free_name(os.path.join(folder, os.path.basename(path)))
    try:
        os.rename(path, target)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        _copy_durably(path, target)
        os.unlink(path)
    os.utime(target)  # its time in the bin starts now (CleanUpRecycleBin counts from it)
    return target


def _free_name(path: str) -> str:
    stem, extension = os.path.splitext(path)
    candidate, number = path, 1
    while os.path.exists(candidate):
        number += 1
        candidate = f"{stem} ({number}){extension}"
    return candidate


def _discard(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def undo_staging(destination: str) -> None:
    """Drop an unfinished stage (the source was never touched)."""
    _discard(partial_path(destination))
