"""/api/v3/system/backup: the backups in the data dir, their removal and restore (Radarr's BackupController),
and /backup/{type}/{name}, where a backup's `path` downloads it."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import FileResponse

from reelarr.api.deps import get_services
from reelarr.api.json import JsonResponse
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.backups.events import BackupRestored
from reelarr.backups.manifest import BackupInvalid
from reelarr.backups.service import Backup, BackupService, BackupType
from reelarr.backups.upload import UPLOAD_CEILING, received_backup
from reelarr.errors import NotFound, ValidationFailed
from reelarr.integers import INT32_MAX
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/system/backup", tags=["Backup"])
UPLOAD_PATH = "/api/v3/system/backup/restore/upload"  # bounds its own body (max_backup_upload_bytes)
files = ApiRouter(prefix="/backup", tags=["Backup"])
ServicesDep = Annotated[Services, Depends(get_services)]

_UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"restore": {"type": "string", "format": "binary"}},
                    "required": ["restore"],
                }
            }
        },
    }
}


class BackupResource(Resource):
    """Radarr's BackupResource."""

    id: int
    name: str
    path: str
    type: BackupType
    size: int
    time: datetime


class RestoreResource(Resource):
    """What a restore answers (Radarr's): the running server serves the restored database at once;
    a restart is required only when the restored settings file differs (it is read at start)."""

    restart_required: bool


def backups_of(services: Services) -> BackupService:
    """The backups of the running installation."""
    return BackupService(services.settings.data_dir, services.db, services.clock)


def backup_resource(backup: Backup) -> BackupResource:
    """The API's view of a backup file."""
    return BackupResource(
        id=backup.id,
        name=backup.name,
        path=f"/backup/{backup.type.value}/{backup.name}",
        type=backup.type,
        size=backup.size,
        time=backup.time,
    )


def _known_id(backup_id: int) -> int:
    if not 0 < backup_id <= INT32_MAX:
        raise NotFound(f"Backup with ID {backup_id} does not exist")
    return backup_id


async def _restore(services: Services, path: Path, shown_as: str | None = None) -> RestoreResource:
    try:
        restored = await backups_of(services).restore(path, shown_as)
    except BackupInvalid as refused:
        raise ValidationFailed.single("backup", str(refused)) from refused
    # Every process drops what it kept of the database's old contents.
    await services.bus.publish(BackupRestored())
    return RestoreResource(restart_required=restored.settings_changed)


@router.get("")
async def list_backups(services: ServicesDep) -> list[BackupResource]:
    """Every backup, newest first."""
    return [backup_resource(b) for b in await asyncio.to_thread(backups_of(services).list)]


@router.delete("/{id}")
async def delete_backup(id: int, services: ServicesDep) -> JsonResponse:
    """Delete one backup file."""
    await asyncio.to_thread(backups_of(services).delete, _known_id(id))
    return JsonResponse({})


@router.post("/restore/upload", openapi_extra=_UPLOAD_BODY, max_body_size=UPLOAD_CEILING)
async def restore_upload(request: Request, services: ServicesDep) -> RestoreResource:
    """Restore a backup zip sent as the first file of a multipart form (Radarr reads any field name),
    streamed into the data folder as it arrives; one over `max_backup_upload_bytes` is refused."""
    settings = services.settings
    async with received_backup(
        request.headers.get("content-type", ""),
        request.headers.get("content-length"),
        request.stream(),
        settings.data_dir,
        settings.max_backup_upload_bytes,
    ) as (path, name):
        return await _restore(services, path, Path(name).name)


@router.post("/restore/{id}")
async def restore_backup(id: int, services: ServicesDep) -> RestoreResource:
    """Restore a backup from the backups folder into this installation."""
    path = await asyncio.to_thread(backups_of(services).path_of, _known_id(id))
    return await _restore(services, path)


@files.get(
    "/{type}/{name}", response_class=FileResponse, responses={200: {"content": {"application/zip": {}}}}
)
async def download_backup(type: str, name: str, services: ServicesDep) -> FileResponse:
    """The backup file itself, as a download."""
    found = next(
        (
            b
            for b in await asyncio.to_thread(backups_of(services).list)
            if b.type.value == type and b.name == name
        ),
        None,
    )
    if found is None:
        raise NotFound(f"Backup {name} does not exist")
    path = backups_of(services).folder_of(found.type) / found.name
    return FileResponse(path, media_type="application/zip", filename=found.name)
