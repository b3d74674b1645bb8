"""Radarr's ntfy: each event published to every chosen topic of an ntfy server (POST /<topic> with the
title, message, priority, tags and click address in the query, as Radarr's NtfyProxy sends them)."""

from __future__ import annotations

import re
from typing import ClassVar
from urllib.parse import quote

from reelarr.errors import ValidationFailure
from reelarr.notifications.base import Notification, NotificationFailed, service_name_of
from reelarr.notifications.hosted import (
    ServiceRefused,
    answer_of,
    call,
    cut,
    form_body,
    plain_title,
    probe_service,
)
from reelarr.notifications.messages import message_of
from reelarr.notifications.model import RAISED_KINDS, EventKind, NotificationEvent
from reelarr.providers.fields import FieldType, Privacy, SelectOption, setting
from reelarr.providers.settings import ProviderSettings, is_root_url, not_empty

NTFY_URL = "https://ntfy.sh"  # the public server, used when the server URL is left blank
_PRIORITIES = {1: "Min", 2: "Low", 3: "Default", 4: "High", 5: "Max"}
_RESERVED_TOPICS = frozenset(
    {"announcements", "app", "docs", "settings", "stats", "mytopic-rw", "mytopic-ro", "mytopic-wo"}
)
_TOPIC = re.compile(r"[a-zA-Z0-9_-]+")  # unanchored, as Radarr's rule is
_AUTH_REFUSALS = (401, 403)


def priority_options() -> list[SelectOption]:
    """Radarr's NtfyPriority as its schema lists it (ordered by value, no hint)."""
    return [SelectOption(value=value, name=name, order=value) for value, name in _PRIORITIES.items()]


def _valid_url(property_name: str, value: str) -> list[ValidationFailure]:
    """Radarr's IsValidUrl, applied to a URL that is set."""
    if not value.strip() or is_root_url(value):
        return []
    return [ValidationFailure(property_name, f"Invalid Url: '{value}'", value)]


def _topic_failures(topics: list[str]) -> list[ValidationFailure]:
    """Radarr's rule on each topic: set, of the allowed characters, not one ntfy reserves."""
    found = []
    for topic in topics:
        if not topic.strip():
            found.append(ValidationFailure("topics", "'Topics' must not be empty.", topic))
        elif not _TOPIC.search(topic):
            found.append(ValidationFailure("topics", "'Topics' is not in the correct format.", topic))
        elif topic in _RESERVED_TOPICS:
            found.append(ValidationFailure("topics", "Invalid topic", topic))
    return found


