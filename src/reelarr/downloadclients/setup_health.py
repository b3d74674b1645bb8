"""Radarr's health checks of how download clients are set up: one that puts downloads in a root
folder of the library, and one whose sorter renames Reelarr's downloads."""

from __future__ import annotations

import asyncio
import posixpath
from collections.abc import Awaitable, Callable

from reelarr.downloadclients.base import ClientStatus, DownloadClientUnavailable
from reelarr.downloadclients.service import DownloadClientService
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.health.model import HealthLevel, HealthResult
from reelarr.providers.model import ProviderDefinition
from reelarr.remotepathmappings.service import RemotePathMappingService

WIKI = "https://wiki.servarr.com/radarr/system#"
STATUS_TIMEOUT_SECONDS = 30.0


async def _statuses(
    clients: DownloadClientService,
) -> list[tuple[ProviderDefinition[DownloadClientOptions], ClientStatus]]:
    """Each enabled client with what it says of its set-up; the ones that cannot answer are left to
    DownloadClientCheck."""

    async def one(definition: ProviderDefinition[DownloadClientOptions]) -> ClientStatus | None:
        try:
            client = clients.providers.instance(definition)
            return await asyncio.wait_for(client.status(), STATUS_TIMEOUT_SECONDS)
        except (DownloadClientUnavailable, TimeoutError):
            return None

    enabled = await clients.enabled()
    found = await asyncio.gather(*(one(d) for d in enabled))
    return [(d, s) for d, s in zip(enabled, found, strict=True) if s is not None]


def _normal(path: str) -> str:
    return posixpath.normpath(path.replace("\\", "/")).rstrip("/") or "/"


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


class DownloadClientRootFolderCheck:
    """A client that saves downloads in a root folder (or inside one): the library scan then sees
    half-downloaded releases as films, and imports move files within the library."""

    name = "DownloadClientRootFolderCheck"

    def __init__(
        self,
        clients: DownloadClientService,
        root_folders: Callable[[], Awaitable[list[str]]],
        mappings: RemotePathMappingService,
    ) -> None:
        self._clients = clients
        self._root_folders = root_folders
        self._mappings = mappings

    async def check(self) -> list[HealthResult]:
        """A warning for the first client whose output folder, mapped to this machine, is in a root
        folder, as Radarr does."""
        roots = await self._root_folders()
        if not roots:
            return []
        for definition, status in await _statuses(self._clients):
            host = getattr(definition.settings, "host", None)
            for reported in status.output_folders:
                local = await self._mappings.local_path(host, reported) if host else reported
                root = next((r for r in roots if _within(_normal(local), _normal(r))), None)
                if root is not None:
                    message = (
                        f"Download client {definition.name} places downloads in the root folder {root}. "
                        "You should not download to a root folder."
                    )
                    anchor = WIKI + "downloads-in-root-folder"
                    return [HealthResult(self.name, HealthLevel.WARNING, message, anchor)]
        return []


class DownloadClientSortingCheck:
    """A client whose sorter renames and moves Reelarr's downloads: the import then cannot find them."""

    name = "DownloadClientSortingCheck"

    def __init__(self, clients: DownloadClientService) -> None:
        self._clients = clients

    async def check(self) -> list[HealthResult]:
        """A warning for the first client that sorts Reelarr's category, as Radarr does."""
        for definition, status in await _statuses(self._clients):
            if status.sorting:
                message = (
                    f"Download client {definition.name} has {status.sorting} sorting enabled for Reelarr's "
                    "category. You should disable sorting in your download client to avoid import issues."
                )
                anchor = WIKI + "download-folder-and-library-folder-not-different-folders"
                return [HealthResult(self.name, HealthLevel.WARNING, message, anchor)]
        return []
