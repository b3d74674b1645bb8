"""/api/v3/queue: the downloads Reelarr tracks in its clients, paged, in detail and counted, and their
removal. Radarr's QueueResource, with its statuses, time left and messages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
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
from reelarr.downloads.errors import GrabFailed
from reelarr.downloads.pending import PendingRelease
from reelarr.downloads.tracking import TrackedDownload
from reelarr.errors import Conflict, NotFound, ValidationFailed
from reelarr.integers import INT32_MAX
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/queue", tags=["Queue"])
ServicesDep = Annotated[Services, Depends(get_services)]
# How old the tracked downloads may be when the queue is read; clients are asked again after that.
FRESH = timedelta(seconds=5)


class QueueBulkResource(Resource):
    """The queue items to remove at once."""

    ids: list[int] = Field(default_factory=list)


def _status(download: TrackedDownload) -> str:
    if download.client_unavailable:
        return "downloadClientUnavailable"
    return download.item.status.value


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _download_resource(
    download: TrackedDownload, now: datetime, format_ids: dict[str, int]
) -> dict[str, Any]:
    item = download.item
    resource: dict[str, Any] = {
        "id": download.id,
        "movieId": download.movie_id,
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
        "indexer": download.indexer or None,
        "added": _iso(download.added) if download.added is not None else None,
    }
    if item.remaining_time is not None:
        resource["timeleft"] = format_timespan(item.remaining_time)
        resource["estimatedCompletionTime"] = _iso(now + item.remaining_time)
    if item.message and download.status.value != "ok":
        resource["errorMessage"] = item.message
    return resource


def _pending_resource(pending: PendingRelease, now: datetime, format_ids: dict[str, int]) -> dict[str, Any]:
    """A release waiting out its delay, as Radarr's queue shows it (status `delay`)."""
    subject = pending.decision.subject
    assert subject is not None
    release = pending.logged.release
    resource: dict[str, Any] = {
        "id": pending.id,
        "movieId": pending.movie_id,
        "languages": [language_resource(lang).dump() for lang in subject.languages],
        "quality": quality_model_resource(subject.quality).dump(),
        "customFormats": [
            FormatNameResource(id=format_ids[name], name=name).dump()
            for name in subject.formats
            if name in format_ids
        ],
        "customFormatScore": subject.format_score,
        "size": release.size,
        "title": release.title,
        "sizeleft": release.size,
        "status": pending.reason.value,
        "statusMessages": [],
        "protocol": release.protocol.value,
        "downloadClientHasPostImportCategory": False,
        "indexer": release.indexer or None,
        "added": _iso(pending.logged.first_seen or pending.logged.decided_at),
    }
    if pending.estimated_completion is not None:
        resource["timeleft"] = format_timespan(max(pending.estimated_completion - now, timedelta()))
        resource["estimatedCompletionTime"] = _iso(pending.estimated_completion)
    return resource


async def queue_resources(
    services: Services,
    downloads: Sequence[TrackedDownload],
    *,
    include_movie: bool,
    pending: Sequence[PendingRelease] = (),
) -> list[dict[str, Any]]:
    """The API view of tracked downloads and waiting releases (Radarr's QueueResource)."""
    now = services.clock()
    format_ids = {f.name: f.id for f in await services.custom_formats.all()}
    body = [_download_resource(d, now, format_ids) for d in downloads]
    body += [_pending_resource(p, now, format_ids) for p in pending]
    return await with_movies(services, body, include_movie=include_movie)


async def with_movies(
    services: Services, resources: list[dict[str, Any]], *, include_movie: bool
) -> list[dict[str, Any]]:
    """The resources with their films (ids of films that are gone left out), nulls dropped."""
    movies = await services.movies.with_files(
        {r["movieId"] for r in resources if r.get("movieId") is not None}
    )
    rendered: dict[int, dict[str, Any]] = {}
    if include_movie and movies:
        pairs = list(movies.values())
        for (movie, _file), rendering in zip(pairs, await resources_with_files(services, pairs), strict=True):
            rendered[movie.id] = rendering
    body = []
    for resource in resources:
        if resource.get("movieId") not in movies:
            resource["movieId"] = None
        elif include_movie:
            resource["movie"] = rendered[resource["movieId"]]
        body.append({k: v for k, v in resource.items() if v is not None})
    return body


def _ids(values: Sequence[str], name: str) -> set[int]:
    found: set[int] = set()
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if part:
                if not part.isdecimal() or not 0 < int(part) <= INT32_MAX:
                    raise ValidationFailed.single(name, f"'{part}' is not an id", part)
                found.add(int(part))
    return found


async def _queued(services: Services) -> list[TrackedDownload]:
    return [d for d in await services.tracked_downloads.current(FRESH) if d.in_queue]


def _progress_of(resource: dict[str, Any]) -> float:
    size = int(resource.get("size") or 0)
    return 0.0 if size <= 0 else (size - int(resource.get("sizeleft") or 0)) / size


