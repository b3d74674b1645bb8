"""Integer widths the database stores: every integer that comes in fits 32 bits unless declared wider.

SQLite stores 64-bit integers and PostgreSQL's INTEGER columns 32-bit ones, so a value outside
them is refused where it enters (a 400, or a 404 for an id in a path) instead of failing deep in
the database. Radarr's fields are 32-bit `int`s but for sizes and byte counts (`long`): declare
those `Int64`. Every CamelModel (API resources, command bodies) and every path, query and header
parameter of an `ApiRouter` route gets the bound without asking for it.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, GetCoreSchemaHandler
from pydantic_core import CoreSchema

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

Int64 = Annotated[int, Field(ge=INT64_MIN, le=INT64_MAX)]
"""A 64-bit integer (Radarr's `long`): sizes, byte counts, free space."""

# Schemas of other types carry their own bounds (each CamelModel bounds its own fields).
_OWN_SCHEMAS = frozenset({"model", "dataclass", "typed-dict", "definition-ref"})
# The keys of a core schema that hold schemas (the others hold data: defaults, literals, config).
_SCHEMA_KEYS = (
    *("schema", "items_schema", "keys_schema", "values_schema", "lax_schema", "strict_schema"),
    *("json_schema", "python_schema", "extras_schema", "extras_keys_schema"),
)
_SCHEMA_COLLECTIONS = ("choices", "fields", "steps")


def _is_schema(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("type"), str)


def _bounded_each(value: Any) -> Any:
    """Schemas in a list (union choices, chain steps) or a mapping (fields, tagged choices)."""
    if _is_schema(value):
        return _bounded(value, root=False)
    if isinstance(value, dict):
        return {key: _bounded_each(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_bounded_each(item) for item in value)
    return value


def _bounded(node: Any, *, root: bool) -> Any:
    if not _is_schema(node):
        return node
    kind = node["type"]
    if kind == "definitions":
        return {**node, "schema": _bounded(node["schema"], root=root)}
    if not root and kind in _OWN_SCHEMAS:
        return node
    copy = dict(node)
    for key in _SCHEMA_KEYS:
        if key in copy:
            copy[key] = _bounded(copy[key], root=False)
    for key in _SCHEMA_COLLECTIONS:
        if key in copy:
            copy[key] = _bounded_each(copy[key])
    if kind == "int":
        copy.setdefault("ge", INT32_MIN)
        copy.setdefault("le", INT32_MAX)
    return copy


def bound_integers(schema: CoreSchema) -> CoreSchema:
    """A copy of a core schema whose integers without bounds of their own get the 32-bit range."""
    bounded: CoreSchema = _bounded(schema, root=True)
    return bounded


class StorableIntegers:
    """`Annotated` metadata: the integers of the annotated type must fit the database's 32 bits."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return bound_integers(handler(source))

    def __repr__(self) -> str:
        return "StorableIntegers()"


STORABLE = StorableIntegers()
