"""/api/v3/moviefile: movie files as Bazarr, LunaSea, Maintainerr and pyarr read, edit and delete them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Body, Depends, Query, Response
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.json import JsonResponse, deleted
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.api.v3.common import LanguageResource, QualityModelResource
from reelarr.api.v3.movie_resources import movie_file_resource
from reelarr.errors import ValidationFailed, ValidationFailure
from reelarr.languages import ANY, ORIGINAL, Language, language_by_id
from reelarr.movies.file_rows import FileChanges
from reelarr.movies.model import Movie, MovieFile
from reelarr.quality.catalogue import quality_by_id
from reelarr.quality.revision import QualityModel, Revision
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/moviefile", tags=["MovieFile"])
ServicesDep = Annotated[Services, Depends(get_services)]


class MovieFileInput(Resource):
    """A MovieFileResource sent back; only what a user may change is taken from it."""

    id: int = 0
    quality: QualityModelResource | None = None
    languages: list[LanguageResource] | None = None
    edition: str | None = None
    release_group: str | None = None
    scene_name: str | None = None
    indexer_flags: int | None = None

    def to_changes(self, prefix: str = "") -> FileChanges:
        """The changes this body asks for; unknown qualities and languages are the 400 array."""
        return _changes(self, prefix)


class MovieFileListInput(Resource):
    """Radarr's MovieFileListResource: files by id, and what to set on all of them."""

    movie_file_ids: list[int] = Field(default_factory=list)
    quality: QualityModelResource | None = None
    languages: list[LanguageResource] | None = None
    edition: str | None = None
    release_group: str | None = None
    scene_name: str | None = None
    indexer_flags: int | None = None


def _quality(resource: QualityModelResource, prefix: str) -> QualityModel:
    quality = quality_by_id(resource.quality.id)
    if quality is None:
        raise ValidationFailed.single(
            f"{prefix}quality.quality.id", f"Unknown quality id {resource.quality.id}", resource.quality.id
        )
    revision = resource.revision
    return QualityModel(quality, Revision(revision.version, revision.real, revision.is_repack))


def _languages(resources: list[LanguageResource], prefix: str) -> tuple[Language, ...]:
    found: list[Language] = []
    failures: list[ValidationFailure] = []
    for index, resource in enumerate(resources):
        language = language_by_id(resource.id)
        if language is None:
            failures.append(
                ValidationFailure(
                    f"{prefix}languages[{index}].id", f"Unknown language id {resource.id}", resource.id
                )
            )
        elif language not in (ANY, ORIGINAL):  # as Radarr: a file is never in "Any" or "Original"
            found.append(language)
    if failures:
        raise ValidationFailed(failures)
    return tuple(found)


def _changes(body: MovieFileInput | MovieFileListInput, prefix: str = "") -> FileChanges:
    return FileChanges(
        quality=_quality(body.quality, prefix) if body.quality is not None else None,
        languages=_languages(body.languages, prefix) if body.languages is not None else None,
        edition=body.edition,
        release_group=body.release_group,
        scene_name=body.scene_name,
        indexer_flags=body.indexer_flags,
    )


def _ids(values: list[str] | None, name: str) -> list[int]:
    """Ids from repeated keys and comma lists (`movieFileIds=1&movieFileIds=2`, `movieFileIds=1,2`)."""
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


async def file_resources(services: Services, files: list[MovieFile]) -> list[dict[str, Any]]:
    """MovieFileResources for files, with their movies' paths and profiles."""
    profiles = {p.id: p for p in await services.quality.profiles()}
    movies: dict[int, Movie] = {}
    for movie_id in dict.fromkeys(f.movie_id for f in files):
        movies[movie_id] = await services.movies.get(movie_id)
    return [
        movie_file_resource(movies[f.movie_id], f, profiles.get(movies[f.movie_id].quality_profile_id))
        for f in files
    ]


@router.get("", responses={200: {"description": "Array of MovieFileResource"}})
async def list_movie_files(
    services: ServicesDep,
    movie_id: Annotated[list[str] | None, Query(alias="movieId")] = None,
    movie_file_ids: Annotated[list[str] | None, Query(alias="movieFileIds")] = None,
) -> JsonResponse:
    """The files of movies (`movieId`), or files by id (`movieFileIds`); one of the two is required."""
    movie_ids = _ids(movie_id, "movieId")
    file_ids = _ids(movie_file_ids, "movieFileIds")
    if not movie_ids and not file_ids:
        raise ValidationFailed.single("movieId", "movieId or movieFileIds must be provided")
    files_service = services.movie_files
    files = await (files_service.for_movies(movie_ids) if movie_ids else files_service.by_ids(file_ids))
    return JsonResponse(await file_resources(services, files))


@router.get("/{id}")
async def get_movie_file(id: int, services: ServicesDep) -> JsonResponse:
    """One movie file."""
    [resource] = await file_resources(services, [await services.movie_files.get(id)])
    return JsonResponse(resource)


@router.put("/editor", status_code=202)
async def edit_movie_files(
    services: ServicesDep, body: Annotated[MovieFileListInput, Body()]
) -> JsonResponse:
    """Set the same quality, languages, edition, group, scene name or flags on several files."""
    changes = _changes(body)
    updated = await services.movie_files.update_many([(file_id, changes) for file_id in body.movie_file_ids])
    return JsonResponse(await file_resources(services, updated), status_code=202)


@router.put("/bulk", status_code=202)
async def update_movie_files(
    services: ServicesDep, body: Annotated[list[MovieFileInput], Body()]
) -> JsonResponse:
    """Change several files, each as its own resource says."""
    changes = [(item.id, item.to_changes(f"[{index}].")) for index, item in enumerate(body)]
    updated = await services.movie_files.update_many(changes)
    return JsonResponse(await file_resources(services, updated), status_code=202)


@put_with_optional_id(router, "", status_code=202)
async def update_movie_file(
    services: ServicesDep, body: Annotated[MovieFileInput, Body()], id: int | None = None
) -> JsonResponse:
    """Change one file (clients GET, edit, PUT back); the id comes from the path or the body."""
    file_id = id or body.id
    updated = await services.movie_files.update(file_id, body.to_changes())
    [resource] = await file_resources(services, [updated])
    return JsonResponse(resource, status_code=202)


@router.delete("/bulk")
async def delete_movie_files(
    services: ServicesDep, body: Annotated[MovieFileListInput, Body()]
) -> JsonResponse:
    """Delete several files from disk, with their records."""
    if not body.movie_file_ids:
        raise ValidationFailed.single("movieFileIds", "movieFileIds must be provided", [])
    await services.movie_files.delete_many(body.movie_file_ids)
    return JsonResponse({})


@router.delete("/{id}")
async def delete_movie_file(id: int, services: ServicesDep) -> Response:
    """Delete a file from disk, with its record."""
    await services.movie_files.delete(id)
    return deleted()
