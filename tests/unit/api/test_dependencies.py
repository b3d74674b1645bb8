"""No route waits for a thread of the pool before it starts: every handler and dependency is a coroutine."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from reelarr.app import create_app
from reelarr.settings import Settings


def _api_routes(routes: list[Any]) -> Iterator[APIRoute]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):  # an included router, as FastAPI keeps them
            yield from _api_routes(route.original_router.routes)


def _calls(dependant: Dependant) -> Iterator[object]:
    for sub in dependant.dependencies:
        yield from _calls(sub)
    if dependant.call is not None:
        yield dependant.call


def test_every_route_and_dependency_runs_on_the_event_loop(tmp_path: Path) -> None:
    api = create_app(Settings(data_dir=tmp_path)).api
    routes = list(_api_routes(api.routes))
    assert len(routes) > 100
    # FastAPI runs a plain `def` on the thread pool: one hop per call per request, 40 threads for all.
    on_the_pool = {
        f"{route.path} -> {getattr(call, '__qualname__', call)}"
        for route in routes
        for call in _calls(route.dependant)
        if not inspect.iscoroutinefunction(call)
    }
    assert on_the_pool == set()
