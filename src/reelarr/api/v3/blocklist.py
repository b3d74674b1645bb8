"""/api/v3/blocklist: the releases kept from being grabbed again, paged and per film, and their removal.
Radarr's BlocklistResource; the paged list carries each entry's film, as Radarr's does."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any

from fastapi import Body, Depends, Query
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.json import JsonResponse
from reelarr.api.paging import PagingQuery
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.api.v3.common import (
    LanguageResource,
    QualityModelResource,
    language_resource,
    quality_model_resource,
)
from reelarr.api.v3.movies import resources_with_files
from reelarr.api.v3.release import FormatNameResource
from reelarr.blocklist.model import BlocklistEntry
from reelarr.errors import ValidationFailed
from reelarr.integers import INT32_MAX
from reelarr.protocols import DownloadProtocol
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/blocklist", tags=["Blocklist"])
ServicesDep = Annotated[Services, Depends(get_services)]


class BlocklistResource(Resource):
    """Radarr's BlocklistResource."""

    id: int
    movie_id: int
    source_title: str
    languages: list[LanguageResource] = Field(default_factory=list)
    quality: QualityModelResource
    custom_formats: list[FormatNameResource] = Field(default_factory=list)
    date: datetime
    protocol: str
    indexer: str | None = None
    message: str | None = None
    movie: dict[str, Any] | None = None


class BlocklistBulkResource(Resource):
    """The blocklist entries to remove at once."""

    ids: list[int] = Field(default_factory=list)


def _ids(values: Sequence[str], name: str) -> list[int]:
    found = []
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if not part:
                continue
            if not part.isdecimal() or not 0 < int(part) <= INT32_MAX:
                raise ValidationFailed.single(name, f"'{part}' is not an id", part)
            found.append(int(part))
    return found


def _protocols(values: Sequence[str]) -> list[DownloadProtocol]:
    found = []
    for value in values:
        for part in value.split(","):
            if not part.strip():
                continue
            protocol = DownloadProtocol.parse(int(part) if part.strip().isdecimal() else part)
            if protocol is None:
                raise ValidationFailed.single("protocols", f"'{part}' is not a download protocol", part)
            found.append(protocol)
    return found


async def _movies(services: Services, ids: set[int]) -> dict[int, dict[str, Any]]:
    pairs = list((await services.movies.with_files(ids)).values())
    resources = await resources_with_files(services, pairs) if pairs else []
    return {movie.id: resource for (movie, _file), resource in zip(pairs, resources, strict=True)}


async def blocklist_resources(
    services: Services, entries: Sequence[BlocklistEntry], *, include_movie: bool
) -> list[dict[str, Any]]:
    """The API view of blocklist entries, with their films' resources when asked."""
    format_ids = {f.name: f.id for f in await services.custom_formats.all()}
    movies = await _movies(services, {e.movie_id for e in entries}) if include_movie else {}
    return [
        BlocklistResource(
            id=entry.id,
            movie_id=entry.movie_id,
            source_title=entry.source_title,
            languages=[language_resource(lang) for lang in entry.languages],
            quality=quality_model_resource(entry.quality),
            custom_formats=[
                FormatNameResource(id=format_ids[name], name=name)
                for name in entry.custom_formats
                if name in format_ids
            ],
            date=entry.date,
            protocol=entry.protocol.value,
            indexer=entry.indexer,
            message=entry.message,
            movie=movies.get(entry.movie_id),
        ).dump()
        for entry in entries
    ]


@router.get("")
async def blocklist_page(
    services: ServicesDep,
    request: PagingQuery,
    movie_ids: Annotated[list[str], Query(alias="movieIds")] = [],  # noqa: B006 - FastAPI copies defaults
    protocols: Annotated[list[str], Query()] = [],  # noqa: B006
) -> JsonResponse:
    """A page of the blocklist, newest first (sort keys date, sourceTitle, movieId, protocol, indexer,
    message, id)."""
    page = await services.blocklist.paged(
        request, movie_ids=_ids(movie_ids, "movieIds"), protocols=_protocols(protocols)
    )
    return JsonResponse(
        {
            "page": page.page,
            "pageSize": page.page_size,
            "sortKey": page.sort_key,
            "sortDirection": page.sort_direction.value,
            "totalRecords": page.total_records,
            "records": await blocklist_resources(services, page.records, include_movie=True),
        }
    )


@router.get("/movie")
async def movie_blocklist(
    services: ServicesDep, movie_id: Annotated[int, Query(alias="movieId")]
) -> JsonResponse:
    """A film's blocklisted releases, newest first."""
    if not 0 < movie_id <= INT32_MAX:
        raise ValidationFailed.single("movieId", f"'{movie_id}' is not an id", movie_id)
    entries = await services.blocklist.for_movie(movie_id)
    return JsonResponse(await blocklist_resources(services, entries, include_movie=False))


@router.delete("/bulk")
async def remove_blocklist_items(
    services: ServicesDep, body: Annotated[BlocklistBulkResource, Body()]
) -> JsonResponse:
    """Take several releases off the blocklist (unknown ids are passed over, as in Radarr)."""
    await services.blocklist.delete_many(body.ids)
    return JsonResponse({})


@router.delete("/{id}")
async def remove_blocklist_item(id: int, services: ServicesDep) -> JsonResponse:
    """Take one release off the blocklist."""
    await services.blocklist.delete(id)
    return JsonResponse({})
