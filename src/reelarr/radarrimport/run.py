"""The import from start to end: read all of Radarr first, then write kind by kind."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
from pydantic import ValidationError

from reelarr.errors import ReelarrError
from reelarr.radarrimport.client import ImportFailed, RadarrClient
from reelarr.radarrimport.config_kinds import (
    import_download_client_options,
    import_indexer_options,
    import_ui_settings,
)
from reelarr.radarrimport.context import ImportContext, KindResult
from reelarr.radarrimport.file_kinds import import_movie_files
from reelarr.radarrimport.history_kinds import import_blocklist, import_history
from reelarr.radarrimport.library_kinds import import_collections, import_exclusions, import_movies
from reelarr.radarrimport.paths import PathMapping
from reelarr.radarrimport.profile_kinds import (
    import_custom_formats,
    import_delay_profiles,
    import_quality_profiles,
    import_release_profiles,
)
from reelarr.radarrimport.provider_kinds import (
    DOWNLOAD_CLIENTS,
    IMPORT_LISTS,
    INDEXERS,
    METADATA,
    NOTIFICATIONS,
    import_providers,
)
from reelarr.radarrimport.settings_kinds import (
    import_custom_filters,
    import_media_management,
    import_naming,
    import_quality_definitions,
    import_remote_path_mappings,
    import_root_folders,
    import_tags,
)
from reelarr.radarrimport.snapshot import RadarrSnapshot, read_snapshot
from reelarr.radarrimport.summary import ImportSummary

if TYPE_CHECKING:
    from reelarr.db.engine import Database
    from reelarr.services import Services
    from reelarr.settings import Settings

Importer = Callable[[RadarrSnapshot, ImportContext], Awaitable[KindResult]]

# In dependency order: tags and formats before the profiles naming them, profiles before films.
KINDS: tuple[tuple[str, Importer], ...] = (
    ("tags", lambda s, c: import_tags(s.tags, c)),
    ("root folders", lambda s, c: import_root_folders(s.root_folders, c)),
    ("quality definitions", lambda s, c: import_quality_definitions(s.quality_definitions, c)),
    ("custom formats", lambda s, c: import_custom_formats(s.custom_formats, c)),
    ("quality profiles", lambda s, c: import_quality_profiles(s.quality_profiles, c)),
    ("release profiles", lambda s, c: import_release_profiles(s.release_profiles, c)),
    ("delay profiles", lambda s, c: import_delay_profiles(s.delay_profiles, c)),
    ("list exclusions", lambda s, c: import_exclusions(s.exclusions, c)),
    ("naming settings", lambda s, c: import_naming(s.naming, c)),
    ("media management settings", lambda s, c: import_media_management(s.media_management, c)),
    ("movies", lambda s, c: import_movies(s.movies, c)),
    ("movie files", lambda s, c: import_movie_files(s.movies, c)),
    ("collections", lambda s, c: import_collections(s.collections, c)),
    ("history", lambda s, c: import_history(s.history, s.movies, c)),
    ("blocklist", lambda s, c: import_blocklist(s.blocklist, s.movies, c)),
    ("indexer options", lambda s, c: import_indexer_options(s.indexer_options, c)),
    ("download client options", lambda s, c: import_download_client_options(s.download_client_options, c)),
    ("UI settings", lambda s, c: import_ui_settings(s.ui_settings, c)),
    ("remote path mappings", lambda s, c: import_remote_path_mappings(s.remote_path_mappings, c)),
    ("download clients", lambda s, c: import_providers(DOWNLOAD_CLIENTS, s.download_clients, c)),
    ("indexers", lambda s, c: import_providers(INDEXERS, s.indexers, c)),
    ("notifications", lambda s, c: import_providers(NOTIFICATIONS, s.notifications, c)),
    ("import lists", lambda s, c: import_providers(IMPORT_LISTS, s.import_lists, c)),
    ("metadata settings", lambda s, c: import_providers(METADATA, s.metadata, c)),
    ("custom filters", lambda s, c: import_custom_filters(s.custom_filters, c)),
)


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What the command line asked for."""

    url: str = ""
    api_key: str = ""
    dry_run: bool = False
    mappings: tuple[PathMapping, ...] = ()
    source_file: Path | None = None  # a radarr.db or backup zip instead of a running Radarr

    def __post_init__(self) -> None:
        if self.source_file is not None and (self.url or self.api_key):
            raise ImportFailed("--from reads a file; leave out --url and --api-key with it")
        if self.source_file is None and not (self.url and self.api_key):
            raise ImportFailed(
                "Say where Radarr is: --url and --api-key, or --from a radarr.db or backup zip"
            )


