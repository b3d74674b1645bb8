"""/api/v3/qualitydefinition and /api/v3/qualityprofile, shaped as Recyclarr round-trips them."""

from __future__ import annotations

from typing import Annotated

from fastapi import Body, Depends, Response
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.json import deleted
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.api.v3.common import LanguageResource, QualityResource, language_resource, quality_resource
from reelarr.errors import ValidationFailed, ValidationFailure
from reelarr.languages import lang, language_by_id
from reelarr.quality.catalogue import quality_by_id
from reelarr.quality.profile import FormatItem, ProfileItem, QualityProfile
from reelarr.quality.service import SIZE_LIMIT_MAX, SIZE_LIMIT_MIN, SizeChange, SizeDefinition
from reelarr.services import Services

definitions = ApiRouter(prefix="/api/v3/qualitydefinition", tags=["QualityDefinition"])
profiles = ApiRouter(prefix="/api/v3/qualityprofile", tags=["QualityProfile"])
ServicesDep = Annotated[Services, Depends(get_services)]
# Scores are 32-bit in Radarr and in the database.
Score = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]


class QualityDefinitionResource(Resource):
    """A quality's title, weight and size limits in MB per minute (null: unlimited)."""

    id: int = 0
    quality: QualityResource | None = None
    title: str = ""
    weight: int = 0
    min_size: float | None = None
    max_size: float | None = None
    preferred_size: float | None = None


class QualityDefinitionLimitsResource(Resource):
    """The range sizes may take."""

    min: float
    max: float


class ProfileItemResource(Resource):
    """A profile row: a quality, or a group (id >= 1000, name) of quality rows."""

    id: int | None = None
    name: str | None = None
    quality: QualityResource | None = None
    items: list[ProfileItemResource] = Field(default_factory=list)
    allowed: bool = False


class FormatItemResource(Resource):
    """A custom format's score in a profile."""

    format: int
    name: str = ""
    score: Score = 0


class QualityProfileResource(Resource):
    """A quality profile; items run from least to most preferred."""

    id: int = 0
    name: str = ""
    upgrade_allowed: bool = False
    cutoff: int = 0
    items: list[ProfileItemResource] = Field(default_factory=list)
    min_format_score: Score = 0
    cutoff_format_score: Score = 0
    min_upgrade_format_score: Score = 1
    format_items: list[FormatItemResource] = Field(default_factory=list)
    language: LanguageResource | None = None


def definition_resource(definition: SizeDefinition) -> QualityDefinitionResource:
    """The API view of a size definition."""
    return QualityDefinitionResource(
        id=definition.id,
        quality=quality_resource(definition.quality),
        title=definition.title,
        weight=definition.weight,
        min_size=definition.min_size,
        max_size=definition.max_size,
        preferred_size=definition.preferred_size,
    )


def _item_resource(item: ProfileItem) -> ProfileItemResource:
    if item.quality is not None:
        return ProfileItemResource(quality=quality_resource(item.quality), items=[], allowed=item.allowed)
    return ProfileItemResource(
        id=item.id,
        name=item.name,
        items=[_item_resource(child) for child in item.items],
        allowed=item.allowed,
    )


def profile_resource(profile: QualityProfile) -> QualityProfileResource:
    """The API view of a quality profile."""
    return QualityProfileResource(
        id=profile.id,
        name=profile.name,
        upgrade_allowed=profile.upgrade_allowed,
        cutoff=profile.cutoff,
        items=[_item_resource(item) for item in profile.items],
        min_format_score=profile.min_format_score,
        cutoff_format_score=profile.cutoff_format_score,
        min_upgrade_format_score=profile.min_upgrade_format_score,
        format_items=[
            FormatItemResource(format=f.format_id, name=f.name, score=f.score) for f in profile.format_items
        ],
        language=language_resource(profile.language),
    )


def _item_from(
    resource: ProfileItemResource, path: str, failures: list[ValidationFailure]
) -> ProfileItem | None:
    if resource.quality is not None:
        found = quality_by_id(resource.quality.id)
        if found is None:
            failures.append(ValidationFailure(f"{path}.quality.id", "Unknown quality", resource.quality.id))
            return None
        return ProfileItem(quality=found, allowed=resource.allowed)
    children = [_item_from(child, f"{path}.items[{i}]", failures) for i, child in enumerate(resource.items)]
    return ProfileItem(
        id=resource.id or 0,
        name=resource.name or "",
        allowed=resource.allowed,
        items=tuple(c for c in children if c is not None),
    )


