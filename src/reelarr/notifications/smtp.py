"""One email handed to an SMTP server the way Radarr's MailKit client does it: the encryption chosen
(implicit TLS on 465, STARTTLS when offered or when required, or none), a login when a username is
set, a timeout on every step. Blocking; the Email notification runs it in a worker thread."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from enum import IntEnum

import httpx

IMPLICIT_TLS_PORT = 465


class Encryption(IntEnum):
    """Radarr's EmailEncryptionType."""

    PREFERRED = 0
    ALWAYS = 1
    NEVER = 2


class SmtpFailed(Exception):
    """The email was not accepted; the message names no secret (no password, no server answer to it)."""


@dataclass(frozen=True, slots=True)
class SmtpServer:
    """Where and how to hand the email over."""

    host: str
    port: int
    encryption: Encryption
    username: str = ""
    password: str = ""
    timeout: float = 10.0  # MailKit's Timeout in Radarr: 10 s per operation

    def __repr__(self) -> str:
        return f"SmtpServer({self.host}:{self.port}, {self.encryption.name})"


def tls_context() -> ssl.SSLContext:
    """A verifying context with Reelarr's trust (certifi, or SSL_CERT_FILE / SSL_CERT_DIR when set)."""
    return httpx.create_ssl_context(verify=True)


def _connect(server: SmtpServer) -> smtplib.SMTP:
    """An open session, encrypted as `server.encryption` asks (MailKit's SecureSocketOptions)."""
    implicit = server.encryption != Encryption.NEVER and server.port == IMPLICIT_TLS_PORT
    if implicit:
        session: smtplib.SMTP = smtplib.SMTP_SSL(
            server.host, server.port, timeout=server.timeout, context=tls_context()
        )
    else:
        session = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
    try:
        session.ehlo_or_helo_if_needed()
        if implicit or server.encryption == Encryption.NEVER:
            return session
        if session.has_extn("starttls"):
            session.starttls(context=tls_context())
            session.ehlo()
        elif server.encryption == Encryption.ALWAYS:
            raise SmtpFailed("The SMTP server does not support STARTTLS")
    except BaseException:
        session.close()
        raise
    return session


def deliver(message: EmailMessage, server: SmtpServer) -> None:
    """Hand `message` to the server (Bcc recipients in the envelope only); SmtpFailed says why not."""
    try:
        session = _connect(server)
        try:
            if server.username.strip():
                session.login(server.username, server.password)
            session.send_message(message)
        finally:
            _quit(session)
    except SmtpFailed:
        raise
    except smtplib.SMTPAuthenticationError as error:
        raise SmtpFailed(f"Authentication failed: the server answered {error.smtp_code}") from None
    except smtplib.SMTPNotSupportedError:
        raise SmtpFailed("The SMTP server does not offer a way to log in") from None
    except smtplib.SMTPRecipientsRefused as error:
        refused = ", ".join(sorted(error.recipients))
        raise SmtpFailed(f"The SMTP server refused the recipients {refused}") from None
    except smtplib.SMTPSenderRefused as error:
        raise SmtpFailed(
            f"The SMTP server refused the sender {error.sender}: {_text(error.smtp_error)}"
        ) from None
    except smtplib.SMTPResponseException as error:
        raise SmtpFailed(f"The SMTP server answered {error.smtp_code} {_text(error.smtp_error)}") from None
    except ssl.SSLCertVerificationError as error:
        raise SmtpFailed(f"The server's certificate was refused: {error.verify_message}") from None
    except ssl.SSLError as error:
        raise SmtpFailed(f"TLS failed: {error.reason or error}") from None
    except TimeoutError:
        raise SmtpFailed(f"Timed out talking to {server.host}:{server.port}") from None
    except smtplib.SMTPException as error:
        raise SmtpFailed(f"SMTP failed: {error}") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise SmtpFailed(f"Unable to connect to {server.host}:{server.port}: {reason}") from None


def _quit(session: smtplib.SMTP) -> None:
    try:
        session.quit()
    except (smtplib.SMTPException, OSError):
        session.close()


def _text(answer: bytes | str) -> str:
    text = answer.decode("utf-8", "replace") if isinstance(answer, bytes) else answer
    return text.strip()[:200]
