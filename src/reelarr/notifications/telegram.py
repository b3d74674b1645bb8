"""Radarr's Telegram: each event as an HTML message sent by a bot (sendMessage) to a chat or a topic."""

from __future__ import annotations

from typing import ClassVar
from urllib.parse import quote

from reelarr.errors import ValidationFailure
from reelarr.notifications.base import Notification, NotificationFailed, service_name_of, service_url
from reelarr.notifications.hosted import (
    ServiceRefused,
    ServiceUnreachable,
    answer_of,
    call,
    cut,
    encode_form,
    probe_service,
)
from reelarr.notifications.links import metadata_link, metadata_link_options, valid_metadata_links
from reelarr.notifications.messages import APP_NAME, message_of, title_of
from reelarr.notifications.model import RAISED_KINDS, EventKind, NotificationEvent
from reelarr.providers.fields import FieldType, Privacy, setting
from reelarr.providers.settings import ProviderSettings, not_empty

TELEGRAM_URL = "https://api.telegram.org"  # settings.telegram_api_url (REELARR_TELEGRAM_API_URL) overrides
TEST_LINK = ("Radarr.video", "https://radarr.video")
_NAMED = {"<": "&lt;", ">": "&gt;", '"': "&quot;", "&": "&amp;", "'": "&#39;"}


