"""/api/v3/manualimport: the files of a folder or a tracked download offered for import by hand, and
the same files judged again with a person's choices (Radarr's ManualImportController). The import
itself is the ManualImport command."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import Body, Depends, Query
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.routing import ApiRouter
from reelarr.api.v3.common import language_resource, quality_model_resource
from reelarr.api.v3.movies import resources_with_files
from reelarr.api.v3.release import FormatNameResource
from reelarr.camel import CamelModel
from reelarr.errors import ValidationFailed
from reelarr.imports.commands import LanguageChoice, QualityChoice, languages_of
from reelarr.imports.manual import ChosenFile, ManualImportItem
from reelarr.integers import INT32_MAX
from reelarr.languages import Language, language_by_id
from reelarr.quality.catalogue import DEFAULT_DEFINITIONS
from reelarr.quality.revision import QualityModel
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/manualimport", tags=["ManualImport"])
ServicesDep = Annotated[Services, Depends(get_services)]
_WEIGHTS = {definition.quality.id: definition.weight for definition in DEFAULT_DEFINITIONS}


def item_id(path: str) -> int:
    """Radarr's id of a manual import item: a positive 31-bit hash of its path."""
    digest = hashlib.sha1(path.encode(), usedforsecurity=False).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF or 1


def quality_weight(quality: QualityModel) -> int:
    """How the UI sorts qualities: the default weight, then REAL and version."""
    return _WEIGHTS.get(quality.quality.id, 0) + quality.revision.real * 10 + quality.revision.version


class ReprocessResource(CamelModel):
    """One item as the UI sends it back after a person edited it (Radarr's ManualImportReprocessResource)."""

    id: int = 0
    path: str
    movie_id: int = Field(0, ge=0)
    quality: QualityChoice | None = None
    languages: list[LanguageChoice] | None = None
    release_group: str | None = None
    download_id: str | None = None
    indexer_flags: int = Field(0, ge=0)
    folder_name: str | None = None


async def item_resources(services: Services, items: Sequence[ManualImportItem]) -> list[dict[str, Any]]:
    """The API view of manual import items (Radarr's ManualImportResource)."""
    format_ids = {f.name: f.id for f in await services.custom_formats.all()}
    films = await services.movies.with_files({i.movie.id for i in items if i.movie is not None})
    rendered = {
        movie.id: body
        for (movie, _), body in zip(
            films.values(), await resources_with_files(services, list(films.values())), strict=True
        )
    }
    return [_resource(item, rendered, format_ids) for item in items]


def _resource(
    item: ManualImportItem, films: dict[int, dict[str, Any]], format_ids: dict[str, int]
) -> dict[str, Any]:
    return {
        "id": item_id(item.path),
        "path": item.path,
        "relativePath": item.relative_path,
        "folderName": item.folder_name,
        "name": item.name,
        "size": item.size,
        "movie": films.get(item.movie.id) if item.movie is not None else None,
        "quality": quality_model_resource(item.quality).dump(),
        "languages": [language_resource(lang).dump() for lang in _languages(item.languages)],
        "releaseGroup": item.release_group or "",
        "qualityWeight": quality_weight(item.quality),
        "downloadId": item.download_id,
        "customFormats": [
            FormatNameResource(id=format_ids[name], name=name).dump()
            for name in item.custom_formats
            if name in format_ids
        ],
        "customFormatScore": item.custom_format_score,
        "indexerFlags": item.indexer_flags,
        "rejections": [{"reason": reason, "type": "permanent"} for reason in item.rejections],
    }


def _languages(languages: tuple[Language, ...]) -> tuple[Language, ...]:
    unknown = language_by_id(0)
    return languages or ((unknown,) if unknown is not None else ())


@router.get("")
async def list_items(
    services: ServicesDep,
    folder: str | None = None,
    download_id: Annotated[str | None, Query(alias="downloadId")] = None,
    movie_id: Annotated[int | None, Query(alias="movieId", ge=1, le=INT32_MAX)] = None,
    filter_existing_files: Annotated[bool, Query(alias="filterExistingFiles")] = True,
) -> list[dict[str, Any]]:
    """The video files of a folder, a tracked download or (movieId alone) the film's own folder, each
    with its film and rejections."""
    if not folder and not download_id and movie_id is None:
        raise ValidationFailed.single("folder", "A folder, a downloadId or a movieId must be given", folder)
    found = await services.manual_imports.items(folder, download_id, movie_id, filter_existing_files)
    return await item_resources(services, found)


@router.post("")
async def reprocess_items(
    services: ServicesDep, items: Annotated[list[ReprocessResource], Body()]
) -> list[dict[str, Any]]:
    """The items judged again with what a person chose (film, quality, languages, release group)."""
    if not items:
        raise ValidationFailed.single("items", "items must be provided", [])
    answered = []
    for item in items:
        chosen = ChosenFile(
            path=item.path,
            movie_id=item.movie_id,
            quality=item.quality.model() if item.quality is not None else None,
            languages=languages_of(item.languages),
            release_group=item.release_group or None,
            download_id=item.download_id or None,
            indexer_flags=item.indexer_flags,
        )
        judged = await services.manual_imports.reprocess(chosen)
        [resource] = await item_resources(services, [judged])
        answered.append(_merged(item, resource))
    return answered


def _merged(item: ReprocessResource, judged: dict[str, Any]) -> dict[str, Any]:
    """Radarr keeps what the person chose, filling only what they left unknown."""
    merged = {**judged, "id": item.id or judged["id"], "folderName": item.folder_name}
    if item.quality is not None and item.quality.quality.id != 0:
        merged["quality"] = quality_model_resource(item.quality.model()).dump()
        merged["qualityWeight"] = quality_weight(item.quality.model())
    if languages_of(item.languages):
        merged["languages"] = [language_resource(lang).dump() for lang in languages_of(item.languages)]
    if item.release_group:
        merged["releaseGroup"] = item.release_group
    if item.indexer_flags:
        merged["indexerFlags"] = item.indexer_flags
    return merged
