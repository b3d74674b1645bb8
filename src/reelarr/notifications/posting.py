"""One JSON request to a notification's target, tried once (the dispatcher retries with its own
back-off), whose failures come back as NotificationFailed with every secret cut out."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

import httpx
import orjson

from reelarr.errors import RemoteError, RemoteRejected
from reelarr.notifications.base import Notification, NotificationFailed, service_name_of
from reelarr.notifications.logs import redact
from reelarr.remote import RetryPolicy, ServicePolicy

ONE_TRY = ServicePolicy(timeout=30.0, connect_timeout=10.0, retry=RetryPolicy(attempts=1))
MAX_ANSWER = 64 * 1024  # an answer is read for its error text at most; a longer one is refused
_STATUS = re.compile(r"^HTTP (\d{3})\b")


class PostFailed(NotificationFailed):
    """The request did not get an answer under 500; `status` is the 5xx status when one came."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def probe_service_name() -> str:
    """A service of its own for one test, so that past failures (the breaker) do not hold it back."""
    return f"Notification test {uuid.uuid4().hex}"


def answer_text(response: httpx.Response, limit: int = 200) -> str:
    """The answer's body as text, cut short ("" when empty)."""
    return response.text.strip()[:limit]


def json_error(response: httpx.Response) -> str | None:
    """The `error` member of a JSON answer (None when the answer is not such JSON)."""
    try:
        found = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return None
    error = found.get("error") if isinstance(found, dict) else None
    return str(error)[:300] if error is not None else None


def clean(message: str, secrets: Iterable[str]) -> str:
    """The message with each secret URL cut to its origin."""
    for secret in secrets:
        message = redact(message, secret)
    return message


async def post_json(
    notification: Notification,
    url: str,
    body: Any,
    *,
    failure: str,
    service_name: str | None = None,
    headers: Mapping[str, str] | None = None,
    auth: tuple[str, str] | None = None,
    secrets: Iterable[str] = (),
) -> httpx.Response:
    """POST `body` as JSON once and return the answer whatever its status below 500; PostFailed,
    worded "<failure>: <why>", when none came (unreachable, timed out, a 5xx)."""
    hidden = [url, *secrets]
    for secret in hidden:
        notification.context.hidden_urls.remember(secret)
    name = service_name or service_name_of(notification.definition.id)
    service = notification.context.remote.service(name, ONE_TRY)
    sent = {"Accept": "application/json", "Content-Type": "application/json", **(headers or {})}
    try:
        return await service.exchange(
            "POST", url, max_bytes=MAX_ANSWER, content=orjson.dumps(body), headers=sent, auth=auth
        )
    except RemoteError as error:
        status = error.status_code if isinstance(error, RemoteRejected) else None
        found = _STATUS.match(error.message)
        if status is None and found:
            status = int(found.group(1))
        raise PostFailed(clean(f"{failure}: {error.message}", hidden), status) from error
