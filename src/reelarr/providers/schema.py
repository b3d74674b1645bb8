"""Settings models to Radarr's `fields` and back: secrets masked on read, kept when the mask returns."""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from reelarr.errors import ValidationFailed, ValidationFailure
from reelarr.providers.fields import MASK, FieldSpec, FieldType
from reelarr.providers.settings import ProviderSettings


@dataclass(frozen=True, slots=True)
class SchemaField:
    """One field of a provider's form with its current value (secrets masked)."""

    order: int
    name: str
    spec: FieldSpec
    value: Any
    is_float: bool


@dataclass(frozen=True, slots=True)
class _Mapping:
    name: str  # "seedCriteria.seedRatio"
    aliases: tuple[str, ...]  # ("seedCriteria", "seedRatio")
    attributes: tuple[str, ...]  # ("seed_criteria", "seed_ratio")
    spec: FieldSpec
    annotation: Any

    @property
    def is_float(self) -> bool:
        return self.spec.type == FieldType.NUMBER and float in _members(self.annotation)


def _members(annotation: Any) -> tuple[Any, ...]:
    if get_origin(annotation) in (Union, types.UnionType):
        return get_args(annotation)
    return (annotation,)


def _spec(metadata: list[Any]) -> FieldSpec | None:
    return next((m for m in metadata if isinstance(m, FieldSpec)), None)


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    for member in _members(annotation):
        if isinstance(member, type) and issubclass(member, BaseModel):
            return member
    return None


@cache
def field_mappings(settings_type: type[BaseModel]) -> tuple[_Mapping, ...]:
    """Every form field of a settings model in declaration order, nested models flattened."""
    found: list[_Mapping] = []
    for attribute, info in settings_type.model_fields.items():
        alias = info.alias or attribute
        spec = _spec(info.metadata)
        if spec is not None:
            found.append(_Mapping(alias, (alias,), (attribute,), spec, info.annotation))
            continue
        nested = _nested_model(info.annotation)
        if nested is None:
            continue  # not a form field (kept by the provider for itself)
        for inner in field_mappings(nested):
            found.append(
                _Mapping(
                    f"{alias}.{inner.name}",
                    (alias, *inner.aliases),
                    (attribute, *inner.attributes),
                    inner.spec,
                    inner.annotation,
                )
            )
    return tuple(found)


def _get(model: BaseModel, attributes: tuple[str, ...]) -> Any:
    value: Any = model
    for attribute in attributes:
        value = getattr(value, attribute, None)
    return value


def to_fields(settings: ProviderSettings) -> list[SchemaField]:
    """The settings as Radarr's ordered `fields`; a set secret reads as the mask."""
    fields: list[SchemaField] = []
    for order, mapping in enumerate(field_mappings(type(settings))):
        value = _get(settings, mapping.attributes)
        if mapping.spec.secret and value not in (None, ""):
            value = MASK
        fields.append(SchemaField(order, mapping.name, mapping.spec, value, mapping.is_float))
    return fields


def _empty_value(annotation: Any) -> Any:
    members = _members(annotation)
    if type(None) in members:
        return None
    first = members[0]
    origin = get_origin(first) or first
    if origin in (list, tuple, set, frozenset):
        return []
    if first is bool:
        return False
    if first in (int, float):
        return 0
    if first is str:
        return ""
    return None


def _coerce(value: Any, annotation: Any) -> Any:
    """Radarr's lenient field readers: null is the type's empty value, a comma list is a list."""
    if value is None:
        return _empty_value(annotation)
    origin = get_origin(_members(annotation)[0])
    if origin in (list, tuple, set, frozenset) and isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if (
        origin in (list, tuple, set, frozenset)
        and isinstance(value, int | float)
        and not isinstance(value, bool)
    ):
        return [value]
    return value


def _put(target: dict[str, Any], aliases: tuple[str, ...], value: Any) -> None:
    for alias in aliases[:-1]:
        target = target.setdefault(alias, {})
    target[aliases[-1]] = value


def read_fields(
    settings_type: type[ProviderSettings], values: Mapping[str, Any], existing: ProviderSettings | None
) -> ProviderSettings:
    """Settings from `fields` by name; missing fields take their defaults and a masked secret keeps
    the stored one. A value of the wrong type is a ValidationFailed naming the field."""
    data: dict[str, Any] = {}
    for mapping in field_mappings(settings_type):
        if mapping.name not in values:
            continue
        value = values[mapping.name]
        if mapping.spec.secret and value == MASK and existing is not None and type(existing) is settings_type:
            value = _get(existing, mapping.attributes)
        _put(data, mapping.aliases, _coerce(value, mapping.annotation))
    try:
        return settings_type.model_validate(data)
    except PydanticValidationError as error:
        secrets = {m.name for m in field_mappings(settings_type) if m.spec.secret}
        failures = []
        for e in error.errors():
            name = ".".join(str(p) for p in e["loc"] if isinstance(p, str))
            attempted = e.get("input")
            if name in secrets or not isinstance(attempted, str | int | float | bool):
                attempted = None  # never echo a secret back
            failures.append(ValidationFailure(name, str(e["msg"]), attempted, error_code=str(e["type"])))
        raise ValidationFailed(failures) from error
