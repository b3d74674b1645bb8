"""Routing conventions: nulls omitted, case-insensitive paths and query names, PUT with or without the id."""

from __future__ import annotations

import inspect
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Annotated, Any, get_args, get_origin

from fastapi import APIRouter
from fastapi.dependencies.models import Dependant
from fastapi.params import Depends
from fastapi.routing import APIRoute, APIWebSocketRoute
from pydantic import BaseModel

from reelarr.integers import STORABLE

log = logging.getLogger(__name__)


class ApiRouter(APIRouter):
    """An APIRouter whose responses leave out null-valued properties, as Radarr's do.

    Every integer parameter of its routes (path, query, header, and those of their dependencies)
    must fit the database's 32 bits unless it declares its own bounds (see `reelarr.integers`).
    """

    def add_api_route(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        kwargs["response_model_exclude_none"] = True
        bound_integer_parameters(endpoint)
        super().add_api_route(path, endpoint, **kwargs)


def _mentions_int(annotation: Any) -> bool:
    if annotation is int:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return False  # a body model bounds its own fields
    return any(_mentions_int(arg) for arg in get_args(annotation))


def _dependency(parameter: inspect.Parameter) -> Depends | None:
    if isinstance(parameter.default, Depends):
        return parameter.default
    if get_origin(parameter.annotation) is Annotated:
        return next((m for m in reversed(get_args(parameter.annotation)) if isinstance(m, Depends)), None)
    return None


def bound_integer_parameters(call: Callable[..., Any]) -> None:
    """Give the integer parameters of a route function, and of its dependencies, the storable range.

    FastAPI reads a function's parameters from `inspect.signature`, which honours `__signature__`.
    """
    if not inspect.isfunction(call) or getattr(call, "__reelarr_bounded__", False):
        return
    signature = inspect.signature(call, eval_str=True)
    parameters = []
    for parameter in signature.parameters.values():
        depends = _dependency(parameter)
        if depends is not None:
            if depends.dependency is not None:
                bound_integer_parameters(depends.dependency)
        elif _mentions_int(parameter.annotation):
            parameter = parameter.replace(annotation=Annotated[parameter.annotation, STORABLE])
        parameters.append(parameter)
    call.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    call.__reelarr_bounded__ = True  # type: ignore[attr-defined]


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


def _templates(routers: Iterable[APIRouter]) -> list[str]:
    return [
        route.path
        for router in routers
        for route in router.routes
        if isinstance(route, APIRoute | APIWebSocketRoute)
    ]


class PathCanonicalizer:
    """Rewrites a request path to the case of the route it matches, leaving parameter values alone.

    Radarr's routing ignores case (clients call `/qualityProfile`, `/rootFolder`, `/MediaCover`).
    """

    def __init__(self, templates: Iterable[str]) -> None:
        self._by_length: dict[int, list[tuple[str | None, ...]]] = defaultdict(list)
        for template in templates:
            segments = template.strip("/").split("/")
            if any(":path}" in s for s in segments):
                continue
            literal = tuple(None if s.startswith("{") else s for s in segments)
            self._by_length[len(segments)].append(literal)

    def canonical(self, path: str) -> str:
        """The path with its fixed segments in the route's case, or unchanged when no route matches."""
        segments = path.strip("/").split("/")
        best: tuple[str | None, ...] | None = None
        for candidate in self._by_length.get(len(segments), ()):
            if all(c is None or c.lower() == s.lower() for c, s in zip(candidate, segments, strict=True)):
                if all(c is None or c == s for c, s in zip(candidate, segments, strict=True)):
                    return path
                # Prefer the route with the most fixed segments, as the router itself would.
                if best is None or sum(c is not None for c in candidate) > sum(c is not None for c in best):
                    best = candidate
        if best is None:
            return path
        return "/" + "/".join(s if c is None else c for c, s in zip(best, segments, strict=True))


def path_canonicalizer(routers: Iterable[APIRouter]) -> PathCanonicalizer:
    """A canonicalizer for every route of these routers."""
    return PathCanonicalizer(_templates(routers))


def _query_aliases(dependant: Dependant) -> list[str]:
    aliases = [param.alias for param in dependant.query_params]
    for sub in dependant.dependencies:
        aliases.extend(_query_aliases(sub))
    return aliases


def query_name_map(routers: Iterable[APIRouter]) -> dict[str, str]:
    """Lower-cased query parameter names of every route, mapped to the name the route declares."""
    names: dict[str, str] = {}
    for router in routers:
        for route in router.routes:
            if not isinstance(route, APIRoute):
                continue
            for alias in _query_aliases(route.dependant):
                previous = names.setdefault(alias.lower(), alias)
                if previous != alias:
                    log.warning("Query parameter %s and %s differ only in case", previous, alias)
    return names
