"""What Discover offers besides the lists' films: TMDB's recommendations for the library's films
(Radarr's GetRecommendedTmdbIds), TMDB's trending and popular films (Radarr reads them from its own
metadata server; Reelarr asks TMDB), and TMDB's details for every film shown, looked up within bounds.

The recommendations are the ones the movie refresh stored with each film; only the most recently
added films count, and a film recommended by more of them comes first. Details come from the TMDB
client (its cache, breaker and back-off), a few at a time and within a deadline: a film TMDB cannot
describe right now is left without details, never an error.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from reelarr.db.engine import Database
from reelarr.errors import NotFound, RemoteError
from reelarr.metadata.models import MovieMetadata, MovieSearchResult
from reelarr.metadata.tmdb import TmdbClient
from reelarr.movies.tables import MovieRow

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DiscoverLimits:
    """How much work one Discover answer may do."""

    recent_films: int = 50  # the library films whose recommendations count, latest added first
    recommendations: int = 60  # recommended films offered at most
    details: int = 250  # films looked up on TMDB per answer at most
    concurrency: int = 6  # TMDB lookups in flight at once
    deadline: float = 15.0  # seconds for all the lookups of one answer


class Chart(StrEnum):
    """TMDB's film charts Discover can show."""

    TRENDING = "trending"  # `/trending/movie/week`
    POPULAR = "popular"  # `/movie/popular`


@dataclass(frozen=True, slots=True)
class ChartFilms:
    """One chart's films, best first; empty with the reason when TMDB did not give it."""

    chart: Chart
    films: tuple[MovieSearchResult, ...] = ()
    error: str | None = None


async def chart_films(
    tmdb: TmdbClient, chart: Chart, limits: DiscoverLimits = DiscoverLimits()
) -> ChartFilms:
    """The chart's first page as TMDB gives it (cached by the client), or why it could not."""
    fetch = tmdb.trending_movies if chart is Chart.TRENDING else tmdb.popular_movies
    try:
        films = await asyncio.wait_for(fetch(), limits.deadline)
    except RemoteError as exc:
        log.warning("Discover: TMDB's %s films could not be read: %s", chart.value, exc)
        return ChartFilms(chart, error=str(exc))
    except TimeoutError:
        log.warning("Discover: TMDB's %s films did not come within %gs", chart.value, limits.deadline)
        return ChartFilms(chart, error=f"TMDB did not answer within {limits.deadline:g} seconds")
    return ChartFilms(chart, tuple(f for f in films if not f.adult))


async def recommended_tmdb_ids(
    db: Database, excluded: Iterable[int], limits: DiscoverLimits = DiscoverLimits()
) -> list[int]:
    """TMDB's recommendations for the latest added library films, most recommended first; films in
    the library and excluded ones left out."""
    async with db.read() as session:
        rows = (
            await session.execute(
                select(MovieRow.tmdb_id, MovieRow.recommendations)
                .order_by(MovieRow.added.desc(), MovieRow.id.desc())
                .limit(limits.recent_films)
            )
        ).all()
        library = set(await session.scalars(select(MovieRow.tmdb_id)))
    skip = library | set(excluded)
    counts: Counter[int] = Counter()
    for _, recommendations in rows:
        counts.update(dict.fromkeys((int(r) for r in recommendations or () if int(r) not in skip), 1))
    # Counter.most_common keeps first-seen order among equal counts: the latest film's first.
    return [tmdb_id for tmdb_id, _ in counts.most_common(limits.recommendations)]


async def film_details(
    tmdb: TmdbClient, tmdb_ids: Sequence[int], limits: DiscoverLimits = DiscoverLimits()
) -> dict[int, MovieMetadata]:
    """TMDB's details for as many of these films as it answers within the limits, by TMDB id."""
    wanted = list(dict.fromkeys(tmdb_ids))[: limits.details]
    if not wanted or not tmdb.configured:
        return {}
    gate = asyncio.Semaphore(limits.concurrency)
    found: dict[int, MovieMetadata] = {}

    async def one(tmdb_id: int) -> None:
        async with gate:
            try:
                found[tmdb_id] = await tmdb.movie(tmdb_id)
            except (RemoteError, NotFound) as exc:
                log.debug("No details for TMDB film %s: %s", tmdb_id, exc)

    tasks = [asyncio.create_task(one(tmdb_id)) for tmdb_id in wanted]
    _, late = await asyncio.wait(tasks, timeout=limits.deadline)
    for task in late:
        task.cancel()
    if late:
        await asyncio.gather(*late, return_exceptions=True)
        log.info("Discover: TMDB described %d of %d films in time", len(found), len(wanted))
    return found
