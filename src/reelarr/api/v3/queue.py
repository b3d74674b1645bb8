"""/api/v3/queue: the downloads Reelarr tracks in its clients, paged, in detail and counted, and their
removal. Radarr's QueueResource, with its statuses, time left and messages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Body, Depends, Query
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.json import JsonResponse
from reelarr.api.paging import PagingQuery
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.api.timespan import format_timespan
from reelarr.api.v3.common import language_resource, quality_model_resource
from reelarr.api.v3.movies import resources_with_files
from reelarr.api.v3.release import FormatNameResource
from reelarr.db.paging import SortDirection, resolve_sorting
from reelarr.downloadclients.base import DownloadClientUnavailable
from reelarr.downloads.tracking import TrackedDownload
from reelarr.errors import NotFound, ValidationFailed
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/queue", tags=["Queue"])
ServicesDep = Annotated[Services, Depends(get_services)]
# How old the tracked downloads may be when the queue is read; clients are asked again after that.
FRESH = timedelta(seconds=5)
_MAX_ID = 2**31 - 1


class QueueBulkResource(Resource):
    """The queue items to remove at once."""

    ids: list[int] = Field(default_factory=list)


def _status(download: TrackedDownload) -> str:
    if download.client_unavailable:
        return "downloadClientUnavailable"
    return download.item.status.value


def _progress(download: TrackedDownload) -> float:
    total = download.item.total_size
    return 0.0 if total <= 0 else (total - download.item.remaining_size) / total


async def queue_resources(
    services: Services, downloads: Sequence[TrackedDownload], *, include_movie: bool
) -> list[dict[str, Any]]:
    """The API view of tracked downloads (Radarr's QueueResource)."""
    now = services.clock()
    format_ids = {f.name: f.id for f in await services.custom_formats.all()}
    movies = await services.movies.with_files({d.movie_id for d in downloads if d.movie_id is not None})
    rendered: dict[int, dict[str, Any]] = {}
    if include_movie and movies:
        pairs = list(movies.values())
        for (movie, _file), rendering in zip(pairs, await resources_with_files(services, pairs), strict=True):
            rendered[movie.id] = rendering
    body = []
    for download in downloads:
        item = download.item
        movie_id = download.movie_id if download.movie_id in movies else None
        resource: dict[str, Any] = {
            "id": download.id,
            "languages": [language_resource(lang).dump() for lang in download.languages],
            "quality": quality_model_resource(download.quality).dump(),
            "customFormats": [
                FormatNameResource(id=format_ids[name], name=name).dump()
                for name in download.formats
                if name in format_ids
            ],
            "customFormatScore": download.format_score,
            "size": item.total_size,
            "title": item.title,
            "sizeleft": item.remaining_size,
            "status": _status(download),
            "trackedDownloadStatus": download.status.value,
            "trackedDownloadState": download.state.value,
            "statusMessages": [{"title": m.title, "messages": list(m.messages)} for m in download.messages],
            "downloadId": item.download_id,
            "protocol": download.protocol.value,
            "downloadClient": download.client_name,
            "downloadClientHasPostImportCategory": False,
            "outputPath": item.output_path,
        }
        if movie_id is not None:
            resource["movieId"] = movie_id
            if include_movie:
                resource["movie"] = rendered[movie_id]
        if item.remaining_time is not None:
            resource["timeleft"] = format_timespan(item.remaining_time)
            resource["estimatedCompletionTime"] = (
                (now + item.remaining_time).isoformat().replace("+00:00", "Z")
            )
        if download.added is not None:
            resource["added"] = download.added.isoformat().replace("+00:00", "Z")
        if download.indexer:
            resource["indexer"] = download.indexer
        if item.message and download.status.value != "ok":
            resource["errorMessage"] = item.message
        body.append({k: v for k, v in resource.items() if v is not None})
    return body


def _ids(values: Sequence[str], name: str) -> set[int]:
    found: set[int] = set()
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if part:
                if not part.isdecimal() or not 0 < int(part) <= _MAX_ID:
                    raise ValidationFailed.single(name, f"'{part}' is not an id", part)
                found.add(int(part))
    return found


async def _queued(services: Services) -> list[TrackedDownload]:
    return [d for d in await services.tracked_downloads.current(FRESH) if d.in_queue]


SORTS: dict[str, Callable[[TrackedDownload], Any]] = {
    "timeleft": lambda d: (d.item.remaining_time is None, d.item.remaining_time or timedelta()),
    "estimatedCompletionTime": lambda d: (
        d.item.remaining_time is None,
        d.item.remaining_time or timedelta(),
    ),
    "added": lambda d: d.added.timestamp() if d.added else 0.0,
    "progress": _progress,
    "title": lambda d: d.item.title.lower(),
    "size": lambda d: d.item.total_size,
    "sizeleft": lambda d: d.item.remaining_size,
    "status": lambda d: _status(d),
    "quality": lambda d: d.quality.quality.id,
    "protocol": lambda d: d.protocol.value,
    "downloadClient": lambda d: d.client_name.lower(),
    "indexer": lambda d: (d.indexer or "").lower(),
    "id": lambda d: d.id,
}


@router.get("")
async def queue_page(
    services: ServicesDep,
    request: PagingQuery,
    include_unknown: Annotated[bool, Query(alias="includeUnknownMovieItems")] = False,
    include_movie: Annotated[bool, Query(alias="includeMovie")] = False,
    movie_ids: Annotated[list[str], Query(alias="movieIds")] = [],  # noqa: B006 - FastAPI copies defaults
    protocol: str | None = None,
) -> JsonResponse:
    """A page of the queue (sorted by time left unless asked otherwise)."""
    wanted = _ids(movie_ids, "movieIds")
    downloads = [
        d
        for d in await _queued(services)
        if (include_unknown or d.movie_id is not None)
        and (not wanted or d.movie_id in wanted)
        and (protocol is None or d.protocol.value == protocol.lower())
    ]
    sorting = resolve_sorting(
        request, SORTS, default_key="timeleft", default_direction=SortDirection.ASCENDING
    )
    ordered = sorted(downloads, key=lambda d: (SORTS[sorting.key](d), d.id))
    if sorting.direction is SortDirection.DESCENDING:
        ordered.reverse()
    page = ordered[request.offset : request.offset + request.page_size] if request.page_size > 0 else []
    return JsonResponse(
        {
            "page": request.page,
            "pageSize": request.page_size,
            "sortKey": sorting.key,
            "sortDirection": sorting.direction.value,
            "totalRecords": len(downloads),
            "records": await queue_resources(services, page, include_movie=include_movie),
        }
    )


@router.get("/details")
async def queue_details(
    services: ServicesDep,
    movie_id: Annotated[int | None, Query(alias="movieId")] = None,
    include_movie: Annotated[bool, Query(alias="includeMovie")] = False,
) -> JsonResponse:
    """Every queue item (of one film when `movieId` is given), unknown ones included."""
    downloads = [d for d in await _queued(services) if movie_id is None or d.movie_id == movie_id]
    return JsonResponse(await queue_resources(services, downloads, include_movie=include_movie))


@router.get("/status")
async def queue_status(services: ServicesDep) -> JsonResponse:
    """How many downloads are queued, and how many have errors or warnings (Radarr's QueueStatusResource)."""
    downloads = await _queued(services)
    known = [d for d in downloads if d.movie_id is not None]
    unknown = [d for d in downloads if d.movie_id is None]
    return JsonResponse(
        {
            "totalCount": len(downloads),
            "count": len(known),
            "unknownCount": len(unknown),
            "errors": any(d.status.value == "error" for d in known),
            "warnings": any(d.status.value == "warning" for d in known),
            "unknownErrors": any(d.status.value == "error" for d in unknown),
            "unknownWarnings": any(d.status.value == "warning" for d in unknown),
        }
    )


async def _remove(
    services: Services,
    ids: Sequence[int],
    *,
    remove_from_client: bool,
    blocklist: bool,
    skip_redownload: bool,
    change_category: bool,
) -> None:
    # Post-import categories are not built yet: refusing says so, rather than removing the download
    # and dropping what was asked.
    if change_category:
        raise ValidationFailed.single("changeCategory", "Changing the category is not available yet", True)
    downloads = {d.id: d for d in services.tracked_downloads.all()}
    missing = [i for i in ids if i not in downloads]
    if missing:
        raise NotFound(f"Queue item {missing[0]} was not found")
    for queue_id in ids:
        download = downloads[queue_id]
        if remove_from_client:
            try:
                await services.tracked_downloads.remove(download, delete_data=True)
            except DownloadClientUnavailable as error:
                raise ValidationFailed.single("removeFromClient", str(error), True) from error
        if blocklist:
            # Radarr's order: out of the client first, then failed (blocklisted, searched again).
            await services.failed_downloads.mark_failed(download, skip_redownload=skip_redownload)
        elif not remove_from_client:
            await services.tracked_downloads.ignore(download)


@router.delete("/bulk")
async def remove_queue_items(
    services: ServicesDep,
    body: Annotated[QueueBulkResource, Body()],
    remove_from_client: Annotated[bool, Query(alias="removeFromClient")] = True,
    blocklist: bool = False,
    # Only a blocklisted download is searched again; without the blocklist there is nothing to skip.
    skip_redownload: Annotated[bool, Query(alias="skipRedownload")] = False,
    change_category: Annotated[bool, Query(alias="changeCategory")] = False,
) -> JsonResponse:
    """Remove several queue items (from their clients, unless told not to)."""
    await _remove(
        services,
        body.ids,
        remove_from_client=remove_from_client,
        blocklist=blocklist,
        skip_redownload=skip_redownload,
        change_category=change_category,
    )
    return JsonResponse({})


@router.delete("/{id}")
async def remove_queue_item(
    id: int,
    services: ServicesDep,
    remove_from_client: Annotated[bool, Query(alias="removeFromClient")] = True,
    blocklist: bool = False,
    # Only a blocklisted download is searched again; without the blocklist there is nothing to skip.
    skip_redownload: Annotated[bool, Query(alias="skipRedownload")] = False,
    change_category: Annotated[bool, Query(alias="changeCategory")] = False,
) -> JsonResponse:
    """Remove one queue item (from its client, unless told not to)."""
    await _remove(
        services,
        [id],
        remove_from_client=remove_from_client,
        blocklist=blocklist,
        skip_redownload=skip_redownload,
        change_category=change_category,
    )
    return JsonResponse({})
