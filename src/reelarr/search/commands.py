"""The search commands: RssSync, MoviesSearch, MissingMoviesSearch and CutoffUnmetMoviesSearch."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any

from pydantic import Field

from reelarr.decisionlog.model import Source
from reelarr.downloads.grab import GrabService
from reelarr.indexers.service import IndexerService
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec, CommandTrigger
from reelarr.memory import collector_paused
from reelarr.movies.model import Movie
from reelarr.search.service import SearchService

NO_INDEXERS = "No indexers are configured, so nothing was searched"
NONE_AUTOMATIC = "No indexer is enabled for automatic search, so nothing was searched"


async def why_nothing_can_be_searched(indexers: IndexerService) -> str | None:
    """Why no automatic search can happen now, or None when an indexer is there for it."""
    if await indexers.enabled_for("automatic"):
        return None
    return NONE_AUTOMATIC if await indexers.providers.all() else NO_INDEXERS


class MoviesSearchBody(CommandBody):
    """Which movies to search releases for."""

    movie_ids: list[int] = Field(default_factory=list)


def rss_sync_command(search: SearchService, grabs: GrabService) -> CommandSpec:
    """RssSync: decide about every RSS-enabled indexer's newest releases and those waiting out a delay,
    and grab the best of each film."""

    async def run(_body: CommandBody, ctx: CommandContext) -> str:
        await ctx.progress("Fetching the indexers' RSS feeds")
        # A sync makes ~100,000 objects that live until it ends (releases, names, decisions) and that
        # the collector would walk to no avail, several times over a heap holding the library: paused
        # for the whole sync, awaits included, with the releases dropped before it resumes.
        with collector_paused():
            report = await search.rss_sync()
            grabbed = await grabs.process(report.decisions, source=Source.RSS)
            summary = f"{report.summary('RSS sync')}, {grabbed.summary()}"
            del report, grabbed
        return summary

    return CommandSpec("RssSync", run)


async def _search_and_grab(
    search: SearchService, grabs: GrabService, movie_id: int, *, user_invoked: bool, **options: Any
) -> tuple[str, int]:
    """Search one film and grab its best release; the summary line and how many were grabbed."""
    report = await search.search_movie(movie_id, user_invoked=user_invoked, **options)
    source = Source.USER_INVOKED_SEARCH if user_invoked else Source.SEARCH
    # A search grabs only for the film it searched, as Radarr's does.
    own = [d for d in report.decisions if d.movie_id == movie_id]
    grabbed = await grabs.process(own, source=source)
    return f"{report.summary(f'Film {movie_id}')}, {grabbed.summary()}", len(grabbed.grabbed)


def movies_search_command(search: SearchService, indexers: IndexerService, grabs: GrabService) -> CommandSpec:
    """MoviesSearch: search every automatic indexer for each film named, as the user asked."""

    async def run(body: MoviesSearchBody, ctx: CommandContext) -> str:
        if (nothing := await why_nothing_can_be_searched(indexers)) is not None:
            return nothing
        user_invoked = ctx.trigger is CommandTrigger.MANUAL
        lines = []
        for number, movie_id in enumerate(body.movie_ids, start=1):
            await ctx.progress(f"Searching film {number} of {len(body.movie_ids)}")
            line, _grabbed = await _search_and_grab(search, grabs, movie_id, user_invoked=user_invoked)
            lines.append(line)
        return "; ".join(lines) if lines else "No films were named"

    return CommandSpec("MoviesSearch", run, body=MoviesSearchBody)


Candidates = Callable[[], Awaitable[list[Movie]]]


async def paced_search(
    films: Sequence[Movie],
    search: SearchService,
    indexers: IndexerService,
    grabs: GrabService,
    ctx: CommandContext,
) -> str:
    """Search films in turn while the indexers' hourly query budgets allow; the rest wait for the next run."""
    searched = grabbed = 0
    next_at: datetime | None = None
    for movie in films:
        granted = []
        for definition in await indexers.enabled_for("automatic", tags=movie.tags):
            budget = await indexers.budget.take(definition.id, definition.options.queries_per_hour)
            if budget.granted:
                granted.append(definition.id)
            elif budget.next_at is not None:
                next_at = budget.next_at if next_at is None else min(next_at, budget.next_at)
        if not granted:
            if next_at is None:
                continue  # no indexer serves this film's tags
            break
        await ctx.progress(f"Searching {movie.title} ({movie.year}), film {searched + 1} of {len(films)}")
        _line, count = await _search_and_grab(
            search, grabs, movie.id, user_invoked=False, indexer_ids=granted
        )
        searched += 1
        grabbed += count
    message = f"Searched {searched} of {len(films)} film(s), grabbed a release for {grabbed}"
    if searched < len(films) and next_at is not None:
        message += f"; the indexers' query budgets allow more from {next_at:%Y-%m-%d %H:%M} UTC"
    return message


def backlog_command(
    name: str,
    candidates: Candidates,
    search: SearchService,
    indexers: IndexerService,
    grabs: GrabService,
) -> CommandSpec:
    """A backlog search (missing or cutoff unmet films), paced by each indexer's query budget."""

    async def run(_body: CommandBody, ctx: CommandContext) -> str:
        if (nothing := await why_nothing_can_be_searched(indexers)) is not None:
            return nothing
        await ctx.progress("Finding the films to search for")
        return await paced_search(await candidates(), search, indexers, grabs, ctx)

    return CommandSpec(name, run)
