"""/api/v3/metadata (Radarr's MetadataController): the metadata providers and their schema and test."""

from __future__ import annotations

from typing import Any

from reelarr.api.routing import ApiRouter
from reelarr.api.v3.providers import ProviderBulkResource, ProviderResource, ProviderRoutes, base_resource
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.service import ProviderService
from reelarr.providers.status import ProviderStatus
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/metadata", tags=["Metadata"])


class MetadataResource(ProviderResource):
    """A metadata provider as Radarr shows it: its settings and whether it writes (`enable`)."""

    enable: bool | None = None
    link: str | None = None


class MetadataBulkResource(ProviderBulkResource):
    """The same change (tags) to several metadata providers."""


def metadata_resource(
    service: ProviderService[Any, Any], definition: ProviderDefinition[Any], status: ProviderStatus | None
) -> MetadataResource:
    """The API view of a metadata provider."""
    return MetadataResource(
        **base_resource(service, definition, status),
        enable=definition.options.enable,
        link=service.implementation(definition).link(),
    )


def _metadata(services: Services) -> ProviderService[Any, Any]:
    return services.metadata_files.providers


ProviderRoutes(router, MetadataResource, MetadataBulkResource, _metadata, metadata_resource)
