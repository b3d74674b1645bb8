"""Collections kept in step with the library: they come with a film, go with the last one, and a
monitored one adds its missing films through the library's own add."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reelarr.collections.model import Collection, CollectionEdit, NewCollection
from reelarr.collections.service import CollectionService
from reelarr.collections.sync import films_to_add
from reelarr.errors import NotFound
from reelarr.jobs.events import CommandUpdated
from reelarr.metadata.models import CollectionMetadata
from reelarr.movies.events import MovieAdded, MovieGone
from reelarr.movies.model import AddMethod, Movie
from reelarr.movies.service import AddMovie, AddOutcome, MovieService

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
FetchCollection = Callable[[int], Awaitable[CollectionMetadata]]
ExcludedIds = Callable[[], Awaitable[set[int]]]
Enqueue = Callable[[str, dict[str, Any]], Awaitable[object]]


def new_collection_of(movie: Movie, added: MovieAdded | None = None) -> NewCollection | None:
    """The collection a film brings, with the film's options (None when it belongs to none); monitored,
    searching for what it adds as the film was searched for, when the film was added "with its
    collection"."""
    if not movie.collection_tmdb_id:
        return None
    return NewCollection(
        tmdb_id=movie.collection_tmdb_id,
        title=movie.collection_title or "",
        quality_profile_id=movie.quality_profile_id,
        root_folder_path=movie.root_folder_path,
        minimum_availability=movie.minimum_availability,
        tags=movie.tags,
        monitored=added is not None and added.monitor_collection,
        search_on_add=added is not None and added.monitor_collection and added.search,
    )


def add_requests(collection: Collection, tmdb_ids: list[int]) -> list[AddMovie]:
    """What adding films of a collection asks the library for: the collection's options, monitored."""
    return [
        AddMovie(
            tmdb_id=tmdb_id,
            quality_profile_id=collection.quality_profile_id,
            root_folder_path=collection.root_folder_path,
            monitored=True,
            minimum_availability=collection.minimum_availability,
            tags=collection.tags,
            search_for_movie=collection.search_on_add,
            add_method=AddMethod.COLLECTION,
        )
        for tmdb_id in tmdb_ids
    ]


@dataclass
class CollectionLibrary:
    """Follows the library's films to their collections and back."""

    collections: CollectionService
    movies: MovieService
    fetch: FetchCollection
    excluded_ids: ExcludedIds
    clock: Clock
    enqueue: Enqueue

    async def film_added(self, event: MovieAdded) -> None:
        """A film of a collection the library has not seen brings that collection, refreshed next; a
        film added "with its collection" monitors the collection even when it was there already (as
        Radarr's post-add does), which then adds its missing films."""
        try:
            movie = await self.movies.get(event.movie_id)
        except NotFound:
            return
        new = new_collection_of(movie, event)
        if new is None:
            return
        added = await self.collections.add(new)
        if added is None and event.monitor_collection:
            added = await self._monitor(new.tmdb_id)
        if added is not None:
            await self.enqueue("RefreshCollections", {"collectionIds": [added.id]})

    async def _monitor(self, tmdb_id: int) -> Collection | None:
        """Monitor a collection the library has; None when it has not, or it is monitored already."""
        found = await self.collections.find_by_tmdb_id(tmdb_id)
        if found is None or found.monitored:
            return None
        [monitored] = await self.collections.update_many([found.id], CollectionEdit(monitored=True))
        log.info("Monitoring collection %s [%s]: a film was added with it", found.title, tmdb_id)
        return monitored

    async def films_refreshed(self, event: CommandUpdated) -> None:
        """After a RefreshMovie, the collections its films turned out to be in (Radarr adds them as it
        refreshes a film), each refreshed next."""
        if event.command.get("name") != "RefreshMovie" or event.command.get("status") != "completed":
            return
        for collection in await self.discover():
            await self.enqueue("RefreshCollections", {"collectionIds": [collection.id]})

    async def film_gone(self, event: MovieGone) -> None:
        """A collection without a film left in the library goes."""
        if event.movie.collection_tmdb_id:
            await self.prune()

    async def discover(self) -> list[Collection]:
        """Add the collections of the library's films that are not there yet (films refreshed into one)."""
        known = await self.collections.tmdb_ids()
        added: list[Collection] = []
        for tmdb_id, movie_id in (await self.movies.collection_tmdb_ids()).items():
            if tmdb_id in known:
                continue
            new = new_collection_of(await self.movies.get(movie_id))
            collection = await self.collections.add(new) if new is not None else None
            if collection is not None:
                added.append(collection)
        return added

    async def prune(self) -> int:
        """Remove the collections no film of the library belongs to; how many went."""
        in_library = await self.movies.collection_tmdb_ids()
        gone = [
            id_ for tmdb_id, id_ in (await self.collections.tmdb_ids()).items() if tmdb_id not in in_library
        ]
        await self.collections.remove(gone)
        return len(gone)

    async def refresh(self, collection: Collection) -> Collection | None:
        """Take TMDB's data for a collection; one TMDB no longer has is removed (None)."""
        try:
            info = await self.fetch(collection.tmdb_id)
        except NotFound:
            log.warning(
                "Collection %s (TMDB %s) is gone from TMDB; removed", collection.title, collection.tmdb_id
            )
            await self.collections.remove([collection.id])
            return None
        return await self.collections.store_metadata(collection.id, info)

    async def add_missing(self, collection: Collection) -> AddOutcome | None:
        """Add the films of a monitored collection that are out, not in the library and not excluded."""
        if not collection.monitored:
            return None
        in_library = await self.movies.by_tmdb_ids(m.tmdb_id for m in collection.movies)
        missing = films_to_add(collection.movies, in_library, await self.excluded_ids(), self.clock().date())
        if not missing:
            return None
        outcome = await self.movies.add_each(add_requests(collection, [m.tmdb_id for m in missing]))
        for movie in outcome.added:
            log.info("Added %s from collection %s", movie.title, collection.title)
        return outcome
