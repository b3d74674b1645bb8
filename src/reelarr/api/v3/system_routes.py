"""/api/v3/system/routes: every route the API answers, with its methods (Radarr's debugging aid)."""

from __future__ import annotations

from fastapi import Request

from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter

router = ApiRouter(prefix="/api/v3/system", tags=["System"])
_METHODS = ("get", "put", "post", "delete", "patch", "head")


class RouteResource(Resource):
    """One route: its path template and methods."""

    path: str
    methods: list[str]


@router.get("/routes")
async def list_routes(request: Request) -> list[RouteResource]:
    """The documented routes (those of the OpenAPI description), by path."""
    paths: dict[str, dict[str, object]] = request.app.openapi()["paths"]
    return [
        RouteResource(path=path, methods=sorted(m.upper() for m in operations if m in _METHODS))
        for path, operations in sorted(paths.items())
    ]
