"""Radarr's Pushover: each event as a message posted to Pushover's /1/messages.json."""

from __future__ import annotations

from typing import ClassVar

from reelarr.errors import ValidationFailure
from reelarr.notifications.base import Notification, NotificationFailed, service_name_of, service_url
from reelarr.notifications.hosted import (
    ServiceRefused,
    answer_of,
    call,
    cut,
    encode_form,
    plain_title,
    probe_service,
)
from reelarr.notifications.messages import message_of
from reelarr.notifications.model import RAISED_KINDS, EventKind, NotificationEvent
from reelarr.providers.fields import FieldType, Privacy, SelectOption, setting
from reelarr.providers.settings import ProviderSettings, not_empty

PUSHOVER_URL = "https://api.pushover.net"  # settings.pushover_api_url (REELARR_PUSHOVER_API_URL) overrides
EMERGENCY = 2
_PRIORITIES = {-2: "Silent", -1: "Quiet", 0: "Normal", 1: "High", EMERGENCY: "Emergency"}


def priority_options() -> list[SelectOption]:
    """Radarr's PushoverPriority as its schema lists it (no FieldOption: ordered by value, no hint)."""
    return [SelectOption(value=value, name=name, order=value) for value, name in _PRIORITIES.items()]


def _between(name: str, label: str, value: int, low: int, high: int) -> list[ValidationFailure]:
    """FluentValidation's GreaterThanOrEqualTo and LessThanOrEqualTo, worded as Radarr words them."""
    if value < low:
        message, code = f"'{label}' must be greater than or equal to '{low}'.", "GreaterThanOrEqualValidator"
    elif value > high:
        message, code = f"'{label}' must be less than or equal to '{high}'.", "LessThanOrEqualValidator"
    else:
        return []
    return [ValidationFailure(name, message, value, error_code=code)]


class PushoverSettings(ProviderSettings):
    """Which application tells which user's devices, and how loudly (Radarr's PushoverSettings)."""

    api_key: str = setting(
        "", label="API Key", privacy=Privacy.API_KEY, help_link="https://pushover.net/apps/clone/radarr"
    )
    user_key: str = setting(
        "", label="User Key", privacy=Privacy.USER_NAME, help_link="https://pushover.net/"
    )
    devices: list[str] = setting(
        label="Devices",
        type=FieldType.TAG,
        help="List of device names (leave blank to send to all devices)",
        placeholder="device1",
        default_factory=list,
    )
    priority: int = setting(0, label="Priority", type=FieldType.SELECT, options=priority_options)
    retry: int = setting(0, label="Retry", help="Interval to retry Emergency alerts, minimum 30 seconds")
    expire: int = setting(
        0, label="Expire", help='Maximum time to retry Emergency alerts, maximum 86400 seconds"'
    )
    sound: str = setting(
        "",
        label="Sound",
        help="Notification sound, leave blank to use the default",
        help_link="https://pushover.net/api#sounds",
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's validator: a user key; for an emergency, a retry of 30 s to a day and an expiry of
        at most a day. A priority Pushover does not know is refused too."""
        failures = not_empty("userKey", self.user_key, "User Key")
        if self.priority not in _PRIORITIES:
            message = f"'Priority' must be one of {', '.join(map(str, _PRIORITIES))}."
            failures.append(ValidationFailure("priority", message, self.priority))
        if self.priority == EMERGENCY:
            failures += _between("retry", "Retry", self.retry, 30, 86400)
            failures += _between("expire", "Expire", self.expire, 0, 86400)
        return failures


class Pushover(Notification):
    """Sends Radarr's Pushover messages."""

    implementation: ClassVar[str] = "Pushover"
    implementation_name: ClassVar[str] = "Pushover"
    settings_model: ClassVar[type[ProviderSettings]] = PushoverSettings
    supported: ClassVar[frozenset[EventKind]] = RAISED_KINDS - {EventKind.RENAME}

    @classmethod
    def link(cls) -> str:
        """Radarr's link: Pushover's site."""
        return "https://pushover.net/"

    @property
    def settings(self) -> PushoverSettings:
        """The definition's settings."""
        settings = self.definition.settings
        assert isinstance(settings, PushoverSettings)
        return settings

    def form_of(self, title: str, message: str) -> tuple[bytes, str]:
        """The message form Radarr posts, and its content type."""
        settings = self.settings
        fields: list[tuple[str, object]] = [
            ("token", settings.api_key),
            ("user", settings.user_key),
            ("device", ",".join(settings.devices)),
            ("title", title),
            ("message", message),
            ("priority", settings.priority),
        ]
        if settings.priority == EMERGENCY:
            fields += [("retry", settings.retry), ("expire", settings.expire)]
        if settings.sound.strip():
            fields.append(("sound", settings.sound))
        return encode_form(fields)

    async def send(self, event: NotificationEvent) -> None:
        """Post the event's message; NotificationFailed says why it did not arrive."""
        await self._post(
            self.form_of(plain_title(event), message_of(event)), service_name_of(self.definition.id)
        )

    async def test(self) -> list[ValidationFailure]:
        """Post Radarr's test message, for real."""
        form = self.form_of("Test Notification", "This is a test message from Radarr")
        async with probe_service(self.context) as name:
            try:
                await self._post(form, name)
            except NotificationFailed as error:
                return [ValidationFailure("apiKey", f"Unable to send test message: {error}")]
        return []

    async def _post(self, form: tuple[bytes, str], service_name: str) -> None:
        url = f"{service_url(self.context, 'Pushover', PUSHOVER_URL)}/1/messages.json"
        response = await call(
            self.context,
            service_name,
            "POST",
            url,
            what="Unable to send Pushover message",
            headers={"Content-Type": form[1]},
            content=form[0],
        )
        if response.status_code < 400:
            return
        errors = answer_of(response).get("errors")
        reason = "; ".join(cut(e) for e in errors) if isinstance(errors, list) and errors else ""
        for secret in (self.settings.api_key, self.settings.user_key):
            reason = reason.replace(secret, "********") if secret else reason
        shown = reason or f"HTTP {response.status_code} {response.reason_phrase}"
        raise ServiceRefused(f"Unable to send Pushover message: {shown}", response.status_code, reason)