def _lower(name: str) -> Callable[[dict[str, Any]], str]:
    return lambda r: str(r.get(name) or "").lower()


def _completion(resource: dict[str, Any]) -> tuple[bool, str]:
    moment = resource.get("estimatedCompletionTime")
    return moment is None, str(moment or "")


SORTS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "timeleft": _completion,
    "estimatedCompletionTime": _completion,
    "added": lambda r: str(r.get("added") or ""),
    "progress": _progress_of,
    "title": _lower("title"),
    "size": lambda r: int(r.get("size") or 0),
    "sizeleft": lambda r: int(r.get("sizeleft") or 0),
    "status": _lower("status"),
    "quality": lambda r: int(r["quality"]["quality"]["id"]),
    "protocol": _lower("protocol"),
    "downloadClient": _lower("downloadClient"),
    "indexer": _lower("indexer"),
    "id": lambda r: int(r["id"]),
}


async def _everything(services: Services, *, include_movie: bool) -> list[dict[str, Any]]:
    """Every queue item: the tracked downloads, then the releases waiting out a delay."""
    return await queue_resources(
        services,
        await _queued(services),
        include_movie=include_movie,
        pending=await services.pending_releases.all(),
    )


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
    items = [
        r
        for r in await _everything(services, include_movie=False)
        if (include_unknown or r.get("movieId") is not None)
        and (not wanted or r.get("movieId") in wanted)
        and (protocol is None or r["protocol"] == protocol.lower())
    ]
    sorting = resolve_sorting(
        request, SORTS, default_key="timeleft", default_direction=SortDirection.ASCENDING
    )
    ordered = sorted(items, key=lambda r: (SORTS[sorting.key](r), r["id"]))
    if sorting.direction is SortDirection.DESCENDING:
        ordered.reverse()
    page = ordered[request.offset : request.offset + request.page_size] if request.page_size > 0 else []
    if include_movie:
        page = await with_movies(services, page, include_movie=True)
    return JsonResponse(
        {
            "page": request.page,
            "pageSize": request.page_size,
            "sortKey": sorting.key,
            "sortDirection": sorting.direction.value,
            "totalRecords": len(items),
            "records": page,
        }
    )


@router.get("/details")
async def queue_details(
    services: ServicesDep,
    movie_id: Annotated[int | None, Query(alias="movieId")] = None,
    include_movie: Annotated[bool, Query(alias="includeMovie")] = False,
) -> JsonResponse:
    """Every queue item (of one film when `movieId` is given), unknown ones included."""
    items = await _everything(services, include_movie=include_movie)
    return JsonResponse([r for r in items if movie_id is None or r.get("movieId") == movie_id])


@router.get("/status")
async def queue_status(services: ServicesDep) -> JsonResponse:
    """How many items are queued, and how many have errors or warnings (Radarr's QueueStatusResource)."""
    items = await _everything(services, include_movie=False)
    known = [r for r in items if r.get("movieId") is not None]
    unknown = [r for r in items if r.get("movieId") is None]
    return JsonResponse(
        {
            "totalCount": len(items),
            "count": len(known),
            "unknownCount": len(unknown),
            "errors": any(r.get("trackedDownloadStatus") == "error" for r in known),
            "warnings": any(r.get("trackedDownloadStatus") == "warning" for r in known),
            "unknownErrors": any(r.get("trackedDownloadStatus") == "error" for r in unknown),
            "unknownWarnings": any(r.get("trackedDownloadStatus") == "warning" for r in unknown),
        }
    )


@router.post("/grab/bulk")
async def grab_pending_releases(
    services: ServicesDep, body: Annotated[QueueBulkResource, Body()]
) -> JsonResponse:
    """Grab several releases waiting out their delay, now (404 when one no longer waits)."""
    for queue_id in body.ids:
        await _grab(services, queue_id)
    return JsonResponse({})


@router.post("/grab/{id}")
async def grab_pending_release(id: int, services: ServicesDep) -> JsonResponse:
    """Grab a release waiting out its delay, now."""
    await _grab(services, id)
    return JsonResponse({})


async def _grab(services: Services, queue_id: int) -> None:
    try:
        await services.pending_releases.grab(queue_id)
    except GrabFailed as error:
        raise Conflict(str(error)) from error


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
    pending = {p.id for p in await services.pending_releases.all()} if set(ids) - downloads.keys() else set()
    missing = [i for i in ids if i not in downloads and i not in pending]
    if missing:
        raise NotFound(f"Queue item {missing[0]} was not found")
    waiting = [queue_id for queue_id in ids if queue_id not in downloads]
    if waiting:
        await services.pending_releases.remove_many(waiting, blocklist=blocklist)  # as Radarr, no client
    for queue_id in ids:
        if queue_id not in downloads:
            continue
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
