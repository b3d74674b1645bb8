"""Routing conventions: nulls omitted, case-insensitive paths and query names, PUT with or without the id."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute

log = logging.getLogger(__name__)


class ApiRouter(APIRouter):
    """An APIRouter whose responses leave out null-valued properties, as Radarr's do."""

    def add_api_route(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        kwargs.setdefault("response_model_exclude_none", True)
        super().add_api_route(path, endpoint, **kwargs)


def put_with_optional_id(
    router: APIRouter, path: str, **kwargs: Any
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a handler for `PUT {path}/{id}` and for `PUT {path}` with the id only in the body.

    The handler takes `id: int | None` from the path; a body id of 0 or none is replaced by it.
    """

    def register(endpoint: Callable[..., Any]) -> Callable[..., Any]:
        router.add_api_route(f"{path}/{{id}}", endpoint, methods=["PUT"], **kwargs)
        router.add_api_route(path, endpoint, methods=["PUT"], include_in_schema=False, **kwargs)
        return endpoint

    return register


def _walk(routes: list[BaseRoute]) -> list[BaseRoute]:
    found: list[BaseRoute] = []
    for route in routes:
        found.append(route)
        if isinstance(route, Mount):
            found.extend(_walk(list(route.routes)))
    return found


def make_paths_case_insensitive(app: FastAPI) -> None:
    """Match route paths ignoring case (Radarr's routing does); path parameters keep their case."""
    for route in _walk(list(app.router.routes)):
        if isinstance(route, Route | WebSocketRoute | Mount):
            route.path_regex = re.compile(route.path_regex.pattern, re.IGNORECASE)


def _query_aliases(dependant: Dependant) -> list[str]:
    aliases = [param.alias for param in dependant.query_params]
    for sub in dependant.dependencies:
        aliases.extend(_query_aliases(sub))
    return aliases


def query_name_map(app: FastAPI) -> dict[str, str]:
    """Lower-cased query parameter names of every route, mapped to the name the route declares."""
    names: dict[str, str] = {}
    for route in _walk(list(app.router.routes)):
        if not isinstance(route, APIRoute):
            continue
        for alias in _query_aliases(route.dependant):
            previous = names.setdefault(alias.lower(), alias)
            if previous != alias:
                log.warning("Query parameter %s and %s differ only in case", previous, alias)
    return names
