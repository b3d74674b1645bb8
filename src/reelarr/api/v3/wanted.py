"""/api/v3/wanted/missing and /api/v3/wanted/cutoff: Radarr's pages of wanted films, each record a
MovieResource (its file embedded when it has one)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from reelarr.api.deps import get_services
from reelarr.api.json import JsonResponse
from reelarr.api.paging import PagingQuery
from reelarr.api.routing import ApiRouter
from reelarr.api.v3.movies import resources_with_files
from reelarr.movies.wanted import WantedMovies, WantedPage
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/wanted", tags=["Wanted"])
ServicesDep = Annotated[Services, Depends(get_services)]
Monitored = Annotated[bool, Query()]


def _wanted(services: Services) -> WantedMovies:
    return WantedMovies(services.db, services.movies, services.quality, services.custom_formats)


async def _envelope(services: Services, page: WantedPage) -> JsonResponse:
    records = await resources_with_files(services, page.records) if page.records else []
    return JsonResponse(
        {
            "page": page.page,
            "pageSize": page.page_size,
            "sortKey": page.sort_key,
            "sortDirection": page.sort_direction.value,
            "totalRecords": page.total_records,
            "records": records,
        }
    )


@router.get("/missing")
async def missing_movies(
    services: ServicesDep, request: PagingQuery, monitored: Monitored = True
) -> JsonResponse:
    """A page of the films without a file (monitored ones unless `monitored=false`), by sort title
    unless asked otherwise."""
    return await _envelope(services, await _wanted(services).missing(request, monitored=monitored))


@router.get("/cutoff")
async def cutoff_unmet_movies(
    services: ServicesDep, request: PagingQuery, monitored: Monitored = True
) -> JsonResponse:
    """A page of the films whose file is below their profile's cutoff, by quality or by custom-format
    score (monitored ones unless `monitored=false`)."""
    return await _envelope(services, await _wanted(services).cutoff_unmet(request, monitored=monitored))
