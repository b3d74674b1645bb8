"""/api/v3/downloadclient (Radarr's DownloadClientController)."""

from __future__ import annotations

from typing import Any

from reelarr.api.routing import ApiRouter
from reelarr.api.v3.providers import ProviderBulkResource, ProviderResource, ProviderRoutes, base_resource
from reelarr.downloadclients.base import DownloadClient
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.service import ProviderService
from reelarr.providers.status import ProviderStatus
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/downloadclient", tags=["DownloadClient"])


class DownloadClientResource(ProviderResource):
    """A download client as Radarr shows it."""

    enable: bool | None = None
    protocol: str | None = None
    priority: int | None = None
    remove_completed_downloads: bool | None = None
    remove_failed_downloads: bool | None = None


class DownloadClientBulkResource(ProviderBulkResource):
    """The same change to several download clients."""

    enable: bool | None = None
    priority: int | None = None
    remove_completed_downloads: bool | None = None
    remove_failed_downloads: bool | None = None


def download_client_resource(
    service: ProviderService[Any, Any], definition: ProviderDefinition[Any], status: ProviderStatus | None
) -> DownloadClientResource:
    """The API view of a download client."""
    implementation: type[DownloadClient] = service.implementation(definition)
    options: DownloadClientOptions = definition.options
    return DownloadClientResource(
        **base_resource(service, definition, status),
        enable=options.enable,
        protocol=implementation.protocol.value,
        priority=options.priority,
        remove_completed_downloads=options.remove_completed_downloads,
        remove_failed_downloads=options.remove_failed_downloads,
    )


def _download_clients(services: Services) -> ProviderService[Any, Any]:
    return services.download_clients.providers


ProviderRoutes(
    router, DownloadClientResource, DownloadClientBulkResource, _download_clients, download_client_resource
)
