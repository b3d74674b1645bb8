"""Radarr's Discord: each event as a message with an embed, posted to a channel's webhook URL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

import orjson

from reelarr.errors import RemoteError, ValidationFailure
from reelarr.notifications import discord_embeds as embeds
from reelarr.notifications import discord_fields
from reelarr.notifications.base import Notification, NotificationFailed, service_name_of
from reelarr.notifications.logs import redact
from reelarr.notifications.model import RAISED_KINDS, EventKind, NotificationEvent
from reelarr.providers.fields import FieldType, Privacy, enum_options, setting
from reelarr.providers.settings import ProviderSettings, valid_root_url
from reelarr.remote import RetryPolicy, ServicePolicy

# One try per call: the dispatcher retries with its own back-off (a 429 included).
DISCORD_POLICY = ServicePolicy(timeout=30.0, connect_timeout=10.0, retry=RetryPolicy(attempts=1))
_MAX_ANSWER = 64 * 1024


class DiscordSettings(ProviderSettings):
    """Where and as whom to post, and what each message shows (Radarr's DiscordSettings)."""

    web_hook_url: str = setting(
        "",
        label="Webhook URL",
        type=FieldType.URL,
        help="Discord channel webhook url",
        in_repr=False,  # its path holds the webhook's token
    )
    username: str = setting(
        "",
        label="Username",
        privacy=Privacy.USER_NAME,
        help="The username to post as, defaults to Discord webhook default",
    )
    avatar: str = setting(
        "", label="Avatar", help="Change the avatar that is used for messages from this integration"
    )
    author: str = setting(
        "",
        label="Author",
        advanced=True,
        help="Override the embed author that shows for this notification. Blank is instance name",
    )
    grab_fields: list[int] = setting(
        label="On Grab Fields",
        type=FieldType.SELECT,
        advanced=True,
        help="Change the fields that are passed in for this 'on grab' notification",
        options=enum_options(discord_fields.GRAB_FIELD_LABELS, hints=False),
        default_factory=lambda: list(discord_fields.DEFAULT_GRAB_FIELDS),
    )
    import_fields: list[int] = setting(
        label="On Import Fields",
        type=FieldType.SELECT,
        advanced=True,
        help="Change the fields that are passed in for this 'on import' notification",
        options=enum_options(discord_fields.IMPORT_FIELD_LABELS, hints=False),
        default_factory=lambda: list(discord_fields.DEFAULT_IMPORT_FIELDS),
    )
    manual_interaction_fields: list[int] = setting(
        label="On Manual Interaction Fields",
        type=FieldType.SELECT,
        advanced=True,
        # Radarr's words, its typo kept
        help="Change the fields that are passed in for this 'on manual interation' notification",
        options=enum_options(discord_fields.MANUAL_INTERACTION_FIELD_LABELS, hints=False),
        default_factory=lambda: list(discord_fields.DEFAULT_MANUAL_INTERACTION_FIELDS),
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's validator: the webhook URL is a valid http(s) URL."""
        return valid_root_url("webHookUrl", self.web_hook_url, "Webhook URL")


def discord_time(now: datetime) -> str:
    """A time as Radarr stamps an embed: UTC to the millisecond, "Z"."""
    now = now.astimezone(UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def probe_text(app_name: str, now: datetime) -> str:
    """Radarr's test message, the time as .NET writes it in en-US ("12/6/2026 11:05:03 PM")."""
    hour = now.hour % 12 or 12
    stamp = f"{now.month}/{now.day}/{now.year} {hour}:{now:%M:%S} {'AM' if now.hour < 12 else 'PM'}"
    return f"Test message from {app_name} posted at {stamp}"


class Discord(Notification):
    """Posts Radarr's Discord messages."""

    implementation: ClassVar[str] = "Discord"
    implementation_name: ClassVar[str] = "Discord"
    settings_model: ClassVar[type[ProviderSettings]] = DiscordSettings
    supported: ClassVar[frozenset[EventKind]] = RAISED_KINDS

    @classmethod
    def link(cls) -> str:
        """Radarr's link: Discord's page about webhooks."""
        return "https://support.discordapp.com/hc/en-us/articles/228383668-Intro-to-Webhooks"

    @property
    def settings(self) -> DiscordSettings:
        """The definition's settings."""
        settings = self.definition.settings
        assert isinstance(settings, DiscordSettings)
        return settings

    def look(self) -> embeds.Look:
        """What this notification's embeds share: author, time stamp, chosen fields."""
        settings = self.settings
        return embeds.Look(
            author=settings.author if settings.author.strip() else self.context.instance_name,
            timestamp=discord_time(datetime.now(UTC)),
            grab_fields=tuple(settings.grab_fields),
            import_fields=tuple(settings.import_fields),
            manual_interaction_fields=tuple(settings.manual_interaction_fields),
        )

    def message_of(self, event: NotificationEvent) -> dict[str, Any]:
        """The message Radarr posts for this event."""
        look, payload, movie = self.look(), event.payload, event.movie
        content: str | None = None
        match event.kind:
            case EventKind.GRAB:
                found = [embeds.grab_embed(payload, movie, look)]
            case EventKind.DOWNLOAD:
                found = [embeds.import_embed(payload, movie, look)]
            case EventKind.MOVIE_ADDED:
                found = [embeds.added_embed(payload, movie, look)]
            case EventKind.MOVIE_DELETE:
                found = [embeds.deleted_embed(payload, movie, look)]
            case EventKind.MOVIE_FILE_DELETE:
                found = [embeds.file_deleted_embed(payload, look)]
            case EventKind.RENAME:
                content, found = "Renamed", embeds.renamed_embeds(payload)
            case EventKind.MANUAL_INTERACTION_REQUIRED:
                found = [embeds.manual_interaction_embed(payload, movie, look)]
            case EventKind.APPLICATION_UPDATE:
                found = [embeds.application_update_embed(payload, look)]
            case EventKind.HEALTH | EventKind.HEALTH_RESTORED:
                restored = event.kind == EventKind.HEALTH_RESTORED
                found = [embeds.health_embed(payload, look, restored=restored)]
            case _:
                raise NotificationFailed(f"Discord does not tell of {event.kind.value}")
        settings = self.settings
        return embeds.message(
            username=settings.username, avatar=settings.avatar, content=content, embeds=found
        )

    async def send(self, event: NotificationEvent) -> None:
        """Post the event's message; NotificationFailed says why it did not arrive."""
        await self._post(self.message_of(event))

    async def test(self) -> list[ValidationFailure]:
        """Post Radarr's test message, for real: past failures (the breaker) do not hold a test back."""
        name = f"Notification test {uuid.uuid4().hex}"
        settings = self.settings
        text = probe_text(self.context.instance_name, datetime.now().astimezone())
        try:
            await self._post(
                embeds.message(username=settings.username, avatar=settings.avatar, content=text),
                service_name=name,
            )
        except NotificationFailed as error:
            return [ValidationFailure("", f"Unable to send test message: {error}")]
        finally:
            await self.context.remote.remove(name)
        return []

    async def _post(self, message: dict[str, Any], *, service_name: str | None = None) -> None:
        url = self.settings.web_hook_url
        self.context.hidden_urls.remember(url)
        name = service_name or service_name_of(self.definition.id)
        service = self.context.remote.service(name, DISCORD_POLICY)
        headers = {"Accept": "application/json", "Content-Type": "application/json"}
        try:
            response = await service.exchange(
                "POST", url, max_bytes=_MAX_ANSWER, content=orjson.dumps(message), headers=headers
            )
        except RemoteError as error:
            raise NotificationFailed(redact(f"Unable to post to Discord: {error.message}", url)) from error
        if response.status_code == 429:
            raise NotificationFailed(f"Discord rate limit reached: retry after {_retry_after(response)} s")
        if response.status_code >= 400:
            raise NotificationFailed(
                f"Unable to post to Discord: HTTP {response.status_code} {response.reason_phrase}"
                + _reason(response)
            )


def _answer(response: Any) -> dict[str, Any]:
    try:
        found = orjson.loads(response.content)
    except (orjson.JSONDecodeError, TypeError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _retry_after(response: Any) -> str:
    """How long Discord asks to wait: its answer's `retry_after`, else the Retry-After header."""
    value = _answer(response).get("retry_after", response.headers.get("Retry-After", "?"))
    return str(value)


def _reason(response: Any) -> str:
    """Discord's own message of a refusal (": Invalid Webhook Token"), cut short; "" without one."""
    text = _answer(response).get("message")
    return f": {str(text)[:200]}" if text else ""
