"""Radarr's Apprise: a client of an Apprise API server, told a title, a body and a type per event."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from reelarr.errors import ValidationFailure
from reelarr.notifications.base import Notification, NotificationFailed
from reelarr.notifications.messages import message_of, title_of
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.notifications.posting import (
    PostFailed,
    answer_text,
    clean,
    json_error,
    post_json,
    probe_service_name,
)
from reelarr.providers.fields import FieldType, Privacy, enum_options, setting
from reelarr.providers.settings import ProviderSettings, valid_root_url

# Radarr's AppriseNotificationType: the setting's value, and the name the payload gives it.
NOTIFICATION_TYPES = ((0, "info"), (1, "success"), (2, "warning"), (3, "failure"))
_TYPE_NAMES = dict(NOTIFICATION_TYPES)
# Apprise.cs overrides every On... but OnMovieRename; of those, Reelarr raises these.
APPRISE_KINDS = frozenset(
    {
        EventKind.GRAB,
        EventKind.DOWNLOAD,
        EventKind.MOVIE_ADDED,
        EventKind.MOVIE_DELETE,
        EventKind.MOVIE_FILE_DELETE,
        EventKind.HEALTH,
        EventKind.HEALTH_RESTORED,
        EventKind.APPLICATION_UPDATE,
        EventKind.MANUAL_INTERACTION_REQUIRED,
    }
)
TEST_TITLE = "Radarr - Test Notification"
TEST_BODY = "Success! You have properly configured your apprise notification settings."
TEST_POSTER = "https://raw.githubusercontent.com/Radarr/Radarr/develop/Logo/128.png"
_KEY = re.compile(r"^[a-z0-9-]*$")
_EITHER = "Use either Configuration Key or Stateless URLs"


class AppriseSettings(ProviderSettings):
    """The Apprise API server, what it is to notify, and how (Radarr's AppriseSettings)."""

    server_url: str = setting(
        "",
        label="Apprise Server URL",
        type=FieldType.URL,
        placeholder="http://localhost:8000",
        help="Apprise server URL, including http(s):// and port if needed",
        help_link="https://github.com/caronc/apprise-api",
    )
    configuration_key: str = setting(
        "",
        label="Apprise Configuration Key",
        help="Configuration Key for the Persistent Storage Solution. Leave empty if Stateless URLs is used.",
        help_link="https://github.com/caronc/apprise-api#persistent-storage-solution",
    )
    stateless_urls: str = setting(
        "",
        label="Apprise Stateless URLs",
        help="One or more URLs separated by commas identifying where the notification should be sent to. "
        "Leave empty if Persistent Storage is used.",
        help_link="https://github.com/caronc/apprise#productivity-based-notifications",
        in_repr=False,  # Apprise URLs carry the targets' tokens
    )
    notification_type: int = setting(
        0,
        label="Apprise Notification Type",
        type=FieldType.SELECT,
        options=enum_options([(v, n.capitalize()) for v, n in NOTIFICATION_TYPES], hints=False),
    )
    tags: list[str] = setting(
        label="Apprise Tags",
        type=FieldType.TAG,
        help="Optionally notify only those tagged accordingly.",
        default_factory=list,
    )
    include_poster: bool = setting(
        False, label="Include Poster", type=FieldType.CHECKBOX, help="Include poster in message"
    )
    auth_username: str = setting(
        "", label="Username", help="HTTP Basic Auth Username", privacy=Privacy.USER_NAME
    )
    auth_password: str = setting(
        "",
        label="Password",
        type=FieldType.PASSWORD,
        help="HTTP Basic Auth Password",
        privacy=Privacy.PASSWORD,
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's validator: a server URL, and exactly one of a configuration key (a-z, 0-9, -) and
        stateless URLs (which take no tags)."""
        failures = valid_root_url("serverUrl", self.server_url, "Apprise Server URL")
        key, urls = self.configuration_key, self.stateless_urls
        if not urls.strip() and not key.strip():
            failures.append(ValidationFailure("configurationKey", _EITHER, key))
        if not _KEY.match(key):
            failures.append(ValidationFailure("configurationKey", "Allowed characters a-z, 0-9 and -", key))
        if key.strip() and urls.strip():
            failures.append(ValidationFailure("statelessUrls", _EITHER))
        if not key.strip() and not urls.strip():
            failures.append(ValidationFailure("statelessUrls", _EITHER))
        if urls.strip() and self.tags:
            failures.append(ValidationFailure("tags", "Stateless URLs do not support tags", self.tags))
        if self.notification_type not in _TYPE_NAMES:
            failures.append(
                ValidationFailure("notificationType", "Unknown notification type", self.notification_type)
            )
        return failures


def poster_of(event: NotificationEvent) -> str | None:
    """Radarr's GetPosterUrl: the remote URL of the film's poster (None without a film or a poster)."""
    movie = event.payload.get("movie") or {}
    for image in movie.get("images") or ():
        if image.get("coverType") == "poster" and image.get("remoteUrl"):
            return str(image["remoteUrl"])
    return None


def event_message(event: NotificationEvent) -> tuple[str, str, str | None]:
    """The title, body and poster Radarr's Apprise sends for an event."""
    if event.kind not in APPRISE_KINDS:
        raise NotificationFailed(f"Apprise does not tell of {event.kind.value}")
    title = title_of(event)
    if event.kind == EventKind.MOVIE_ADDED:
        movie = event.payload.get("movie") or {}
        body = f"{movie.get('title')} ({movie.get('year')}) added to library"
    else:
        body = message_of(event)
    health = event.kind in (EventKind.HEALTH, EventKind.HEALTH_RESTORED)
    return title, body, None if health else poster_of(event)


def apprise_request(
    settings: AppriseSettings, title: str, body: str, poster: str | None
) -> tuple[str, dict[str, Any]]:
    """Radarr's AppriseProxy request: the address (/notify/{key}, else /notify with the stateless URLs in
    the body) and the ApprisePayload, its unset members left out."""
    url = settings.server_url.rstrip("/ ")
    payload: dict[str, Any] = {}
    if settings.configuration_key.strip():
        url += f"/notify/{settings.configuration_key}"
    elif settings.stateless_urls.strip():
        url += "/notify"
        payload["urls"] = settings.stateless_urls
    payload |= {"title": title, "body": body}
    if settings.include_poster and poster and poster.strip():
        payload["attachment"] = poster
    payload["type"] = _TYPE_NAMES.get(settings.notification_type, "info")
    if settings.tags:
        payload["tag"] = ",".join(settings.tags)
    return url, payload


class Apprise(Notification):
    """Sends Radarr's Apprise notifications through an Apprise API server."""

    implementation: ClassVar[str] = "Apprise"
    implementation_name: ClassVar[str] = "Apprise"
    settings_model: ClassVar[type[ProviderSettings]] = AppriseSettings
    supported: ClassVar[frozenset[EventKind]] = APPRISE_KINDS

    @classmethod
    def link(cls) -> str:
        """Radarr's link: Apprise's repository."""
        return "https://github.com/caronc/apprise"

    @property
    def settings(self) -> AppriseSettings:
        """The definition's settings."""
        settings = self.definition.settings
        assert isinstance(settings, AppriseSettings)
        return settings

    async def send(self, event: NotificationEvent) -> None:
        """Send the event's notification; NotificationFailed says why it was not sent."""
        await self._notify(*event_message(event))

    async def test(self) -> list[ValidationFailure]:
        """Send Radarr's test notification, for real; a failure is worded as Radarr's AppriseProxy does."""
        name = probe_service_name()
        try:
            await self._notify(TEST_TITLE, TEST_BODY, TEST_POSTER, service_name=name)
        except AppriseRefused as refused:
            return [refused.failure()]
        except NotificationFailed as error:
            return [ValidationFailure("url", f"Unable to send test message: {error}")]
        finally:
            await self.context.remote.remove(name)
        return []

    async def _notify(
        self, title: str, body: str, poster: str | None, *, service_name: str | None = None
    ) -> None:
        settings = self.settings
        url, payload = apprise_request(settings, title, body, poster)
        auth = None
        if settings.auth_username.strip() or settings.auth_password.strip():
            auth = (settings.auth_username, settings.auth_password)
        secrets = [u.strip() for u in re.split(r"[,\s]+", settings.stateless_urls) if u.strip()]
        failure = "Unable to send Apprise notifications"
        try:
            response = await post_json(
                self, url, payload, failure=failure, service_name=service_name, auth=auth, secrets=secrets
            )
        except PostFailed as error:
            if error.status is None:
                raise
            raise AppriseRefused(str(error), error.status, None) from error
        if response.status_code >= 400:
            detail = clean(json_error(response) or answer_text(response), [url, *secrets]) or None
            raise AppriseRefused(
                f"{failure}: HTTP {response.status_code} {response.reason_phrase}"
                + (f": {detail}" if detail else ""),
                response.status_code,
                detail,
            )


class AppriseRefused(NotificationFailed):
    """The Apprise API answered with an error status (and maybe its own words of it)."""

    def __init__(self, message: str, status: int, detail: str | None) -> None:
        super().__init__(message)
        self.status = status
        self.detail = detail

    def failure(self) -> ValidationFailure:
        """Radarr's test failure of this answer: bad credentials, the API's own error, or the status."""
        if self.status == 401:
            return ValidationFailure("authUsername", f"HTTP Auth credentials are invalid: {self}")
        if self.detail:
            return ValidationFailure("", f"Unable to send test message. Response from API: {self.detail}")
        return ValidationFailure(
            "url",
            f"Unable to connect to Apprise API. Server connection failed: ({self.status}) {self}",
        )
