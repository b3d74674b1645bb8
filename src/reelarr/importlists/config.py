"""The import list options (Radarr's ImportListConfig page): what the clean-up does, and its tag."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

from reelarr.configuration.sections import ConfigSection
from reelarr.configuration.store import ConfigStore
from reelarr.errors import ValidationFailed, ValidationFailure
from reelarr.events import EventBus
from reelarr.importlists.model import ListSyncLevel

_PREFIX = "importlists."
TagsExist = Callable[[Iterable[int]], Awaitable[set[int]]]


@dataclass(frozen=True, slots=True)
class ImportListConfig:
    """Radarr's `listSyncLevel`; `list_sync_tag` (Sonarr's, kept by Reelarr) is a tag the clean-up puts
    on each film it unmonitors or only logs, so they can be found and reviewed (0: none)."""

    list_sync_level: str = ListSyncLevel.DISABLED.value
    list_sync_tag: int = 0

    @property
    def level(self) -> ListSyncLevel:
        """The level as an enum."""
        return ListSyncLevel(self.list_sync_level)


def check(config: ImportListConfig) -> list[ValidationFailure]:
    """A known level and a tag id that can be one."""
    found = []
    if config.list_sync_level not in {level.value for level in ListSyncLevel}:
        choices = ", ".join(level.value for level in ListSyncLevel)
        found.append(ValidationFailure("listSyncLevel", f"Must be one of: {choices}", config.list_sync_level))
    if config.list_sync_tag < 0:
        found.append(ValidationFailure("listSyncTag", "Tag does not exist", config.list_sync_tag))
    return found


class ImportListConfigService:
    """Reads and saves the import list options; the tag must exist."""

    def __init__(self, store: ConfigStore, bus: EventBus, tags_exist: TagsExist) -> None:
        self._section = ConfigSection(store, bus, ImportListConfig, _PREFIX, check)
        self._tags_exist = tags_exist

    async def get(self) -> ImportListConfig:
        """The options in force."""
        return await self._section.get()

    async def save(self, config: ImportListConfig) -> ImportListConfig:
        """Keep the options; a 400 naming each broken rule when one is broken."""
        failures = check(config)
        if not failures and config.list_sync_tag and not await self._tags_exist([config.list_sync_tag]):
            failures.append(ValidationFailure("listSyncTag", "Tag does not exist", config.list_sync_tag))
        if failures:
            raise ValidationFailed(failures)
        return await self._section.save(config)
