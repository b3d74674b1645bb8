"""/api/v3/rename: what renaming a film's files would do (Radarr's RenameMovieController)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from reelarr.api.deps import get_services
from reelarr.api.json import JsonResponse
from reelarr.api.routing import ApiRouter
from reelarr.errors import ValidationFailed
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/rename", tags=["RenameMovie"])
ServicesDep = Annotated[Services, Depends(get_services)]


def query_ids(values: list[str] | None, name: str) -> list[int]:
    """Ids from repeated keys and comma lists (`movieId=1&movieId=2`, `movieId=1,2`); 400 for a bad one."""
    ids: list[int] = []
    for value in values or ():
        for part in value.split(","):
            if not part.strip():
                continue
            try:
                ids.append(int(part))
            except ValueError:
                raise ValidationFailed.single(name, f"'{part}' is not a valid id", part) from None
    return ids


@router.get("", responses={200: {"description": "Array of RenameMovieResource"}})
async def rename_previews(
    services: ServicesDep, movie_id: Annotated[list[str] | None, Query(alias="movieId")] = None
) -> JsonResponse:
    """The files of the films whose names the naming settings would change: existing → new path."""
    movie_ids = query_ids(movie_id, "movieId")
    if not movie_ids:
        raise ValidationFailed.single("movieId", "movieId must be provided")
    previews = await services.renames.previews(movie_ids)
    return JsonResponse(
        [
            {
                "movieId": p.movie_id,
                "movieFileId": p.movie_file_id,
                "existingPath": p.existing_path,
                "newPath": p.new_path,
            }
            for p in previews
        ]
    )
