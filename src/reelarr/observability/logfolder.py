"""The log folder's files: which are Reelarr's rotating JSON-lines logs, and finding one by name safely.

A family is one log file and its rotations (`reelarr.log`, `reelarr.log.1` ... `.5`, newest first).
Several processes sharing a data dir each write their own family (`REELARR_LOG_FILE` per process);
the reader merges the families by time. Only names listed here are ever opened, so a name from a
request can never reach a file outside the folder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

_LOG_NAME = re.compile(r"^(?P<base>[A-Za-z0-9][-.A-Za-z0-9_]*\.log)(?:\.(?P<rotation>\d{1,3}))?$")


@dataclass(frozen=True, slots=True)
class LogFile:
    """One file of the log folder."""

    name: str
    path: Path
    last_write: datetime
    size: int
    family: str
    rotation: int  # 0 for the file being written, 1 for the newest rotation, ...


class LogFolder:
    """The folder the rotating log file lives in."""

    def __init__(self, log_file: Path) -> None:
        self.folder = log_file.parent

    def files(self) -> list[LogFile]:
        """Every log file of the folder, the most recently written first."""
        found = []
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return []
        for entry in entries:
            match = _LOG_NAME.match(entry.name)
            if match is None or entry.is_symlink() or not entry.is_file():
                continue
            try:
                stat = entry.stat()
            except OSError:
                continue
            found.append(
                LogFile(
                    name=entry.name,
                    path=entry,
                    last_write=datetime.fromtimestamp(stat.st_mtime, UTC),
                    size=stat.st_size,
                    family=match["base"],
                    rotation=int(match["rotation"] or 0),
                )
            )
        return sorted(found, key=lambda f: (f.last_write, -f.rotation), reverse=True)

    def find(self, name: str) -> LogFile | None:
        """The listed file of that exact name, or None (any other name, `../` included)."""
        return next((f for f in self.files() if f.name == name), None)

    def families(self) -> list[list[LogFile]]:
        """The files grouped by family, each family newest first (current file, then .1, .2, ...)."""
        groups: dict[str, list[LogFile]] = {}
        for file in self.files():
            groups.setdefault(file.family, []).append(file)
        return [sorted(group, key=lambda f: f.rotation) for _, group in sorted(groups.items())]


@dataclass(frozen=True, slots=True)
class OpenedLog:
    """A log file opened for sending: its size when opened and its chunks up to that size."""

    size: int
    chunks: Iterator[bytes]


def open_log(file: LogFile, chunk_size: int = 64 * 1024) -> OpenedLog:
    """The file as it is now: lines written while it is being sent are left for the next read, so
    the length announced before sending stays true."""
    handle = file.path.open("rb")
    size = os.fstat(handle.fileno()).st_size

    def chunks() -> Iterator[bytes]:
        with handle:
            left = size
            while left > 0:
                chunk = handle.read(min(chunk_size, left))
                if not chunk:
                    return
                left -= len(chunk)
                yield chunk

    return OpenedLog(size, chunks())
