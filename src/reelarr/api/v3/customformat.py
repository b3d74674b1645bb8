"""/api/v3/customformat: custom formats in Radarr's shape, as Recyclarr and Radarr's UI round-trip them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Body, Depends, Response
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.json import deleted
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.customformats.fields import (
    CONDITION_TYPES,
    INFO_LINK,
    ConditionType,
    FieldValue,
    blank_field_values,
    condition_from_fields,
    condition_type,
    field_values,
)
from reelarr.customformats.model import CustomFormat, Specification
from reelarr.errors import ValidationFailed, ValidationFailure
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/customformat", tags=["CustomFormat"])
ServicesDep = Annotated[Services, Depends(get_services)]
Int32 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]


class SelectOptionResource(Resource):
    """One choice of a select field."""

    value: int
    name: str
    order: int = 0
    hint: str | None = None
    divider_after: bool = False


class FieldResource(Resource):
    """A field of a condition; clients send back `name` and `value` (the rest describes the form)."""

    order: int = 0
    name: str | None = None
    label: str | None = None
    unit: str | None = None
    help_text: str | None = None
    help_text_warning: str | None = None
    help_link: str | None = None
    value: Any = None
    type: str | None = None
    advanced: bool = False
    select_options: list[SelectOptionResource] | None = None
    select_options_provider_action: str | None = None
    section: str | None = None
    hidden: str | None = None
    privacy: str = "normal"
    placeholder: str | None = None
    is_float: bool = False


class SpecificationResource(Resource):
    """A condition: its type (`implementation`), name, negate and required flags, and fields.

    `fields` is Radarr's `[{name, value}]` list; the object form of TRaSH-Guides' files
    (`{"value": ...}`) is accepted too.
    """

    name: str | None = None
    implementation: str | None = None
    implementation_name: str | None = None
    info_link: str | None = None
    negate: bool = False
    required: bool = False
    fields: Any = None
    presets: list[SpecificationResource] | None = None


class CustomFormatResource(Resource):
    """A custom format."""

    id: Int32 = 0
    name: str | None = None
    include_custom_format_when_renaming: bool | None = None
    specifications: list[SpecificationResource] | None = None


class CustomFormatBulkResource(Resource):
    """Radarr's bulk edit and delete: which formats, and the renaming flag to give them."""

    ids: list[int] = Field(default_factory=list)
    include_custom_format_when_renaming: bool | None = None


def _field_resource(field: FieldValue) -> FieldResource:
    definition = field.definition
    options = definition.select_options
    return FieldResource(
        order=field.order,
        name=definition.name,
        label=definition.label,
        unit=definition.unit,
        help_text=definition.help_text,
        value=field.value,
        type=definition.type,
        select_options=(
            [
                SelectOptionResource(value=o.value, name=o.name, order=o.order, divider_after=o.divider_after)
                for o in options
            ]
            if options is not None
            else None
        ),
        is_float=definition.is_float,
    )


def _specification_resource(kind: ConditionType, spec: Specification | None) -> SpecificationResource:
    fields = field_values(spec.condition) if spec is not None else blank_field_values(kind)
    return SpecificationResource(
        name=spec.name if spec is not None else None,
        implementation=kind.implementation,
        implementation_name=kind.name,
        info_link=INFO_LINK,
        negate=spec.negate if spec is not None else False,
        required=spec.required if spec is not None else False,
        fields=[_field_resource(f).dump() for f in fields],
    )


def specification_resource(spec: Specification) -> SpecificationResource:
    """The API view of one condition."""
    kind = condition_type(spec.implementation)
    assert kind is not None, "every condition has a known type"
    return _specification_resource(kind, spec)


def custom_format_resource(custom_format: CustomFormat) -> CustomFormatResource:
    """The API view of a custom format, with its conditions."""
    return CustomFormatResource(
        id=custom_format.id,
        name=custom_format.name,
        include_custom_format_when_renaming=custom_format.include_when_renaming,
        specifications=[specification_resource(s) for s in custom_format.specifications],
    )