def _now() -> datetime:
    return datetime.now(UTC)


async def _prepare(db: Database, dry_run: bool) -> None:
    """Bring the schema up to date (a dry run only checks it: it writes nothing)."""
    from reelarr.db.migrate import current_revision, head_revision, migrate

    if not dry_run:
        await migrate(db)
    elif await current_revision(db) != head_revision():
        raise ImportFailed(
            "The installation's database is not up to date; run `reelarr migrate` first, "
            "or import without --dry-run"
        )


@asynccontextmanager
async def _shared_events(services: Services, dry_run: bool) -> AsyncIterator[None]:
    """On PostgreSQL, send what changed to the installation's running servers (their caches and
    pages follow at once); SQLite has one server process, which reads the new rows itself."""
    if dry_run or services.db.dialect != "postgresql":
        yield
        return
    from reelarr.events_postgres import PostgresEventBridge, asyncpg_dsn
    from reelarr.jobs.workers import WorkerIdentity

    bridge = PostgresEventBridge(
        asyncpg_dsn(services.db.url), services.bus, origin=WorkerIdentity.of_this_process().id
    )
    services.bus.bridge = bridge
    await bridge.start()
    try:
        yield
    finally:
        services.bus.bridge = None
        await bridge.stop()


async def _import_kinds(snapshot: RadarrSnapshot, ctx: ImportContext) -> list[KindResult]:
    results = []
    for kind, importer in KINDS:
        if kind in snapshot.unread:
            continue
        try:
            results.append(await importer(snapshot, ctx))
        except (ReelarrError, ValidationError, KeyError, TypeError, ValueError) as error:
            done = f"; {', '.join(r.kind for r in results)} were imported before it" if results else ""
            raise ImportFailed(
                f"Importing {kind} failed: {error}{done} (running the command again carries on)"
            ) from error
    return results


async def import_radarr(
    settings: Settings, options: ImportOptions, transport: httpx.AsyncBaseTransport | None = None
) -> ImportSummary:
    """Read everything from Radarr, then bring each kind into the installation (or only say what
    would change); a Radarr that fails half way stops the import before anything is written."""
    from reelarr.app import build_services
    from reelarr.db.engine import Database

    snapshot, source = await _read(options, transport)
    db = Database(settings.resolved_database_url)
    try:
        await _prepare(db, options.dry_run)
        services = build_services(settings, db, _now)
        # Films brought over were added long ago: no "movie added" message for each of them.
        services.notification_dispatcher.unsubscribe(services.bus)
        try:
            if not options.dry_run:
                await services.quality.seed_defaults()
                await services.quality.sync_formats()
            ctx = ImportContext(services, options.dry_run, options.mappings)
            async with _shared_events(services, options.dry_run):
                results = await _import_kinds(snapshot, ctx)
        finally:
            await services.remote.aclose()
    finally:
        await db.close()
    return ImportSummary(source, tuple(results), options.dry_run, snapshot.unread)


async def _read(
    options: ImportOptions, transport: httpx.AsyncBaseTransport | None
) -> tuple[RadarrSnapshot, str]:
    """Everything to import, from the file or the running Radarr, and how the summary names it."""
    import asyncio

    from reelarr.radarrimport.dbsnapshot import read_file_snapshot

    if options.source_file is not None:
        snapshot = await asyncio.to_thread(read_file_snapshot, options.source_file)
        return snapshot, f"Radarr's {snapshot.status.version} in {options.source_file}"
    client = RadarrClient(options.url, options.api_key, transport)
    try:
        snapshot = await read_snapshot(client)
    finally:
        await client.aclose()
    return snapshot, f"Radarr {snapshot.status.version} at {client.url}"


def run_import(settings: Settings, options: ImportOptions, **kwargs: Any) -> ImportSummary:
    """Run the import in its own event loop (the command line's entry)."""
    import asyncio

    return asyncio.run(import_radarr(settings, options, **kwargs))
