"""Renaming one file inside a film's folder without ever overwriting or losing it (blocking).

The file first gets its new name as a second hard link; the database then records the new name;
only then is the old name removed. Until the database says otherwise the old name is the file's,
so a crash at any point is finished (`drop_old`) or undone (`undo`) by what the database records.
A file system without hard links gets a plain rename, after a check that the new name is free.
"""

from __future__ import annotations

import contextlib
import errno
import os

_NO_LINKS = (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES)


class RenameRefused(Exception):
    """The new name is taken by another file; nothing was changed."""


def _sync_folder(path: str) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _same(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def link_new(source: str, destination: str) -> None:
    """Give `source` its new name beside the old one; RenameRefused when another file has it."""
    if not os.path.isfile(source):
        raise FileNotFoundError(errno.ENOENT, "Movie file path does not exist", source)
    os.makedirs(os.path.dirname(destination), exist_ok=True)
    try:
        os.link(source, destination)
    except FileExistsError as error:
        raise RenameRefused(f"'{destination}' already exists") from error
    except OSError as error:
        if error.errno not in _NO_LINKS:
            raise
        if os.path.lexists(destination):
            raise RenameRefused(f"'{destination}' already exists") from error
        os.rename(source, destination)
    _sync_folder(os.path.dirname(destination))


def drop_old(source: str, destination: str) -> None:
    """Remove the old name once the new one is recorded (harmless to repeat)."""
    if os.path.exists(source) and _same(source, destination):
        os.unlink(source)
        _sync_folder(os.path.dirname(source))


def undo(source: str, destination: str) -> None:
    """Take back a new name the database never recorded (harmless to repeat)."""
    if os.path.exists(source):
        if os.path.exists(destination) and _same(source, destination):
            os.unlink(destination)
            _sync_folder(os.path.dirname(destination))
        return
    if os.path.exists(destination):  # renamed on a file system without hard links
        os.rename(destination, source)
        _sync_folder(os.path.dirname(source))


def remove_empty_subfolders(folder: str) -> None:
    """Remove the empty folders inside a film's folder, deepest first (never the folder itself)."""
    for parent, folders, _files in os.walk(folder, topdown=False):
        for name in folders:
            with contextlib.suppress(OSError):
                os.rmdir(os.path.join(parent, name))
