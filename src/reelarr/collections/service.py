"""The collections: read, add as films bring them, refresh from TMDB, change their options, remove."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from reelarr.collections.model import Collection, CollectionEdit, NewCollection
from reelarr.collections.repository import apply_collection_metadata, movie_row, new_row, to_collection
from reelarr.collections.tables import CollectionMovieRow, CollectionRow
from reelarr.db.engine import Database
from reelarr.errors import NotFound, ValidationFailed, ValidationFailure
from reelarr.metadata.models import CollectionMetadata
from reelarr.movies.paths import normalise

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
ProfileExists = Callable[[int], Awaitable[bool]]
RootFolderPaths = Callable[[], Awaitable[list[str]]]
TagsExist = Callable[[Iterable[int]], Awaitable[set[int]]]


@dataclass(frozen=True, slots=True)
class OptionChecks:
    """What a change of a collection's options is checked against (other packages' answers)."""

    profile_exists: ProfileExists
    root_folders: RootFolderPaths
    existing_tags: TagsExist


def _not_found(collection_id: int) -> NotFound:
    return NotFound(f"Collection with ID {collection_id} does not exist")


class CollectionService:
    """Stores collections and their films; checks a change of options before writing it."""

    def __init__(self, db: Database, clock: Clock, checks: OptionChecks) -> None:
        self._db = db
        self._clock = clock
        self._checks = checks

    async def all(self) -> list[Collection]:
        """Every collection, by sort title."""
        async with self._db.read() as session:
            rows = list(await session.scalars(select(CollectionRow).order_by(CollectionRow.sort_title)))
            return await _with_movies(session, rows)

    async def get(self, collection_id: int) -> Collection:
        """One collection; NotFound when there is none with this id."""
        [found] = await self.get_many([collection_id])
        return found

    async def get_many(self, collection_ids: Sequence[int]) -> list[Collection]:
        """Collections in the order asked; NotFound for an unknown id."""
        wanted = list(dict.fromkeys(collection_ids))
        async with self._db.read() as session:
            rows = list(await session.scalars(select(CollectionRow).where(CollectionRow.id.in_(wanted))))
            found = {c.id: c for c in await _with_movies(session, rows)}
        for collection_id in wanted:
            if collection_id not in found:
                raise _not_found(collection_id)
        return [found[collection_id] for collection_id in wanted]

    async def find_by_tmdb_id(self, tmdb_id: int) -> Collection | None:
        """The collection with this TMDB id, if the library has it."""
        async with self._db.read() as session:
            row = await session.scalar(select(CollectionRow).where(CollectionRow.tmdb_id == tmdb_id))
            return (await _with_movies(session, [row]))[0] if row is not None else None

    async def tmdb_ids(self) -> dict[int, int]:
        """The TMDB id of every collection, to its id."""
        async with self._db.read() as session:
            return {
                tmdb_id: id_
                for id_, tmdb_id in await session.execute(select(CollectionRow.id, CollectionRow.tmdb_id))
            }

    async def add(self, new: NewCollection) -> Collection | None:
        """Add a collection first seen on a film; None when it is there already."""
        try:
            async with self._db.write() as session:
                if await session.scalar(select(CollectionRow.id).where(CollectionRow.tmdb_id == new.tmdb_id)):
                    return None
                row = new_row(new, self._clock())
                session.add(row)
                await session.flush()
                added = to_collection(row, [])
        except IntegrityError:  # added meanwhile by another process
            return None
        log.info("Added collection %s [%s]", added.title, added.tmdb_id)
        return added

    async def store_metadata(self, collection_id: int, info: CollectionMetadata) -> Collection:
        """Take TMDB's title, overview, images and films for a collection."""
        async with self._db.write() as session:
            row = await session.get(CollectionRow, collection_id, with_for_update=True)
            if row is None:
                raise _not_found(collection_id)
            apply_collection_metadata(row, info, self._clock())
            await session.execute(
                delete(CollectionMovieRow).where(CollectionMovieRow.collection_id == row.id)
            )
            parts = list({part.tmdb_id: movie_row(row.id, part) for part in info.parts}.values())
            session.add_all(parts)
            await session.flush()
            return to_collection(row, parts)

    async def update_many(self, collection_ids: Sequence[int], edit: CollectionEdit) -> list[Collection]:
        """Change the options of several collections at once, all or none."""
        failures = await self._failures(edit)
        if failures:
            raise ValidationFailed(failures)
        current = await self.get_many(collection_ids)
        async with self._db.write() as session:
            for collection in current:
                row = await session.get(CollectionRow, collection.id)
                if row is None:
                    raise _not_found(collection.id)
                _apply(row, edit)
        return await self.get_many(collection_ids)

    async def remove(self, collection_ids: Iterable[int]) -> None:
        """Remove collections (and their films' rows); unknown ids are ignored."""
        ids = list(collection_ids)
        if not ids:
            return
        async with self._db.write() as session:
            await session.execute(delete(CollectionMovieRow).where(CollectionMovieRow.collection_id.in_(ids)))
            await session.execute(delete(CollectionRow).where(CollectionRow.id.in_(ids)))

    async def _failures(self, edit: CollectionEdit) -> list[ValidationFailure]:
        failures: list[ValidationFailure] = []
        profile = edit.quality_profile_id
        if profile is not None and not await self._checks.profile_exists(profile):
            failures.append(ValidationFailure("qualityProfileId", "Quality profile does not exist", profile))
        root = edit.root_folder_path
        if root is not None:
            if not root.strip():
                failures.append(
                    ValidationFailure("rootFolderPath", "'Root Folder Path' must not be empty.", root)
                )
            elif normalise(root) not in {normalise(r) for r in await self._checks.root_folders()}:
                failures.append(ValidationFailure("rootFolderPath", "Root folder does not exist", root))
        if edit.tags:
            unknown = sorted(set(edit.tags) - await self._checks.existing_tags(edit.tags))
            if unknown:
                failures.append(ValidationFailure("tags", "Tag does not exist", unknown))
        return failures


def _apply(row: CollectionRow, edit: CollectionEdit) -> None:
    if edit.monitored is not None:
        row.monitored = edit.monitored
    if edit.search_on_add is not None:
        row.search_on_add = edit.search_on_add
    if edit.quality_profile_id is not None:
        row.quality_profile_id = edit.quality_profile_id
    if edit.root_folder_path is not None:
        row.root_folder_path = normalise(edit.root_folder_path)
    if edit.minimum_availability is not None:
        row.minimum_availability = edit.minimum_availability.value
    if edit.tags is not None:
        row.tags = sorted(set(edit.tags))


async def _with_movies(session: AsyncSession, rows: list[CollectionRow]) -> list[Collection]:
    if not rows:
        return []
    movies: dict[int, list[CollectionMovieRow]] = defaultdict(list)
    ids = [row.id for row in rows]
    for movie in await session.scalars(
        select(CollectionMovieRow).where(CollectionMovieRow.collection_id.in_(ids))
    ):
        movies[movie.collection_id].append(movie)
    return [to_collection(row, movies[row.id]) for row in rows]
