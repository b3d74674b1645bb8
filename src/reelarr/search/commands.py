"""The search commands: RssSync, MoviesSearch, MissingMoviesSearch and CutoffUnmetMoviesSearch."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from pydantic import Field

from reelarr.indexers.service import IndexerService
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec, CommandTrigger
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


def rss_sync_command(search: SearchService) -> CommandSpec:
    """RssSync: decide about every RSS-enabled indexer's newest releases and those waiting out a delay."""

    async def run(_body: CommandBody, ctx: CommandContext) -> str:
        await ctx.progress("Fetching the indexers' RSS feeds")
        report = await search.rss_sync()
        return report.summary("RSS sync")

    return CommandSpec("RssSync", run)


def movies_search_command(search: SearchService, indexers: IndexerService) -> CommandSpec:
    """MoviesSearch: search every automatic indexer for each film named, as the user asked."""

    async def run(body: MoviesSearchBody, ctx: CommandContext) -> str:
        if (nothing := await why_nothing_can_be_searched(indexers)) is not None:
            return nothing
        user_invoked = ctx.trigger is CommandTrigger.MANUAL
        lines = []
        for number, movie_id in enumerate(body.movie_ids, start=1):
            await ctx.progress(f"Searching film {number} of {len(body.movie_ids)}")
            report = await search.search_movie(movie_id, user_invoked=user_invoked)
            lines.append(report.summary(f"Film {movie_id}"))
        return "; ".join(lines) if lines else "No films were named"

    return CommandSpec("MoviesSearch", run, body=MoviesSearchBody)


Candidates = Callable[[], Awaitable[list[Movie]]]


async def paced_search(
    films: Sequence[Movie], search: SearchService, indexers: IndexerService, ctx: CommandContext
) -> str:
    """Search films in turn while the indexers' hourly query budgets allow; the rest wait for the next run."""
    searched = chosen = 0
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
        report = await search.search_movie(movie.id, user_invoked=False, indexer_ids=granted)
        searched += 1
        chosen += len(report.chosen)
    message = f"Searched {searched} of {len(films)} film(s), chose a release for {chosen}"
    if searched < len(films) and next_at is not None:
        message += f"; the indexers' query budgets allow more from {next_at:%Y-%m-%d %H:%M} UTC"
    return message


def backlog_command(
    name: str, candidates: Candidates, search: SearchService, indexers: IndexerService
) -> CommandSpec:
    """A backlog search (missing or cutoff unmet films), paced by each indexer's query budget."""

    async def run(_body: CommandBody, ctx: CommandContext) -> str:
        if (nothing := await why_nothing_can_be_searched(indexers)) is not None:
            return nothing
        await ctx.progress("Finding the films to search for")
        return await paced_search(await candidates(), search, indexers, ctx)

    return CommandSpec(name, run)
