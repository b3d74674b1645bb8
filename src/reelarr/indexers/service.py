"""The indexers: their CRUD (the provider framework's), RSS and film searches across all of them at
once, each under a deadline, each failure recorded in the indexer's status and backed off."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from reelarr.db.engine import Database
from reelarr.errors import RemoteUnavailable, ValidationFailure
from reelarr.events import EventBus, EventsMissed
from reelarr.indexers.base import Indexer, IndexerContext, redact
from reelarr.indexers.budget import QueryBudget
from reelarr.indexers.errors import IndexerError, RequestLimitReached
from reelarr.indexers.fetch import Fetched, RssMark, fetch_chain
from reelarr.indexers.newznab.caps import CapsCache
from reelarr.indexers.newznab.parser import LIMIT_BACKOFF
from reelarr.indexers.parse_pool import FeedParsePool
from reelarr.indexers.requests import RequestChain
from reelarr.indexers.settings import IndexerOptions
from reelarr.providers.events import ProviderChanged
from reelarr.providers.family import Family
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.registry import ProviderRegistry
from reelarr.providers.service import ExistingTags, ProviderService
from reelarr.providers.settings import ProviderSettings
from reelarr.providers.status import ProviderStatus, ProviderStatuses
from reelarr.releases.model import NO_FLAGS, IndexerFlags, IndexerInfo, Release
from reelarr.releases.search import MovieSearch
from reelarr.remote import BackedOff, BreakerPolicy, RateLimit, RemoteRegistry, RetryPolicy, ServicePolicy

log = logging.getLogger(__name__)
FAMILY = "indexer"
RSS_NOTE = "lastRssRelease"
IndexerDefinition = ProviderDefinition[IndexerOptions]
DownloadClientExists = Callable[[int], Awaitable[bool]]


@dataclass(frozen=True, slots=True)
class IndexerLimits:
    """How long and how much an indexer may take."""

    request_timeout: float = 30.0  # seconds for one request (read, write and pool waits)
    connect_timeout: float = 10.0
    search_deadline: float = 60.0  # seconds for a whole film search on one indexer (every page)
    rss_deadline: float = 120.0  # seconds for one RSS sync of one indexer (every page)
    max_response_bytes: int = 16 * 1024 * 1024  # a longer answer is refused unread
    request_interval: float | None = None  # seconds between requests; None: each implementation's own


@dataclass(frozen=True, slots=True)
class IndexerFailure:
    """Why an indexer gave nothing this time."""

    indexer_id: int
    indexer: str
    message: str
    backed_off_until: datetime | None = None


@dataclass(frozen=True, slots=True)
class FetchOutcome:
    """Releases from every indexer asked, and the failure of each one that failed or was skipped."""

    releases: list[Release]
    failures: list[IndexerFailure]
    searched: list[int]  # the indexers that answered


def _template_options(implementation: type[Indexer], settings: ProviderSettings) -> IndexerOptions:
    # Radarr: a blank definition is enabled for what it supports when its defaults are valid;
    # implementations offering presets start disabled.
    valid = not implementation.presets() and not any(f.severity != "warning" for f in settings.check())
    return IndexerOptions(
        enable_rss=valid and implementation.supports_rss,
        enable_automatic_search=valid and implementation.supports_search,
        enable_interactive_search=valid and implementation.supports_search,
    )


class IndexerService:
    """Indexer CRUD and searches; what the search code and the decision engine call."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        clock: Callable[[], datetime],
        remote: RemoteRegistry,
        registry: ProviderRegistry[Indexer],
        statuses: ProviderStatuses,
        existing_tags: ExistingTags,
        limits: IndexerLimits | None = None,
        parse_pool: FeedParsePool | None = None,
    ) -> None:
        self._clock = clock
        self.parse_pool = parse_pool
        self._remote = remote
        self.limits = limits or IndexerLimits()
        self.statuses = statuses
        self.budget = QueryBudget(db, clock)
        self.caps = CapsCache()
        self._notes: dict[int, dict[str, Any]] = {}
        self.download_client_exists: DownloadClientExists | None = None
        self.family: Family[IndexerOptions, Indexer] = Family(
            key=FAMILY,
            title="Indexer",
            options_type=IndexerOptions,
            registry=registry,
            build=self._build,
            template_options=_template_options,
            check_options=self._check_options,
        )
        self.providers: ProviderService[IndexerOptions, Indexer] = ProviderService(
            db, bus, clock, self.family, statuses, existing_tags
        )
        bus.subscribe(ProviderChanged, self._forget, remote=True)
        bus.subscribe(EventsMissed, self._forget_all)

    # -- building indexers ----------------------------------------------------------------------

    def _policy(self, implementation: type[Indexer]) -> ServicePolicy:
        interval = self.limits.request_interval
        interval = implementation.request_interval if interval is None else interval
        return ServicePolicy(
            timeout=self.limits.request_timeout,
            connect_timeout=self.limits.connect_timeout,
            retry=RetryPolicy(attempts=1),  # as Radarr: the next sync or search tries again
            breaker=BreakerPolicy(failure_threshold=5, cooldown=60.0, max_cooldown=600.0),
            rate_limit=RateLimit(rate=1.0 / interval, burst=1) if interval > 0 else None,
        )

    def _build(self, implementation: type[Indexer], definition: IndexerDefinition) -> Indexer:
        key = f"indexer:{definition.id}" if definition.id else f"indexer:new:{implementation.implementation}"
        http = self._remote.service(key, self._policy(implementation))
        notes = self._notes.setdefault(definition.id, {})
        context = IndexerContext(
            http, self.limits.max_response_bytes, self._clock, self.caps, notes, self.parse_pool
        )
        return implementation(definition, context)

    async def _check_options(self, options: IndexerOptions) -> list[ValidationFailure]:
        exists = self.download_client_exists
        if options.download_client_id and exists is not None and not await exists(options.download_client_id):
            return [
                ValidationFailure(
                    "downloadClientId", "Download client does not exist", options.download_client_id
                )
            ]
        return []

    async def _forget(self, event: ProviderChanged) -> None:
        if event.family != FAMILY:
            return
        self._notes.pop(event.provider_id, None)
        if event.action == "deleted":
            await self._remote.remove(f"indexer:{event.provider_id}")

    async def _forget_all(self, _event: EventsMissed) -> None:
        self._notes.clear()

    def instance(self, definition: IndexerDefinition) -> Indexer:
        """A working indexer for a stored definition."""
        return self.providers.instance(definition)

    # -- what the search code asks ------------------------------------------------------------

    def info(self, definition: IndexerDefinition) -> IndexerInfo:
        """What the decision engine needs of an indexer: priority, tags, seeding rules, required flags."""
        settings = definition.settings
        criteria = getattr(settings, "seed_criteria", None)
        flags = NO_FLAGS
        for flag in getattr(settings, "required_flags", []) or []:
            flags |= IndexerFlags(flag)
        implementation = self.providers.implementation(definition)
        return IndexerInfo(
            id=definition.id,
            name=definition.name,
            protocol=implementation.protocol,
            priority=definition.options.priority,
            tags=definition.tags,
            download_client_id=definition.options.download_client_id,
            minimum_seeders=getattr(settings, "minimum_seeders", None),
            seed_ratio=getattr(criteria, "seed_ratio", None),
            seed_time=getattr(criteria, "seed_time", None),
            required_flags=flags,
            reject_blocklisted_hashes=bool(
                getattr(settings, "reject_blocklisted_torrent_hashes_while_grabbing", False)
            ),
            multi_languages=tuple(getattr(settings, "multi_languages", []) or []),
            fail_downloads=tuple(getattr(settings, "fail_downloads", []) or []),
        )

    async def infos(self) -> dict[int, IndexerInfo]:
        """Every indexer's info, by id."""
        return {d.id: self.info(d) for d in await self.providers.all()}

    async def all(self) -> list[IndexerDefinition]:
        """Every indexer, by name."""
        return await self.providers.all()

    async def enabled(self) -> list[IndexerDefinition]:
        """Indexers in use for anything, with valid settings (Radarr's available providers)."""
        return [
            d
            for d in await self.providers.all()
            if d.enabled and not any(f.severity != "warning" for f in d.settings.check())
        ]

    async def enabled_for(
        self, use: str, *, tags: Iterable[int] | None = None, indexer_ids: Iterable[int] | None = None
    ) -> list[IndexerDefinition]:
        """Indexers enabled for `use` ("rss", "automatic" or "interactive") that support it, with
        valid settings; with `tags`, only those without tags or sharing one (Radarr's rule)."""
        wanted = set(tags) if tags is not None else None
        ids = set(indexer_ids) if indexer_ids is not None else None
        found = []
        for definition in await self.providers.all():
            implementation = self.providers.implementation(definition)
            options = definition.options
            enabled = {
                "rss": options.enable_rss and implementation.supports_rss,
                "automatic": options.enable_automatic_search and implementation.supports_search,
                "interactive": options.enable_interactive_search and implementation.supports_search,
            }[use]
            if not enabled or any(f.severity != "warning" for f in definition.settings.check()):
                continue
            if ids is not None and definition.id not in ids:
                continue
            if wanted is not None and definition.tags and not wanted & set(definition.tags):
                continue
            found.append(definition)
        return found

    async def resolve_pushed(self, release: Release) -> Release:
        """A pushed release tied to the indexer it names, by id or by name (ignoring case), as Radarr does."""
        definitions = await self.providers.all()
        named = release.indexer.strip().casefold()
        if release.indexer_id:
            found = next((d for d in definitions if d.id == release.indexer_id), None)
            if found is None:
                return replace(release, indexer_id=0)
        else:
            found = next((d for d in definitions if named and d.name.casefold() == named), None)
            if found is None:
                return release
        return replace(
            release, indexer_id=found.id, indexer=found.name, indexer_priority=found.options.priority
        )

    async def rss(self, *, indexer_ids: Iterable[int] | None = None) -> FetchOutcome:
        """The newest releases of every RSS-enabled indexer, paged back to where the last sync stopped."""
        definitions = await self.enabled_for("rss", indexer_ids=indexer_ids)
        return await self._fetch_all(definitions, lambda indexer: indexer.rss_requests(), recent=True)

    async def search(
        self,
        search: MovieSearch,
        *,
        interactive: bool = False,
        tags: Iterable[int] | None = None,
        indexer_ids: Iterable[int] | None = None,
    ) -> FetchOutcome:
        """Releases of one film from every indexer enabled for this kind of search, all at once."""
        use = "interactive" if interactive else "automatic"
        definitions = await self.enabled_for(use, tags=tags, indexer_ids=indexer_ids)
        return await self._fetch_all(
            definitions, lambda indexer: indexer.search_requests(search), recent=False
        )

    # -- fetching -------------------------------------------------------------------------------

    async def _fetch_all(
        self,
        definitions: list[IndexerDefinition],
        chain_of: Callable[[Indexer], Awaitable[RequestChain]],
        *,
        recent: bool,
    ) -> FetchOutcome:
        statuses = await self.statuses.of(d.id for d in definitions)
        results = await asyncio.gather(
            *(self._fetch_one(d, statuses[d.id], chain_of, recent=recent) for d in definitions)
        )
        releases: list[Release] = []
        failures: list[IndexerFailure] = []
        searched: list[int] = []
        for definition, result in zip(definitions, results, strict=True):
            if isinstance(result, IndexerFailure):
                failures.append(result)
            else:
                releases.extend(result.releases)
                searched.append(definition.id)
        return FetchOutcome(releases, failures, searched)

    async def _fetch_one(
        self,
        definition: IndexerDefinition,
        status: ProviderStatus,
        chain_of: Callable[[Indexer], Awaitable[RequestChain]],
        *,
        recent: bool,
    ) -> Fetched | IndexerFailure:
        now = self._clock()
        if status.disabled(now):
            message = f"Backed off until {status.disabled_till} after: {status.last_error}"
            return IndexerFailure(definition.id, definition.name, message, status.disabled_till)
        indexer = self.instance(definition)
        deadline = self.limits.rss_deadline if recent else self.limits.search_deadline
        last = RssMark.from_json((status.data or {}).get(RSS_NOTE)) if recent else None
        try:
            async with asyncio.timeout(deadline):
                chain = await chain_of(indexer)
                fetched = await fetch_chain(indexer, chain, recent=recent, last=last, now=now)
        except BackedOff as error:
            return IndexerFailure(definition.id, definition.name, redact(error.message, indexer.secrets()))
        except Exception as error:
            return await self._failed(indexer, error, deadline)
        await self.statuses.record_success(definition.id)
        if recent and fetched.newest is not None:
            await self.statuses.set_data(definition.id, RSS_NOTE, fetched.newest.to_json())
            if fetched.gap is not None:
                log.warning(
                    "Indexer %s RSS sync did not cover %s to %s: a search may be needed",
                    definition.name,
                    *fetched.gap,
                )
        return fetched

    async def _failed(self, indexer: Indexer, error: Exception, deadline: float) -> IndexerFailure:
        definition = indexer.definition
        secrets = indexer.secrets()
        if isinstance(error, RequestLimitReached):
            message = redact(error.message, secrets)
            backoff = error.retry_after or LIMIT_BACKOFF
            status = await self.statuses.record_failure(definition.id, message, minimum_backoff=backoff)
        elif isinstance(error, RemoteUnavailable) and error.message.startswith("cannot connect"):
            message = redact(error.message, secrets)
            status = await self.statuses.record_connection_failure(definition.id, message)
        elif isinstance(error, IndexerError | RemoteUnavailable):
            message = redact(error.message, secrets)
            status = await self.statuses.record_failure(definition.id, message)
        elif isinstance(error, TimeoutError):
            message = f"The indexer did not finish answering within {deadline:g} seconds"
            status = await self.statuses.record_failure(definition.id, message)
        else:
            log.exception("Indexer %s failed unexpectedly", definition.name, exc_info=error)
            message = f"Unexpected error: {type(error).__name__}"
            status = await self.statuses.record_failure(definition.id, message)
        log.warning("Indexer %s failed: %s", definition.name, message)
        return IndexerFailure(definition.id, definition.name, message, status.disabled_till)