class TelegramSettings(ProviderSettings):
    """Which bot tells which chat, and how (Radarr's TelegramSettings)."""

    bot_token: str = setting(
        "", label="Bot Token", privacy=Privacy.API_KEY, help_link="https://core.telegram.org/bots"
    )
    chat_id: str = setting(
        "",
        label="Chat ID",
        help="You must start a conversation with the bot or add it to your group to receive messages",
        help_link="http://stackoverflow.com/a/37396871/882971",
    )
    topic_id: int | None = setting(
        None,
        label="Topic ID",
        help=(
            "Specify a Topic ID to send notifications to that topic. Leave blank to use the general topic "
            "(Supergroups only)"
        ),
        help_link="https://stackoverflow.com/a/75178418",
    )
    send_silently: bool = setting(
        False,
        label="Send Silently",
        type=FieldType.CHECKBOX,
        help="Sends the message silently. Users will receive a notification with no sound",
    )
    include_app_name_in_title: bool = setting(
        False,
        label=f"Include {APP_NAME} in Title",
        type=FieldType.CHECKBOX,
        help=(
            f"Optionally prefix message title with {APP_NAME} to differentiate notifications from "
            "different applications"
        ),
    )
    include_instance_name_in_title: bool = setting(
        False,
        label="Include Instance Name in Title",
        type=FieldType.CHECKBOX,
        help="Optionally include Instance name in notification",
        advanced=True,
    )
    metadata_links: list[int] = setting(
        label="Metadata Links",
        type=FieldType.SELECT,
        help="Add links to movie metadata when sending notifications",
        options=metadata_link_options,
        default_factory=list,
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's validator: a token and a chat; a topic above 1 if any; known metadata links."""
        failures = not_empty("botToken", self.bot_token, "Bot Token")
        failures += not_empty("chatId", self.chat_id, "Chat Id")
        if self.topic_id is not None and self.topic_id <= 1:
            failures.append(
                ValidationFailure("topicId", "Topic ID must be greater than 1 or empty", self.topic_id)
            )
        return failures + valid_metadata_links("metadataLinks", self.metadata_links)


def html_encode(text: str) -> str:
    """.NET's HttpUtility.HtmlEncode: the five markup characters named, Latin-1 letters and characters
    beyond the basic plane as numeric entities."""
    out = []
    for char in text:
        code = ord(char)
        if char in _NAMED:
            out.append(_NAMED[char])
        elif 160 <= code < 256 or code >= 0x10000:
            out.append(f"&#{code};")
        else:
            out.append(char)
    return "".join(out)


def telegram_text(title: str, message: str, links: list[tuple[str, str]]) -> str:
    """The HTML Radarr sends: the title in bold, the message, one link a line."""
    lines = [f"<b>{html_encode(title)}</b>", html_encode(message)]
    lines += [f'<a href="{url}">{html_encode(label)}</a>' for label, url in links]
    return "\n".join(lines) + "\n"


def _property_of(description: str) -> str:
    """The field Radarr blames for Telegram's refusal of a test."""
    lowered = description.lower()
    if "chat not found" in lowered or "group chat was upgraded to a supergroup chat" in lowered:
        return "chatId"
    if "message thread not found" in lowered:
        return "topicId"
    return "botToken"


class Telegram(Notification):
    """Sends Radarr's Telegram messages."""

    implementation: ClassVar[str] = "Telegram"
    implementation_name: ClassVar[str] = "Telegram"
    settings_model: ClassVar[type[ProviderSettings]] = TelegramSettings
    supported: ClassVar[frozenset[EventKind]] = RAISED_KINDS - {EventKind.RENAME}

    @classmethod
    def link(cls) -> str:
        """Radarr's link: Telegram's site."""
        return "https://telegram.org/"

    @property
    def settings(self) -> TelegramSettings:
        """The definition's settings."""
        settings = self.definition.settings
        assert isinstance(settings, TelegramSettings)
        return settings

    def title(self, event: NotificationEvent) -> str:
        """Radarr's title of the event, with the app's and the instance's names as the settings ask."""
        settings = self.settings
        instance = self.context.instance_name if settings.include_instance_name_in_title else None
        return title_of(event, branded=settings.include_app_name_in_title, instance_name=instance)

    def links(self, event: NotificationEvent) -> list[tuple[str, str]]:
        """The film's pages the settings ask for, in their order (none for a health event)."""
        movie = event.payload.get("movie")
        if not isinstance(movie, dict) or event.kind in (EventKind.HEALTH, EventKind.HEALTH_RESTORED):
            return []
        found = (metadata_link(kind, movie) for kind in self.settings.metadata_links)
        return [link for link in found if link is not None]

    def form_of(self, title: str, message: str, links: list[tuple[str, str]]) -> tuple[bytes, str]:
        """The sendMessage form Radarr posts, and its content type."""
        settings = self.settings
        return encode_form(
            [
                ("chat_id", settings.chat_id),
                ("parse_mode", "HTML"),
                ("text", telegram_text(title, message, links)),
                ("disable_notification", settings.send_silently),
                ("message_thread_id", settings.topic_id),
            ]
        )

    async def send(self, event: NotificationEvent) -> None:
        """Send the event's message; NotificationFailed says why it did not arrive."""
        form = self.form_of(self.title(event), message_of(event), self.links(event))
        await self._post(form, service_name_of(self.definition.id))

    async def test(self) -> list[ValidationFailure]:
        """Send Radarr's test message, for real; a refusal blames the field Radarr blames."""
        settings = self.settings
        instance = self.context.instance_name if settings.include_instance_name_in_title else None
        title = title_of(
            NotificationEvent(EventKind.TEST, {}),
            branded=settings.include_app_name_in_title,
            instance_name=instance,
        )
        form = self.form_of(title, "This is a test message from Radarr", [TEST_LINK])
        async with probe_service(self.context) as name:
            try:
                await self._post(form, name)
            except ServiceRefused as error:
                return [ValidationFailure(_property_of(error.reason), f"Unable to connect: {error.reason}")]
            except ServiceUnreachable as error:
                message = f"Unable to connect to Telegram API. Server connection failed: {error.detail}"
                return [ValidationFailure("connection", message)]
            except NotificationFailed as error:
                return [ValidationFailure("botToken", f"Unable to connect: {error}")]
        return []

    async def _post(self, form: tuple[bytes, str], service_name: str) -> None:
        token = quote(self.settings.bot_token, safe=":")
        url = f"{service_url(self.context, 'Telegram', TELEGRAM_URL)}/bot{token}/sendmessage"
        response = await call(
            self.context,
            service_name,
            "POST",
            url,
            what="Unable to send Telegram message",
            secret=url,
            headers={"Content-Type": form[1]},
            content=form[0],
        )
        if response.status_code < 400:
            return
        answer = answer_of(response)
        reason = cut(answer.get("description") or "")
        if response.status_code == 429:
            wait = (answer.get("parameters") or {}).get("retry_after", "?")
            raise ServiceRefused(f"Telegram rate limit reached: retry after {wait} s", 429, reason)
        shown = reason or f"HTTP {response.status_code} {response.reason_phrase}"
        raise ServiceRefused(f"Unable to send Telegram message: {shown}", response.status_code, shown)
