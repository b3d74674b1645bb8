"""A backup zip sent as a multipart form, streamed into a file in the data folder as it arrives: never
held in memory, and refused past a size limit (Radarr reads the form's first file, whatever its name)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from python_multipart.multipart import MultipartParser, parse_options_header

from reelarr.errors import ValidationFailed
from reelarr.settings import BACKUP_UPLOAD_CEILING

UPLOAD_CEILING = BACKUP_UPLOAD_CEILING  # the route's own bound; the configured limit is checked here
_HEADER_LIMIT = 16 * 1024  # a part's headers, all told


def size_text(size: int) -> str:
    """A byte count as people read it: "1 GiB", "512 MiB", "64 KiB"."""
    for unit, scale in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} B"


def too_large(limit: int) -> ValidationFailed:
    """Radarr's 400 for a backup over the upload limit."""
    return ValidationFailed.single(
        "file",
        f"The backup is larger than the upload limit of {size_text(limit)} "
        "(REELARR_MAX_BACKUP_UPLOAD_BYTES); raise it, or restore with `reelarr restore FILE`",
    )


@dataclass(slots=True)
class _Part:
    headers: dict[bytes, bytes] = field(default_factory=dict)
    header_size: int = 0
    field_name: bytes = b""
    value: bytes = b""


@dataclass(slots=True)
class _Receiver:
    """What the parser's callbacks saw of the body so far (they run inside `write`)."""

    folder: Path
    part: _Part = field(default_factory=_Part)
    file_name: str | None = None  # the file being received, once its headers are in
    stream: IO[bytes] | None = None
    path: Path | None = None
    done: bool = False  # the first file is whole: the rest of the body is passed over
    pending: list[bytes] = field(default_factory=list)
    error: ValidationFailed | None = None

    def on_part_begin(self) -> None:
        self.part = _Part()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_bytes(end - start)
        self.part.field_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_bytes(end - start)
        self.part.value += data[start:end]

    def on_header_end(self) -> None:
        self.part.headers[self.part.field_name.lower()] = self.part.value
        self.part.field_name, self.part.value = b"", b""

    def on_headers_finished(self) -> None:
        if self.done or self.file_name is not None or self.error is not None:
            return
        _, options = parse_options_header(self.part.headers.get(b"content-disposition", b""))
        raw = options.get(b"filename")
        if raw is None:
            return  # a plain field: not the file
        name = raw.decode("utf-8", "replace")
        if not name.lower().endswith(".zip"):
            self.error = ValidationFailed.single("file", "Invalid extension, must be .zip", name)
            return
        handle, temporary = tempfile.mkstemp(prefix="reelarr_backup_restore_", suffix=".zip", dir=self.folder)
        self.stream = os.fdopen(handle, "wb")
        self.path = Path(temporary)
        self.file_name = name

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self.stream is not None and not self.done:
            self.pending.append(data[start:end])

    def on_part_end(self) -> None:
        if self.stream is not None:
            self.done = True

    def _header_bytes(self, count: int) -> None:
        self.part.header_size += count
        if self.part.header_size > _HEADER_LIMIT and self.error is None:
            self.error = ValidationFailed.single("file", "The form's part headers are too large")

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()


def _boundary(content_type: str) -> bytes:
    kind, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data":
        raise ValidationFailed.single("file", "file must be provided")  # no form of files: no file
    if not boundary:
        raise ValidationFailed.single("file", "The request is not a multipart form")
    return boundary


@contextlib.asynccontextmanager
async def received_backup(
    content_type: str, declared_length: str | None, body: AsyncIterator[bytes], folder: Path, limit: int
) -> AsyncIterator[tuple[Path, str]]:
    """The first file of a multipart body, written to a temporary file in `folder` as the body arrives:
    its path and the name it was sent under, for the block's length; the file is removed after it.
    Radarr's 400 for a body that is no form, holds no .zip file or is larger than `limit` bytes."""
    boundary = _boundary(content_type)
    if declared_length is not None and declared_length.isdigit() and int(declared_length) > limit:
        raise too_large(limit)
    receiver = _Receiver(folder)
    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": receiver.on_part_begin,
            "on_header_field": receiver.on_header_field,
            "on_header_value": receiver.on_header_value,
            "on_header_end": receiver.on_header_end,
            "on_headers_finished": receiver.on_headers_finished,
            "on_part_data": receiver.on_part_data,
            "on_part_end": receiver.on_part_end,
        },
    )
    try:
        received = 0
        async for chunk in body:
            received += len(chunk)
            if received > limit:
                raise too_large(limit)
            try:
                parser.write(chunk)
            except Exception as error:  # the parser's errors have no common base
                raise ValidationFailed.single("file", "The request is not a multipart form") from error
            if receiver.error is not None:
                raise receiver.error
            if receiver.pending and receiver.stream is not None:
                data, receiver.pending = b"".join(receiver.pending), []
                await asyncio.to_thread(receiver.stream.write, data)
        receiver.close()
        if receiver.path is None or receiver.file_name is None:
            raise ValidationFailed.single("file", "file must be provided")
        if not receiver.done:
            raise ValidationFailed.single("file", "The upload was cut short", receiver.file_name)
        yield receiver.path, receiver.file_name
    finally:
        receiver.close()
        if receiver.path is not None:
            await asyncio.to_thread(receiver.path.unlink, missing_ok=True)
