"""Cover files on disk: atomic writes, what was downloaded from where, and the smaller copies.

Everything here blocks (file I/O, Pillow); the cache runs it in worker threads.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from PIL import Image

JPEG_QUALITY = 92  # Radarr's ImageResizer setting
_TEMP_SUFFIX = ".tmp"
_STALE_TEMP_SECONDS = 600.0


@dataclass(frozen=True, slots=True)
class Source:
    """Where a cover file came from and the validators its server gave, for conditional requests."""

    url: str
    size: int
    etag: str | None = None
    last_modified: str | None = None


def source_path(file: Path) -> Path:
    """The hidden record beside a cover (`.poster.jpg.source`), never served."""
    return file.with_name(f".{file.name}.source")


def write_atomically(target: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Write through a temporary file in the same folder, then rename: readers see old or new, whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=_TEMP_SUFFIX)
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_bytes(target: Path, body: bytes) -> None:
    """Replace `target` with `body` atomically."""
    write_atomically(target, lambda stream: stream.write(body))


def same_content(file: Path, body: bytes) -> bool:
    """True when `file` holds exactly `body` (the size is compared before any byte is read)."""
    try:
        if file.stat().st_size != len(body):
            return False
        return file.read_bytes() == body
    except OSError:
        return False


def read_source(file: Path) -> Source | None:
    """The record of where `file` came from, when the file is there and still matches it."""
    try:
        size = file.stat().st_size
        doc: Any = json.loads(source_path(file).read_text("utf-8"))
        source = Source(**doc)
    except (OSError, ValueError, TypeError):
        return None
    return source if source.size == size and size > 0 else None


def write_source(file: Path, source: Source) -> None:
    """Record where `file` came from (atomically, like the file itself)."""
    write_bytes(source_path(file), json.dumps(asdict(source)).encode())


def resize_to_height(source: Path, target: Path, height: int) -> None:
    """Save a JPEG copy of `source` `height` pixels high (never enlarged), keeping its proportions."""
    with Image.open(source) as image:
        image.draft("RGB", (image.width * height // max(1, image.height), height))
        height = min(height, image.height)
        width = max(1, round(image.width * height / image.height))
        picture = image.convert("RGB") if image.mode != "RGB" else image
        resized = picture.resize((width, height), Image.Resampling.LANCZOS)
    write_atomically(target, lambda stream: resized.save(stream, format="JPEG", quality=JPEG_QUALITY))


def needs_copy(target: Path) -> bool:
    """True when a smaller copy is missing or empty."""
    try:
        return target.stat().st_size == 0
    except OSError:
        return True


def remove_stale_temporaries(folder: Path, now: float | None = None) -> None:
    """Delete temporary files a crashed writer left behind (old enough that no writer still owns them)."""
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") and entry.name.endswith(_TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                if now - entry.stat().st_mtime > _STALE_TEMP_SECONDS:
                    os.unlink(entry.path)