def _given_fields(
    raw: Any, path: str, failures: list[ValidationFailure]
) -> tuple[dict[str, Any], dict[str, int]]:
    """The values a condition was sent with by field name, and where each sat in the list."""
    if raw is None:
        return {}, {}
    if isinstance(raw, dict):
        return dict(raw), {}
    if not isinstance(raw, list):
        failures.append(ValidationFailure(f"{path}.fields", "Must be a list of {name, value}", raw))
        return {}, {}
    given: dict[str, Any] = {}
    where: dict[str, int] = {}
    for index, item in enumerate(raw):
        name = item.get("name") if isinstance(item, dict) else None
        if not isinstance(name, str):
            failures.append(ValidationFailure(f"{path}.fields[{index}]", "A field needs a name", item))
            continue
        if name not in given:
            given[name] = item.get("value")
            where[name] = index
    return given, where


def _specification_from(
    resource: SpecificationResource, index: int, failures: list[ValidationFailure]
) -> Specification | None:
    path = f"specifications[{index}]"
    given, where = _given_fields(resource.fields, path, failures)
    condition, problems = condition_from_fields(resource.implementation or "", given)
    label = f"Condition '{resource.name}'" if resource.name else f"Condition {index + 1}"
    for problem in problems:
        if problem.field == "implementation":
            prop = f"{path}.implementation"
        elif problem.field in where:
            prop = f"{path}.fields[{where[problem.field]}].value"
        else:
            prop = f"{path}.fields"
        failures.append(ValidationFailure(prop, f"{label}: {problem.message}", problem.attempted))
    if condition is None:
        return None
    return Specification(resource.name or "", condition, resource.negate, resource.required)


def format_from(resource: CustomFormatResource, format_id: int) -> CustomFormat:
    """The custom format a resource describes; field by field failures are a ValidationFailed."""
    failures: list[ValidationFailure] = []
    specs = [_specification_from(s, i, failures) for i, s in enumerate(resource.specifications or [])]
    if failures:
        raise ValidationFailed(failures)
    return CustomFormat(
        id=format_id,
        name=resource.name or "",
        include_when_renaming=bool(resource.include_custom_format_when_renaming),
        specifications=tuple(s for s in specs if s is not None),
    )


@router.get("")
async def list_custom_formats(services: ServicesDep) -> list[CustomFormatResource]:
    """Every custom format."""
    return [custom_format_resource(f) for f in await services.custom_formats.all()]


@router.get("/schema")
async def custom_format_schema(services: ServicesDep) -> list[SpecificationResource]:
    """Every condition type with its blank fields, and the existing conditions as presets."""
    presets = await services.custom_formats.presets()
    schema = []
    for kind in sorted(CONDITION_TYPES, key=lambda k: k.order):
        resource = _specification_resource(kind, None)
        resource.presets = [
            _specification_resource(kind, preset)
            for preset in presets
            if preset.implementation == kind.implementation
        ]
        schema.append(resource)
    return schema


@router.get("/{id}")
async def get_custom_format(id: int, services: ServicesDep) -> CustomFormatResource:
    """One custom format."""
    return custom_format_resource(await services.custom_formats.get(id))


@router.post("", status_code=201)
async def create_custom_format(
    services: ServicesDep, body: Annotated[CustomFormatResource, Body()]
) -> CustomFormatResource:
    """Create a custom format; every quality profile scores it 0."""
    return custom_format_resource(await services.custom_formats.create(format_from(body, 0)))


@router.put("/bulk", status_code=202)
async def edit_custom_formats(
    services: ServicesDep, body: Annotated[CustomFormatBulkResource, Body()]
) -> list[CustomFormatResource]:
    """Set the renaming flag of several formats at once."""
    changed = await services.custom_formats.set_include_when_renaming(
        body.ids, body.include_custom_format_when_renaming
    )
    return [custom_format_resource(f) for f in changed]


@router.delete("/bulk")
async def delete_custom_formats(
    services: ServicesDep, body: Annotated[CustomFormatBulkResource, Body()]
) -> Response:
    """Delete several formats (ids that are not formats are ignored)."""
    await services.custom_formats.delete_many(body.ids)
    return deleted()


@put_with_optional_id(router, "", status_code=202)
async def update_custom_format(
    services: ServicesDep, body: Annotated[CustomFormatResource, Body()], id: int | None = None
) -> CustomFormatResource:
    """Replace a custom format; the id comes from the path, or from the body when the path has none."""
    format_id = id or body.id
    await services.custom_formats.get(format_id)
    return custom_format_resource(await services.custom_formats.update(format_from(body, format_id)))


@router.delete("/{id}")
async def delete_custom_format(id: int, services: ServicesDep) -> Response:
    """Delete a custom format; quality profiles drop its score."""
    await services.custom_formats.delete(id)
    return deleted()
