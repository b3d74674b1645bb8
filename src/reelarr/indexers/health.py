"""Radarr's indexer health checks, by Radarr's names: none enabled, all backed off, failing for hours,
a download client that does not exist, Jackett's "all" endpoint."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from reelarr.health.model import HealthCheck, HealthLevel, HealthResult
from reelarr.indexers.service import IndexerDefinition, IndexerService
from reelarr.providers.status import ProviderStatus

WIKI = "https://wiki.servarr.com/radarr/system#"
FAILURES = WIKI + "indexers-are-unavailable-due-to-failures"
NO_AUTOMATIC_SEARCH = (
    "no-indexers-available-with-automatic-search-enabled-radarr-will-not-provide-any-automatic-search-results"
)
LONG_TERM = timedelta(hours=6)
DownloadClientIds = Callable[[], Awaitable[set[int]]]


async def _none() -> set[int]:
    return set()


def _named(pairs: list[tuple[IndexerDefinition, ProviderStatus]]) -> str:
    return ", ".join(f"{d.name} ({s.last_error})" if s.last_error else d.name for d, s in pairs)


class _IndexerCheck:
    name = ""

    def __init__(self, indexers: IndexerService, clock: Callable[[], datetime]) -> None:
        self._indexers = indexers
        self._clock = clock

    async def _blocked(
        self, definitions: list[IndexerDefinition]
    ) -> list[tuple[IndexerDefinition, ProviderStatus]]:
        statuses = await self._indexers.statuses.of(d.id for d in definitions)
        now = self._clock()
        return [(d, statuses[d.id]) for d in definitions if statuses[d.id].disabled(now)]

    async def check(self) -> list[HealthResult]:
        """The problems found now."""
        raise NotImplementedError

    def _result(self, level: HealthLevel, message: str, anchor: str) -> list[HealthResult]:
        return [HealthResult(self.name, level, message, WIKI + anchor)]


class IndexerRssCheck(_IndexerCheck):
    """No indexer syncs RSS, or every one that does is backed off."""

    name = "IndexerRssCheck"

    async def check(self) -> list[HealthResult]:
        """Report when nothing would find new releases."""
        enabled = await self._indexers.enabled_for("rss")
        if not enabled:
            return self._result(
                HealthLevel.ERROR,
                "No indexers available with RSS sync enabled, "
                "Reelarr will not grab new releases automatically",
                "no-indexers-available-with-rss-sync-enabled-radarr-will-not-grab-new-releases-automatically",
            )
        if len(await self._blocked(enabled)) == len(enabled):
            return self._result(
                HealthLevel.WARNING,
                "All rss-capable indexers are temporarily unavailable due to recent indexer errors",
                "indexers-are-unavailable-due-to-failures",
            )
        return []


class IndexerSearchCheck(_IndexerCheck):
    """No indexer answers automatic or interactive searches, or every one is backed off."""

    name = "IndexerSearchCheck"

    async def check(self) -> list[HealthResult]:
        """Report when searches would find nothing."""
        automatic = await self._indexers.enabled_for("automatic")
        if not automatic:
            return self._result(
                HealthLevel.WARNING,
                "No indexers available with Automatic Search enabled, "
                "Reelarr will not provide any automatic search results",
                NO_AUTOMATIC_SEARCH,
            )
        if not await self._indexers.enabled_for("interactive"):
            return self._result(
                HealthLevel.WARNING,
                "No indexers available with Interactive Search enabled, "
                "Reelarr will not provide any interactive search results",
                "no-indexers-available-with-interactive-search-enabled",
            )
        if len(await self._blocked(automatic)) == len(automatic):
            return self._result(
                HealthLevel.WARNING,
                "All search-capable indexers are temporarily unavailable due to recent indexer errors",
                "indexers-are-unavailable-due-to-failures",
            )
        return []


class _FailureCheck(_IndexerCheck):
    long_term = False
    all_message = ""
    some_message = ""

    async def check(self) -> list[HealthResult]:
        """Report the indexers backed off after failures that began recently (or long ago)."""
        enabled = await self._indexers.enabled()
        cutoff = self._clock() - LONG_TERM
        blocked = [
            (d, s)
            for d, s in await self._blocked(enabled)
            if s.initial_failure is not None and (s.initial_failure < cutoff) == self.long_term
        ]
        if not blocked:
            return []
        if len(blocked) == len(enabled):
            return [
                HealthResult(self.name, HealthLevel.ERROR, f"{self.all_message}: {_named(blocked)}", FAILURES)
            ]
        return [
            HealthResult(self.name, HealthLevel.WARNING, f"{self.some_message}: {_named(blocked)}", FAILURES)
        ]


class IndexerStatusCheck(_FailureCheck):
    """Indexers backed off after failures in the last six hours (with their errors)."""

    name = "IndexerStatusCheck"
    all_message = "All indexers are unavailable due to failures"
    some_message = "Indexers unavailable due to failures"


class IndexerLongTermStatusCheck(_FailureCheck):
    """Indexers failing for more than six hours."""

    name = "IndexerLongTermStatusCheck"
    long_term = True
    all_message = "All indexers are unavailable due to failures for more than 6 hours"
    some_message = "Indexers unavailable due to failures for more than 6 hours"


class IndexerDownloadClientCheck(_IndexerCheck):
    """Indexers that name a download client which does not exist (or is disabled)."""

    name = "IndexerDownloadClientCheck"

    def __init__(
        self,
        indexers: IndexerService,
        clock: Callable[[], datetime],
        download_client_ids: DownloadClientIds = _none,
    ) -> None:
        super().__init__(indexers, clock)
        self.download_client_ids = download_client_ids  # the downloads family sets its own

    async def check(self) -> list[HealthResult]:
        """Report indexers whose download client is not an enabled one."""
        clients = await self.download_client_ids()
        invalid = [
            d.name
            for d in await self._indexers.all()
            if d.enabled and d.options.download_client_id > 0 and d.options.download_client_id not in clients
        ]
        if not invalid:
            return []
        return self._result(
            HealthLevel.WARNING,
            f"Indexers with invalid download clients: {', '.join(invalid)}.",
            "invalid-indexer-download-client-setting",
        )


class IndexerJackettAllCheck(_IndexerCheck):
    """Torznab indexers on Jackett's "all" endpoint, which Radarr does not support."""

    name = "IndexerJackettAllCheck"
    markers = ("/torznab/all/api", "/api/v2.0/indexers/all/results/torznab")

    async def check(self) -> list[HealthResult]:
        """Report the indexers that use it."""
        using = []
        for definition in await self._indexers.all():
            if not definition.enabled or definition.config_contract != "TorznabSettings":
                continue
            places = (
                getattr(definition.settings, "base_url", ""),
                getattr(definition.settings, "api_path", ""),
            )
            if any(m in p.lower() for m in self.markers for p in places):
                using.append(definition.name)
        if not using:
            return []
        return self._result(
            HealthLevel.WARNING,
            f"Indexers using the unsupported Jackett 'all' endpoint: {', '.join(using)}",
            "jackett-all-endpoint-used",
        )


def indexer_checks(
    indexers: IndexerService, clock: Callable[[], datetime], download_client_ids: DownloadClientIds = _none
) -> list[HealthCheck]:
    """Every indexer health check, in Radarr's order; `download_client_ids` names the enabled clients."""
    return [
        IndexerDownloadClientCheck(indexers, clock, download_client_ids),
        IndexerJackettAllCheck(indexers, clock),
        IndexerLongTermStatusCheck(indexers, clock),
        IndexerRssCheck(indexers, clock),
        IndexerSearchCheck(indexers, clock),
        IndexerStatusCheck(indexers, clock),
    ]
