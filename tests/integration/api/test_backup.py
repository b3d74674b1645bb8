"""/api/v3/system/backup: Backup Now, the list in Radarr's shape, download, restore by id and by upload,
delete, and 404s and 400s for what is not there or not a backup."""

from __future__ import annotations

from typing import Any

import httpx

from tests.support.live import LiveServer
from tests.support.waiting import eventually


async def _backup_now(client: httpx.AsyncClient) -> dict[str, Any]:
    queued = (await client.post("/api/v3/command", json={"name": "Backup"})).json()

    async def finished() -> dict[str, Any] | None:
        command: dict[str, Any] = (await client.get(f"/api/v3/command/{queued['id']}")).json()
        return command if command["status"] in ("completed", "failed") else None

    command = await eventually(finished, within=30)
    assert command["status"] == "completed", command
    backups: list[dict[str, Any]] = (await client.get("/api/v3/system/backup")).json()
    assert len(backups) == 1
    return backups[0]


async def test_backup_now_lists_a_manual_backup_that_downloads(server: LiveServer) -> None:
    client = server.client
    assert (await client.get("/api/v3/system/backup")).json() == []

    backup = await _backup_now(client)

    assert backup["type"] == "manual"
    assert backup["name"].startswith("reelarr_backup_v")
    assert backup["name"].endswith(".zip")
    assert backup["path"] == f"/backup/manual/{backup['name']}"
    assert backup["size"] > 0
    assert backup["time"].endswith("Z")
    download = await client.get(backup["path"])
    assert download.status_code == 200
    assert download.content[:2] == b"PK"
    assert len(download.content) == backup["size"]
    async with server.anonymous() as anonymous:
        refused = await anonymous.get(backup["path"])
    assert refused.status_code == 302
    assert refused.headers["location"] in ("/login", "/setup")


async def test_restore_by_id_and_by_upload_bring_the_backup_back(server: LiveServer) -> None:
    client = server.client
    assert (await client.post("/api/v3/tag", json={"label": "kept"})).status_code == 201
    backup = await _backup_now(client)
    zipped = (await client.get(backup["path"])).content
    assert (await client.post("/api/v3/tag", json={"label": "gone"})).status_code == 201

    restored = await client.post(f"/api/v3/system/backup/restore/{backup['id']}")
    assert restored.status_code == 200, restored.text
    assert restored.json() == {"restartRequired": False}  # the settings file is the same
    assert [t["label"] for t in (await client.get("/api/v3/tag")).json()] == ["kept"]

    assert (await client.post("/api/v3/tag", json={"label": "gone"})).status_code == 201
    uploaded = await client.post(
        "/api/v3/system/backup/restore/upload", files={"restore": ("mine.zip", zipped, "application/zip")}
    )
    assert uploaded.status_code == 200, uploaded.text
    assert [t["label"] for t in (await client.get("/api/v3/tag")).json()] == ["kept"]


async def test_a_bad_upload_is_a_400_and_changes_nothing(server: LiveServer) -> None:
    client = server.client
    assert (await client.post("/api/v3/tag", json={"label": "kept"})).status_code == 201
    url = "/api/v3/system/backup/restore/upload"

    not_zip = await client.post(url, files={"restore": ("backup.zip", b"not a zip", "application/zip")})
    wrong_kind = await client.post(url, files={"restore": ("radarr.db", b"SQLite", "application/x-sqlite3")})
    no_file = await client.post(url, data={"restore": "text"})

    assert not_zip.status_code == 400
    assert "not a zip file" in not_zip.json()[0]["errorMessage"]
    assert wrong_kind.status_code == 400
    assert no_file.status_code == 400
    assert no_file.json()[0]["errorMessage"] == "file must be provided"
    assert [t["label"] for t in (await client.get("/api/v3/tag")).json()] == ["kept"]


async def test_delete_removes_a_backup_and_unknown_ids_are_404(server: LiveServer) -> None:
    client = server.client
    backup = await _backup_now(client)

    assert (await client.delete(f"/api/v3/system/backup/{backup['id']}")).status_code == 200
    assert (await client.get("/api/v3/system/backup")).json() == []
    assert (await client.delete(f"/api/v3/system/backup/{backup['id']}")).status_code == 404
    assert (await client.post(f"/api/v3/system/backup/restore/{backup['id']}")).status_code == 404
    assert (await client.get(backup["path"])).status_code == 404
    assert (await client.delete("/api/v3/system/backup/0")).status_code == 404


async def test_backup_is_a_scheduled_task_every_seven_days(server: LiveServer) -> None:
    tasks = (await server.client.get("/api/v3/system/task")).json()
    backup = next(t for t in tasks if t["taskName"] == "Backup")
    assert backup["interval"] == 7 * 24 * 60
