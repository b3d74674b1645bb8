"""The notification implementations Reelarr ships (plugins register more on the same registry)."""

from __future__ import annotations

from reelarr.notifications.base import Notification
from reelarr.notifications.discord import Discord
from reelarr.notifications.gotify import Gotify
from reelarr.notifications.ntfy import Ntfy
from reelarr.notifications.pushover import Pushover
from reelarr.notifications.telegram import Telegram
from reelarr.notifications.webhook import Webhook
from reelarr.providers.registry import ProviderRegistry

BUILT_IN: tuple[type[Notification], ...] = (Webhook, Discord, Telegram, Pushover, Ntfy, Gotify)


def notification_registry() -> ProviderRegistry[Notification]:
    """A registry holding every built-in notification."""
    registry: ProviderRegistry[Notification] = ProviderRegistry("notification", Notification)  # type: ignore[type-abstract]
    for implementation in BUILT_IN:
        registry.register(implementation)
    return registry
