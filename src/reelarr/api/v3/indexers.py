"""/api/v3/indexer (Radarr's IndexerController) and /api/v3/indexerflag."""

from __future__ import annotations

from typing import Any

from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.api.v3.providers import ProviderBulkResource, ProviderResource, ProviderRoutes, base_resource
from reelarr.indexers.base import Indexer
from reelarr.indexers.settings import IndexerOptions
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.service import ProviderService
from reelarr.providers.status import ProviderStatus
from reelarr.releases.model import FLAG_NAMES, OBSOLETE_FLAGS
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/indexer", tags=["Indexer"])
flags = ApiRouter(prefix="/api/v3/indexerflag", tags=["IndexerFlags"])


class IndexerResource(ProviderResource):
    """An indexer as Radarr shows it, plus Reelarr's `queriesPerHour` (backlog searches allowed an hour)."""

    enable_rss: bool | None = None
    enable_automatic_search: bool | None = None
    enable_interactive_search: bool | None = None
    supports_rss: bool | None = None
    supports_search: bool | None = None
    protocol: str | None = None
    priority: int | None = None
    download_client_id: int | None = None
    queries_per_hour: int | None = None


class IndexerBulkResource(ProviderBulkResource):
    """The same change to several indexers."""

    enable_rss: bool | None = None
    enable_automatic_search: bool | None = None
    enable_interactive_search: bool | None = None
    priority: int | None = None
    queries_per_hour: int | None = None


class IndexerFlagResource(Resource):
    """One indexer flag by value and Radarr's name."""

    id: int
    name: str
    name_lower: str


def indexer_resource(
    service: ProviderService[Any, Any], definition: ProviderDefinition[Any], status: ProviderStatus | None
) -> IndexerResource:
    """The API view of an indexer (with its failure status, Reelarr's, while it fails)."""
    implementation: type[Indexer] = service.implementation(definition)
    options: IndexerOptions = definition.options
    return IndexerResource(
        **base_resource(service, definition, status),
        enable_rss=options.enable_rss,
        enable_automatic_search=options.enable_automatic_search,
        enable_interactive_search=options.enable_interactive_search,
        supports_rss=implementation.supports_rss,
        supports_search=implementation.supports_search,
        protocol=implementation.protocol.value,
        priority=options.priority,
        download_client_id=options.download_client_id,
        queries_per_hour=options.queries_per_hour,
    )


def _indexers(services: Services) -> ProviderService[Any, Any]:
    return services.indexers.providers


ProviderRoutes(router, IndexerResource, IndexerBulkResource, _indexers, indexer_resource)


@flags.get("")
async def list_flags() -> list[IndexerFlagResource]:
    """The flags an indexer may set on a release (Radarr's obsolete ones left out)."""
    return [
        IndexerFlagResource(id=int(flag), name=name, name_lower=name.lower())
        for flag, name in FLAG_NAMES.items()
        if flag not in OBSOLETE_FLAGS
    ]
