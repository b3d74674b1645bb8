"""/api/v3/importlist/movie (Radarr's ImportListMoviesController: GET the films the enabled lists offer,
and TMDB's recommended, trending and popular films, for Discover; POST adds films chosen there,
skipping those that cannot be added) and Reelarr's
/api/v3/importlist/cleanup/preview (what a sync's clean-up would do now).

The preview answers `{listSyncLevel, willAct, heldReason, movies: [{movieId, tmdbId, title, year,
action}]}`: `movies` are the library films on no enabled list and what the level does to each
(`action` is the level); `willAct` is false, with `heldReason` saying why, while a list's last fetch
failed, was empty or was truncated, or a list was never fetched, since the clean-up then does nothing.

A trending or popular chart TMDB could not give is left empty and named in the `X-Discover-Errors`
header (a JSON list of `{section, message}`, a Reelarr addition beside Radarr's answer).
"""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict
from typing import Annotated

from fastapi import Body, Depends, Query, Response

from reelarr.api.deps import get_services
from reelarr.api.json import JsonResponse
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.api.v3.discover_resources import ImportListMoviesResource, discover_resource
from reelarr.api.v3.movie_input import AddMovieInput
from reelarr.api.v3.movies import movie_resources, resource_context
from reelarr.errors import ValidationFailed
from reelarr.importlists.discover import Chart, ChartFilms, chart_films, film_details, recommended_tmdb_ids
from reelarr.importlists.model import ListSyncLevel
from reelarr.movies.service import AddMovie
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/importlist", tags=["ImportListMovies"])
ServicesDep = Annotated[Services, Depends(get_services)]


class CleanupMovieResource(Resource):
    """One library film the clean-up acts on, and how."""

    movie_id: int
    tmdb_id: int
    title: str
    year: int
    action: ListSyncLevel


class CleanupPreviewResource(Resource):
    """What a sync's clean-up would do now."""

    list_sync_level: ListSyncLevel
    will_act: bool
    held_reason: str | None = None
    movies: list[CleanupMovieResource]


@router.get("/movie")
async def list_offered_movies(
    services: ServicesDep,
    response: Response,
    include_recommendations: Annotated[bool, Query(alias="includeRecommendations")] = False,
    include_trending: Annotated[bool, Query(alias="includeTrending")] = False,
    include_popular: Annotated[bool, Query(alias="includePopular")] = False,
) -> list[ImportListMoviesResource]:
    """Every film the enabled lists offer, once, with the ids of the lists offering it; as asked,
    TMDB's recommendations for the library's films (those in the library and excluded ones left
    out), and TMDB's trending and popular films (flagged when in the library or excluded). Details
    come from TMDB when it answers in time; a chart TMDB did not give is named in X-Discover-Errors."""
    lists = services.import_lists
    offered = await lists.offered.of_lists([d.id for d in await lists.lists.enabled()])
    by_film: dict[int, list[int]] = defaultdict(list)
    for movie in offered:
        by_film[movie.tmdb_id].append(movie.list_id)
    first = {m.tmdb_id: m for m in reversed(offered)}
    excluded = await services.exclusions.excluded_ids()
    recommended = await recommended_tmdb_ids(services.db, excluded) if include_recommendations else []
    wanted = [Chart.TRENDING] * include_trending + [Chart.POPULAR] * include_popular
    charts = await asyncio.gather(*(chart_films(services.tmdb, chart) for chart in wanted))
    on_chart = {c.chart: [f.tmdb_id for f in c.films] for c in charts}
    charted = {f.tmdb_id: f for c in charts for f in c.films}
    trending, popular = on_chart.get(Chart.TRENDING, []), on_chart.get(Chart.POPULAR, [])
    details = await film_details(services.tmdb, [*recommended, *trending, *popular, *by_film])
    recommended = [tmdb_id for tmdb_id in recommended if tmdb_id in details]
    order = list(dict.fromkeys([*recommended, *trending, *popular, *by_film]))
    existing = set(await services.movies.by_tmdb_ids(order))
    ctx = await resource_context(services, local_covers=False)
    response.headers.update(_chart_errors(charts))
    return [
        discover_resource(
            tmdb_id,
            first.get(tmdb_id),
            details.get(tmdb_id),
            ctx,
            lists=sorted(set(by_film.get(tmdb_id, ()))),
            excluded=tmdb_id in excluded,
            existing=tmdb_id in existing,
            recommended=tmdb_id in recommended,
            trending=tmdb_id in trending,
            popular=tmdb_id in popular,
            charted=charted.get(tmdb_id),
        )
        for tmdb_id in order
    ]


def _chart_errors(charts: list[ChartFilms]) -> dict[str, str]:
    failed = [{"section": c.chart.value, "message": c.error} for c in charts if c.error is not None]
    # A header must be ASCII: JSON's \u escapes carry anything else.
    return {"X-Discover-Errors": json.dumps(failed, ensure_ascii=True)} if failed else {}


@router.post("/movie", responses={200: {"description": "Array of the MovieResources added"}})
async def add_offered_movies(
    services: ServicesDep, body: Annotated[list[AddMovieInput], Body()]
) -> JsonResponse:
    """Add the films chosen in Discover through the movie-adding service; as Radarr's AddMovies with
    errors ignored, a film that cannot be added (already there, unknown, a bad folder) is skipped."""
    requests: list[AddMovie] = []
    for item in body:
        try:
            requests.append(item.to_request())
        except ValidationFailed:
            continue
    outcome = await services.movies.add_each(requests)
    return JsonResponse(await movie_resources(services, outcome.added))


@router.get("/cleanup/preview")
async def preview_cleanup(services: ServicesDep) -> CleanupPreviewResource:
    """The library films a sync's clean-up would act on now, and whether it would act at all."""
    preview = await services.import_lists.sync.preview()
    will_act = preview.level != ListSyncLevel.DISABLED and preview.held is None
    return CleanupPreviewResource(
        list_sync_level=preview.level,
        will_act=will_act,
        held_reason=preview.held,
        movies=[
            CleanupMovieResource(
                movie_id=a.movie_id, tmdb_id=a.tmdb_id, title=a.title, year=a.year, action=a.action
            )
            for a in preview.actions
        ],
    )
