"""A backup upload's multipart body streamed into a file as it arrives: the file's bytes exactly, the
memory it takes bounded by a chunk rather than the body, and Radarr's 400s for what is not a backup."""

from __future__ import annotations

import hashlib
import tracemalloc
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from reelarr.backups.upload import received_backup, size_text
from reelarr.errors import ValidationFailed

BOUNDARY = "XyZboundary"
CONTENT_TYPE = f"multipart/form-data; boundary={BOUNDARY}"
CHUNK = 64 * 1024
FIELD_ONLY = (
    f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--{BOUNDARY}--\r\n'.encode()
)


def _head(filename: str, name: str = "restore") -> bytes:
    return (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        "Content-Type: application/zip\r\n\r\n"
    ).encode()


def _block(index: int) -> bytes:
    return hashlib.sha256(str(index).encode()).digest() * (CHUNK // 32)


def _files(folder: Path) -> list[Path]:
    return list(folder.iterdir())


async def _body(filename: str, blocks: int, *, finished: bool = True) -> AsyncIterator[bytes]:
    yield f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n'.encode()
    yield _head(filename)
    for index in range(blocks):
        yield _block(index)
    if finished:
        yield f"\r\n--{BOUNDARY}--\r\n".encode()


async def test_the_file_arrives_whole_in_the_folder_without_the_body_in_memory(tmp_path: Path) -> None:
    blocks = 320  # 20 MiB
    expected = hashlib.sha256(b"".join(_block(i) for i in range(blocks))).hexdigest()
    tracemalloc.start()
    try:
        body = _body("mine.zip", blocks)
        async with received_backup(CONTENT_TYPE, None, body, tmp_path, 2**30) as (path, name):
            _, peak = tracemalloc.get_traced_memory()
            assert (path.parent, name) == (tmp_path, "mine.zip")
            assert hashlib.sha256(path.read_bytes()).hexdigest() == expected
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024, peak
    assert _files(tmp_path) == []  # the received file goes with the block


@pytest.mark.parametrize(
    ("content_type", "body", "message"),
    [
        ("application/x-www-form-urlencoded", [b"restore=text"], "file must be provided"),
        ("multipart/form-data", [b"x"], "The request is not a multipart form"),
        (CONTENT_TYPE, [FIELD_ONLY], "file must be provided"),
        (CONTENT_TYPE, [_head("radarr.db"), b"SQLite"], "Invalid extension, must be .zip"),
        (CONTENT_TYPE, [_head("cut.zip"), b"PK\x03\x04"], "The upload was cut short"),
    ],
)
async def test_what_is_not_a_whole_zip_file_is_refused(
    tmp_path: Path, content_type: str, body: list[bytes], message: str
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for chunk in body:
            yield chunk

    with pytest.raises(ValidationFailed) as refused:
        async with received_backup(content_type, None, chunks(), tmp_path, 2**30):
            pytest.fail("no file should be handed over")

    assert refused.value.failures[0].error_message == message
    assert _files(tmp_path) == []


async def test_a_declared_length_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    async def unread() -> AsyncIterator[bytes]:
        pytest.fail("the body must not be read")
        yield b""

    with pytest.raises(ValidationFailed) as refused:
        async with received_backup(CONTENT_TYPE, str(3 * 1024**2), unread(), tmp_path, 2 * 1024**2):
            pass

    message = refused.value.failures[0].error_message
    assert message.startswith("The backup is larger than the upload limit of 2 MiB")


def test_sizes_read_as_people_write_them() -> None:
    sizes = [size_text(n) for n in (512, 64 * 1024, 1536 * 1024, 1024**3)]
    assert sizes == ["512 B", "64 KiB", "1.5 MiB", "1 GiB"]