def profile_from(resource: QualityProfileResource, profile_id: int) -> QualityProfile:
    """The profile a resource describes; unknown qualities or languages are a ValidationFailed."""
    failures: list[ValidationFailure] = []
    items = [_item_from(item, f"items[{i}]", failures) for i, item in enumerate(resource.items)]
    language = lang("English")
    if resource.language is not None:
        found = language_by_id(resource.language.id)
        if found is None:
            failures.append(ValidationFailure("language.id", "Language does not exist", resource.language.id))
        else:
            language = found
    if failures:
        raise ValidationFailed(failures)
    return QualityProfile(
        id=profile_id,
        name=resource.name,
        items=tuple(i for i in items if i is not None),
        cutoff=resource.cutoff,
        upgrade_allowed=resource.upgrade_allowed,
        min_format_score=resource.min_format_score,
        cutoff_format_score=resource.cutoff_format_score,
        min_upgrade_format_score=resource.min_upgrade_format_score,
        format_items=tuple(FormatItem(f.format, f.name, f.score) for f in resource.format_items),
        language=language,
    )


def _size_change(resource: QualityDefinitionResource, definition_id: int) -> SizeChange:
    return SizeChange(
        id=definition_id,
        title=resource.title,
        min_size=resource.min_size,
        max_size=resource.max_size,
        preferred_size=resource.preferred_size,
    )


@definitions.get("")
async def list_definitions(services: ServicesDep) -> list[QualityDefinitionResource]:
    """Every quality's definition, by weight."""
    return [definition_resource(d) for d in await services.quality.definitions()]


@definitions.get("/limits")
async def definition_limits() -> QualityDefinitionLimitsResource:
    """The range a size may take, in MB per minute."""
    return QualityDefinitionLimitsResource(min=SIZE_LIMIT_MIN, max=SIZE_LIMIT_MAX)


@definitions.get("/{id}")
async def get_definition(id: int, services: ServicesDep) -> QualityDefinitionResource:
    """One definition."""
    return definition_resource(await services.quality.definition(id))


@definitions.put("/update", status_code=202)
async def update_definitions(
    services: ServicesDep, body: Annotated[list[QualityDefinitionResource], Body()]
) -> list[QualityDefinitionResource]:
    """Change several definitions at once (Recyclarr's quality sizes): all or none."""
    changed = await services.quality.update_definitions(
        [_size_change(r, r.id) for r in body], by_position=True
    )
    return [definition_resource(d) for d in changed]


@put_with_optional_id(definitions, "", status_code=202)
async def update_definition(
    services: ServicesDep, body: Annotated[QualityDefinitionResource, Body()], id: int | None = None
) -> QualityDefinitionResource:
    """Change one definition's title and sizes."""
    definition_id = body.id or id or 0
    [changed] = await services.quality.update_definitions([_size_change(body, definition_id)])
    return definition_resource(changed)


@profiles.get("")
async def list_profiles(services: ServicesDep) -> list[QualityProfileResource]:
    """Every quality profile."""
    return [profile_resource(p) for p in await services.quality.profiles()]


@profiles.get("/schema")
async def profile_schema(services: ServicesDep) -> QualityProfileResource:
    """A blank profile with every quality, for building a new one."""
    return profile_resource(await services.quality.schema())


@profiles.get("/{id}")
async def get_profile(id: int, services: ServicesDep) -> QualityProfileResource:
    """One quality profile."""
    return profile_resource(await services.quality.profile(id))


@profiles.post("", status_code=201)
async def create_profile(
    services: ServicesDep, body: Annotated[QualityProfileResource, Body()]
) -> QualityProfileResource:
    """Create a quality profile."""
    return profile_resource(await services.quality.create(profile_from(body, 0)))


@put_with_optional_id(profiles, "", status_code=202)
async def update_profile(
    services: ServicesDep, body: Annotated[QualityProfileResource, Body()], id: int | None = None
) -> QualityProfileResource:
    """Replace a quality profile; the id comes from the path or the body."""
    profile_id = id or body.id
    await services.quality.profile(profile_id)
    return profile_resource(await services.quality.update(profile_from(body, profile_id)))


@profiles.delete("/{id}")
async def delete_profile(id: int, services: ServicesDep) -> Response:
    """Delete a profile no movie uses."""
    await services.quality.delete(id)
    return deleted()
