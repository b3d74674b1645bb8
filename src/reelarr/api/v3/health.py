"""/api/v3/health: the problems the checks found."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.health.model import HealthResult
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/health", tags=["Health"])
ServicesDep = Annotated[Services, Depends(get_services)]


class HealthResource(Resource):
    """One health problem, as Radarr reports it."""

    id: int
    source: str
    type: str
    message: str
    wiki_url: str


def health_resources(results: list[HealthResult]) -> list[HealthResource]:
    """The API view of health problems."""
    return [
        HealthResource(id=i, source=r.source, type=r.level.value, message=r.message, wiki_url=r.wiki_url)
        for i, r in enumerate(results, start=1)
    ]


@router.get("")
async def health(services: ServicesDep) -> list[HealthResource]:
    """Run the checks and list what is wrong (an empty list when all is well)."""
    return health_resources(await services.health.run())
