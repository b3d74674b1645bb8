"""/api/v3/customfilter: the UI's saved filters, in Radarr's shape (type, label, filters as sent)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Body, Depends, Response

from reelarr.api.deps import get_services
from reelarr.api.json import deleted
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.customfilters.service import CustomFilter
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/customfilter", tags=["CustomFilter"])
ServicesDep = Annotated[Services, Depends(get_services)]


class CustomFilterResource(Resource):
    """Radarr's CustomFilterResource: `filters` are the UI's conditions ({key, value, type}), kept as sent."""

    id: int = 0
    type: str | None = None
    label: str | None = None
    filters: list[dict[str, Any]] | None = None

    def to_domain(self, filter_id: int) -> CustomFilter:
        """The filter this resource describes, with the id the route settled on."""
        return CustomFilter(filter_id, self.type or "", self.label or "", list(self.filters or []))


def _resource(custom: CustomFilter) -> CustomFilterResource:
    return CustomFilterResource(id=custom.id, type=custom.type, label=custom.label, filters=custom.filters)


@router.get("")
async def list_custom_filters(services: ServicesDep) -> list[CustomFilterResource]:
    """Every saved filter."""
    return [_resource(f) for f in await services.custom_filters.all()]


@router.get("/{id}")
async def get_custom_filter(id: int, services: ServicesDep) -> CustomFilterResource:
    """One saved filter."""
    return _resource(await services.custom_filters.get(id))


@router.post("", status_code=201)
async def add_custom_filter(
    services: ServicesDep, body: Annotated[CustomFilterResource, Body()]
) -> CustomFilterResource:
    """Save a new filter."""
    return _resource(await services.custom_filters.add(body.to_domain(0)))


@put_with_optional_id(router, "", status_code=202)
async def update_custom_filter(
    services: ServicesDep, body: Annotated[CustomFilterResource, Body()], id: int | None = None
) -> CustomFilterResource:
    """Change a filter; the id comes from the body, or from the path when the body has none."""
    return _resource(await services.custom_filters.update(body.to_domain(body.id or id or 0)))


@router.delete("/{id}")
async def delete_custom_filter(id: int, services: ServicesDep) -> Response:
    """Remove a filter."""
    await services.custom_filters.delete(id)
    return deleted()
