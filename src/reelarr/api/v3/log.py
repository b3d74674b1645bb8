"""/api/v3/log: Radarr's paged LogResource list, read from the structured log files newest first."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Query

from reelarr.api.deps import get_services
from reelarr.api.paging import PagingQuery, PagingResource
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.db.paging import SortDirection
from reelarr.observability.logreader import LogEntry
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/log", tags=["Log"])
ServicesDep = Annotated[Services, Depends(get_services)]


class LogResource(Resource):
    """Radarr's LogResource; `level` is Radarr's name (info, warn, error, fatal, debug, trace)."""

    id: int
    time: datetime
    exception: str | None = None
    exception_type: str | None = None
    level: str
    logger: str
    message: str
    method: str | None = None


def log_resource(entry: LogEntry) -> LogResource:
    """The API view of one log record."""
    return LogResource(
        id=entry.id,
        time=entry.time,
        exception=entry.exception,
        exception_type=entry.exception_type,
        level=entry.level,
        logger=entry.logger,
        message=entry.message,
        method=entry.method,
    )


@router.get("")
async def log_page(
    services: ServicesDep,
    request: PagingQuery,
    level: Annotated[str | None, Query()] = None,
) -> PagingResource[LogResource]:
    """A page of the log, newest first unless asked otherwise; `level` keeps that level and those above
    it (Radarr's filter; an unknown level filters nothing, as in Radarr). The only sort key is time
    (`id` is the same order, as in Radarr)."""
    newest_first = request.sort_direction != SortDirection.ASCENDING
    page = await asyncio.to_thread(
        services.log_reader.page, request.page, request.page_size, newest_first=newest_first, level=level
    )
    return PagingResource[LogResource](
        page=request.page,
        page_size=request.page_size,
        sort_key="time",
        sort_direction=SortDirection.DESCENDING if newest_first else SortDirection.ASCENDING,
        total_records=page.total,
        records=[log_resource(e) for e in page.entries],
    )
