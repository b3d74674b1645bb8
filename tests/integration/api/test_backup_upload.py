"""/api/v3/system/backup/restore/upload past the general 10 MB body limit: a backup larger than it is
streamed into the data folder and restored; one over the configured upload limit is a 400 in Radarr's
shape, declared or sent in chunks, and nothing changes (SQLite and PostgreSQL, a real server)."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import make_settings
from tests.support.databases import DATABASES, copy_sqlite
from tests.support.live import LiveServer, live_server
from tests.support.waiting import eventually

URL = "/api/v3/system/backup/restore/upload"
LIMIT = 16 * 1024 * 1024  # above the 10 MB every other request is held to, below the default 1 GiB


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
async def upload_server(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    sqlite_template: Path,
    postgres_template: str,
) -> AsyncIterator[LiveServer]:
    """One server per dialect whose backup uploads may be 16 MiB."""
    tmp = tmp_path_factory.mktemp(f"upload-server-{request.param}")
    if request.param == "sqlite":
        url = copy_sqlite(sqlite_template, tmp / "db" / "reelarr.db")
    else:
        url = await DATABASES.take(postgres_template)
    try:
        async with live_server(make_settings(url, tmp / "data", max_backup_upload_bytes=LIMIT)) as live:
            yield live
    finally:
        if request.param != "sqlite":
            DATABASES.drop(url)


async def _labels(client: httpx.AsyncClient) -> list[str]:
    return sorted(t["label"] for t in (await client.get("/api/v3/tag")).json())


async def _set_tags(client: httpx.AsyncClient, *labels: str) -> None:
    for tag in (await client.get("/api/v3/tag")).json():
        assert (await client.delete(f"/api/v3/tag/{tag['id']}")).is_success
    for label in labels:
        assert (await client.post("/api/v3/tag", json={"label": label})).status_code == 201


async def _backup_zip(client: httpx.AsyncClient) -> bytes:
    queued = (await client.post("/api/v3/command", json={"name": "Backup"})).json()

    async def finished() -> bool:
        command = (await client.get(f"/api/v3/command/{queued['id']}")).json()
        return bool(command["status"] in ("completed", "failed"))

    await eventually(finished, within=30)
    newest = (await client.get("/api/v3/system/backup")).json()[0]
    return (await client.get(newest["path"])).content


def _padded(backup: bytes, size: int) -> bytes:
    """The backup with a stored (uncompressed) member of random bytes making it `size` bytes or more."""
    out = io.BytesIO(backup)
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("padding.bin", os.urandom(max(0, size - len(backup))))
    return out.getvalue()


def _leftovers(server: LiveServer) -> list[str]:
    return sorted(p.name for p in Path(server.services.settings.data_dir).glob("reelarr_backup_restore_*"))


async def test_a_backup_larger_than_ten_megabytes_is_restored(upload_server: LiveServer) -> None:
    client = upload_server.client
    await _set_tags(client, "kept")
    zipped = _padded(await _backup_zip(client), 12 * 1024 * 1024)
    await _set_tags(client, "gone")

    response = await client.post(URL, files={"restore": ("big.zip", zipped, "application/zip")}, timeout=60)

    assert len(zipped) > 10 * 1024 * 1024
    assert response.status_code == 200, response.text
    assert await _labels(client) == ["kept"]
    assert _leftovers(upload_server) == []


async def test_a_backup_over_the_limit_is_a_400_and_changes_nothing(upload_server: LiveServer) -> None:
    client = upload_server.client
    await _set_tags(client, "kept")
    zipped = _padded(await _backup_zip(client), LIMIT + 1024 * 1024)
    await _set_tags(client, "current")

    response = await client.post(URL, files={"restore": ("huge.zip", zipped, "application/zip")}, timeout=60)

    assert response.status_code == 400, response.text
    [failure] = response.json()
    assert failure["propertyName"] == "file"
    assert failure["errorMessage"].startswith("The backup is larger than the upload limit of 16 MiB")
    assert await _labels(client) == ["current"]
    assert _leftovers(upload_server) == []


async def test_a_chunked_upload_growing_over_the_limit_is_a_400(upload_server: LiveServer) -> None:
    client = upload_server.client
    await _set_tags(client, "current")
    boundary = "reelarrboundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="restore"; filename="endless.zip"\r\n'
        "Content-Type: application/zip\r\n\r\n"
    ).encode()

    async def body() -> AsyncIterator[bytes]:  # no Content-Length: the server counts as it reads
        yield head
        for _ in range(LIMIT // (1024 * 1024) + 2):
            yield b"\0" * (1024 * 1024)
        yield f"\r\n--{boundary}--\r\n".encode()

    response = await client.post(
        URL, content=body(), headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}, timeout=60
    )

    assert response.status_code == 400, response.text
    assert response.json()[0]["errorMessage"].startswith("The backup is larger than the upload limit")
    assert await _labels(client) == ["current"]
    assert _leftovers(upload_server) == []
