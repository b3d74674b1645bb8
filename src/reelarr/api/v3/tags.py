"""/api/v3/tag and /api/v3/tag/detail: labels (lenient, see API-COMPAT §7) and what uses them."""

from __future__ import annotations

from typing import Annotated

from fastapi import Body, Depends, Response
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.json import deleted
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.services import Services
from reelarr.tags.service import Tag, TagDetails

router = ApiRouter(prefix="/api/v3/tag", tags=["Tag"])
ServicesDep = Annotated[Services, Depends(get_services)]


class TagResource(Resource):
    """A tag: id and lower-cased label."""

    id: int = 0
    label: str | None = None


class TagDetailsResource(Resource):
    """A tag with the ids of everything that uses it."""

    id: int
    label: str
    delay_profile_ids: list[int] = Field(default_factory=list)
    import_list_ids: list[int] = Field(default_factory=list)
    notification_ids: list[int] = Field(default_factory=list)
    release_profile_ids: list[int] = Field(default_factory=list)
    indexer_ids: list[int] = Field(default_factory=list)
    download_client_ids: list[int] = Field(default_factory=list)
    auto_tag_ids: list[int] = Field(default_factory=list)
    movie_ids: list[int] = Field(default_factory=list)


def tag_resource(tag: Tag) -> TagResource:
    """The API view of a tag."""
    return TagResource(id=tag.id, label=tag.label)


def tag_details_resource(details: TagDetails) -> TagDetailsResource:
    """The API view of a tag's details."""
    return TagDetailsResource.model_validate({"id": details.id, "label": details.label, **details.usage})


@router.get("")
async def list_tags(services: ServicesDep) -> list[TagResource]:
    """Every tag, by label."""
    return [tag_resource(t) for t in await services.tags.all()]


@router.get("/detail")
async def list_tag_details(services: ServicesDep) -> list[TagDetailsResource]:
    """Every tag with what uses it."""
    return [tag_details_resource(d) for d in await services.tags.details()]


@router.get("/detail/{id}")
async def get_tag_details(id: int, services: ServicesDep) -> TagDetailsResource:
    """One tag with what uses it."""
    return tag_details_resource(await services.tags.detail(id))


@router.get("/{id}")
async def get_tag(id: int, services: ServicesDep) -> TagResource:
    """One tag."""
    return tag_resource(await services.tags.get(id))


@router.post("", status_code=201)
async def create_tag(services: ServicesDep, body: Annotated[TagResource, Body()]) -> TagResource:
    """Create a tag; a label that exists already answers with that tag."""
    return tag_resource(await services.tags.create(body.label))


@put_with_optional_id(router, "", status_code=202)
async def update_tag(
    services: ServicesDep, body: Annotated[TagResource, Body()], id: int | None = None
) -> TagResource:
    """Rename a tag; the id comes from the body, or from the path when the body has none."""
    return tag_resource(await services.tags.update(body.id or id or 0, body.label))


@router.delete("/{id}")
async def delete_tag(id: int, services: ServicesDep) -> Response:
    """Delete a tag nothing uses (409 otherwise)."""
    await services.tags.delete(id)
    return deleted()
