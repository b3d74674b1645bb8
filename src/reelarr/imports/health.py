"""Radarr's health checks about importing, by Radarr's names: completed download handling turned off,
clients that delete finished downloads themselves, and finished downloads this machine cannot see."""

from __future__ import annotations

import asyncio
import os

from reelarr.downloadclients.base import DownloadClientUnavailable
from reelarr.downloadclients.service import DownloadClientService
from reelarr.downloads.config import DownloadClientConfigService
from reelarr.downloads.tracking import TrackedDownloads, TrackedState
from reelarr.health.model import HealthCheck, HealthLevel, HealthResult
from reelarr.remotepathmappings.service import RemotePathMappingService

WIKI = "https://wiki.servarr.com/radarr/system#"


class ImportMechanismCheck:
    """Completed download handling is off: nothing is imported on its own."""

    name = "ImportMechanismCheck"

    def __init__(self, config: DownloadClientConfigService) -> None:
        self._config = config

    async def check(self) -> list[HealthResult]:
        """A warning while completed download handling is turned off."""
        if (await self._config.get()).enable_completed_download_handling:
            return []
        message = "Enable Completed Download Handling if possible"
        return [HealthResult(self.name, HealthLevel.WARNING, message, WIKI + "completed-download-handling")]


class DownloadClientRemovesCompletedDownloadsCheck:
    """A client set to delete finished downloads may delete them before they are imported."""

    name = "DownloadClientRemovesCompletedDownloadsCheck"

    def __init__(self, clients: DownloadClientService) -> None:
        self._clients = clients

    async def check(self) -> list[HealthResult]:
        """A warning for each enabled client that removes completed downloads itself."""
        found = []
        for definition in await self._clients.enabled():
            client = self._clients.providers.instance(definition)
            try:
                removes = await asyncio.wait_for(client.removes_completed_downloads(), 30)
            except (DownloadClientUnavailable, TimeoutError):
                continue  # DownloadClientCheck reports clients that cannot be reached
            if removes:
                found.append(
                    HealthResult(
                        self.name,
                        HealthLevel.WARNING,
                        f"Download client {definition.name} is set to remove completed downloads. This can "
                        "result in downloads being removed from your client before Reelarr can import them.",
                        WIKI + "download-client-removes-completed-downloads",
                    )
                )
        return found


class RemotePathMappingCheck:
    """A finished download whose folder this machine cannot see: a remote path mapping is missing or
    wrong (or the client runs in a container whose paths differ)."""

    name = "RemotePathMappingCheck"

    def __init__(
        self, tracked: TrackedDownloads, clients: DownloadClientService, mappings: RemotePathMappingService
    ) -> None:
        self._tracked = tracked
        self._clients = clients
        self._mappings = mappings

    async def check(self) -> list[HealthResult]:
        """An error for the first finished download whose content is not where its client says."""
        for download in self._tracked.all():
            if download.state not in (TrackedState.IMPORT_PENDING, TrackedState.IMPORT_BLOCKED):
                continue
            reported = download.item.output_path
            if not reported or download.client_unavailable:
                continue
            definition = await self._clients.providers.get(download.client_id)
            host = getattr(definition.settings, "host", None)
            local = await self._mappings.local_path(host, reported) if host else reported
            if await asyncio.to_thread(os.path.exists, local):
                continue
            mapped = f" (mapped to {local})" if local != reported else ""
            return [
                HealthResult(
                    self.name,
                    HealthLevel.ERROR,
                    f"Download client {definition.name} reported files in {reported}{mapped} but Reelarr "
                    "cannot see this directory. You may need to adjust your remote path mappings.",
                    WIKI + "bad-download-client-settings",
                )
            ]
        return []


def import_checks(
    config: DownloadClientConfigService,
    clients: DownloadClientService,
    tracked: TrackedDownloads,
    mappings: RemotePathMappingService,
) -> list[HealthCheck]:
    """Every import health check."""
    return [
        ImportMechanismCheck(config),
        DownloadClientRemovesCompletedDownloadsCheck(clients),
        RemotePathMappingCheck(tracked, clients, mappings),
    ]
