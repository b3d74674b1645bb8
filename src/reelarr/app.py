"""The composition root: builds the services, the ASGI app and the background workers."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from reelarr import RADARR_VERSION, __version__
from reelarr.api import login, metrics, root, ws
from reelarr.api.auth_middleware import AuthMiddleware
from reelarr.api.compression import CompressionMiddleware
from reelarr.api.errors import ErrorBoundary, install_error_handlers
from reelarr.api.middleware import ConventionsMiddleware, UrlBaseMiddleware
from reelarr.api.openapi_errors import install_radarr_error_responses
from reelarr.api.routing import path_canonicalizer, query_name_map
from reelarr.api.security_headers import SecurityHeadersMiddleware, content_security_policy
from reelarr.api.static import UI_DIR, WebUi
from reelarr.api.v3 import autotagging as autotagging_api
from reelarr.api.v3 import backup as backup_api
from reelarr.api.v3 import blocklist as blocklist_api
from reelarr.api.v3 import calendar as calendar_api
from reelarr.api.v3 import collection as collection_api
from reelarr.api.v3 import (
    commands,
    config_downloadclient,
    config_host,
    config_importlist,
    config_indexer,
    config_mediamanagement,
    config_metadata,
    config_naming,
    config_ui,
    health,
    importlist_movies,
    importlists,
    languages,
    mediacover,
    movies,
    parse,
    quality,
    system,
    system_lifecycle,
    system_routes,
)
from reelarr.api.v3 import credits as credits_api
from reelarr.api.v3 import customfilter as customfilter_api
from reelarr.api.v3 import customformat as customformat_api
from reelarr.api.v3 import delayprofile as delayprofile_api
from reelarr.api.v3 import diskspace as diskspace_api
from reelarr.api.v3 import downloadclients as downloadclients_api
from reelarr.api.v3 import exclusions as exclusions_api
from reelarr.api.v3 import extrafile as extrafile_api
from reelarr.api.v3 import filesystem as filesystem_api
from reelarr.api.v3 import history as history_api
from reelarr.api.v3 import indexers as indexers_api
from reelarr.api.v3 import library_import as library_import_api
from reelarr.api.v3 import localization as localization_api
from reelarr.api.v3 import log as log_api
from reelarr.api.v3 import logfile as logfile_api
from reelarr.api.v3 import manualimport as manualimport_api
from reelarr.api.v3 import metadata as metadata_api
from reelarr.api.v3 import moviefile as moviefile_api
from reelarr.api.v3 import notifications as notifications_api
from reelarr.api.v3 import queue as queue_api
from reelarr.api.v3 import release as release_api
from reelarr.api.v3 import release_decisions as release_decisions_api
from reelarr.api.v3 import releaseprofile as releaseprofile_api
from reelarr.api.v3 import remotepathmapping as remotepathmapping_api
from reelarr.api.v3 import rename as rename_api
from reelarr.api.v3 import rootfolder as rootfolder_api
from reelarr.api.v3 import tags as tags_api
from reelarr.api.v3 import tmdb as tmdb_api
from reelarr.api.v3 import update as update_api
from reelarr.api.v3 import wanted as wanted_api
from reelarr.auth.api_keys import ApiKeys
from reelarr.auth.commands import reset_api_key_command
from reelarr.auth.housekeeping import register_housekeeping as register_auth_housekeeping
from reelarr.auth.passwords import Passwords
from reelarr.auth.sessions import Sessions
from reelarr.auth.throttle import LoginThrottle
from reelarr.auth.users import Users
from reelarr.autotagging.service import AutoTaggingService, tag_changes
from reelarr.backups.commands import DEFAULT_BACKUP_MINUTES, backup_command, schedule_backups
from reelarr.backups.events import BackupRestored
from reelarr.backups.service import BackupService
from reelarr.blocklist.commands import clear_blocklist_command
from reelarr.blocklist.service import BlocklistService
from reelarr.collections.service import OptionChecks
from reelarr.collections.setup import build_collections, register_collections
from reelarr.configuration.backup import backup_section
from reelarr.configuration.store import ConfigStore
from reelarr.customfilters.service import CustomFilterService
from reelarr.customformats.input import FormatInput
from reelarr.customformats.model import CustomFormat
from reelarr.customformats.service import CustomFormatService
from reelarr.db.base import utcnow
from reelarr.db.engine import Database
from reelarr.db.migrate import current_revision, migrate
from reelarr.decisionlog.service import DecisionLog
from reelarr.delayprofiles.service import DelayProfileService
from reelarr.downloadclients.health import download_client_checks
from reelarr.downloadclients.registry import download_client_registry
from reelarr.downloadclients.service import DownloadClientService
from reelarr.downloadclients.setup_health import DownloadClientRootFolderCheck, DownloadClientSortingCheck
from reelarr.downloads.commands import CHECK_EVERY_MINUTES, refresh_monitored_downloads_command
from reelarr.downloads.config import DownloadClientConfigService
from reelarr.downloads.events import DownloadClientConfigChanged
from reelarr.downloads.failed import FailedDownloads
from reelarr.downloads.grab import GrabService
from reelarr.downloads.pending import PendingReleases
from reelarr.downloads.tracking import TrackedDownloads
from reelarr.downloads.watcher import DownloadWatcher
from reelarr.events import EventBus, EventsMissed
from reelarr.events_bridge import SharedEventBridge, shared_event_bridge
from reelarr.extras.service import ExtraFileService
from reelarr.health.checks import DatabaseCheck, DataDirectoryCheck
from reelarr.health.commands import check_health_command
from reelarr.health.service import HealthService
from reelarr.history.file_deletions import FileDeletionHistory
from reelarr.history.service import HistoryService
from reelarr.host.config import HostConfigChanged
from reelarr.host.lifecycle import Lifecycle
from reelarr.host.service import HostService
from reelarr.importlists.apps import (
    IMDB_URL,
    PLEX_DISCOVER_URL,
    PLEX_TV_URL,
    SIMKL_API_URL,
    TRAKT_API_URL,
    PlexApp,
    SimklApp,
    TraktApp,
)
from reelarr.importlists.commands import SYNC_EVERY_MINUTES, import_list_sync_command
from reelarr.importlists.http import list_policy
from reelarr.importlists.plex import PlexListSettings
from reelarr.importlists.plex_keepalive import (
    PING_EVERY_MINUTES,
    PlexKeepAlive,
    PlexToken,
    plex_keepalive_command,
)
from reelarr.importlists.setup import ImportListDependencies, build_import_lists
from reelarr.imports.commands import downloaded_movies_scan_command, manual_import_command
from reelarr.imports.completed import CompletedDownloads
from reelarr.imports.health import import_checks
from reelarr.imports.manual import ManualImports
from reelarr.imports.service import DownloadImporter, ImportSources
from reelarr.indexers.config import IndexerConfigService
from reelarr.indexers.events import IndexerConfigChanged
from reelarr.indexers.health import indexer_checks
from reelarr.indexers.parse_pool import FeedParsePool, default_workers
from reelarr.indexers.registry import indexer_registry
from reelarr.indexers.service import IndexerLimits, IndexerService
from reelarr.jobs.executor import CommandExecutor
from reelarr.jobs.housekeeping import housekeeping_command, messaging_cleanup_command
from reelarr.jobs.queue import CommandQueue
from reelarr.jobs.registry import CommandRegistry
from reelarr.jobs.scheduler import Scheduler
from reelarr.jobs.workers import WorkerIdentity, WorkerRegistry
from reelarr.live import LiveHub
from reelarr.mediacover import ImageCache
from reelarr.mediafiles.mediainfo import MediaInfoReader
from reelarr.mediamanagement.config import MediaManagementConfigService
from reelarr.mediamanagement.library import LibraryUpkeep
from reelarr.mediamanagement.recycle_bin import clean_up_recycle_bin_command
from reelarr.memory import return_big_blocks
from reelarr.metadata.health import TmdbCheck
from reelarr.metadata.settings import TmdbSettings, TmdbSettingsChanged
from reelarr.metadata.tmdb import TmdbClient
from reelarr.metadatafiles.kometa import MetadataCheck
from reelarr.metadatafiles.registry import metadata_registry
from reelarr.metadatafiles.service import MetadataFileService
from reelarr.movies.commands import refresh_movie_command
from reelarr.movies.credits import CreditService
from reelarr.movies.editor import MovieEditor, move_movie_command
from reelarr.movies.events import MovieAdded, MovieDeleted
from reelarr.movies.exclusions import ExclusionService
from reelarr.movies.file_commands import rescan_movie_command
from reelarr.movies.files import FileHooks, MovieFileService
from reelarr.movies.library_import import ImportLookups, LibraryImport
from reelarr.movies.list_cache import MovieListCache
from reelarr.movies.service import AutoTagger, LibraryHooks, MovieService
from reelarr.movies.wanted import WantedMovies
from reelarr.naming.service import NamingService
from reelarr.naming.subject import named_metadata
from reelarr.notifications.app_update import record_running_version
from reelarr.notifications.base import NotificationContext
from reelarr.notifications.dispatcher import NotificationDispatcher, Retries
from reelarr.notifications.health import NotificationStatusCheck
from reelarr.notifications.payloads import Instance
from reelarr.notifications.plex import PlexServerSettings, client_identifier
from reelarr.notifications.registry import notification_registry
from reelarr.notifications.service import NotificationService
from reelarr.notifications.sources import EventSources, Lookups
from reelarr.observability.logfolder import LogFolder
from reelarr.observability.logreader import LogReader
from reelarr.observability.metrics import Metrics, MetricsMiddleware
from reelarr.plugins import PluginHost, load_plugins
from reelarr.providers.events import ProviderChanged
from reelarr.providers.status import ProviderStatuses
from reelarr.quality.commands import reset_quality_definitions_command
from reelarr.quality.service import QualityService
from reelarr.releaseprofiles.service import ReleaseProfileService
from reelarr.remote import RemoteRegistry
from reelarr.remotepathmappings.service import RemotePathMappingService
from reelarr.renaming.commands import rename_files_command, rename_movie_command
from reelarr.renaming.service import RenameService
from reelarr.rootfolders.events import RootFolderAdded, RootFolderDeleted
from reelarr.rootfolders.health import RootFolderCheck
from reelarr.rootfolders.service import RootFolders
from reelarr.search.commands import backlog_command, movies_search_command, rss_sync_command
from reelarr.search.formats import FormatScorer
from reelarr.search.known_films import KnownFilms
from reelarr.search.service import SearchService
from reelarr.search.snapshot import SnapshotSources
from reelarr.services import Services
from reelarr.settings import Settings
from reelarr.tags.service import TagService

log = logging.getLogger(__name__)
# Radarr's default RSS sync interval (minutes), until the indexer options are read.
DEFAULT_RSS_SYNC_MINUTES = 30
Clock = Callable[[], datetime]


def register_commands(services: Services) -> None:
    """The commands and scheduled tasks every process knows (intervals as Radarr's, in minutes)."""
    registry = services.registry
    registry.add(check_health_command(services.health), every_minutes=6 * 60)
    registry.add(messaging_cleanup_command(services.commands, services.clock), every_minutes=5)
    registry.add(housekeeping_command(registry), every_minutes=24 * 60)
    register_auth_housekeeping(registry, services.sessions, services.throttle)
    registry.add_housekeeping("release decisions older than 30 days", services.decision_log.delete_expired)
    registry.add(reset_api_key_command(services.api_keys))
    registry.add(reset_quality_definitions_command(services.quality))
    registry.add(
        refresh_movie_command(
            services.movies,
            services.tmdb.movie,
            services.media_covers.ensure,
            services.clock,
            rescan=services.movie_files.rescan_quietly,
            rescan_policy=services.media_management.rescan_after_refresh,
        ),
        every_minutes=24 * 60,
    )
    registry.add(rescan_movie_command(services.movies, services.movie_files))
    registry.add(rename_files_command(services.movies, services.renames))
    registry.add(rename_movie_command(services.movies, services.renames))
    registry.add(movies_search_command(services.search, services.indexers, services.grabs))
    registry.add(rss_sync_command(services.search, services.grabs), every_minutes=DEFAULT_RSS_SYNC_MINUTES)
    registry.add(import_list_sync_command(services.import_lists.sync), every_minutes=SYNC_EVERY_MINUTES)
    registry.add(plex_keepalive_command(_plex_keepalive(services)), every_minutes=PING_EVERY_MINUTES)
    registry.add(
        backlog_command(
            "MissingMoviesSearch",
            services.search.missing,
            services.search,
            services.indexers,
            services.grabs,
        )
    )
    registry.add(
        backlog_command(
            "CutoffUnmetMoviesSearch",
            services.search.cutoff_unmet,
            services.search,
            services.indexers,
            services.grabs,
        )
    )
    registry.add(move_movie_command())
    registry.add(
        refresh_monitored_downloads_command(
            services.tracked_downloads, services.completed_downloads, services.failed_downloads.process_failed
        ),
        every_minutes=CHECK_EVERY_MINUTES,
    )
    registry.add(clear_blocklist_command(services.blocklist))
    backups = BackupService(services.settings.data_dir, services.db, services.clock)
    registry.add(
        backup_command(backups, backup_section(services.config, services.bus)),
        every_minutes=DEFAULT_BACKUP_MINUTES,
    )
    registry.add(manual_import_command(services.manual_imports))
    registry.add(downloaded_movies_scan_command(services.manual_imports))
    registry.add(
        clean_up_recycle_bin_command(services.media_management, services.clock), every_minutes=24 * 60
    )
    register_collections(
        registry, services.bus, services.health, services.collections, services.root_folders.paths
    )


def subscribe_handlers(services: Services) -> None:
    """Reactions of one package to another's events."""

    async def after_add(event: MovieAdded) -> None:
        await services.commands.enqueue("RefreshMovie", {"movieIds": [event.movie_id], "isNewMovie": True})
        if event.search:
            await services.commands.enqueue("MoviesSearch", {"movieIds": [event.movie_id]})

    async def after_delete(event: MovieDeleted) -> None:
        await services.media_covers.delete(event.movie_id)

    async def after_indexer_options(_event: IndexerConfigChanged) -> None:
        await _schedule_rss_sync(services)
        await services.scheduler.sync_tasks()

    async def after_download_client_options(_event: DownloadClientConfigChanged) -> None:
        await _schedule_download_checks(services)
        await services.scheduler.sync_tasks()

    services.bus.subscribe(MovieAdded, after_add)
    services.bus.subscribe(MovieDeleted, after_delete)

    async def after_restore(_event: BackupRestored) -> None:
        # Every cache of database contents drops them on EventsMissed, as after a lost link to the others.
        await services.bus.publish(EventsMissed())

    async def after_missed(_event: EventsMissed) -> None:
        # The options the schedule follows may have changed unseen (a restore brings other ones).
        await _schedule_rss_sync(services)
        await _schedule_download_checks(services)
        await services.scheduler.sync_tasks()

    services.bus.subscribe(IndexerConfigChanged, after_indexer_options, remote=True)
    services.bus.subscribe(DownloadClientConfigChanged, after_download_client_options, remote=True)
    services.bus.subscribe(BackupRestored, after_restore, remote=True)
    services.bus.subscribe(EventsMissed, after_missed)
    # Settings the health checks read: a health run begun before one of these changed is not shared.
    for change in (
        ProviderChanged,
        RootFolderAdded,
        RootFolderDeleted,
        TmdbSettingsChanged,
        HostConfigChanged,
        IndexerConfigChanged,
        DownloadClientConfigChanged,
        EventsMissed,
    ):
        services.bus.subscribe(change, services.health.changed, remote=True)


async def _schedule_rss_sync(services: Services) -> None:
    """RssSync runs as often as the indexer options say (0: never on its own)."""
    services.registry.schedule("RssSync", (await services.indexer_config.get()).rss_sync_interval)


async def _schedule_download_checks(services: Services) -> None:
    """RefreshMonitoredDownloads runs as often as the download client options say."""
    interval = (await services.download_client_config.get()).check_for_finished_download_interval
    services.registry.schedule("RefreshMonitoredDownloads", interval)


def build_services(
    settings: Settings, db: Database, clock: Clock, lifecycle: Lifecycle | None = None
) -> Services:
    """Create every service of the process around an open database."""
    bus = EventBus()
    config = ConfigStore(db)
    registry = CommandRegistry()
    queue = CommandQueue(
        db,
        bus,
        registry,
        clock,
        default_max_attempts=settings.command_max_attempts,
        retry_base_seconds=settings.command_retry_base_seconds,
        retry_max_seconds=settings.command_retry_max_seconds,
    )
    health_service = HealthService(bus)
    health_service.register(DatabaseCheck(db))
    health_service.register(DataDirectoryCheck(settings.data_dir))
    root_folders = RootFolders(db, bus, clock, data_dir=settings.data_dir)
    health_service.register(RootFolderCheck(root_folders))
    fixed_key = settings.api_key.get_secret_value() if settings.api_key else None
    api_keys = ApiKeys(config, bus, fixed_key)
    users = Users(db, Passwords(), clock)
    host = HostService(config, bus, settings, api_keys, users)
    remote = RemoteRegistry()
    tmdb = TmdbClient.from_registry(remote)
    health_service.register(TmdbCheck(tmdb, remote))
    custom_formats = CustomFormatService(db, bus)
    quality = QualityService(db, bus, format_names=custom_formats.names)
    custom_formats.after_change = quality.sync_formats
    tags = TagService(db, bus)
    auto_tagging = AutoTaggingService(db, bus, existing_tags=tags.existing)
    tags.register_usage("autoTagIds", auto_tagging.ids_with_tag)

    async def auto_tagger() -> AutoTagger:
        rules = await auto_tagging.all()
        today = clock().date()
        return lambda movie: tag_changes(rules, movie, today).applied_to(movie.tags)

    async def formats_of(subject: FormatInput) -> tuple[CustomFormat, ...]:
        return (await custom_formats.matcher()).matches(subject)

    naming = NamingService(db, bus, quality_title=quality.title, formats_of=formats_of)
    movie_service = MovieService(
        db,
        bus,
        clock,
        LibraryHooks(
            root_folders=root_folders.paths,
            profile_exists=quality.exists,
            metadata=tmdb.movie,
            existing_tags=tags.existing,
            auto_tagging=auto_tagger,
            folder_name=lambda info: naming.folder_name(named_metadata(info)),
        ),
    )
    tags.register_usage("movieIds", movie_service.ids_with_tag)
    root_folders.known_paths = movie_service.paths
    root_folders.in_use = movie_service.uses_root_folder
    quality.in_use = movie_service.uses_profile
    exclusions = ExclusionService(db, bus)
    provider_statuses = ProviderStatuses(db, bus, clock, started_at=clock())
    indexers = IndexerService(
        db,
        bus,
        clock,
        remote,
        indexer_registry(),
        provider_statuses,
        tags.existing,
        IndexerLimits(
            request_timeout=settings.indexer_timeout_seconds,
            search_deadline=2 * settings.indexer_timeout_seconds,
            rss_deadline=4 * settings.indexer_timeout_seconds,
            request_interval=settings.indexer_request_interval_seconds,
        ),
        FeedParsePool(
            default_workers() if settings.feed_parse_workers is None else settings.feed_parse_workers
        ),
    )
    tags.register_usage("indexerIds", indexers.providers.ids_with_tag)
    remote_path_mappings = RemotePathMappingService(db)
    download_clients = DownloadClientService(
        db, bus, clock, download_client_registry(), provider_statuses, tags.existing, remote_path_mappings
    )
    tags.register_usage("downloadClientIds", download_clients.providers.ids_with_tag)
    indexers.download_client_exists = download_clients.providers.exists
    for check in indexer_checks(indexers, clock, download_clients.enabled_ids):
        health_service.register(check)
    for check in download_client_checks(download_clients, clock):
        health_service.register(check)
    delay_profiles = DelayProfileService(db, bus, tags.existing)
    tags.register_usage("delayProfileIds", delay_profiles.ids_with_tag)
    release_profiles = ReleaseProfileService(db, bus, tags.existing, indexer_exists=indexers.providers.exists)
    tags.register_usage("releaseProfileIds", release_profiles.ids_with_tag)
    decision_log = DecisionLog(db, clock)
    history = HistoryService(db)
    FileDeletionHistory(history, movie_service, clock).subscribe(bus)
    blocklist = BlocklistService(db)
    indexer_config = IndexerConfigService(config, bus)
    media_management = MediaManagementConfigService(config, bus)
    tracked = TrackedDownloads(download_clients, history, movie_service, bus, clock, root_folders)
    search = SearchService(
        movie_service,
        indexers,
        indexer_config,
        decision_log,
        SnapshotSources(
            quality,
            delay_profiles,
            release_profiles,
            custom_formats,
            decision_log,
            history,
            media_management,
            blocklist,
            tracked.queued_by_film,
        ),
        clock,
        KnownFilms(bus, movie_service.keys),
        WantedMovies(db, movie_service, quality, custom_formats),
    )
    grabs = GrabService(download_clients, indexers, history, decision_log, bus, clock)
    download_client_config = DownloadClientConfigService(config, bus)
    for check in import_checks(download_client_config, download_clients, tracked, remote_path_mappings):
        health_service.register(check)
    health_service.register(
        DownloadClientRootFolderCheck(download_clients, root_folders.paths, remote_path_mappings)
    )
    health_service.register(DownloadClientSortingCheck(download_clients))
    media_reader = MediaInfoReader()
    upkeep = LibraryUpkeep(media_management, movie_service)
    upkeep.subscribe(bus)
    movie_files = MovieFileService(
        db,
        bus,
        clock,
        movie_service,
        FileHooks(
            root_folders=root_folders.paths,
            profile=quality.profile,
            create_missing_folder=upkeep.create_missing_folder,
        ),
        reader=media_reader,
    )

    extra_files = ExtraFileService(db, bus, clock, movie_service, media_management)

    async def format_scorer() -> FormatScorer:
        return FormatScorer(await custom_formats.matcher())

    importer = DownloadImporter(
        db,
        bus,
        clock,
        movie_service,
        movie_files,
        naming,
        history,
        media_management,
        ImportSources(profile=quality.profile, scorer=format_scorer, reader=media_reader, extras=extra_files),
    )
    completed = CompletedDownloads(
        tracked,
        importer,
        download_clients,
        download_client_config,
        remote_path_mappings,
        root_folders,
        movie_service,
    )
    renames = RenameService(db, bus, clock, movie_service, movie_files, naming, history, extra_files)
    scheduler = Scheduler(
        db, queue, registry, bus, clock, interval_seconds=settings.scheduler_interval_seconds
    )
    media_covers = ImageCache.from_registry(remote, settings.data_dir, url_base=settings.url_base)

    async def tag_labels(tag_ids: Iterable[int]) -> list[str]:
        wanted = set(tag_ids)
        return [tag.label for tag in await tags.all() if tag.id in wanted]

    async def format_ids() -> dict[str, int]:
        return {name: format_id for format_id, name in (await custom_formats.names()).items()}

    notifications, dispatcher = _notifications(
        settings,
        host,
        db,
        bus,
        clock,
        remote,
        provider_statuses,
        tags,
        health_service,
        Lookups(
            movie=movie_service.get,
            movie_file=movie_files.get,
            tag_labels=tag_labels,
            images=lambda movie_id, movie: media_covers.links(movie_id, movie.images),
            history_of_download=lambda download_id: history.for_downloads([download_id]),
            history_of_movie=history.for_movie,
            format_ids=format_ids,
            client_type=lambda name: _client_type(download_clients, name),
        ),
    )

    async def rss_schedule() -> tuple[datetime, float] | None:
        task = next((t for t in await scheduler.tasks() if t.name == "RssSync"), None)
        return (task.next_execution, task.interval_minutes) if task is not None else None

    services = Services(
        settings=settings,
        clock=clock,
        started_at=clock(),
        db=db,
        bus=bus,
        config=config,
        users=users,
        sessions=Sessions(db, clock, timedelta(days=settings.session_days)),
        throttle=LoginThrottle(
            db,
            clock,
            max_failures=settings.login_max_failures,
            max_address_failures=settings.login_max_address_failures,
            window=timedelta(seconds=settings.login_window_seconds),
        ),
        api_keys=api_keys,
        registry=registry,
        commands=queue,
        scheduler=scheduler,
        health=health_service,
        quality=quality,
        custom_formats=custom_formats,
        root_folders=root_folders,
        tags=tags,
        auto_tagging=auto_tagging,
        exclusions=exclusions,
        delay_profiles=delay_profiles,
        release_profiles=release_profiles,
        remote_path_mappings=remote_path_mappings,
        decision_log=decision_log,
        search=search,
        metrics=Metrics(bus),
        live=LiveHub(),
        remote=remote,
        media_covers=media_covers,
        tmdb=tmdb,
        tmdb_settings=TmdbSettings(
            config,
            bus,
            tmdb,
            env_key=settings.tmdb_api_key.get_secret_value() if settings.tmdb_api_key else None,
            env_url=settings.tmdb_api_url,
            env_image_url=settings.tmdb_image_url,
        ),
        movies=movie_service,
        credits=CreditService(db),
        movie_editor=MovieEditor(movie_service, queue),
        movie_list_cache=MovieListCache(bus),
        movie_files=movie_files,
        library_import=LibraryImport(
            root_folders,
            ImportLookups(
                movie=tmdb.movie,
                find_by_imdb_id=tmdb.find_by_imdb_id,
                search=lambda title, year: tmdb.search_movies(title, year=year),
            ),
            exclusions.excluded_ids,
        ),
        provider_statuses=provider_statuses,
        indexers=indexers,
        indexer_config=indexer_config,
        download_client_config=download_client_config,
        media_management=media_management,
        naming=naming,
        download_clients=download_clients,
        history=history,
        grabs=grabs,
        pending_releases=PendingReleases(
            decision_log, search, delay_profiles, grabs, blocklist, bus, rss_schedule, clock
        ),
        tracked_downloads=tracked,
        importer=importer,
        completed_downloads=completed,
        manual_imports=ManualImports(importer, completed, tracked, movie_service, download_client_config),
        blocklist=blocklist,
        failed_downloads=FailedDownloads(
            history, blocklist, tracked, download_clients, download_client_config, queue, bus, clock
        ),
        extra_files=extra_files,
        renames=renames,
        notifications=notifications,
        notification_dispatcher=dispatcher,
        collections=build_collections(
            db,
            clock,
            movie_service,
            OptionChecks(quality.exists, root_folders.paths, tags.existing),
            (tmdb.collection, exclusions.excluded_ids),
            queue.enqueue,
        ),
        log_reader=LogReader(LogFolder(settings.resolved_log_file)),
        import_lists=build_import_lists(
            ImportListDependencies(
                db,
                bus,
                clock,
                config,
                remote,
                tmdb,
                provider_statuses,
                tags,
                health_service,
                quality,
                root_folders,
                movie_service,
                exclusions,
                media_management,
                settings.import_list_timeout_seconds,
                notifications.hidden_urls.remember,
                _trakt_app(settings),
                (settings.imdb_url or IMDB_URL).rstrip("/"),
                SimklApp(
                    (settings.simkl_api_url or SIMKL_API_URL).rstrip("/"), settings.simkl_client_id or ""
                ),
                _plex_app(settings),
            )
        ),
        host=host,
        custom_filters=CustomFilterService(db),
        lifecycle=lifecycle or Lifecycle(),
        metadata_files=MetadataFileService(
            db,
            bus,
            clock,
            metadata_registry(),
            provider_statuses,
            tags.existing,
            (movie_service, movie_files, CreditService(db)),
            media_covers,
            tag_labels,
        ),
    )
    services.metadata_files.subscribe(bus)
    extra_files.recognise_metadata_with(services.metadata_files)
    health_service.register(MetadataCheck(services.metadata_files.writers))
    register_commands(services)
    subscribe_handlers(services)
    ws.LiveMessages(bus, services.live)
    load_plugins(
        settings.plugins,
        PluginHost(
            commands=registry,
            health=health_service,
            indexers=indexers.family.registry,
            download_clients=download_clients.family.registry,
            notifications=notifications.family.registry,
        ),
    )
    return services


def _client_type(clients: DownloadClientService, implementation: str) -> str:
    """The shown name of a download client implementation (Radarr's `downloadClientType`)."""
    found = clients.family.registry.find(implementation)
    return found.implementation_name if found is not None else implementation


def _trakt_app(settings: Settings) -> TraktApp:
    """The Trakt application the Trakt import lists sign in and read with."""
    secret = settings.trakt_client_secret
    return TraktApp(
        (settings.trakt_api_url or TRAKT_API_URL).rstrip("/"),
        settings.trakt_client_id or "",
        secret.get_secret_value() if secret else "",
    )


def _plex_keepalive(services: Services) -> PlexKeepAlive:
    """The daily plex.tv ping of the tokens of Plex watchlist lists and Plex Media Server notifications."""

    async def list_tokens() -> list[PlexToken]:
        found = await services.import_lists.lists.providers.all()
        return [
            PlexToken(d.settings.access_token, f"import list {d.name}")
            for d in found
            if isinstance(d.settings, PlexListSettings)
        ]

    async def notification_tokens() -> list[PlexToken]:
        found = await services.notifications.providers.all()
        return [
            PlexToken(d.settings.auth_token, f"notification {d.name}")
            for d in found
            if isinstance(d.settings, PlexServerSettings)
        ]

    policy = list_policy(services.settings.import_list_timeout_seconds)
    app = _plex_app(services.settings)
    return PlexKeepAlive(services.remote, app, policy, (list_tokens, notification_tokens))


def _plex_app(settings: Settings) -> PlexApp:
    """Who the Plex watchlist list is to plex.tv (the Plex notification's client identifier)."""
    return PlexApp(
        client_identifier(settings.instance_name),
        (settings.plex_tv_url or PLEX_TV_URL).rstrip("/"),
        (settings.plex_discover_url or PLEX_DISCOVER_URL).rstrip("/"),
    )


def _notifications(
    settings: Settings,
    host: HostService,
    db: Database,
    bus: EventBus,
    clock: Clock,
    remote: RemoteRegistry,
    statuses: ProviderStatuses,
    tags: TagService,
    health: HealthService,
    lookups: Lookups,
) -> tuple[NotificationService, NotificationDispatcher]:
    """The notifications, their health check, and the dispatcher that tells them of events."""
    hosted = {
        "Telegram": settings.telegram_api_url,
        "Pushover": settings.pushover_api_url,
        "Notifiarr": settings.notifiarr_url,
    }
    context = NotificationContext(
        remote,
        host.instance_name,
        service_urls={name: url for name, url in hosted.items() if url},
    )
    notifications = NotificationService(
        db, bus, clock, notification_registry(), statuses, tags.existing, context
    )

    def follow_host() -> None:
        notifications.context = replace(
            notifications.context, instance_name=host.instance_name, application_url=host.application_url
        )

    host.on_change(follow_host)
    tags.register_usage("notificationIds", notifications.providers.ids_with_tag)
    health.register(NotificationStatusCheck(notifications, clock))
    sources = EventSources(lookups, lambda: Instance(host.instance_name, host.application_url))
    retries = Retries(
        base_seconds=settings.command_retry_base_seconds, max_seconds=settings.command_retry_max_seconds
    )
    dispatcher = NotificationDispatcher(
        notifications,
        sources,
        health,
        retries=retries,
        health_grace_seconds=settings.health_notification_grace_seconds,
    )
    dispatcher.subscribe(bus)
    return notifications, dispatcher


@dataclass
class _Background:
    """What runs beside the HTTP server, stopped in reverse order."""

    executor: CommandExecutor | None = None
    watcher: DownloadWatcher | None = None
    scheduler: Scheduler | None = None
    bridge: SharedEventBridge | None = None


async def _create_admin_from_settings(services: Services) -> None:
    settings = services.settings
    if settings.admin_user and settings.admin_password and not await services.users.any_exist():
        await services.users.create(
            settings.admin_user, settings.admin_password.get_secret_value(), only_if_first=True
        )
        log.info("Created the first account %s from REELARR_ADMIN_USER", settings.admin_user)


async def _start_background(services: Services) -> _Background:
    settings = services.settings
    background = _Background()
    logging.getLogger("httpx").addFilter(services.notifications.hidden_urls)
    services.notification_dispatcher.start()
    change = await record_running_version(services.config, __version__)
    if change is not None:
        log.info("%s", change.message)
        services.notification_dispatcher.application_updated(change)
    identity = WorkerIdentity.of_this_process()
    bridge = shared_event_bridge(services.db, services.bus, identity.id)
    if bridge is not None:
        services.bus.bridge = bridge
        await bridge.start()
        background.bridge = bridge
    await _schedule_rss_sync(services)
    await _schedule_download_checks(services)
    await schedule_backups(services.registry, backup_section(services.config, services.bus))
    await services.scheduler.sync_tasks()
    if settings.run_commands:
        workers = WorkerRegistry(services.db, identity, services.clock, __version__)
        executor = CommandExecutor(
            services.commands,
            services.registry,
            workers,
            services.bus,
            concurrency=settings.command_workers,
            poll_seconds=settings.command_poll_seconds,
            heartbeat_seconds=settings.worker_heartbeat_seconds,
            stale_seconds=settings.worker_stale_seconds,
        )
        services.importer.worker_id = identity.id
        services.importer.live_workers = workers.live_ids
        services.renames.worker_id = identity.id
        services.renames.live_workers = workers.live_ids
        await services.renames.recover()
        await executor.start()
        await services.scheduler.start()
        watcher = DownloadWatcher(
            services.tracked_downloads, services.commands, settings.download_watch_seconds
        )
        await watcher.start()
        background.watcher = watcher
        background.executor = executor
        background.scheduler = services.scheduler
    services.movie_list_cache.start_warming(
        lambda: services.clock().date(), services.movies.list_order, movies.list_renderer(services)
    )
    return background


async def _stop_background(background: _Background, services: Services) -> None:
    services.live.close_all()
    await services.movie_list_cache.stop_warming()
    if background.watcher is not None:
        await background.watcher.stop()
    if background.scheduler is not None:
        await background.scheduler.stop()
    if background.executor is not None:
        await background.executor.stop()
    await services.notification_dispatcher.stop()
    logging.getLogger("httpx").removeFilter(services.notifications.hidden_urls)
    if background.bridge is not None:
        services.bus.bridge = None
        await background.bridge.stop()
    if services.indexers.parse_pool is not None:
        services.indexers.parse_pool.close()
    await services.remote.aclose()


def create_app(
    settings: Settings, *, clock: Clock = utcnow, ui_dir: Path = UI_DIR, lifecycle: Lifecycle | None = None
) -> Application:
    """The whole Reelarr ASGI app for these settings; it opens the database when it starts."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return_big_blocks()
    ui = WebUi(ui_dir, settings.url_base)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = Database(settings.resolved_database_url)
        try:
            await migrate(db)
            services = build_services(settings, db, clock, lifecycle)
            revision = await current_revision(db)
            services.migration_version = int(revision) if revision and revision.isdigit() else 0
            services.database_version = await db.ping()
            await _create_admin_from_settings(services)
            await services.quality.seed_defaults()
            await services.quality.sync_formats()
            await services.metadata_files.seed_defaults()
            await services.tmdb_settings.load()
            await services.api_keys.current()
            await services.host.load()
            await services.health.run()
            background = await _start_background(services)
            app.state.services = services
            log.info("Reelarr %s ready on %s (%s)", __version__, settings.url_base or "/", db.dialect)
            try:
                yield
            finally:
                app.state.services = None
                await _stop_background(background, services)
        finally:
            with contextlib.suppress(Exception):
                await db.close()

    api = FastAPI(
        title="Reelarr",
        summary="Radarr API v3 compatible movie collection manager",
        version=RADARR_VERSION,
        openapi_url="/api/v3/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        max_body_size=settings.max_request_body_bytes,
        strict_content_type=False,
    )
    api.state.services = None
    install_error_handlers(api)
    install_radarr_error_responses(api)
    routers = [
        root.router,
        login.router,
        metrics.router,
        ws.router,
        system.router,
        system_lifecycle.router,
        system_routes.router,
        update_api.router,
        health.router,
        commands.router,
        quality.definitions,
        quality.profiles,
        customformat_api.router,
        autotagging_api.router,
        customfilter_api.router,
        languages.router,
        parse.router,
        rootfolder_api.router,
        diskspace_api.router,
        filesystem_api.router,
        tags_api.router,
        exclusions_api.router,
        delayprofile_api.router,
        releaseprofile_api.router,
        remotepathmapping_api.router,
        release_decisions_api.router,
        release_api.router,
        mediacover.router,
        movies.router,
        credits_api.router,
        library_import_api.router,
        moviefile_api.router,
        tmdb_api.router,
        calendar_api.router,
        calendar_api.feed,
        indexers_api.router,
        indexers_api.flags,
        downloadclients_api.router,
        notifications_api.router,
        importlist_movies.router,
        importlists.router,
        config_importlist.router,
        metadata_api.router,
        history_api.router,
        blocklist_api.router,
        backup_api.router,
        backup_api.files,
        wanted_api.router,
        collection_api.router,
        queue_api.router,
        manualimport_api.router,
        config_downloadclient.router,
        config_indexer.router,
        config_mediamanagement.router,
        config_naming.router,
        config_host.router,
        config_ui.router,
        config_metadata.router,
        localization_api.router,
        rename_api.router,
        extrafile_api.router,
        log_api.router,
        logfile_api.router,
        logfile_api.downloads,
    ]
    for router in routers:
        api.include_router(router)
    api.include_router(ui.router())

    app: ASGIApp = MetricsMiddleware(api, lambda: api.state.services.metrics if api.state.services else None)
    app = AuthMiddleware(app, lambda: api.state.services, ui.static_paths)
    app = ConventionsMiddleware(
        app,
        RADARR_VERSION,
        path_canonicalizer(routers),
        query_name_map(routers),
        settings.max_request_body_bytes,
        frozenset({backup_api.UPLOAD_PATH}),
    )
    app = UrlBaseMiddleware(app, settings.url_base)
    app = SecurityHeadersMiddleware(app, content_security_policy(settings.tmdb_image_url))
    return Application(api, CompressionMiddleware(app))


class Application:
    """The ASGI app uvicorn runs, with the FastAPI app inside it reachable (its services once started)."""

    def __init__(self, api: FastAPI, asgi: ASGIApp) -> None:
        self.api = api
        self._asgi = ErrorBoundary(asgi)

    @property
    def services(self) -> Services:
        """The services of the started app."""
        services: Services | None = self.api.state.services
        if services is None:
            raise RuntimeError("Reelarr has not started")
        return services

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._asgi(scope, receive, send)