class NtfySettings(ProviderSettings):
    """Which server and topics, as whom, and how (Radarr's NtfySettings)."""

    server_url: str = setting(
        "",
        label="Server URL",
        type=FieldType.URL,
        help=f"Leave blank to use public server ({NTFY_URL})",
        help_link="https://ntfy.sh/docs/install/",
        placeholder=NTFY_URL,
    )
    access_token: str = setting(
        "",
        label="Access Token",
        type=FieldType.PASSWORD,
        privacy=Privacy.API_KEY,
        help="Optional token-based authorization. Takes priority over username/password",
        help_link="https://docs.ntfy.sh/config/#access-tokens",
    )
    user_name: str = setting("", label="Username", help="Optional username", privacy=Privacy.USER_NAME)
    password: str = setting(
        "", label="Password", type=FieldType.PASSWORD, help="Optional password", privacy=Privacy.PASSWORD
    )
    priority: int = setting(3, label="Priority", type=FieldType.SELECT, options=priority_options)
    topics: list[str] = setting(
        label="Topics",
        type=FieldType.TAG,
        help="List of Topics to send notifications to",
        placeholder="Topic1234,Topic4321",
        default_factory=list,
    )
    tags: list[str] = setting(
        label="Ntfy Tags and Emojis",
        type=FieldType.TAG,
        help="Optional list of tags or emojis to use",
        placeholder="warning,skull",
        help_link="https://ntfy.sh/docs/emojis/",
        default_factory=list,
    )
    click_url: str = setting(
        "",
        label="Click Url",
        type=FieldType.URL,
        help="Optional link when user clicks notification",
        placeholder="https://myserver.example.com/radarr",
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's validator: topics, a priority of 1 to 5, valid URLs, a whole user name and password."""
        failures = not_empty("topics", self.topics, "Topics")
        if not 1 <= self.priority <= 5:
            message = f"'Priority' must be between 1 and 5. You entered {self.priority}."
            failures.append(
                ValidationFailure("priority", message, self.priority, error_code="InclusiveBetweenValidator")
            )
        failures += _valid_url("serverUrl", self.server_url) + _valid_url("clickUrl", self.click_url)
        if not self.access_token.strip():
            if self.password.strip():
                failures += not_empty("userName", self.user_name.strip(), "User Name")
            if self.user_name.strip():
                failures += not_empty("password", self.password.strip(), "Password")
        return failures + _topic_failures(self.topics)


class Ntfy(Notification):
    """Publishes Radarr's ntfy messages."""

    implementation: ClassVar[str] = "Ntfy"
    implementation_name: ClassVar[str] = "ntfy.sh"
    settings_model: ClassVar[type[ProviderSettings]] = NtfySettings
    supported: ClassVar[frozenset[EventKind]] = RAISED_KINDS - {EventKind.RENAME}

    @classmethod
    def link(cls) -> str:
        """Radarr's link: ntfy's site."""
        return "https://ntfy.sh/"

    @property
    def settings(self) -> NtfySettings:
        """The definition's settings."""
        settings = self.definition.settings
        assert isinstance(settings, NtfySettings)
        return settings

    def query_of(self, title: str, message: str) -> str:
        """The query Radarr publishes with (escaped as Uri.EscapeDataString escapes)."""
        settings = self.settings
        fields: list[tuple[str, object]] = [
            ("title", title),
            ("message", message),
            ("priority", settings.priority),
        ]
        if settings.tags:
            fields.append(("tags", ",".join(settings.tags)))
        if settings.click_url.strip():
            fields.append(("click", settings.click_url))
        return form_body(fields)

    async def send(self, event: NotificationEvent) -> None:
        """Publish the event to every topic; NotificationFailed says which did not take it."""
        query = self.query_of(plain_title(event, branded=True), message_of(event))
        await self._publish(query, service_name_of(self.definition.id))

    async def test(self) -> list[ValidationFailure]:
        """Publish Radarr's test message, for real; a refused authorization blames the credentials."""
        settings = self.settings
        query = self.query_of("Radarr - Test Notification", "This is a test message from Radarr")
        async with probe_service(self.context) as name:
            try:
                await self._publish(query, name)
            except ServiceRefused:
                # Only a refused authorization gets out of _publish as a refusal: blame the credentials.
                if settings.access_token.strip():
                    return [ValidationFailure("accessToken", "Access Token is invalid")]
                if settings.user_name.strip() and settings.password.strip():
                    return [ValidationFailure("userName", "Invalid username or password")]
                return [ValidationFailure("accessToken", "Authorization is required")]
            except NotificationFailed as error:
                return [ValidationFailure("", f"Unable to send test message: {error}")]
        return []

    async def _publish(self, query: str, service_name: str) -> None:
        settings = self.settings
        server = (settings.server_url.strip() or NTFY_URL).rstrip("/")
        headers: dict[str, str] = {}
        auth = None
        if settings.access_token.strip():
            headers["Authorization"] = f"Bearer {settings.access_token}"
        elif settings.user_name.strip() and settings.password.strip():
            auth = (settings.user_name, settings.password)
        failed = []
        for topic in settings.topics:
            url = f"{server}/{quote(topic, safe='')}?{query}"
            try:
                await self._post_once(url, headers, auth, service_name)
            except ServiceRefused as error:
                if error.status in _AUTH_REFUSALS:
                    raise  # Radarr stops at a refused authorization
                failed.append(f"{topic}: {error.reason}")
            except NotificationFailed as error:
                failed.append(f"{topic}: {error}")
        if failed:
            raise NotificationFailed(f"Unable to send Ntfy notifications to all topics ({'; '.join(failed)})")

    async def _post_once(
        self, url: str, headers: dict[str, str], auth: tuple[str, str] | None, service_name: str
    ) -> None:
        response = await call(
            self.context,
            service_name,
            "POST",
            url,
            what="Unable to send Ntfy message",
            headers=headers,
            auth=auth,
        )
        if response.status_code < 400:
            return
        said = answer_of(response).get("error")
        reason = f"HTTP {response.status_code} {response.reason_phrase}" + (f": {cut(said)}" if said else "")
        raise ServiceRefused(f"Unable to send Ntfy message: {reason}", response.status_code, reason)
