"""Pages of the structured log, read from the JSON-lines files without holding a whole file in memory.

Files are read in blocks: backwards from the end for the newest first, forwards for the oldest first,
so a page near the newest end reads only the last blocks of the current file. The exact total a page
reports comes from counting level markers in the files block by block (`bytes.count`, in C); the
counts of rotated files, which never change, are kept per file identity. Families written by
several processes are merged by time. A line still being written (no newline yet) is left for
the next read.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import orjson

from reelarr.observability.logfolder import LogFile, LogFolder

_BLOCK = 64 * 1024
_COUNT_BLOCK = 1024 * 1024
# Python's level names as the log file has them, and Radarr's names for them on the wire.
_RADARR_LEVEL = {
    "critical": "fatal",
    "error": "error",
    "warning": "warn",
    "info": "info",
    "debug": "debug",
    "notset": "trace",
}
_SEVERITY = ["trace", "debug", "info", "warn", "error", "fatal"]
_EXCEPTION_TYPE = re.compile(r"^([A-Za-z_][\w.]*)(?::|$)")


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One record of the log, as Radarr's LogResource carries it."""

    id: int
    time: datetime
    level: str
    logger: str
    message: str
    exception: str | None
    exception_type: str | None
    method: str | None


@dataclass(frozen=True, slots=True)
class LogPage:
    """A page of entries and how many entries the filter matches in all."""

    entries: list[LogEntry]
    total: int


def radarr_level(python_level: str) -> str:
    """Radarr's wire name of a level name from the log file (`warning` -> `warn`)."""
    return _RADARR_LEVEL.get(python_level.lower(), python_level.lower())


def levels_at_or_above(level: str | None) -> frozenset[str] | None:
    """Radarr's levels a `level` filter keeps (`warn` -> warn, error, fatal); None keeps everything."""
    if level is None or level.lower() not in _SEVERITY:
        return None
    return frozenset(_SEVERITY[_SEVERITY.index(level.lower()) :])


def _python_names(levels: frozenset[str]) -> list[str]:
    return [name for name, radarr in _RADARR_LEVEL.items() if radarr in levels]


def _lines_backward(path: Path) -> Iterator[bytes]:
    """The file's complete lines, last first, read in blocks from the end."""
    try:
        handle = path.open("rb")
    except OSError:
        return
    with handle:
        position = handle.seek(0, 2)
        pending: bytes | None = None  # None until the last newline is passed (the tail may be half written)
        while position > 0:
            size = min(_BLOCK, position)
            position -= size
            handle.seek(position)
            data = handle.read(size)
            if pending is None:
                end = data.rfind(b"\n")
                if end < 0:
                    continue
                data, pending = data[:end], b""
            parts = (data + pending).split(b"\n")
            pending = parts[0]
            for line in reversed(parts[1:]):
                if line:
                    yield line
        if pending:
            yield pending


def _lines_forward(path: Path) -> Iterator[bytes]:
    """The file's complete lines, first first."""
    try:
        handle = path.open("rb")
    except OSError:
        return
    with handle:
        for line in handle:
            if line.endswith(b"\n") and len(line) > 1:
                yield line[:-1]


def _parsed(lines: Iterable[bytes]) -> Iterator[dict[str, object]]:
    for line in lines:
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        if (
            isinstance(record, dict)
            and isinstance(record.get("time"), str)
            and isinstance(record.get("level"), str)
        ):
            yield record


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _exception_type(record: dict[str, object], exception: str | None) -> str | None:
    if given := _text(record.get("exceptionType")):
        return given
    if exception is None:
        return None
    last = exception.rstrip().rsplit("\n", 1)[-1]
    match = _EXCEPTION_TYPE.match(last)
    return match[1] if match else None


def _entry(entry_id: int, record: dict[str, object]) -> LogEntry | None:
    try:
        time = datetime.fromisoformat(str(record["time"]))
    except ValueError:
        return None
    exception = _text(record.get("exception"))
    return LogEntry(
        id=entry_id,
        time=time,
        level=radarr_level(str(record["level"])),
        logger=str(record.get("logger") or ""),
        message=str(record.get("message") or ""),
        exception=exception,
        exception_type=_exception_type(record, exception),
        method=_text(record.get("method")),
    )


class LogReader:
    """Reads pages of the log folder's records, newest or oldest first, filtered by level."""

    def __init__(self, folder: LogFolder) -> None:
        self.folder = folder
        self._counts: dict[tuple[str, int, int, int], dict[str, int]] = {}

    def page(self, page: int, page_size: int, *, newest_first: bool, level: str | None) -> LogPage:
        """One page of the records the level filter keeps, and how many it keeps in all."""
        kept = levels_at_or_above(level)
        families = self.folder.families()
        counts = [self._count(file) for family in families for file in family]
        all_lines = sum(sum(c.values()) for c in counts)
        names = _python_names(kept) if kept is not None else None
        total = all_lines if names is None else sum(c.get(n, 0) for c in counts for n in names)
        skip = (page - 1) * page_size
        entries: list[LogEntry] = []
        if page_size <= 0 or skip >= total:
            return LogPage(entries, total)
        for index, record in enumerate(self._records(families, newest_first=newest_first)):
            if kept is not None and radarr_level(str(record["level"])) not in kept:
                continue
            if skip:
                skip -= 1
                continue
            entry_id = all_lines - index if newest_first else index + 1
            entry = _entry(max(entry_id, 1), record)
            if entry is not None:
                entries.append(entry)
            if len(entries) >= page_size:
                break
        return LogPage(entries, total)

    def _records(self, families: list[list[LogFile]], *, newest_first: bool) -> Iterator[dict[str, object]]:
        streams = []
        for family in families:
            ordered = family if newest_first else list(reversed(family))
            read = _lines_backward if newest_first else _lines_forward
            streams.append(_parsed(line for file in ordered for line in read(file.path)))
        if len(streams) == 1:
            return streams[0]
        return heapq.merge(*streams, key=lambda r: str(r["time"]), reverse=newest_first)

    def _count(self, file: LogFile) -> dict[str, int]:
        try:
            stat = file.path.stat()
        except OSError:
            return {}
        identity = (file.name, stat.st_ino, stat.st_size, stat.st_mtime_ns)
        cached = self._counts.get(identity)
        if cached is None:
            cached = _count_lines(file.path)
            self._counts = {k: v for k, v in self._counts.items() if k[0] != file.name}
            self._counts[identity] = cached
        return cached


def _count_lines(path: Path) -> dict[str, int]:
    """The complete lines of each level, counted block by block (a block ends at a newline)."""
    markers = {name: b'"level":"' + name.encode() + b'"' for name in _RADARR_LEVEL}
    by_level = dict.fromkeys(markers, 0)
    try:
        handle = path.open("rb")
    except OSError:
        return by_level
    with handle:
        carry = b""
        while block := handle.read(_COUNT_BLOCK):
            data = carry + block
            end = data.rfind(b"\n") + 1
            data, carry = data[:end], data[end:]
            for name, marker in markers.items():
                by_level[name] += data.count(marker)
    return by_level
