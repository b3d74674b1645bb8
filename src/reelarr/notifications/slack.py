"""Radarr's Slack: each event as a message with attachments, posted to an incoming webhook."""

from __future__ import annotations

import os
import socket
from datetime import datetime
from typing import Any, ClassVar

from reelarr.errors import ValidationFailure
from reelarr.notifications.base import Notification, NotificationFailed
from reelarr.notifications.discord import probe_text
from reelarr.notifications.messages import deleted_files_text, message_of
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.notifications.posting import answer_text, clean, post_json, probe_service_name
from reelarr.providers.fields import FieldType, Privacy, setting
from reelarr.providers.settings import ProviderSettings, not_empty, valid_root_url

# Slack.cs overrides every On... but OnMovieAdded; of those, Reelarr raises these.
SLACK_KINDS = frozenset(
    {
        EventKind.GRAB,
        EventKind.DOWNLOAD,
        EventKind.RENAME,
        EventKind.MOVIE_DELETE,
        EventKind.MOVIE_FILE_DELETE,
        EventKind.HEALTH,
        EventKind.HEALTH_RESTORED,
        EventKind.APPLICATION_UPDATE,
        EventKind.MANUAL_INTERACTION_REQUIRED,
    }
)


class SlackSettings(ProviderSettings):
    """Where to post and as whom (Radarr's SlackSettings)."""

    web_hook_url: str = setting(
        "",
        label="Webhook URL",
        type=FieldType.URL,
        help="Slack channel webhook url",
        help_link="https://my.slack.com/services/new/incoming-webhook/",
        privacy=Privacy.API_KEY,  # an incoming webhook's URL is its only credential
    )
    username: str = setting(
        "", label="Username", privacy=Privacy.USER_NAME, help="Username to post to Slack as"
    )
    icon: str = setting(
        "",
        label="Icon",
        help="Change the icon that is used for messages posted to Slack (Emoji or URL)",
        help_link="http://www.emoji-cheat-sheet.com/",
    )
    channel: str = setting(
        "", label="Channel", help="Overrides the default channel for the incoming webhook (#other-channel)"
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's validator: a valid webhook URL, and a username."""
        return valid_root_url("webHookUrl", self.web_hook_url, "Webhook URL") + not_empty(
            "username", self.username.strip(), "Username"
        )


def attachment(
    title: Any, text: Any, *, fallback: str | None = None, color: str | None = None
) -> dict[str, Any]:
    """Radarr's Attachment, its unset members left out."""
    found = {"fallback": fallback, "title": title, "text": text, "color": color}
    return {k: v for k, v in found.items() if v is not None}


def slack_payload(
    settings: SlackSettings, text: str, attachments: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Radarr's CreatePayload: the text, the attachments, and who posts (an icon between colons is an
    emoji, any other an image URL)."""
    payload: dict[str, Any] = {"text": text}
    if settings.username:
        payload["username"] = settings.username
    icon = settings.icon
    if icon.strip():
        emoji = icon.startswith(":") and icon.endswith(":")
        payload["icon_emoji" if emoji else "icon_url"] = icon
    if settings.channel.strip():
        payload["channel"] = settings.channel
    if attachments is not None:
        payload["attachments"] = attachments
    return payload


def event_message(event: NotificationEvent) -> tuple[str, list[dict[str, Any]]]:
    """The text and attachments Radarr's Slack posts for an event."""
    payload = event.payload
    movie = payload.get("movie") or {}
    title = movie.get("title")
    match event.kind:
        case EventKind.GRAB | EventKind.DOWNLOAD:
            line = message_of(event)
            grab = event.kind == EventKind.GRAB
            color = "warning" if grab else "good"
            found = [attachment(title, line, fallback=line, color=color)]
            return f"{'Grabbed' if grab else 'Imported'}: {line}", found
        case EventKind.RENAME:
            renamed = payload.get("renamedMovieFiles") or []
            texts = [f"{f.get('previousRelativePath')} renamed to {f.get('relativePath')}" for f in renamed]
            return "Renamed", [attachment(title, text) for text in texts]
        case EventKind.MOVIE_FILE_DELETE:
            file = payload.get("movieFile") or {}
            path = file.get("path") or os.path.join(movie.get("folderPath", ""), file.get("relativePath", ""))
            return "Movie File Deleted", [attachment(title, path)]
        case EventKind.MOVIE_DELETE:
            text = deleted_files_text(bool(payload.get("deletedFiles")))
            return "Movie Deleted", [attachment(title, text)]
        case EventKind.HEALTH:
            color = "warning" if event.health_level == "warning" else "danger"
            return "Health Issue", [attachment(payload.get("type"), payload.get("message"), color=color)]
        case EventKind.HEALTH_RESTORED:
            text = f"The following issue is now resolved: {payload.get('message')}"
            return "Health Issue Resolved", [attachment(payload.get("type"), text, color="good")]
        case EventKind.APPLICATION_UPDATE:
            # Radarr titles it with the machine's name (Environment.MachineName).
            found = [attachment(socket.gethostname(), payload.get("message"), color="good")]
            return "Application Updated", found
        case EventKind.MANUAL_INTERACTION_REQUIRED:
            # Radarr titles it with the machine's name (Environment.MachineName).
            found = [attachment(socket.gethostname(), message_of(event), color="warning")]
            return "Manual Interaction Required", found
    raise NotificationFailed(f"Slack does not tell of {event.kind.value}")


class Slack(Notification):
    """Posts Radarr's Slack messages."""

    implementation: ClassVar[str] = "Slack"
    implementation_name: ClassVar[str] = "Slack"
    settings_model: ClassVar[type[ProviderSettings]] = SlackSettings
    supported: ClassVar[frozenset[EventKind]] = SLACK_KINDS

    @classmethod
    def link(cls) -> str:
        """Radarr's link: Slack's page for a new incoming webhook."""
        return "https://my.slack.com/services/new/incoming-webhook/"

    @property
    def settings(self) -> SlackSettings:
        """The definition's settings."""
        settings = self.definition.settings
        assert isinstance(settings, SlackSettings)
        return settings

    async def send(self, event: NotificationEvent) -> None:
        """Post the event's message; NotificationFailed says why it did not arrive."""
        text, attachments = event_message(event)
        await self._post(slack_payload(self.settings, text, attachments))

    async def test(self) -> list[ValidationFailure]:
        """Post Radarr's test message, for real."""
        name = probe_service_name()
        text = probe_text(self.context.instance_name, datetime.now().astimezone())
        try:
            await self._post(slack_payload(self.settings, text), service_name=name)
        except NotificationFailed as error:
            return [ValidationFailure("Unable to post", f"Unable to send test message: {error}")]
        finally:
            await self.context.remote.remove(name)
        return []

    async def _post(self, payload: dict[str, Any], *, service_name: str | None = None) -> None:
        failure, url = "Unable to post payload", self.settings.web_hook_url
        response = await post_json(self, url, payload, failure=failure, service_name=service_name)
        if response.status_code >= 400:
            reason = clean(answer_text(response), [url])  # Slack's word: "invalid_token", "no_service"...
            raise NotificationFailed(
                f"{failure}: HTTP {response.status_code} {response.reason_phrase}"
                + (f": {reason}" if reason else "")
            )
