"""/api/v3/calendar and the iCal feed /feed/v3/calendar/radarr.ics."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated

from fastapi import Depends, Query
from fastapi.responses import Response

from reelarr.api.deps import get_services
from reelarr.api.json import JsonResponse
from reelarr.api.routing import ApiRouter
from reelarr.api.v3.movies import resources_with_files
from reelarr.errors import ValidationFailed
from reelarr.movies.calendar import ReleaseKind, release_events
from reelarr.movies.ical import calendar_feed
from reelarr.movies.model import Movie
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/calendar", tags=["Calendar"])
feed = ApiRouter(prefix="/feed/v3/calendar", tags=["CalendarFeed"])
ServicesDep = Annotated[Services, Depends(get_services)]
_KINDS = {kind.value.lower(): kind for kind in ReleaseKind}
FEED_DAYS_LIMIT = 36_525  # a century of releases either way


def _day(value: str | None, name: str, default: date) -> date:
    if not value:
        return default
    try:
        return (
            datetime.fromisoformat(value.replace("Z", "+00:00")).date()
            if "T" in value
            else date.fromisoformat(value)
        )
    except ValueError as error:
        raise ValidationFailed.single(name, f"'{value}' is not a date (yyyy-MM-dd)", value) from error


def _tags(values: list[str]) -> set[int]:
    tags: set[int] = set()
    for value in values:
        for part in value.split(","):
            if part.strip():
                if not part.strip().isdigit():
                    raise ValidationFailed.single("tags", "Tags are numeric ids", part)
                tags.add(int(part))
    return tags


@router.get("")
async def calendar(
    services: ServicesDep,
    start: str | None = None,
    end: str | None = None,
    unmonitored: bool = False,
    tags: Annotated[list[str], Query()] = [],  # noqa: B006 - FastAPI copies query defaults
) -> JsonResponse:
    """Movies with a release in the window (today to two days on, unless told), unmonitored on request."""
    today = services.clock().date()
    first = _day(start, "start", today)
    last = _day(end, "end", first + timedelta(days=2))
    if last < first:
        raise ValidationFailed.single("end", "'End' must not be before 'Start'", end)
    found = await services.movies.releasing_between(
        first, last, include_unmonitored=unmonitored, tags=_tags(tags)
    )
    found.sort(key=lambda pair: _first_release(pair[0]))
    return JsonResponse(await resources_with_files(services, found))


def _first_release(movie: Movie) -> date:
    return min(d for d in (movie.in_cinemas, movie.digital_release, movie.physical_release) if d)


def _feed_days(days: int) -> int:
    return min(max(days, 0), FEED_DAYS_LIMIT)


@feed.get("/radarr.ics")
async def ical_feed(
    services: ServicesDep,
    past_days: Annotated[int, Query(alias="pastDays")] = 7,
    future_days: Annotated[int, Query(alias="futureDays")] = 28,
    unmonitored: bool = False,
    tags: Annotated[list[str], Query()] = [],  # noqa: B006 - FastAPI copies query defaults
    release_types: Annotated[list[str], Query(alias="releaseTypes")] = [],  # noqa: B006
) -> Response:
    """Release dates as an iCalendar feed for calendar apps (authenticated by ?apikey=).

    Calendar apps ask for years: the window is clamped to a century either way, as Radarr answers
    any number rather than refusing it.
    """
    now = services.clock()
    first = now.date() - timedelta(days=_feed_days(past_days))
    last = now.date() + timedelta(days=_feed_days(future_days))
    wanted = {part.strip().lower() for value in release_types for part in value.split(",") if part.strip()}
    unknown = wanted - set(_KINDS)
    if unknown:
        raise ValidationFailed.single("releaseTypes", f"Unknown release types: {', '.join(sorted(unknown))}")
    kinds = frozenset(_KINDS[k] for k in wanted) or frozenset(ReleaseKind)
    found = await services.movies.releasing_between(
        first, last, include_unmonitored=unmonitored, tags=_tags(tags)
    )
    text = calendar_feed(release_events([movie for movie, _file in found], first, last, kinds), now=now)
    return Response(text, media_type="text/calendar; charset=utf-8")
