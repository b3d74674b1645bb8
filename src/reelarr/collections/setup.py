"""How the collections package joins a running Reelarr: its services, command and event handlers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from reelarr.collections.commands import REFRESH_COLLECTIONS_MINUTES, refresh_collections_command
from reelarr.collections.health import MovieCollectionRootFolderCheck
from reelarr.collections.library import CollectionLibrary, Enqueue, ExcludedIds, FetchCollection
from reelarr.collections.service import CollectionService, OptionChecks, RootFolderPaths
from reelarr.db.engine import Database
from reelarr.events import EventBus
from reelarr.health.service import HealthService
from reelarr.jobs.events import CommandUpdated
from reelarr.jobs.registry import CommandRegistry
from reelarr.movies.events import MovieAdded, MovieGone
from reelarr.movies.service import MovieService


def build_collections(
    db: Database,
    clock: Callable[[], datetime],
    movies: MovieService,
    checks: OptionChecks,
    sources: tuple[FetchCollection, ExcludedIds],
    enqueue: Enqueue,
) -> CollectionLibrary:
    """The collections' store and the library follower around it."""
    fetch, excluded_ids = sources
    service = CollectionService(db, clock, checks)
    return CollectionLibrary(service, movies, fetch, excluded_ids, clock, enqueue)


def register_collections(
    registry: CommandRegistry,
    bus: EventBus,
    health: HealthService,
    library: CollectionLibrary,
    root_folders: RootFolderPaths,
) -> None:
    """RefreshCollections (daily, as Radarr's task), the collection a film brings or leaves, and the
    health check of the collections' root folders."""
    registry.add(
        refresh_collections_command(library, library.clock), every_minutes=REFRESH_COLLECTIONS_MINUTES
    )
    bus.subscribe(MovieAdded, library.film_added)
    bus.subscribe(MovieGone, library.film_gone)
    bus.subscribe(CommandUpdated, library.films_refreshed)
    health.register(MovieCollectionRootFolderCheck(library.collections, root_folders))
