"""Movie covers: /MediaCover/{movieId}/{file} (what `images[].url` points at) and /api/v3/mediacover/..."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.errors import NotFound
from reelarr.services import Services

router = ApiRouter(tags=["MediaCover"])
ServicesDep = Annotated[Services, Depends(get_services)]
# `?lastWrite=` changes whenever the file does (Radarr's cache rules treat `?h=` hashes the same way),
# so such URLs never go stale.
_VERSIONED = "private, max-age=31536000, immutable"
_UNVERSIONED = "private, no-cache"


class MediaCoverResource(Resource):
    """One entry of a movie's `images`: the local URL when the cover is cached, and the remote one."""

    cover_type: str
    url: str | None = None
    remote_url: str | None = None


# HEAD has a route of its own, out of the document: one route with both methods gives both
# operations the same id.
@router.api_route("/api/v3/mediacover/{movie_id}/{filename}", methods=["GET"])
@router.api_route("/api/v3/mediacover/{movie_id}/{filename}", methods=["HEAD"], include_in_schema=False)
@router.api_route("/MediaCover/{movie_id}/{filename}", methods=["GET", "HEAD"], include_in_schema=False)
async def media_cover(movie_id: str, filename: str, request: Request, services: ServicesDep) -> Response:
    """A cached cover (`poster.jpg`, `fanart-360.jpg`, ...); a missing smaller copy answers the original."""
    cover = None
    if movie_id.isascii() and movie_id.isdigit() and len(movie_id) < 10:
        cover = await services.media_covers.read(int(movie_id), filename)
    if cover is None:
        raise NotFound("MediaCover not found")
    versioned = "lastwrite" in {key.lower() for key in request.query_params} or "h" in request.query_params
    headers = {"Cache-Control": _VERSIONED if versioned else _UNVERSIONED, "ETag": cover.etag}
    if cover.etag in {tag.strip() for tag in request.headers.get("if-none-match", "").split(",")}:
        return Response(status_code=304, headers=headers)
    return Response(cover.body, media_type=cover.content_type, headers=headers)
