"""/api/v3/exclusions: films import lists must not add, listed whole or in Radarr's pages."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Body, Depends, Response
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.json import deleted
from reelarr.api.paging import PagingQuery, PagingResource, paging_resource
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.movies.exclusions import Exclusion, NewExclusion
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/exclusions", tags=["ImportListExclusion"])
ServicesDep = Annotated[Services, Depends(get_services)]


class ExclusionResource(Resource):
    """An excluded film."""

    id: int = 0
    tmdb_id: int = 0
    movie_title: str | None = None
    movie_year: int | None = None


class ExclusionBulkResource(Resource):
    """The ids of exclusions to remove at once."""

    ids: list[int] = Field(default_factory=list)


def exclusion_resource(exclusion: Exclusion) -> ExclusionResource:
    """The API view of an exclusion."""
    return ExclusionResource(
        id=exclusion.id,
        tmdb_id=exclusion.tmdb_id,
        movie_title=exclusion.movie_title,
        movie_year=exclusion.movie_year,
    )


def _new(resource: ExclusionResource) -> NewExclusion:
    return NewExclusion(resource.tmdb_id, resource.movie_title or "", resource.movie_year or 0)


@router.get("")
async def list_exclusions(services: ServicesDep) -> list[ExclusionResource]:
    """Every exclusion."""
    return [exclusion_resource(e) for e in await services.exclusions.all()]


@router.get("/paged")
async def page_of_exclusions(
    services: ServicesDep, request: PagingQuery
) -> PagingResource[ExclusionResource]:
    """A page of exclusions (sort keys id, tmdbId, movieTitle, movieYear; newest first by default)."""
    return paging_resource(await services.exclusions.paged(request), exclusion_resource)


@router.get("/{id}")
async def get_exclusion(id: int, services: ServicesDep) -> ExclusionResource:
    """One exclusion."""
    return exclusion_resource(await services.exclusions.get(id))


@router.post("", status_code=201)
async def add_exclusion(
    services: ServicesDep, body: Annotated[ExclusionResource, Body()]
) -> ExclusionResource:
    """Exclude a film (400 when it is excluded already)."""
    return exclusion_resource(await services.exclusions.add(_new(body)))


@router.post("/bulk")
async def add_exclusions(
    services: ServicesDep, body: Annotated[list[ExclusionResource], Body()]
) -> list[ExclusionResource]:
    """Exclude several films; those excluded already are kept as they are."""
    added = await services.exclusions.add_many([_new(r) for r in body])
    return [exclusion_resource(e) for e in added]


@put_with_optional_id(router, "", status_code=202)
async def update_exclusion(
    services: ServicesDep, body: Annotated[ExclusionResource, Body()], id: int | None = None
) -> ExclusionResource:
    """Change an exclusion; the id comes from the body, or from the path when the body has none."""
    new = _new(body)
    exclusion = Exclusion(body.id or id or 0, new.tmdb_id, new.movie_title, new.movie_year)
    return exclusion_resource(await services.exclusions.update(exclusion))


@router.delete("/bulk")
async def delete_exclusions(
    services: ServicesDep, body: Annotated[ExclusionBulkResource, Body()]
) -> dict[str, Any]:
    """Remove several exclusions; unknown ids are ignored."""
    await services.exclusions.delete_many(body.ids)
    return {}


@router.delete("/{id}")
async def delete_exclusion(id: int, services: ServicesDep) -> Response:
    """Remove one exclusion."""
    await services.exclusions.delete(id)
    return deleted()
