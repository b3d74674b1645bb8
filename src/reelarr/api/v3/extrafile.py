"""/api/v3/extrafile: a film's extra files, subtitles and others (Radarr's ExtraFileController)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query

from reelarr.api.deps import get_services
from reelarr.api.json import JsonResponse
from reelarr.api.routing import ApiRouter
from reelarr.api.v3.common import language_resource
from reelarr.api.v3.rename import query_ids
from reelarr.errors import ValidationFailed
from reelarr.extras.model import ExtraFile, ExtraFileType
from reelarr.integers import INT32_MAX
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/extrafile", tags=["ExtraFile"])
ServicesDep = Annotated[Services, Depends(get_services)]


def extra_file_resource(extra: ExtraFile) -> dict[str, Any]:
    """Radarr's ExtraFileResource; language tags, title and (Reelarr's addition) language are for
    subtitles only."""
    subtitle = extra.type is ExtraFileType.SUBTITLE
    return {
        "id": extra.id,
        "movieId": extra.movie_id,
        "movieFileId": extra.movie_file_id,
        "relativePath": extra.relative_path,
        "extension": extra.extension,
        "languageTags": list(extra.language_tags) if subtitle else None,
        "title": extra.title if subtitle else None,
        "language": language_resource(extra.language).dump() if subtitle else None,
        "type": extra.type.value,
    }


@router.get("", responses={200: {"description": "Array of ExtraFileResource"}})
async def list_extra_files(
    services: ServicesDep, movie_id: Annotated[list[str] | None, Query(alias="movieId")] = None
) -> JsonResponse:
    """A film's extra files: subtitles, then the others (an unknown film has none)."""
    ids = query_ids(movie_id, "movieId")
    if len(ids) != 1:
        raise ValidationFailed.single("movieId", "movieId must be provided", movie_id)
    if not 0 < ids[0] <= INT32_MAX:
        return JsonResponse([])
    return JsonResponse([extra_file_resource(e) for e in await services.extra_files.for_movie(ids[0])])
