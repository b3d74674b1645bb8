"""/api/v3/autotagging: auto tagging rules in Radarr's shape (AutoTaggingResource)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Body, Depends, Response
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.json import deleted
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.api.v3.customformat import FieldResource, SelectOptionResource
from reelarr.autotagging.service import AutoTag
from reelarr.autotagging.specs import CONDITION_TYPES, SCHEMA_ORDER, Condition, ConditionType, read_condition
from reelarr.errors import ValidationFailed, ValidationFailure
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/autotagging", tags=["AutoTagging"])
ServicesDep = Annotated[Services, Depends(get_services)]
Int32 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]


class AutoTaggingSpecificationResource(Resource):
    """A condition: its type (`implementation`), name, negate and required flags, `[{name, value}]` fields."""

    name: str | None = None
    implementation: str | None = None
    implementation_name: str | None = None
    negate: bool = False
    required: bool = False
    fields: Any = None


class AutoTaggingResource(Resource):
    """An auto tagging rule."""

    id: Int32 = 0
    name: str | None = None
    remove_tags_automatically: bool = False
    tags: list[Int32] | None = None
    specifications: list[AutoTaggingSpecificationResource] | None = None


def _specification_resource(
    kind: ConditionType, condition: Condition | None
) -> AutoTaggingSpecificationResource:
    fields = [
        FieldResource(
            order=order,
            name=definition.name,
            label=definition.label,
            unit=definition.unit,
            value=condition.values[definition.name] if condition is not None else definition.default,
            type=definition.type,
            select_options=(
                [
                    SelectOptionResource(value=o.value, name=o.name, order=o.order)
                    for o in definition.select_options
                ]
                if definition.select_options is not None
                else None
            ),
        ).dump()
        for order, definition in enumerate(kind.fields)
    ]
    return AutoTaggingSpecificationResource(
        name=condition.name if condition is not None else None,
        implementation=kind.implementation,
        implementation_name=kind.name,
        negate=condition.negate if condition is not None else False,
        required=condition.required if condition is not None else False,
        fields=fields,
    )


def auto_tagging_resource(rule: AutoTag) -> AutoTaggingResource:
    """The API view of a rule, with its conditions."""
    return AutoTaggingResource(
        id=rule.id,
        name=rule.name,
        remove_tags_automatically=rule.remove_tags_automatically,
        tags=list(rule.tags),
        specifications=[
            _specification_resource(CONDITION_TYPES[c.implementation], c) for c in rule.conditions
        ],
    )


def _given_fields(raw: Any, path: str, failures: list[ValidationFailure]) -> dict[str, Any]:
    if raw is None:
        return {}
    if isinstance(raw, dict):
        return dict(raw)
    if not isinstance(raw, list):
        failures.append(ValidationFailure(f"{path}.fields", "Must be a list of {name, value}", raw))
        return {}
    given: dict[str, Any] = {}
    for index, item in enumerate(raw):
        name = item.get("name") if isinstance(item, dict) else None
        if not isinstance(name, str):
            failures.append(ValidationFailure(f"{path}.fields[{index}]", "A field needs a name", item))
            continue
        given.setdefault(name, item.get("value"))
    return given


def auto_tag_from(resource: AutoTaggingResource, auto_tag_id: int) -> AutoTag:
    """The rule a resource describes; a condition unread or breaking a rule is a ValidationFailed."""
    failures: list[ValidationFailure] = []
    conditions: list[Condition] = []
    for index, spec in enumerate(resource.specifications or []):
        path = f"specifications[{index}]"
        given = _given_fields(spec.fields, path, failures)
        condition, problems = read_condition(
            spec.implementation or "", spec.name or "", given, negate=spec.negate, required=spec.required
        )
        label = f"Condition '{spec.name}'" if spec.name else f"Condition {index + 1}"
        for problem in problems:
            failures.append(
                ValidationFailure(f"{path}.{problem.field}", f"{label}: {problem.message}", problem.attempted)
            )
        if condition is not None:
            conditions.append(condition)
    if failures:
        raise ValidationFailed(failures)
    return AutoTag(
        id=auto_tag_id,
        name=resource.name or "",
        conditions=tuple(conditions),
        tags=tuple(resource.tags or ()),
        remove_tags_automatically=resource.remove_tags_automatically,
    )


@router.get("")
async def list_auto_taggings(services: ServicesDep) -> list[AutoTaggingResource]:
    """Every auto tagging rule."""
    return [auto_tagging_resource(r) for r in await services.auto_tagging.all()]


@router.get("/schema")
async def auto_tagging_schema() -> list[AutoTaggingSpecificationResource]:
    """Every condition type with its blank fields, in Radarr's order."""
    return [_specification_resource(kind, None) for kind in SCHEMA_ORDER]


@router.get("/{id}")
async def get_auto_tagging(id: int, services: ServicesDep) -> AutoTaggingResource:
    """One rule."""
    return auto_tagging_resource(await services.auto_tagging.get(id))


@router.post("", status_code=201)
async def create_auto_tagging(
    services: ServicesDep, body: Annotated[AutoTaggingResource, Body()]
) -> AutoTaggingResource:
    """Create a rule; films are tagged by it when next added, changed or refreshed."""
    return auto_tagging_resource(await services.auto_tagging.create(auto_tag_from(body, 0)))


@put_with_optional_id(router, "", status_code=202)
async def update_auto_tagging(
    services: ServicesDep, body: Annotated[AutoTaggingResource, Body()], id: int | None = None
) -> AutoTaggingResource:
    """Change a rule; the id comes from the body, or from the path when the body has none."""
    return auto_tagging_resource(await services.auto_tagging.update(auto_tag_from(body, body.id or id or 0)))


@router.delete("/{id}")
async def delete_auto_tagging(id: int, services: ServicesDep) -> Response:
    """Delete a rule (the tags it gave stay)."""
    await services.auto_tagging.delete(id)
    return deleted()
