"""Putting metadata files in a film's folder (blocking; run in a thread)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from pathlib import Path
from typing import IO

from reelarr.mediacover.files import write_atomically, write_bytes

_WATCHED = re.compile(r"<watched>true</watched>")


def read_watched(path: str) -> bool:
    """Whether a .nfo written before says the film was watched (Kodi's own mark, kept on rewrite)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as stream:
            return bool(_WATCHED.search(stream.read()))
    except OSError:
        return False


def write_text(path: str, contents: str) -> bool:
    """Write the text unless the file already holds exactly it; whether it was written."""
    body = contents.encode("utf-8")
    try:
        if Path(path).read_bytes() == body:
            return False
    except OSError:
        pass
    write_bytes(Path(path), body)
    return True


def copy_image(source: str, destination: str) -> bool:
    """Copy a cached cover into the film's folder unless the copy there is already the same."""
    try:
        with open(source, "rb") as new, open(destination, "rb") as old:
            if new.read() == old.read():
                return False
    except FileNotFoundError:
        pass

    def copy(stream: IO[bytes]) -> None:
        with open(source, "rb") as original:
            shutil.copyfileobj(original, stream)

    write_atomically(Path(destination), copy)
    return True


def exists(path: str) -> bool:
    """Whether anything is at this path."""
    return os.path.lexists(path)


def remove(path: str) -> None:
    """Remove a file Reelarr wrote, when it is still there."""
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)
