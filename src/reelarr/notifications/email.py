"""Radarr's Email: each event as a short plain-text email ("Radarr - Movie Grabbed") over SMTP."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import ClassVar

from pydantic import field_validator

from reelarr.errors import ValidationFailure
from reelarr.notifications.base import Notification, NotificationFailed
from reelarr.notifications.messages import message_of, title_of
from reelarr.notifications.model import RAISED_KINDS, EventKind, NotificationEvent
from reelarr.notifications.smtp import Encryption, SmtpFailed, SmtpServer, deliver
from reelarr.providers.fields import FieldType, Privacy, enum_options, setting
from reelarr.providers.settings import ProviderSettings, not_empty, valid_port

log = logging.getLogger(__name__)

TEST_SUBJECT = "Radarr - Test Notification"
TEST_BODY = "Success! You have properly configured your email notification settings"
_ADDRESS_PLACEHOLDER = "example@email.com,example1@email.com"
# Radarr's Email tells of everything but renames.
EMAIL_KINDS: frozenset[EventKind] = RAISED_KINDS - {EventKind.RENAME}


class EmailSettings(ProviderSettings):
    """The server, the login and the addresses (Radarr's EmailSettings, field for field)."""

    server: str = setting(
        "", label="Server", help="Hostname or IP of Email server", placeholder="smtp.gmail.com"
    )
    port: int = setting(587, label="Port")
    use_encryption: int = setting(
        int(Encryption.PREFERRED),
        label="Use Encryption",
        type=FieldType.SELECT,
        help=(
            "Whether to prefer using encryption if configured on the server, to always use encryption "
            "via SSL (Port 465 only) or StartTLS (any other port) or to never use encryption"
        ),
        options=enum_options([(e.value, e.name.title()) for e in Encryption], hints=False),
    )
    username: str = setting("", label="Username", privacy=Privacy.USER_NAME)
    password: str = setting("", label="Password", type=FieldType.PASSWORD, privacy=Privacy.PASSWORD)
    from_address: str = setting("", label="From Address", placeholder="example@email.com", alias="from")
    to: list[str] = setting(
        label="Recipient Address(es)",
        help="Comma separated list of email recipients",
        placeholder=_ADDRESS_PLACEHOLDER,
        default_factory=list,
    )
    cc: list[str] = setting(
        label="CC Address(es)",
        help="Comma separated list of email cc recipients",
        placeholder=_ADDRESS_PLACEHOLDER,
        advanced=True,
        default_factory=list,
    )
    bcc: list[str] = setting(
        label="BCC Address(es)",
        help="Comma separated list of email bcc recipients",
        placeholder=_ADDRESS_PLACEHOLDER,
        advanced=True,
        default_factory=list,
    )

    @field_validator("to", "cc", "bcc", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        """A comma-separated string is a list, as Radarr reads it."""
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    def check(self) -> list[ValidationFailure]:
        """Radarr's EmailSettingsValidator: server, port, sender, well-formed addresses, a recipient."""
        failures = not_empty("server", self.server.strip(), "Server")
        failures += valid_port("port", self.port)
        failures += not_empty("from", self.from_address.strip(), "From")
        for name, label, addresses in (
            ("to", "To", self.to),
            ("cc", "Cc", self.cc),
            ("bcc", "Bcc", self.bcc),
        ):
            failures += [
                ValidationFailure(
                    f"{name}[{index}]",
                    f"'{label}' is not a valid email address.",
                    address,
                    error_code="EmailValidator",
                )
                for index, address in enumerate(addresses)
                if not is_email_address(address)
            ]
        if not (self.to or self.cc or self.bcc):
            failures += not_empty("to", self.to, "To")
            failures += not_empty("cc", self.cc, "Cc")
            failures += not_empty("bcc", self.bcc, "Bcc")
        return failures


def is_email_address(value: str) -> bool:
    """FluentValidation's EmailAddress: one "@", neither first nor last."""
    at = value.find("@")
    return 0 < at < len(value) - 1 and value.rfind("@") == at


def subject_and_body(event: NotificationEvent) -> tuple[str, str]:
    """The subject and body Radarr's Email sends for an event (an upgrade is "Movie Downloaded" too)."""
    subject = title_of(dataclasses.replace(event, is_upgrade=False), branded=True)
    message = message_of(event)
    match event.kind:
        case EventKind.GRAB:
            return subject, f"{message} sent to queue."
        case EventKind.DOWNLOAD:
            return subject, f"{message} Downloaded and sorted."
        case EventKind.MOVIE_ADDED:
            return subject, f"{message}."
        case EventKind.MOVIE_FILE_DELETE:
            return subject, f"{message} deleted."
        case EventKind.MANUAL_INTERACTION_REQUIRED:
            return subject, f"{message} requires manual interaction."
        case EventKind.TEST:
            return TEST_SUBJECT, TEST_BODY
        case EventKind.RENAME:
            raise NotificationFailed("Email does not tell of renames")
        case _:
            return subject, message


class Email(Notification):
    """Sends Radarr's emails."""

    implementation: ClassVar[str] = "Email"
    implementation_name: ClassVar[str] = "Email"
    settings_model: ClassVar[type[ProviderSettings]] = EmailSettings
    supported: ClassVar[frozenset[EventKind]] = EMAIL_KINDS

    @property
    def settings(self) -> EmailSettings:
        """The definition's settings."""
        settings = self.definition.settings
        assert isinstance(settings, EmailSettings)
        return settings

    def compose(self, subject: str, body: str) -> EmailMessage:
        """The email: sender, recipients, subject, a plain-text body."""
        settings = self.settings
        message = EmailMessage()
        message["From"] = settings.from_address
        for header, addresses in (("To", settings.to), ("Cc", settings.cc), ("Bcc", settings.bcc)):
            if addresses:
                message[header] = ", ".join(addresses)
        message["Subject"] = subject
        message["Date"] = formatdate(localtime=True)
        message["Message-ID"] = make_msgid()
        message.set_content(body)
        return message

    async def send(self, event: NotificationEvent) -> None:
        """Email the event; NotificationFailed says why it was not accepted."""
        await self._send(*subject_and_body(event))

    async def test(self) -> list[ValidationFailure]:
        """Send Radarr's test email, for real."""
        try:
            await self._send(TEST_SUBJECT, TEST_BODY)
        except NotificationFailed as error:
            return [ValidationFailure("server", f"Unable to send test message: {error}")]
        return []

    async def _send(self, subject: str, body: str) -> None:
        settings = self.settings
        try:
            encryption = Encryption(settings.use_encryption)
        except ValueError:
            raise NotificationFailed(f"Invalid encryption {settings.use_encryption}") from None
        try:
            message = self.compose(subject, body)
        except (ValueError, TypeError) as error:  # an address the email library cannot write
            raise NotificationFailed(f"Invalid email address: {error}") from None
        server = SmtpServer(
            settings.server.strip(), settings.port, encryption, settings.username, settings.password
        )
        log.debug("Sending email Subject: %s", subject)
        try:
            await asyncio.to_thread(deliver, message, server)
        except SmtpFailed as error:
            log.error("Error sending email. Subject: %s", subject)
            raise NotificationFailed(str(error)) from None
        log.debug("Email sent. Subject: %s", subject)
