"""Changing movies one at a time or in bulk, and moving their folders when asked."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import shutil
from dataclasses import dataclass
from enum import StrEnum

from reelarr.errors import ValidationFailed
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec
from reelarr.jobs.queue import CommandQueue
from reelarr.movies.changes import MovieChanges
from reelarr.movies.model import MinimumAvailability, Movie
from reelarr.movies.paths import normalise
from reelarr.movies.service import MovieService


class ApplyTags(StrEnum):
    """How a bulk edit's tags combine with a movie's own."""

    ADD = "add"
    REMOVE = "remove"
    REPLACE = "replace"


@dataclass(frozen=True, slots=True)
class EditorRequest:
    """A change to several movies; None leaves a setting as it is."""

    movie_ids: tuple[int, ...]
    monitored: bool | None = None
    quality_profile_id: int | None = None
    minimum_availability: MinimumAvailability | None = None
    root_folder_path: str | None = None
    tags: tuple[int, ...] | None = None
    apply_tags: ApplyTags = ApplyTags.ADD
    move_files: bool = False


def combined_tags(current: tuple[int, ...], given: tuple[int, ...], how: ApplyTags) -> tuple[int, ...]:
    """A movie's tags after a bulk edit."""
    if how == ApplyTags.REPLACE:
        return tuple(sorted(set(given)))
    if how == ApplyTags.REMOVE:
        return tuple(sorted(set(current) - set(given)))
    return tuple(sorted(set(current) | set(given)))


class MovieEditor:
    """Applies edits through the movie service and queues folder moves."""

    def __init__(self, movies: MovieService, commands: CommandQueue) -> None:
        self._movies = movies
        self._commands = commands

    async def update(self, current: Movie, changes: MovieChanges, *, move_files: bool) -> Movie:
        """Change one movie; a new root folder moves its folder name there; files move when asked."""
        changes = with_root_folder(current, changes)
        updated = await self._movies.update(current.id, changes)
        await self._move_files([(current, updated)] if move_files else [])
        return updated

    async def edit(self, request: EditorRequest) -> list[Movie]:
        """Apply one change to several movies: all of them, or none when one breaks a rule."""
        if not request.movie_ids:
            raise ValidationFailed.single("movieIds", "'Movie Ids' must not be empty.")
        ids = list(dict.fromkeys(request.movie_ids))
        current = {movie.id: movie for movie in await self._movies.get_many(ids)}
        edits = []
        for movie_id in ids:
            movie = current[movie_id]
            tags = (
                combined_tags(movie.tags, request.tags, request.apply_tags)
                if request.tags is not None
                else None
            )
            changes = MovieChanges(
                monitored=request.monitored,
                minimum_availability=request.minimum_availability,
                quality_profile_id=request.quality_profile_id,
                root_folder_path=request.root_folder_path,
                tags=tags,
            )
            edits.append((movie_id, with_root_folder(movie, changes)))
        edited = await self._movies.update_many(edits)
        if request.move_files:
            await self._move_files([(current[movie.id], movie) for movie in edited])
        return edited

    async def _move_files(self, moves: list[tuple[Movie, Movie]]) -> None:
        for before, after in moves:
            if after.path != before.path:
                await self._commands.enqueue(
                    "MoveMovie",
                    {"movieId": before.id, "sourcePath": before.path, "destinationPath": after.path},
                )


def with_root_folder(current: Movie, changes: MovieChanges) -> MovieChanges:
    """A change naming a new root folder (and no path) moves the movie's folder name into it."""
    if (
        changes.path is None
        and changes.root_folder_path
        and normalise(changes.root_folder_path) != normalise(current.root_folder_path)
    ):
        return dataclasses.replace(
            changes, path=os.path.join(changes.root_folder_path, os.path.basename(current.path))
        )
    return changes


class MoveMovieBody(CommandBody):
    """Which movie folder moves where."""

    movie_id: int
    source_path: str
    destination_path: str


def _move_folder(source: str, destination: str) -> str:
    if not os.path.isdir(source):
        return f"Nothing to move: {source} does not exist"
    if os.path.exists(destination) and os.listdir(destination):
        raise ValidationFailed.single("destinationPath", f"{destination} already exists and is not empty")
    os.makedirs(os.path.dirname(destination), exist_ok=True)
    if os.path.isdir(destination):
        os.rmdir(destination)
    # shutil.move renames within a filesystem and copies then deletes across them: a crash while
    # copying leaves the source whole.
    shutil.move(source, destination)
    return f"Moved {source} to {destination}"


def move_movie_command() -> CommandSpec:
    """MoveMovie: move a movie's folder to its new path."""

    async def run(body: MoveMovieBody, ctx: CommandContext) -> str:
        await ctx.progress(f"Moving {body.source_path} to {body.destination_path}")
        return await asyncio.to_thread(_move_folder, body.source_path, body.destination_path)

    return CommandSpec("MoveMovie", run, body=MoveMovieBody)
