"""RenameFiles and RenameMovie: rename films' existing files (renaming an already named file does nothing)."""

from __future__ import annotations

from pydantic import Field

from reelarr.integers import INT32_MAX
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec
from reelarr.movies.service import MovieService
from reelarr.renaming.service import RenameService


class RenameFilesBody(CommandBody):
    """One film and the ids of its files to rename."""

    movie_id: int = Field(ge=1, le=INT32_MAX)
    files: list[int] = Field(default_factory=list)


class RenameMovieBody(CommandBody):
    """The films whose files to rename."""

    movie_ids: list[int] = Field(default_factory=list)


def rename_files_command(movies: MovieService, renames: RenameService) -> CommandSpec:
    """RenameFiles: rename chosen files of one film (the Organize modal's action)."""

    async def run(body: RenameFilesBody, ctx: CommandContext) -> str:
        movie = await movies.get(body.movie_id)
        await ctx.progress(f"Renaming {len(body.files)} files for {movie.title}")
        renamed = await renames.rename_files(movie.id, body.files)
        return f"{renamed} selected movie files renamed for {movie.title}"

    return CommandSpec("RenameFiles", run, body=RenameFilesBody)


def rename_movie_command(movies: MovieService, renames: RenameService) -> CommandSpec:
    """RenameMovie: rename every file of the chosen films."""

    async def run(body: RenameMovieBody, ctx: CommandContext) -> str:
        wanted = [i for i in dict.fromkeys(body.movie_ids) if 0 < i <= INT32_MAX]
        targets = await movies.get_many(wanted)
        total = 0
        for movie in targets:
            await ctx.progress(f"Renaming movie files for {movie.title}")
            total += await renames.rename_movie(movie)
        return f"{total} movie files renamed for {len(targets)} movie(s)"

    return CommandSpec("RenameMovie", run, body=RenameMovieBody)
