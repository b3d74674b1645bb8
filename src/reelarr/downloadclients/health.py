"""Radarr's download client health checks, by Radarr's names: none available or one unreachable, and
clients backed off after failures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from reelarr.downloadclients.service import DownloadClientService
from reelarr.health.model import HealthCheck, HealthLevel, HealthResult

WIKI = "https://wiki.servarr.com/radarr/system#"


class DownloadClientCheck:
    """No download client is enabled, or one of them cannot be reached now."""

    name = "DownloadClientCheck"

    def __init__(self, clients: DownloadClientService) -> None:
        self._clients = clients

    async def check(self) -> list[HealthResult]:
        """Reach every enabled client; report the first that does not answer, as Radarr does."""
        enabled = await self._clients.enabled()
        if not enabled:
            return [
                HealthResult(
                    self.name,
                    HealthLevel.WARNING,
                    "No download client is available",
                    WIKI + "no-download-client-is-available",
                )
            ]
        for definition in enabled:
            problem = await self._clients.reach(definition)
            if problem is not None:
                return [
                    HealthResult(
                        self.name,
                        HealthLevel.ERROR,
                        f"Unable to communicate with {definition.name}. {problem}",
                        WIKI + "unable-to-communicate-with-download-client",
                    )
                ]
        return []


class DownloadClientStatusCheck:
    """Enabled clients backed off after failures, with their last errors."""

    name = "DownloadClientStatusCheck"

    def __init__(self, clients: DownloadClientService, clock: Callable[[], datetime]) -> None:
        self._clients = clients
        self._clock = clock

    async def check(self) -> list[HealthResult]:
        """Report all clients or the ones backed off now."""
        enabled = await self._clients.enabled()
        if not enabled:
            return []
        statuses = await self._clients.statuses.of(d.id for d in enabled)
        now = self._clock()
        blocked = [(d, statuses[d.id]) for d in enabled if statuses[d.id].disabled(now)]
        if not blocked:
            return []
        anchor = WIKI + "download-clients-are-unavailable-due-to-failures"
        if len(blocked) == len(enabled):
            return [
                HealthResult(
                    self.name,
                    HealthLevel.ERROR,
                    "All download clients are unavailable due to failures",
                    anchor,
                )
            ]
        names = ", ".join(f"{d.name} ({s.last_error})" if s.last_error else d.name for d, s in blocked)
        return [
            HealthResult(
                self.name,
                HealthLevel.WARNING,
                f"Download clients unavailable due to failures: {names}",
                anchor,
            )
        ]


def download_client_checks(
    clients: DownloadClientService, clock: Callable[[], datetime]
) -> list[HealthCheck]:
    """Every download client health check, in Radarr's order."""
    return [DownloadClientCheck(clients), DownloadClientStatusCheck(clients, clock)]
