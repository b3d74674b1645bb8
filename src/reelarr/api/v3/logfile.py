"""/api/v3/log/file: the log folder's files (Radarr's LogFileResource), each file's text, and the
download address Radarr's UI links to (`/logfile/{name}`). Only a name the folder listing has is
served, so no request can reach a file outside the log folder."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Annotated

from fastapi import Depends
from fastapi.responses import StreamingResponse

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.errors import NotFound
from reelarr.observability.logfolder import LogFile, open_log
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/log/file", tags=["LogFile"])
downloads = ApiRouter(tags=["LogFile"])
ServicesDep = Annotated[Services, Depends(get_services)]
_TEXT = "text/plain; charset=utf-8"


class LogFileResource(Resource):
    """Radarr's LogFileResource."""

    id: int
    filename: str
    last_write_time: datetime
    contents_url: str
    download_url: str


async def _find(services: Services, filename: str) -> LogFile:
    found = await asyncio.to_thread(services.log_reader.folder.find, filename)
    if found is None:
        raise NotFound("Log file not found")
    return found


async def _text(services: Services, filename: str, download: bool) -> StreamingResponse:
    file = await _find(services, filename)
    try:
        opened = await asyncio.to_thread(open_log, file)
    except OSError:
        raise NotFound("Log file not found") from None  # rotated away since it was listed
    headers = {"Content-Length": str(opened.size)}
    if download:
        headers["Content-Disposition"] = f'attachment; filename="{file.name}"'
    return StreamingResponse(opened.chunks, media_type=_TEXT, headers=headers)


@router.get("")
async def log_files(services: ServicesDep) -> list[LogFileResource]:
    """The log files, the most recently written first."""
    base = services.settings.url_base
    files = await asyncio.to_thread(services.log_reader.folder.files)
    return [
        LogFileResource(
            id=number,
            filename=file.name,
            last_write_time=file.last_write,
            contents_url=f"{base}/api/v3/log/file/{file.name}",
            download_url=f"{base}/logfile/{file.name}",
        )
        for number, file in enumerate(files, start=1)
    ]


@router.get("/update")
async def update_log_files() -> list[LogFileResource]:
    """The updater's log files: none, Reelarr is upgraded by its package manager, not by itself."""
    return []


@router.get("/{filename}", response_class=StreamingResponse, responses={200: {"content": {"text/plain": {}}}})
async def log_file(filename: str, services: ServicesDep) -> StreamingResponse:
    """The text of one log file (JSON lines, secrets already removed when written)."""
    return await _text(services, filename, download=False)


@downloads.get(
    "/logfile/{filename:path}",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/plain": {}}}},
    include_in_schema=False,
)
async def download_log_file(filename: str, services: ServicesDep) -> StreamingResponse:
    """The log file as a download (Radarr's UI links here)."""
    return await _text(services, filename, download=True)
