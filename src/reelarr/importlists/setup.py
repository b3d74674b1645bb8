"""The import lists' parts built together around the services they use (called once, by app.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from reelarr.configuration.store import ConfigStore
from reelarr.db.engine import Database
from reelarr.events import EventBus
from reelarr.health.service import HealthService
from reelarr.importlists.apps import IMDB_URL, PlexApp, SimklApp, TraktApp
from reelarr.importlists.base import ImportListContext
from reelarr.importlists.config import ImportListConfigService
from reelarr.importlists.health import ImportListRootFolderCheck, ImportListSignInCheck, ImportListStatusCheck
from reelarr.importlists.http import list_policy
from reelarr.importlists.offered import OfferedMovies
from reelarr.importlists.registry import import_list_registry
from reelarr.importlists.service import ImportListService
from reelarr.importlists.sync import ImportListSync
from reelarr.mediamanagement.config import MediaManagementConfigService
from reelarr.metadata.tmdb import TmdbClient
from reelarr.movies.exclusions import ExclusionService
from reelarr.movies.service import MovieService
from reelarr.providers.status import ProviderStatuses
from reelarr.quality.service import QualityService
from reelarr.remote import RemoteRegistry
from reelarr.rootfolders.service import RootFolders
from reelarr.tags.service import TagService


@dataclass(frozen=True, slots=True)
class ImportLists:
    """The lists (CRUD), their options, what they offer, and their sync."""

    lists: ImportListService
    config: ImportListConfigService
    offered: OfferedMovies
    sync: ImportListSync


@dataclass(frozen=True, slots=True)
class ImportListDependencies:
    """What the import lists use of the rest of Reelarr."""

    db: Database
    bus: EventBus
    clock: Callable[[], datetime]
    config: ConfigStore
    remote: RemoteRegistry
    tmdb: TmdbClient
    statuses: ProviderStatuses
    tags: TagService
    health: HealthService
    quality: QualityService
    root_folders: RootFolders
    movies: MovieService
    exclusions: ExclusionService
    media_management: MediaManagementConfigService
    timeout: float  # seconds a list may take to answer
    hide_url: Callable[[str], None]  # the httpx log filter's: keeps a secret address out of log lines
    trakt: TraktApp = field(default_factory=TraktApp)
    imdb_url: str = IMDB_URL
    simkl: SimklApp = field(default_factory=SimklApp)
    plex: PlexApp = field(default_factory=PlexApp)


def build_import_lists(deps: ImportListDependencies) -> ImportLists:
    """The import lists, registered with tags and health."""
    lists = ImportListService(
        deps.db,
        deps.bus,
        deps.clock,
        import_list_registry(),
        deps.statuses,
        deps.tags.existing,
        ImportListContext(
            deps.remote,
            deps.tmdb,
            list_policy(deps.timeout),
            deps.clock,
            deps.hide_url,
            deps.trakt,
            deps.imdb_url,
            deps.simkl,
            deps.plex,
        ),
        profile_exists=deps.quality.exists,
        root_folders=deps.root_folders.paths,
    )
    deps.tags.register_usage("importListIds", lists.providers.ids_with_tag)
    deps.health.register(ImportListStatusCheck(lists, deps.clock))
    deps.health.register(ImportListSignInCheck(lists))
    deps.health.register(ImportListRootFolderCheck(lists, deps.root_folders.paths))
    config = ImportListConfigService(deps.config, deps.bus, deps.tags.existing)
    offered = OfferedMovies(deps.db)
    media = deps.media_management

    async def recycle_bin() -> str:
        return (await media.get()).recycle_bin

    tmdb = deps.tmdb
    sync = ImportListSync(
        lists,
        offered,
        config,
        deps.movies,
        deps.exclusions.excluded_ids,
        (tmdb.find_by_imdb_id, lambda title, year: tmdb.search_movies(title, year=year)),
        recycle_bin,
        deps.clock,
    )
    return ImportLists(lists, config, offered, sync)
