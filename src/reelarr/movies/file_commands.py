"""RescanMovie: look at one movie's folder (Bazarr sends `{movieId}`) or every movie's."""

from __future__ import annotations

from reelarr.errors import NotFound
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec
from reelarr.movies.files import MovieFileService, RootFolderUnavailable
from reelarr.movies.service import MovieService


class RescanMovieBody(CommandBody):
    """Which movie to rescan; none means every movie."""

    movie_id: int | None = None


def rescan_movie_command(movies: MovieService, files: MovieFileService) -> CommandSpec:
    """RescanMovie: bring movie file records in step with the disk (rescanning is idempotent)."""

    async def run(body: RescanMovieBody, ctx: CommandContext) -> str:
        if body.movie_id:
            movie = await movies.get(body.movie_id)
            await ctx.progress(f"Scanning disk for {movie.title}")
            result = await files.rescan(movie.id)
            return f"{movie.title}: {result.message}"
        every = await movies.all()
        unreachable: list[str] = []
        for index, movie in enumerate(every, start=1):
            await ctx.progress(f"Scanning disk for {movie.title} ({index}/{len(every)})")
            try:
                await files.rescan(movie.id)
            except RootFolderUnavailable:
                unreachable.append(movie.title)
            except NotFound:  # deleted while the scan ran
                continue
        message = f"Scanned {len(every) - len(unreachable)} movie(s)"
        if unreachable:
            message += f"; skipped {len(unreachable)} whose root folder is unreachable"
        return message

    return CommandSpec("RescanMovie", run, body=RescanMovieBody)
