"""The contract of a notification implementation."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from reelarr.notifications.logs import WebhookUrlFilter
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.providers.base import Provider
from reelarr.providers.model import ProviderDefinition
from reelarr.remote import RemoteRegistry


@dataclass(frozen=True, slots=True)
class NotificationContext:
    """What every notification needs from the installation: the way out, and how it names itself."""

    remote: RemoteRegistry
    instance_name: str
    application_url: str = ""
    # The addresses of hosted services (Telegram, Pushover, Notifiarr) by implementation, when not their
    # public ones.
    service_urls: Mapping[str, str] = field(default_factory=dict)
    # On httpx's logger while the app runs: the addresses webhooks were sent to never reach a log.
    hidden_urls: WebhookUrlFilter = field(default_factory=WebhookUrlFilter)


def service_url(context: NotificationContext, implementation: str, default: str) -> str:
    """The address of a hosted service: the one the installation names for it, else its public one."""
    return (context.service_urls.get(implementation) or default).rstrip("/")


def service_name_of(notification_id: int) -> str:
    """The name of a notification's remote service (its breaker and connections)."""
    return f"Notification {notification_id}"


class NotificationFailed(Exception):
    """Telling a notification's target failed; the message is safe to show (no secret in it)."""


class Notification(Provider):
    """Tells one target of events; `supported` are the kinds it can tell (its `supportsOn...` flags)."""

    supported: ClassVar[frozenset[EventKind]] = frozenset()

    def __init__(self, definition: ProviderDefinition[Any], context: NotificationContext) -> None:
        super().__init__(definition)
        self.context = context

    @classmethod
    def link(cls) -> str:
        """Radarr's `link` of a notification: the wiki page of the Connect settings."""
        return "https://wiki.servarr.com/radarr/settings#connect"

    @abstractmethod
    async def send(self, event: NotificationEvent) -> None:
        """Tell the target of one event; NotificationFailed when it could not be told."""
