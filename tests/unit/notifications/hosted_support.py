"""A notification of a hosted service wired to a mock transport that records what it was sent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import httpx

from reelarr.notifications.base import Notification, NotificationContext
from reelarr.notifications.options import NotificationOptions
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.settings import ProviderSettings
from reelarr.remote import RemoteRegistry

Answer = httpx.Response | Callable[[httpx.Request], httpx.Response]


@dataclass
class Wired:
    """The notification, what it sent, and the registry to close."""

    notification: Any
    remote: RemoteRegistry
    sent: list[httpx.Request] = field(default_factory=list)

    def form(self, index: int = -1) -> list[tuple[str, str]]:
        """The urlencoded form of a sent request, its fields in order."""
        return parse_qsl(self.sent[index].content.decode(), keep_blank_values=True)


def wire(
    kind: type[Notification],
    settings: ProviderSettings,
    answer: Answer,
    *,
    service_urls: dict[str, str] | None = None,
) -> Wired:
    """The notification `kind` with these settings, its calls answered by `answer`."""
    sent: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return answer(request) if callable(answer) else answer

    remote = RemoteRegistry(transport=httpx.MockTransport(handle))
    definition = ProviderDefinition(
        id=5,
        name=kind.implementation,
        implementation=kind.implementation,
        config_contract=f"{kind.implementation}Settings",
        settings=settings,
        options=NotificationOptions(on_grab=True),
    )
    context = NotificationContext(remote, "Reelarr", service_urls=service_urls or {})
    return Wired(kind(definition, context), remote, sent)
