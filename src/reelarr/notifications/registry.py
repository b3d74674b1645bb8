"""The notification implementations Reelarr ships (plugins register more on the same registry)."""

from __future__ import annotations

from reelarr.notifications.apprise import Apprise
from reelarr.notifications.base import Notification
from reelarr.notifications.custom_script import CustomScript
from reelarr.notifications.discord import Discord
from reelarr.notifications.email import Email
from reelarr.notifications.emby import MediaBrowser
from reelarr.notifications.gotify import Gotify
from reelarr.notifications.kodi import Xbmc
from reelarr.notifications.notifiarr import Notifiarr
from reelarr.notifications.ntfy import Ntfy
from reelarr.notifications.plex import PlexServer
from reelarr.notifications.pushover import Pushover
from reelarr.notifications.slack import Slack
from reelarr.notifications.telegram import Telegram
from reelarr.notifications.webhook import Webhook
from reelarr.providers.registry import ProviderRegistry

BUILT_IN: tuple[type[Notification], ...] = (
    Webhook,
    Discord,
    Email,
    CustomScript,
    Slack,
    Telegram,
    Pushover,
    Ntfy,
    Gotify,
    Notifiarr,
    Apprise,
    PlexServer,
    MediaBrowser,
    Xbmc,
)


def notification_registry() -> ProviderRegistry[Notification]:
    """A registry holding every built-in notification."""
    registry: ProviderRegistry[Notification] = ProviderRegistry("notification", Notification)  # type: ignore[type-abstract]
    for implementation in BUILT_IN:
        registry.register(implementation)
    return registry
