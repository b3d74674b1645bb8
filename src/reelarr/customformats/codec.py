"""Conditions to and from stored JSON: `{name, implementation, negate, required, fields: {name: value}}`
(the shape of TRaSH-Guides' files, and of Radarr's stored specifications)."""

from __future__ import annotations

from typing import Any

from reelarr.customformats.fields import condition_from_fields, field_values
from reelarr.customformats.model import Specification


def specification_to_json(spec: Specification) -> dict[str, Any]:
    """A condition as stored."""
    return {
        "name": spec.name,
        "implementation": spec.implementation,
        "negate": spec.negate,
        "required": spec.required,
        "fields": {f.definition.name: f.value for f in field_values(spec.condition)},
    }


def specification_from_json(stored: dict[str, Any]) -> Specification:
    """A stored condition back, not judged again (a pattern that no longer compiles never matches);
    ValueError when it does not read as a condition at all."""
    condition, problems = condition_from_fields(
        str(stored.get("implementation", "")), stored.get("fields") or {}, check=False
    )
    if condition is None:
        raise ValueError("; ".join(f"{p.field}: {p.message}" for p in problems))
    return Specification(
        name=str(stored.get("name", "")),
        condition=condition,
        negate=bool(stored.get("negate")),
        required=bool(stored.get("required")),
    )
