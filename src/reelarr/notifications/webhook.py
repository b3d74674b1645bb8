"""Radarr's Webhook: every event's JSON payload sent by POST or PUT to a URL."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

import orjson

from reelarr.errors import RemoteError, ValidationFailure
from reelarr.notifications.base import Notification, NotificationFailed, service_name_of
from reelarr.notifications.logs import redact
from reelarr.notifications.model import RAISED_KINDS, EventKind, NotificationEvent
from reelarr.notifications.payloads import test_payload
from reelarr.providers.fields import FieldType, Privacy, enum_options, setting
from reelarr.providers.settings import ProviderSettings, valid_root_url
from reelarr.remote import RetryPolicy, ServicePolicy

POST, PUT = 1, 2
_METHODS = {POST: "POST", PUT: "PUT"}
# One try per call: the dispatcher retries with its own back-off, and a POST is not safe to repeat.
_MAX_ANSWER = 64 * 1024  # the answer is not read; a longer one is cut off unread
WEBHOOK_POLICY = ServicePolicy(timeout=30.0, connect_timeout=10.0, retry=RetryPolicy(attempts=1))


class WebhookHeader(ProviderSettings):
    """One extra header sent with each call."""

    key: str = ""
    value: str = ""


class WebhookSettings(ProviderSettings):
    """Where and how to send (Radarr's WebhookSettings)."""

    url: str = setting("", label="Webhook URL", type=FieldType.URL, in_repr=False)  # may hold a token
    method: int = setting(
        POST,
        label="Method",
        type=FieldType.SELECT,
        help="Which HTTP method to use submit to the Webservice",
        options=enum_options([(POST, "POST"), (PUT, "PUT")], hints=False),
    )
    username: str = setting("", label="Username", privacy=Privacy.USER_NAME)
    password: str = setting("", label="Password", type=FieldType.PASSWORD, privacy=Privacy.PASSWORD)
    headers: list[WebhookHeader] = setting(
        label="Headers", type=FieldType.KEY_VALUE_LIST, advanced=True, default_factory=list
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's validator: the URL is a valid http(s) URL; the method is POST or PUT."""
        failures = valid_root_url("url", self.url, "Webhook URL")
        if self.method not in _METHODS:
            failures.append(ValidationFailure("method", "Method must be POST (1) or PUT (2)", self.method))
        return failures


class Webhook(Notification):
    """Sends Radarr's webhook payloads."""

    implementation: ClassVar[str] = "Webhook"
    implementation_name: ClassVar[str] = "Webhook"
    settings_model: ClassVar[type[ProviderSettings]] = WebhookSettings
    supported: ClassVar[frozenset[EventKind]] = RAISED_KINDS

    @property
    def settings(self) -> WebhookSettings:
        """The definition's settings."""
        settings = self.definition.settings
        assert isinstance(settings, WebhookSettings)
        return settings

    async def send(self, event: NotificationEvent) -> None:
        """Send the event's payload; NotificationFailed says why it did not arrive."""
        await self._send(event.payload)

    async def test(self) -> list[ValidationFailure]:
        """Send Radarr's test payload, for real: past failures (the breaker) do not hold a test back."""
        name = f"Notification test {uuid.uuid4().hex}"
        try:
            await self._send(
                test_payload(self.context.instance_name, self.context.application_url), service_name=name
            )
        except NotificationFailed as error:
            return [ValidationFailure("url", f"Unable to send test message: {error}")]
        finally:
            await self.context.remote.remove(name)
        return []

    async def _send(self, payload: dict[str, Any], *, service_name: str | None = None) -> None:
        settings = self.settings
        method = _METHODS.get(settings.method)
        if method is None:
            raise NotificationFailed(f"Invalid Webhook method {settings.method}")
        headers = {"Accept": "application/json", "Content-Type": "application/json"}
        headers.update({h.key: h.value for h in settings.headers if h.key})
        auth = (settings.username, settings.password) if settings.username or settings.password else None
        self.context.hidden_urls.remember(settings.url)
        name = service_name or service_name_of(self.definition.id)
        service = self.context.remote.service(name, WEBHOOK_POLICY)
        try:
            response = await service.exchange(
                method,
                settings.url,
                max_bytes=_MAX_ANSWER,
                content=orjson.dumps(payload),
                headers=headers,
                auth=auth,
            )
        except RemoteError as error:
            raise NotificationFailed(
                redact(f"Unable to post to webhook: {error.message}", settings.url)
            ) from error
        if response.status_code >= 400:
            raise NotificationFailed(
                f"Unable to post to webhook: HTTP {response.status_code} {response.reason_phrase}"
            )
