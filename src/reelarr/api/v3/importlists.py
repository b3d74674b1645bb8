"""/api/v3/importlist (Radarr's ImportListController): the provider resource of the import lists."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from reelarr.api.routing import ApiRouter
from reelarr.api.timespan import format_timespan
from reelarr.api.v3.providers import ProviderBulkResource, ProviderResource, ProviderRoutes, base_resource
from reelarr.importlists.model import MonitorType
from reelarr.importlists.options import ImportListOptions
from reelarr.movies.model import MinimumAvailability
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.service import ProviderService
from reelarr.providers.status import ProviderStatus
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/importlist", tags=["ImportList"])


class ImportListResource(ProviderResource):
    """An import list as Radarr shows it; `listType`, `listOrder` and `minRefreshInterval` are the
    implementation's (read-only: what a client sends for them is ignored)."""

    list_enabled: bool | None = Field(default=None, alias="enabled")
    enable_auto: bool | None = None
    monitor: MonitorType | None = None
    root_folder_path: str | None = None
    quality_profile_id: int | None = None
    search_on_add: bool | None = None
    minimum_availability: MinimumAvailability | None = None
    list_type: str | None = None
    list_order: int | None = None
    min_refresh_interval: str | None = None


class ImportListBulkResource(ProviderBulkResource):
    """The same change to several lists (Radarr's ImportListBulkResource)."""

    list_enabled: bool | None = Field(default=None, alias="enabled")
    enable_auto: bool | None = None
    root_folder_path: str | None = None
    quality_profile_id: int | None = None
    minimum_availability: MinimumAvailability | None = None


def import_list_resource(
    service: ProviderService[Any, Any], definition: ProviderDefinition[Any], status: ProviderStatus | None
) -> ImportListResource:
    """The API view of an import list."""
    implementation = service.implementation(definition)
    options: ImportListOptions = definition.options
    return ImportListResource(
        **base_resource(service, definition, status),
        **options.model_dump(),
        list_type=implementation.list_type.value,
        list_order=implementation.list_type.order,
        min_refresh_interval=format_timespan(implementation.min_refresh_interval),
    )


def _lists(services: Services) -> ProviderService[Any, Any]:
    return services.import_lists.lists.providers


ProviderRoutes(router, ImportListResource, ImportListBulkResource, _lists, import_list_resource)
