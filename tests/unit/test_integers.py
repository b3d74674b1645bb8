"""Integers from outside fit what the database stores: 32 bits unless a field is declared 64-bit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import Field, TypeAdapter, ValidationError

from reelarr.app import create_app
from reelarr.camel import CamelModel
from reelarr.integers import INT32_MAX, INT32_MIN, INT64_MAX, Int64
from reelarr.settings import Settings


class Inner(CamelModel):
    count: int = 0


class Outer(CamelModel):
    ids: list[int] = Field(default_factory=list)
    size: Int64 = 0
    optional: int | None = None
    inner: Inner | None = None
    either: str | int = ""
    named: dict[str, int] = Field(default_factory=dict)


@pytest.mark.parametrize(
    "data",
    [
        {"ids": [1, INT32_MAX + 1]},
        {"optional": INT32_MIN - 1},
        {"inner": {"count": INT32_MAX + 1}},
        {"either": 2**40},
        {"named": {"a": 2**40}},
        {"size": INT64_MAX + 1},
    ],
)
def test_an_integer_past_its_width_is_refused(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Outer.model_validate(data)


@pytest.mark.parametrize("shape", [Outer, list[Outer], Outer | None])
def test_a_model_read_through_a_type_adapter_keeps_its_bounds(shape: Any) -> None:
    # FastAPI reads bodies and answers through TypeAdapters built on each model's kept schema.
    adapter: TypeAdapter[Any] = TypeAdapter(shape)
    outer = {"inner": {"count": INT32_MAX + 1}}
    with pytest.raises(ValidationError):
        adapter.validate_python([outer] if shape == list[Outer] else outer)


def test_integers_within_their_width_are_kept() -> None:
    outer = Outer.model_validate(
        {"ids": [INT32_MIN, INT32_MAX], "size": INT64_MAX, "inner": {"count": 5}, "either": 7}
    )
    assert (outer.ids, outer.size, outer.either) == ([INT32_MIN, INT32_MAX], INT64_MAX, 7)


def _integers_without_bounds(
    node: Any, where: str, components: dict[str, Any], seen: frozenset[str]
) -> list[str]:
    if isinstance(node, list):
        return [
            w
            for i, item in enumerate(node)
            for w in _integers_without_bounds(item, f"{where}[{i}]", components, seen)
        ]
    if not isinstance(node, dict):
        return []
    if isinstance(ref := node.get("$ref"), str):
        name = ref.rsplit("/", 1)[-1]
        return (
            []
            if name in seen
            else _integers_without_bounds(components[name], name, components, seen | {name})
        )
    found = [where] if node.get("type") == "integer" and not {"minimum", "maximum"} <= node.keys() else []
    for key, value in node.items():
        if key not in ("example", "examples", "default"):
            found += _integers_without_bounds(value, f"{where}.{key}", components, seen)
    return found


def test_every_integer_a_request_carries_declares_the_range_it_accepts(tmp_path: Path) -> None:
    document = create_app(Settings(data_dir=tmp_path)).api.openapi()
    components = document["components"]["schemas"]
    unbounded = [
        found
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        for part in ("parameters", "requestBody")
        for found in _integers_without_bounds(
            operation.get(part), f"{method} {path}", components, frozenset()
        )
    ]
    assert unbounded == []
