"""/api/v3/history: what happened to the films' releases and files, paged, per film and since a date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Query
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
from reelarr.errors import ValidationFailed
from reelarr.history.model import HistoryEntry, HistoryEventType
from reelarr.integers import INT32_MAX
from reelarr.quality.profile import QualityProfile
from reelarr.quality.profile_rules import quality_cutoff_met
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/history", tags=["History"])
ServicesDep = Annotated[Services, Depends(get_services)]


class HistoryResource(Resource):
    """Radarr's HistoryResource."""

    id: int
    movie_id: int
    source_title: str
    languages: list[LanguageResource] = Field(default_factory=list)
    quality: QualityModelResource
    custom_formats: list[FormatNameResource] = Field(default_factory=list)
    custom_format_score: int = 0
    quality_cutoff_not_met: bool = False
    date: datetime
    download_id: str | None = None
    event_type: str
    data: dict[str, str] = Field(default_factory=dict)
    movie: dict[str, Any] | None = None


def _event_types(values: Sequence[str]) -> list[HistoryEventType]:
    found = []
    for value in values:
        for part in value.split(","):
            if not part.strip():
                continue
            event_type = HistoryEventType.parse(part)
            if event_type is None:
                raise ValidationFailed.single("eventType", f"'{part}' is not a history event type", part)
            found.append(event_type)
    return found


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


def _numbers(values: Sequence[str], name: str) -> list[int]:
    """Language or quality ids, which may be 0 (Unknown) or negative (Radarr's Any and Original)."""
    found = []
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if not part:
                continue
            try:
                number = int(part)
            except ValueError:
                number = None
            if number is None or not -INT32_MAX <= number <= INT32_MAX:
                raise ValidationFailed.single(name, f"'{part}' is not an id", part)
            found.append(number)
    return found


def _date(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as error:
        raise ValidationFailed.single("date", f"'{value}' is not a date", value) from error
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


async def history_resources(
    services: Services, entries: Sequence[HistoryEntry], *, include_movie: bool
) -> list[dict[str, Any]]:
    """The API view of history entries, with their films' resources when asked."""
    movies = await services.movies.with_files({e.movie_id for e in entries})
    profiles: dict[int, QualityProfile] = {p.id: p for p in await services.quality.profiles()}
    format_ids = {f.name: f.id for f in await services.custom_formats.all()}
    rendered: dict[int, dict[str, Any]] = {}
    if include_movie and movies:
        pairs = list(movies.values())
        for (movie, _file), resource in zip(pairs, await resources_with_files(services, pairs), strict=True):
            rendered[movie.id] = resource
    body = []
    for entry in entries:
        found = movies.get(entry.movie_id)
        profile = profiles.get(found[0].quality_profile_id) if found is not None else None
        score = entry.data.get("CustomFormatScore", "0")
        resource = HistoryResource(
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
            custom_format_score=int(score) if score.lstrip("-").isdecimal() else 0,
            quality_cutoff_not_met=profile is not None and not quality_cutoff_met(profile, entry.quality),
            date=entry.date,
            download_id=entry.download_id,
            event_type=entry.event_type.api_name,
            # Radarr writes the data's keys in camelCase, as every other name.
            data={key[:1].lower() + key[1:]: value for key, value in entry.data.items()},
            movie=rendered.get(entry.movie_id) if include_movie else None,
        ).dump()
        if not include_movie:
            resource.pop("movie", None)
        body.append(resource)
    return body


@router.get("")
async def history_page(
    services: ServicesDep,
    request: PagingQuery,
    event_type: Annotated[list[str], Query(alias="eventType")] = [],  # noqa: B006 - FastAPI copies defaults
    movie_ids: Annotated[list[str], Query(alias="movieIds")] = [],  # noqa: B006
    download_id: Annotated[str | None, Query(alias="downloadId")] = None,
    include_movie: Annotated[bool, Query(alias="includeMovie")] = False,
    languages: Annotated[list[str], Query()] = [],  # noqa: B006
    quality: Annotated[list[str], Query()] = [],  # noqa: B006
) -> JsonResponse:
    """A page of history, newest first (sort keys date, sourceTitle, eventType, movieId, id and
    movieMetadata.sortTitle), filtered as Radarr's is."""
    page = await services.history.paged(
        request,
        event_types=_event_types(event_type),
        movie_ids=_ids(movie_ids, "movieIds"),
        download_id=download_id or None,
        languages=_numbers(languages, "languages"),
        qualities=_numbers(quality, "quality"),
    )
    records = await history_resources(services, page.records, include_movie=include_movie)
    return JsonResponse(
        {
            "page": page.page,
            "pageSize": page.page_size,
            "sortKey": page.sort_key,
            "sortDirection": page.sort_direction.value,
            "totalRecords": page.total_records,
            "records": records,
        }
    )


@router.get("/movie")
async def movie_history(
    services: ServicesDep,
    movie_id: Annotated[int, Query(alias="movieId")],
    event_type: Annotated[list[str], Query(alias="eventType")] = [],  # noqa: B006
    include_movie: Annotated[bool, Query(alias="includeMovie")] = False,
) -> JsonResponse:
    """A film's history, newest first."""
    if not 0 < movie_id <= INT32_MAX:
        raise ValidationFailed.single("movieId", f"'{movie_id}' is not an id", movie_id)
    entries = await services.history.for_movie(movie_id, _event_types(event_type))
    return JsonResponse(await history_resources(services, entries, include_movie=include_movie))


@router.get("/since")
async def history_since(
    services: ServicesDep,
    date: Annotated[str, Query()],
    event_type: Annotated[list[str], Query(alias="eventType")] = [],  # noqa: B006
    include_movie: Annotated[bool, Query(alias="includeMovie")] = False,
) -> JsonResponse:
    """Every event from `date` on, oldest first."""
    entries = await services.history.since(_date(date), _event_types(event_type))
    return JsonResponse(await history_resources(services, entries, include_movie=include_movie))


@router.post("/failed/{id}")
async def mark_failed(id: int, services: ServicesDep) -> JsonResponse:
    """Mark the download of a history entry failed: blocklisted, and searched again if the options say so
    (Radarr's MarkAsFailed)."""
    await services.failed_downloads.mark_history_failed(id)
    return JsonResponse({})
