"""Radarr's Notifiarr: every event's webhook payload posted to Notifiarr's API with the user's key."""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from reelarr.errors import ValidationFailure
from reelarr.notifications.base import Notification, NotificationFailed, service_url
from reelarr.notifications.model import RAISED_KINDS, EventKind, NotificationEvent
from reelarr.notifications.payloads import test_payload
from reelarr.notifications.posting import PostFailed, post_json, probe_service_name
from reelarr.providers.fields import Privacy, setting
from reelarr.providers.settings import ProviderSettings, not_empty

# Notifiarr's address; the `notifiarr_url` setting (REELARR_NOTIFIARR_URL) points elsewhere.
NOTIFIARR_URL = "https://notifiarr.com"
NOTIFY_PATH = "/api/v1/notification/radarr"
_UNAVAILABLE = frozenset({502, 503, 504})
_CLOUDFLARE = frozenset(range(520, 525))

log = logging.getLogger(__name__)


class NotifiarrSettings(ProviderSettings):
    """The user's Notifiarr API key (Radarr's NotifiarrSettings; its field is named "aPIKey")."""

    api_key: str = setting(
        "",
        label="API Key",
        privacy=Privacy.API_KEY,
        help="Your API key from your profile",
        help_link="https://notifiarr.com",
        alias="aPIKey",
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's validator: a key."""
        return not_empty("aPIKey", self.api_key.strip(), "API Key")


def refusal(status: int) -> str | None:
    """What Radarr's NotifiarrProxy makes of an error status; None for a 400, which it only logs (a
    channel not set up on Notifiarr for one kind of event must not stop the others)."""
    if status == 400:
        return None
    if status == 401:
        return "API key is invalid"
    if status in _UNAVAILABLE:
        return "Unable to send notification. Service Unavailable"
    if status in _CLOUDFLARE:
        return "Cloudflare Related HTTP Error - Unable to send notification"
    return "Unknown HTTP Error - Unable to send notification"


class Notifiarr(Notification):
    """Posts Radarr's webhook payloads to Notifiarr."""

    implementation: ClassVar[str] = "Notifiarr"
    implementation_name: ClassVar[str] = "Notifiarr"
    settings_model: ClassVar[type[ProviderSettings]] = NotifiarrSettings
    supported: ClassVar[frozenset[EventKind]] = RAISED_KINDS

    @classmethod
    def link(cls) -> str:
        """Radarr's link: Notifiarr's site."""
        return "https://notifiarr.com"

    @property
    def settings(self) -> NotifiarrSettings:
        """The definition's settings."""
        settings = self.definition.settings
        assert isinstance(settings, NotifiarrSettings)
        return settings

    def address(self) -> str:
        """Where the payloads go: Notifiarr's API, or the address the installation was given."""
        return service_url(self.context, "Notifiarr", NOTIFIARR_URL) + NOTIFY_PATH

    async def send(self, event: NotificationEvent) -> None:
        """Post the event's payload; NotificationFailed says why it did not arrive."""
        await self._post(event.payload)

    async def test(self) -> list[ValidationFailure]:
        """Post Radarr's test payload, for real."""
        name = probe_service_name()
        payload = test_payload(self.context.instance_name, self.context.application_url)
        try:
            await self._post(payload, service_name=name)
        except NotificationFailed as error:
            return [ValidationFailure("aPIKey", f"Unable to send test message: {error}")]
        finally:
            await self.context.remote.remove(name)
        return []

    async def _post(self, payload: dict[str, Any], *, service_name: str | None = None) -> None:
        headers = {"X-API-Key": self.settings.api_key}
        failure = "Unable to send notification"
        try:
            response = await post_json(
                self, self.address(), payload, failure=failure, service_name=service_name, headers=headers
            )
        except PostFailed as error:
            said = refusal(error.status) if error.status is not None else None
            raise NotificationFailed(said or str(error)) from error
        said = refusal(response.status_code) if response.status_code >= 400 else None
        if response.status_code == 400:
            log.warning(
                "HTTP 400 - Unable to send notification. "
                "Ensure Radarr Integration is enabled & assigned a channel on Notifiarr"
            )
        if said is not None:
            raise NotificationFailed(said)
