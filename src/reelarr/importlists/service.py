"""The import lists: their CRUD (the provider framework's), their rules, and which are due for a sync."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime

from reelarr.db.engine import Database
from reelarr.errors import ValidationFailure
from reelarr.events import EventBus
from reelarr.importlists.base import ImportList, ImportListContext, service_name_of
from reelarr.importlists.options import ImportListOptions
from reelarr.providers.events import ProviderChanged
from reelarr.providers.family import Family
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.registry import ProviderRegistry
from reelarr.providers.service import ExistingTags, ProviderService
from reelarr.providers.settings import ProviderSettings
from reelarr.providers.status import ProviderStatuses

FAMILY = "importlist"
LAST_SYNC = "lastInfoSync"  # the status note of when a list was last fetched (Radarr's LastInfoSync)
ImportListDefinition = ProviderDefinition[ImportListOptions]
ProfileExists = Callable[[int], Awaitable[bool]]
RootFolderPaths = Callable[[], Awaitable[list[str]]]


def _template_options(implementation: type[ImportList], settings: ProviderSettings) -> ImportListOptions:
    """Radarr's DefaultDefinitions: enabled when the blank settings are valid, adding on its own
    unless the list says otherwise."""
    valid = not [f for f in settings.check() if f.severity != "warning"]
    return ImportListOptions(list_enabled=valid, enable_auto=implementation.adds_on_its_own)


class ImportListService:
    """Import list CRUD; the lists in use; each list's last sync."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        clock: Callable[[], datetime],
        registry: ProviderRegistry[ImportList],
        statuses: ProviderStatuses,
        existing_tags: ExistingTags,
        context: ImportListContext,
        *,
        profile_exists: ProfileExists,
        root_folders: RootFolderPaths,
    ) -> None:
        self.statuses = statuses
        self._clock = clock
        self._profile_exists = profile_exists
        self._root_folders = root_folders

        context = replace(context, save_settings=self._save_settings)

        def build(implementation: type[ImportList], definition: ImportListDefinition) -> ImportList:
            return implementation(definition, context)

        self.family: Family[ImportListOptions, ImportList] = Family(
            key=FAMILY,
            title="Import List",
            options_type=ImportListOptions,
            registry=registry,
            build=build,
            template_options=_template_options,
            check_options=self._check_options,
        )
        self.providers: ProviderService[ImportListOptions, ImportList] = ProviderService(
            db, bus, clock, self.family, statuses, existing_tags
        )
        self._remote = context.remote
        bus.subscribe(ProviderChanged, self._changed)

    async def _changed(self, event: ProviderChanged) -> None:
        """A changed or deleted list starts afresh: its breaker and connections go."""
        if event.family == FAMILY and event.action in ("updated", "deleted"):
            await self._remote.remove(service_name_of(event.provider_id))

    async def _save_settings(self, list_id: int, settings: ProviderSettings) -> None:
        """Store settings a list changed itself (Radarr's UpdateSettings); its remote service and
        breaker stay as they are."""
        await self.providers.save_settings(list_id, settings)

    async def _check_options(self, options: ImportListOptions) -> list[ValidationFailure]:
        """Radarr's ImportListController rules: an existing quality profile and root folder."""
        failures = []
        if options.quality_profile_id <= 0 or not await self._profile_exists(options.quality_profile_id):
            failures.append(
                ValidationFailure(
                    "qualityProfileId", "Quality Profile does not exist", options.quality_profile_id
                )
            )
        root = options.root_folder_path.rstrip("/\\") if options.root_folder_path else ""
        if not root or root not in {p.rstrip("/\\") for p in await self._root_folders()}:
            failures.append(
                ValidationFailure("rootFolderPath", "Root Folder does not exist", options.root_folder_path)
            )
        return failures

    async def enabled(self) -> list[ImportListDefinition]:
        """The lists in use, by name."""
        return [d for d in await self.providers.all() if d.enabled]

    def implementation(self, definition: ImportListDefinition) -> type[ImportList]:
        """The class of a list's implementation."""
        return self.providers.implementation(definition)

    async def last_sync(self, list_id: int) -> datetime | None:
        """When the list was last fetched, or None."""
        status = await self.statuses.get(list_id)
        stamp = (status.data or {}).get(LAST_SYNC)
        return datetime.fromisoformat(stamp) if isinstance(stamp, str) else None

    async def mark_synced(self, list_id: int) -> None:
        """Remember that the list was fetched now."""
        await self.statuses.set_data(list_id, LAST_SYNC, self._clock().isoformat())
