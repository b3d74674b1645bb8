"""/api/v3/notification (Radarr's NotificationController)."""

from __future__ import annotations

from typing import Any

from reelarr.api.routing import ApiRouter
from reelarr.api.v3.providers import ProviderBulkResource, ProviderResource, ProviderRoutes, base_resource
from reelarr.notifications.options import SUPPORT_FLAGS, NotificationOptions
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.service import ProviderService
from reelarr.providers.status import ProviderStatus
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/notification", tags=["Notification"])


class NotificationResource(ProviderResource):
    """A notification as Radarr shows it: its switches, and which of them its implementation supports
    (the `supportsOn...` flags are read-only: what a client sends for them is ignored)."""

    link: str | None = None
    on_grab: bool | None = None
    on_download: bool | None = None
    on_upgrade: bool | None = None
    on_rename: bool | None = None
    on_movie_added: bool | None = None
    on_movie_delete: bool | None = None
    on_movie_file_delete: bool | None = None
    on_movie_file_delete_for_upgrade: bool | None = None
    on_health_issue: bool | None = None
    include_health_warnings: bool | None = None
    on_health_restored: bool | None = None
    on_application_update: bool | None = None
    on_manual_interaction_required: bool | None = None
    supports_on_grab: bool | None = None
    supports_on_download: bool | None = None
    supports_on_upgrade: bool | None = None
    supports_on_rename: bool | None = None
    supports_on_movie_added: bool | None = None
    supports_on_movie_delete: bool | None = None
    supports_on_movie_file_delete: bool | None = None
    supports_on_movie_file_delete_for_upgrade: bool | None = None
    supports_on_health_issue: bool | None = None
    supports_on_health_restored: bool | None = None
    supports_on_application_update: bool | None = None
    supports_on_manual_interaction_required: bool | None = None
    test_command: str | None = None


class NotificationBulkResource(ProviderBulkResource):
    """The same change (tags) to several notifications."""


def notification_resource(
    service: ProviderService[Any, Any], definition: ProviderDefinition[Any], status: ProviderStatus | None
) -> NotificationResource:
    """The API view of a notification."""
    implementation = service.implementation(definition)
    options: NotificationOptions = definition.options
    supported = implementation.supported
    flags = {name: all(kind in supported for kind in kinds) for name, kinds in SUPPORT_FLAGS.items()}
    return NotificationResource(
        **base_resource(service, definition, status),
        link=implementation.link(),
        **options.model_dump(),
        **flags,
    )


def _notifications(services: Services) -> ProviderService[Any, Any]:
    return services.notifications.providers


ProviderRoutes(router, NotificationResource, NotificationBulkResource, _notifications, notification_resource)
