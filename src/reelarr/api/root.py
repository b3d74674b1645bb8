"""Routes outside /api/v3 that clients probe: /ping and /api."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from reelarr.api.json import JsonResponse

router = APIRouter(include_in_schema=False)


@router.api_route("/ping", methods=["GET", "HEAD"])
async def ping() -> JsonResponse:
    """Anonymous liveness probe."""
    return JsonResponse({"status": "OK"})


@router.get("/api/system/status")
async def legacy_status() -> Response:
    """Radarr v0's status path: an empty 404, as Radarr >= 4 answers.

    Bazarr asks it first and falls back to /api/v3/system/status only when the body is not JSON;
    Organizr asks it before every call and ignores the answer.
    """
    return Response(status_code=404)


@router.get("/api")
async def api_info() -> JsonResponse:
    """The API versions served (pyarr 6 asks this first)."""
    return JsonResponse({"current": "v3", "deprecated": []})
