"""What the text notifications that call a service's HTTP API (Telegram, Pushover, Ntfy, Gotify) share:
one try per call, the form encoding Radarr's HttpRequestBuilder writes, the service's answer read as
JSON, and addresses holding a secret (a token in the path or the query) kept out of logs and errors."""

from __future__ import annotations

import dataclasses
import time
import uuid
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import quote

import httpx
import orjson

from reelarr.errors import RemoteError
from reelarr.notifications.base import NotificationContext, NotificationFailed
from reelarr.notifications.logs import redact
from reelarr.notifications.messages import title_of
from reelarr.notifications.model import NotificationEvent
from reelarr.remote import RetryPolicy, ServicePolicy

# One try per call: the dispatcher retries with its own back-off, and a POST is not safe to repeat.
HOSTED_POLICY = ServicePolicy(timeout=30.0, connect_timeout=10.0, retry=RetryPolicy(attempts=1))
MAX_ANSWER = 64 * 1024
FORM = "application/x-www-form-urlencoded"
# Radarr's HttpRequestBuilder sends a form as multipart once one value is longer than this (in bytes).
MULTIPART_ABOVE = 1024
_DOTNET_EPOCH_TICKS = 621355968000000000  # .NET ticks (100 ns since 0001-01-01) at the Unix epoch


class ServiceUnreachable(NotificationFailed):
    """The service could not be reached, or failed on its side (5xx); `detail` says how (no secret)."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(message)
        self.detail = detail


class ServiceRefused(NotificationFailed):
    """The service answered with a refusal; `reason` is its own words for it ("" without any)."""

    def __init__(self, message: str, status: int, reason: str) -> None:
        super().__init__(message)
        self.status = status
        self.reason = reason


def dotnet_text(value: object) -> str:
    """A value as .NET's Convert.ToString writes a form parameter: "True"/"False", "" for null."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    return str(value)


def form_body(fields: Sequence[tuple[str, object]]) -> str:
    """An urlencoded form as Radarr writes one: each value escaped as Uri.EscapeDataString escapes."""
    return "&".join(f"{name}={quote(dotnet_text(value), safe='-_.~')}" for name, value in fields)


def encode_form(fields: Sequence[tuple[str, object]]) -> tuple[bytes, str]:
    """A form's body and content type as Radarr's HttpRequestBuilder sends it: urlencoded, or multipart
    (its boundary made of the clock's .NET ticks) when a value is over MULTIPART_ABOVE bytes."""
    values = [(name, dotnet_text(value).encode()) for name, value in fields]
    if all(len(value) <= MULTIPART_ABOVE for _, value in values):
        return form_body(fields).encode(), FORM
    ticks = time.time_ns() // 100 + _DOTNET_EPOCH_TICKS
    boundary = f"-----------------------------{ticks:014x}"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value + b"\r\n"
        for name, value in values
    ]
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def plain_title(event: NotificationEvent, *, branded: bool = False) -> str:
    """Radarr's title of an event for the notifications that call an upgrade a download."""
    return title_of(dataclasses.replace(event, is_upgrade=False), branded=branded)


def answer_of(response: httpx.Response) -> dict[str, Any]:
    """The service's answer as a JSON object ({} when it is none)."""
    try:
        found = orjson.loads(response.content)
    except (orjson.JSONDecodeError, TypeError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def cut(text: object, most: int = 300) -> str:
    """A service's words as shown in a message, cut short."""
    return str(text).strip()[:most]


@asynccontextmanager
async def probe_service(context: NotificationContext) -> AsyncIterator[str]:
    """A service name of its own for one test: past failures (the breaker) do not hold a test back."""
    name = f"Notification test {uuid.uuid4().hex}"
    try:
        yield name
    finally:
        await context.remote.remove(name)


async def call(
    context: NotificationContext,
    service_name: str,
    method: str,
    url: str,
    *,
    what: str,
    secret: str = "",
    headers: Mapping[str, str] | None = None,
    content: bytes | str | None = None,
    auth: tuple[str, str] | None = None,
) -> httpx.Response:
    """One try of one request; any answer under 500 is returned. `secret` is the part of the URL to
    keep out of logs and errors (the URL itself when its path or query holds a token)."""
    if secret:
        context.hidden_urls.remember(secret)
    service = context.remote.service(service_name, HOSTED_POLICY)
    try:
        return await service.exchange(
            method,
            url,
            max_bytes=MAX_ANSWER,
            headers=headers,
            content=content,
            auth=auth,
        )
    except RemoteError as error:
        detail = redact(error.message, secret) if secret else error.message
        raise ServiceUnreachable(f"{what}: {detail}", detail) from error
