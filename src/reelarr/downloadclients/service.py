"""The download clients: their CRUD (the provider framework's) and whether each can be reached now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from reelarr.db.engine import Database
from reelarr.downloadclients.base import DownloadClient, DownloadClientUnavailable, LocalPaths
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.events import EventBus
from reelarr.providers.family import Family
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.registry import ProviderRegistry
from reelarr.providers.service import ExistingTags, ProviderService
from reelarr.providers.settings import ProviderSettings
from reelarr.providers.status import ProviderStatuses

FAMILY = "downloadclient"
DownloadClientDefinition = ProviderDefinition[DownloadClientOptions]


def _template_options(
    _implementation: type[DownloadClient], _settings: ProviderSettings
) -> DownloadClientOptions:
    return DownloadClientOptions()


class DownloadClientService:
    """Download client CRUD, and reaching each client with its failures kept in its status."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        clock: Callable[[], datetime],
        registry: ProviderRegistry[DownloadClient],
        statuses: ProviderStatuses,
        existing_tags: ExistingTags,
        paths: LocalPaths | None = None,
    ) -> None:
        self.statuses = statuses

        def build(
            implementation: type[DownloadClient], definition: DownloadClientDefinition
        ) -> DownloadClient:
            client = implementation(definition)
            if paths is not None:
                client.paths = paths
            return client

        self.family: Family[DownloadClientOptions, DownloadClient] = Family(
            key=FAMILY,
            title="Download Client",
            options_type=DownloadClientOptions,
            registry=registry,
            build=build,
            template_options=_template_options,
        )
        self.providers: ProviderService[DownloadClientOptions, DownloadClient] = ProviderService(
            db, bus, clock, self.family, statuses, existing_tags
        )

    async def enabled(self) -> list[DownloadClientDefinition]:
        """The clients in use, by name."""
        return [d for d in await self.providers.all() if d.enabled]

    async def enabled_ids(self) -> set[int]:
        """The ids of the clients in use."""
        return {d.id for d in await self.enabled()}

    async def reach(self, definition: DownloadClientDefinition) -> str | None:
        """Reach a client now: None when it answered, else why not; either way its status learns it."""
        try:
            await self.providers.instance(definition).check_connection()
        except DownloadClientUnavailable as error:
            await self.statuses.record_failure(definition.id, str(error))
            return str(error)
        await self.statuses.record_success(definition.id)
        return None
