"""The services of a running Reelarr process, built by app.py and handed to the API layer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from reelarr.auth.api_keys import ApiKeys
from reelarr.auth.sessions import Sessions
from reelarr.auth.throttle import LoginThrottle
from reelarr.auth.users import Users
from reelarr.autotagging.service import AutoTaggingService
from reelarr.blocklist.service import BlocklistService
from reelarr.collections.library import CollectionLibrary
from reelarr.configuration.store import ConfigStore
from reelarr.customfilters.service import CustomFilterService
from reelarr.customformats.service import CustomFormatService
from reelarr.db.engine import Database
from reelarr.decisionlog.service import DecisionLog
from reelarr.delayprofiles.service import DelayProfileService
from reelarr.downloadclients.service import DownloadClientService
from reelarr.downloads.config import DownloadClientConfigService
from reelarr.downloads.failed import FailedDownloads
from reelarr.downloads.grab import GrabService
from reelarr.downloads.pending import PendingReleases
from reelarr.downloads.tracking import TrackedDownloads
from reelarr.events import EventBus
from reelarr.extras.service import ExtraFileService
from reelarr.health.service import HealthService
from reelarr.history.service import HistoryService
from reelarr.host.lifecycle import Lifecycle
from reelarr.host.service import HostService
from reelarr.importlists.setup import ImportLists
from reelarr.imports.completed import CompletedDownloads
from reelarr.imports.manual import ManualImports
from reelarr.imports.service import DownloadImporter
from reelarr.indexers.config import IndexerConfigService
from reelarr.indexers.service import IndexerService
from reelarr.jobs.queue import CommandQueue
from reelarr.jobs.registry import CommandRegistry
from reelarr.jobs.scheduler import Scheduler
from reelarr.live import LiveHub
from reelarr.mediacover import ImageCache
from reelarr.mediamanagement.config import MediaManagementConfigService
from reelarr.metadata.settings import TmdbSettings
from reelarr.metadata.tmdb import TmdbClient
from reelarr.metadatafiles.service import MetadataFileService
from reelarr.movies.credits import CreditService
from reelarr.movies.editor import MovieEditor
from reelarr.movies.exclusions import ExclusionService
from reelarr.movies.files import MovieFileService
from reelarr.movies.library_import import LibraryImport
from reelarr.movies.list_cache import MovieListCache
from reelarr.movies.service import MovieService
from reelarr.naming.service import NamingService
from reelarr.notifications.dispatcher import NotificationDispatcher
from reelarr.notifications.service import NotificationService
from reelarr.observability.logreader import LogReader
from reelarr.providers.status import ProviderStatuses
from reelarr.quality.service import QualityService
from reelarr.releaseprofiles.service import ReleaseProfileService
from reelarr.remote import RemoteRegistry
from reelarr.remotepathmappings.service import RemotePathMappingService
from reelarr.renaming.service import RenameService
from reelarr.rootfolders.service import RootFolders
from reelarr.search.service import SearchService
from reelarr.settings import Settings
from reelarr.tags.service import TagService

if TYPE_CHECKING:
    from reelarr.observability.metrics import Metrics


@dataclass
class Services:
    """Everything a request handler may call; one instance per process."""

    settings: Settings
    clock: Callable[[], datetime]
    started_at: datetime
    db: Database
    bus: EventBus
    config: ConfigStore
    users: Users
    sessions: Sessions
    throttle: LoginThrottle
    api_keys: ApiKeys
    registry: CommandRegistry
    commands: CommandQueue
    scheduler: Scheduler
    health: HealthService
    quality: QualityService
    custom_formats: CustomFormatService
    root_folders: RootFolders
    tags: TagService
    auto_tagging: AutoTaggingService
    exclusions: ExclusionService
    delay_profiles: DelayProfileService
    release_profiles: ReleaseProfileService
    remote_path_mappings: RemotePathMappingService
    decision_log: DecisionLog
    search: SearchService
    metrics: Metrics
    live: LiveHub
    remote: RemoteRegistry
    media_covers: ImageCache
    tmdb: TmdbClient
    tmdb_settings: TmdbSettings
    movies: MovieService
    credits: CreditService
    movie_editor: MovieEditor
    movie_list_cache: MovieListCache
    movie_files: MovieFileService
    library_import: LibraryImport
    provider_statuses: ProviderStatuses
    indexers: IndexerService
    indexer_config: IndexerConfigService
    download_client_config: DownloadClientConfigService
    media_management: MediaManagementConfigService
    naming: NamingService
    download_clients: DownloadClientService
    history: HistoryService
    grabs: GrabService
    pending_releases: PendingReleases
    tracked_downloads: TrackedDownloads
    importer: DownloadImporter
    completed_downloads: CompletedDownloads
    manual_imports: ManualImports
    blocklist: BlocklistService
    failed_downloads: FailedDownloads
    extra_files: ExtraFileService
    renames: RenameService
    notifications: NotificationService
    notification_dispatcher: NotificationDispatcher
    collections: CollectionLibrary
    log_reader: LogReader
    import_lists: ImportLists
    host: HostService
    custom_filters: CustomFilterService
    lifecycle: Lifecycle
    metadata_files: MetadataFileService
    migration_version: int = 0
    database_version: str = ""
