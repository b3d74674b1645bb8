"""/metrics for Prometheus (behind auth unless REELARR_METRICS_ANONYMOUS is set)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from reelarr.api.deps import get_services
from reelarr.services import Services

router = APIRouter(include_in_schema=False)


@router.get("/metrics")
async def metrics(services: Annotated[Services, Depends(get_services)]) -> Response:
    """The process's metrics in Prometheus text format."""
    body = await services.metrics.render(services.commands.count_by_status, services.live.client_count)
    return Response(body, media_type="text/plain; version=0.0.4; charset=utf-8")
