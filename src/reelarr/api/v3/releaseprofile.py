"""/api/v3/releaseprofile: terms a release must or must not contain (Radarr's shape)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Body, Depends, Response
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.json import deleted
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.errors import ValidationFailed
from reelarr.releaseprofiles.model import ReleaseProfile
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/releaseprofile", tags=["ReleaseProfile"])
ServicesDep = Annotated[Services, Depends(get_services)]


def _terms(value: object, field: str) -> tuple[str, ...]:
    """Radarr takes a list, or (as older clients send) one comma-separated string."""
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(t.strip() for t in value.split(",") if t.strip())
    if isinstance(value, list) and all(isinstance(t, str) for t in value):
        return tuple(value)
    raise ValidationFailed.single(field, f"Invalid field {field}, should be string or string array")


class ReleaseProfileResource(Resource):
    """A release profile as Radarr shows it."""

    id: int = 0
    name: str | None = None
    enabled: bool = True
    # A list of terms, or one comma-separated string; checked by `_terms`.
    required: Any = None
    ignored: Any = None
    indexer_id: int = 0
    tags: list[int] = Field(default_factory=list)

    def to_domain(self, profile_id: int) -> ReleaseProfile:
        """The profile this resource describes, with the id the route settled on."""
        return ReleaseProfile(
            id=profile_id,
            name=self.name,
            enabled=self.enabled,
            required=_terms(self.required, "required"),
            ignored=_terms(self.ignored, "ignored"),
            indexer_id=self.indexer_id,
            tags=frozenset(self.tags),
        )


def release_profile_resource(profile: ReleaseProfile) -> ReleaseProfileResource:
    """The API view of a release profile."""
    return ReleaseProfileResource(
        id=profile.id,
        name=profile.name,
        enabled=profile.enabled,
        required=list(profile.required),
        ignored=list(profile.ignored),
        indexer_id=profile.indexer_id,
        tags=sorted(profile.tags),
    )


@router.get("")
async def list_release_profiles(services: ServicesDep) -> list[ReleaseProfileResource]:
    """Every release profile."""
    return [release_profile_resource(p) for p in await services.release_profiles.all()]


@router.get("/{id}")
async def get_release_profile(id: int, services: ServicesDep) -> ReleaseProfileResource:
    """One release profile."""
    return release_profile_resource(await services.release_profiles.get(id))


@router.post("", status_code=201)
async def add_release_profile(
    services: ServicesDep, body: Annotated[ReleaseProfileResource, Body()]
) -> ReleaseProfileResource:
    """Add a release profile."""
    return release_profile_resource(await services.release_profiles.add(body.to_domain(0)))


@put_with_optional_id(router, "", status_code=202)
async def update_release_profile(
    services: ServicesDep, body: Annotated[ReleaseProfileResource, Body()], id: int | None = None
) -> ReleaseProfileResource:
    """Change a release profile; the id comes from the body, or from the path when the body has none."""
    profile = body.to_domain(body.id or id or 0)
    return release_profile_resource(await services.release_profiles.update(profile))


@router.delete("/{id}")
async def delete_release_profile(id: int, services: ServicesDep) -> Response:
    """Remove a release profile."""
    await services.release_profiles.delete(id)
    return deleted()
