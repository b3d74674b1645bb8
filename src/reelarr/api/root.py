"""Routes outside /api/v3 that clients probe: /ping and /api."""

from __future__ import annotations

from fastapi import APIRouter

from reelarr.api.json import JsonResponse

router = APIRouter(include_in_schema=False)


@router.api_route("/ping", methods=["GET", "HEAD"])
async def ping() -> JsonResponse:
    """Anonymous liveness probe."""
    return JsonResponse({"status": "OK"})


@router.get("/api")
async def api_info() -> JsonResponse:
    """The API versions served (pyarr 6 asks this first)."""
    return JsonResponse({"current": "v3", "deprecated": []})
