"""Commands of the movies package: RefreshMovie and MoviesSearch."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime, timedelta

from pydantic import Field

from reelarr.errors import NotFound
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec, CommandTrigger
from reelarr.metadata.models import Image, MovieMetadata
from reelarr.movies.availability import movie_status
from reelarr.movies.model import Movie, MovieStatus
from reelarr.movies.service import MovieService

Clock = Callable[[], datetime]
FetchMetadata = Callable[[int], Awaitable[MovieMetadata]]
CacheCovers = Callable[[int, Iterable[Image]], Awaitable[object]]
Rescan = Callable[[int], Awaitable[object]]
RescanPolicy = Callable[[], Awaitable[str]]  # the rescanAfterRefresh option: always, afterManual, never
# Films still coming out change often on TMDB; settled ones rarely do.
_RECENT = timedelta(days=30)
_REFRESH_RECENT_AFTER = timedelta(hours=12)
_REFRESH_SETTLED_AFTER = timedelta(days=30)


def refresh_due(movie: Movie, now: datetime) -> bool:
    """Whether the scheduled refresh should fetch this movie's metadata again."""
    if movie.last_info_sync is None:
        return True
    age = now - movie.last_info_sync
    if age >= _REFRESH_SETTLED_AFTER:
        return True
    today = now.date()
    status = movie_status(
        in_cinemas=movie.in_cinemas,
        digital=movie.digital_release,
        physical=movie.physical_release,
        tmdb_status=movie.tmdb_status,
        today=today,
    )
    home = [d for d in (movie.digital_release, movie.physical_release) if d is not None]
    recent = status != MovieStatus.RELEASED or any(today - d <= _RECENT for d in home)
    return recent and age >= _REFRESH_RECENT_AFTER


def rescan_after_refresh(policy: str, trigger: CommandTrigger, is_new_movie: bool) -> bool:
    """Radarr's rescanAfterRefresh: a new film is always scanned; else always, only after a refresh a
    person asked for, or never."""
    if is_new_movie or policy == "always":
        return True
    return policy == "afterManual" and trigger is CommandTrigger.MANUAL


class RefreshMovieBody(CommandBody):
    """Which movies to refresh; none means every movie that is due."""

    movie_ids: list[int] = Field(default_factory=list)
    movie_id: int | None = None
    is_new_movie: bool = False


def refresh_movie_command(
    movies: MovieService,
    fetch: FetchMetadata,
    cache_covers: CacheCovers,
    clock: Clock,
    rescan: Rescan | None = None,
    rescan_policy: RescanPolicy | None = None,
) -> CommandSpec:
    """RefreshMovie: fetch metadata from TMDB again, update the movies and covers, and rescan their folders
    (as rescanAfterRefresh says).

    As in Radarr, a refresh of every movie also rescans the folders of those whose metadata is not due.
    """

    async def run(body: RefreshMovieBody, ctx: CommandContext) -> str:
        ids = list(body.movie_ids) + ([body.movie_id] if body.movie_id else [])
        policy = await rescan_policy() if rescan_policy is not None else "always"
        scan = rescan if rescan_after_refresh(policy, ctx.trigger, body.is_new_movie) else None
        not_due: list[Movie] = []
        if ids:
            targets = [await movies.get(movie_id) for movie_id in ids]
        else:
            now = clock()
            every = await movies.all()
            targets = [movie for movie in every if refresh_due(movie, now)]
            not_due = [movie for movie in every if not refresh_due(movie, now)]
        for index, movie in enumerate(targets, start=1):
            await ctx.progress(f"Refreshing {movie.title} ({index}/{len(targets)})")
            try:
                metadata: MovieMetadata | None = await fetch(movie.tmdb_id)
            except NotFound:
                metadata = None
            updated = await movies.refresh_metadata(movie.id, metadata)
            covers = await cache_covers(updated.id, updated.images)
            if getattr(covers, "updated", False):
                # New cover files change the images' lastWrite links.
                await movies.announce_change(updated.id)
            if scan is not None:
                await scan(movie.id)
        if scan is not None:
            for index, movie in enumerate(not_due, start=1):
                await ctx.progress(f"Scanning disk for {movie.title} ({index}/{len(not_due)})")
                await scan(movie.id)
        return f"Refreshed {len(targets)} movie(s)"

    return CommandSpec("RefreshMovie", run, body=RefreshMovieBody)
