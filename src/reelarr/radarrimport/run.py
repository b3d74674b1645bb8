"""The import from start to end: read all of Radarr first, then write kind by kind."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
from pydantic import ValidationError

from reelarr.errors import ReelarrError
from reelarr.radarrimport.client import ImportFailed, RadarrClient
from reelarr.radarrimport.context import ImportContext, KindResult
from reelarr.radarrimport.held_events import held_events
from reelarr.radarrimport.kinds import KINDS, Importer
from reelarr.radarrimport.paths import PathMapping
from reelarr.radarrimport.snapshot import RadarrSnapshot, read_snapshot
from reelarr.radarrimport.summary import ImportSummary

if TYPE_CHECKING:
    from reelarr.db.engine import Database
    from reelarr.services import Services
    from reelarr.settings import Settings


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
    """Send what changed to the installation's running servers: their caches and pages follow at once."""
    from reelarr.events_bridge import shared_event_bridge
    from reelarr.jobs.workers import WorkerIdentity

    bridge = (
        None
        if dry_run
        else shared_event_bridge(services.db, services.bus, WorkerIdentity.of_this_process().id)
    )
    if bridge is None:
        yield
        return
    services.bus.bridge = bridge
    await bridge.start()
    try:
        yield
    finally:
        services.bus.bridge = None
        await bridge.stop()


async def _import_kind(importer: Importer, snapshot: RadarrSnapshot, ctx: ImportContext) -> KindResult:
    """One kind in one transaction: all of it is written, or (when it raises) none of it."""
    if ctx.dry_run:
        return await importer(snapshot, ctx)
    async with held_events(ctx.services.bus), ctx.services.db.transaction():
        return await importer(snapshot, ctx)


async def _import_kinds(snapshot: RadarrSnapshot, ctx: ImportContext) -> list[KindResult]:
    results = []
    for kind, importer in KINDS:
        if kind in snapshot.unread:
            continue
        try:
            results.append(await _import_kind(importer, snapshot, ctx))
        except (ReelarrError, ValidationError, KeyError, TypeError, ValueError) as error:
            done = f"; {', '.join(r.kind for r in results)} were imported before it" if results else ""
            raise ImportFailed(
                f"Importing {kind} failed: {error}; none of {kind} was written{done} "
                "(running the command again carries on)"
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
