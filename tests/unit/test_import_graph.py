"""The house's layering, read from the source: no import circles, and the core knows no domain."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
CORE = ("reelarr.db", "reelarr.jobs", "reelarr.events", "reelarr.events_postgres", "reelarr.live")
# The table registry names every domain's tables so Alembic sees one schema.
TABLE_REGISTRY = {"reelarr.db.all_tables", "reelarr.db.migrations.env"}
SHARED = ("reelarr.errors", "reelarr.camel", "reelarr.db", "reelarr.jobs", "reelarr.events", "reelarr.live")


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def import_graph() -> dict[str, frozenset[str]]:
    """Every module of src/reelarr and the project modules it imports (type-checking imports too)."""
    paths = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, frozenset[str]] = {}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = frozenset(_imports(ast.parse(path.read_text()), package, paths.keys() - {name}))
    return graph


def _imports(tree: ast.Module, package: str, known: set[str]) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            candidates = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for candidate in candidates:
            name = candidate
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                yield name


def _cycles(graph: dict[str, frozenset[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_through_others() -> None:
    assert _cycles(import_graph()) == []


def test_a_circle_would_be_found() -> None:
    graph = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset({"a"})}
    assert _cycles(graph) == [["a", "b", "c"]]


@pytest.mark.parametrize("module", sorted(m for m in import_graph() if m.startswith(CORE)))
def test_the_core_imports_no_domain_and_no_resource(module: str) -> None:
    if module in TABLE_REGISTRY:
        return
    outside = {m for m in import_graph()[module] if m != "reelarr" and not m.startswith(SHARED)}
    assert outside == set(), f"{module} reaches beyond the core"


@pytest.mark.parametrize("module", ["reelarr.services", "reelarr.api.deps"])
def test_the_services_know_no_resource_module(module: str) -> None:
    resources = {m for m in import_graph()[module] if m.startswith(("reelarr.api.v3", "reelarr.api.ws"))}
    assert resources == set()
