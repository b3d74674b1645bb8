"""The notifications: their CRUD (the provider framework's) and which of them want an event."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from reelarr.db.engine import Database
from reelarr.events import EventBus
from reelarr.notifications.base import Notification, NotificationContext, service_name_of
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.notifications.options import NotificationOptions
from reelarr.providers.events import ProviderChanged
from reelarr.providers.family import Family
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.registry import ProviderRegistry
from reelarr.providers.service import ExistingTags, ProviderService
from reelarr.providers.settings import ProviderSettings
from reelarr.providers.status import ProviderStatuses

FAMILY = "notification"
NotificationDefinition = ProviderDefinition[NotificationOptions]


def _template_options(
    _implementation: type[Notification], _settings: ProviderSettings
) -> NotificationOptions:
    return NotificationOptions()


def wants(
    definition: NotificationDefinition, supported: frozenset[EventKind], event: NotificationEvent
) -> bool:
    """Radarr's NotificationService filters: the switch is on (an upgrade also needs onUpgrade, a file
    replaced by an upgrade onMovieFileDeleteForUpgrade, a health warning includeHealthWarnings), the
    implementation tells such events, and the tags match the film's (a notification without tags
    takes every film)."""
    options = definition.options
    if event.kind not in supported or not options.wants(event.kind):
        return False
    if event.kind == EventKind.DOWNLOAD and event.is_upgrade and not options.on_upgrade:
        return False
    if (
        event.kind == EventKind.MOVIE_FILE_DELETE
        and event.is_upgrade
        and not options.on_movie_file_delete_for_upgrade
    ):
        return False
    if event.kind in (EventKind.HEALTH, EventKind.HEALTH_RESTORED):
        return event.health_level == "error" or (
            event.health_level == "warning" and options.include_health_warnings
        )
    if definition.tags and event.movie_tags is not None:
        return bool(set(definition.tags) & set(event.movie_tags))
    return True


class NotificationService:
    """Notification CRUD, and the notifications an event goes to."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        clock: Callable[[], datetime],
        registry: ProviderRegistry[Notification],
        statuses: ProviderStatuses,
        existing_tags: ExistingTags,
        context: NotificationContext,
    ) -> None:
        self.statuses = statuses
        self._clock = clock

        self.context = context  # replaced when Settings → General renames the instance or its address

        def build(implementation: type[Notification], definition: NotificationDefinition) -> Notification:
            return implementation(definition, self.context)

        self.family: Family[NotificationOptions, Notification] = Family(
            key=FAMILY,
            title="Notification",
            options_type=NotificationOptions,
            registry=registry,
            build=build,
            template_options=_template_options,
        )
        self.providers: ProviderService[NotificationOptions, Notification] = ProviderService(
            db, bus, clock, self.family, statuses, existing_tags
        )
        self._remote = context.remote
        self.hidden_urls = context.hidden_urls
        bus.subscribe(ProviderChanged, self._changed)

    async def _changed(self, event: ProviderChanged) -> None:
        """A changed or deleted notification starts afresh: its breaker and connections go."""
        if event.family == FAMILY and event.action in ("updated", "deleted"):
            await self._remote.remove(service_name_of(event.provider_id))

    async def enabled(self) -> list[NotificationDefinition]:
        """The notifications with any switch on, by name."""
        return [d for d in await self.providers.all() if d.enabled]

    async def targets(self, kind: EventKind) -> list[NotificationDefinition]:
        """The enabled notifications that may want this kind of event and are not backed off (Radarr
        leaves a failing notification alone until its back-off ends)."""
        found = [
            d
            for d in await self.enabled()
            if kind in self.providers.implementation(d).supported and d.options.wants(kind)
        ]
        statuses = await self.statuses.of(d.id for d in found)
        now = self._clock()
        return [d for d in found if not statuses[d.id].disabled(now)]

    def supported(self, definition: NotificationDefinition) -> frozenset[EventKind]:
        """The kinds of event this definition's implementation tells."""
        return self.providers.implementation(definition).supported
