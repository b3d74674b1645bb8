"""Reading a list over HTTP through the remote registry: capped answers, failures as ImportListFailed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx
import orjson

from reelarr.errors import RemoteError
from reelarr.importlists.base import ImportListFailed
from reelarr.remote import RemoteService, RetryPolicy, ServicePolicy


def list_policy(timeout: float) -> ServicePolicy:
    """How lists are read: rarely, so one try (the next sync tries again), and a list that hangs fails
    rather than holding the sync."""
    return ServicePolicy(timeout=timeout, connect_timeout=min(timeout, 10.0), retry=RetryPolicy(attempts=1))


MAX_ANSWER = 16 * 1024 * 1024


def without_path(message: str, url: str) -> str:
    """The message with the list's address cut to its origin: a feed's path may be its key (Plex)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        return message
    full = str(parsed.copy_with(query=None, fragment=None))
    origin = f"{parsed.scheme}://{parsed.netloc.decode('ascii', 'replace')}"
    return message.replace(full, f"{origin}/…") if parsed.path not in ("", "/") else message


async def get_text(
    service: RemoteService,
    url: str,
    *,
    params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> str:
    """The body of a 200 answer to a GET; anything else is ImportListFailed (no URL query in it)."""
    try:
        response = await service.exchange("GET", url, max_bytes=MAX_ANSWER, params=params, headers=headers)
    except RemoteError as error:
        raise ImportListFailed(without_path(error.message, url)) from error
    if response.status_code != 200:
        raise ImportListFailed(f"List API call resulted in an unexpected StatusCode [{response.status_code}]")
    return response.text


async def get_json(
    service: RemoteService,
    url: str,
    *,
    params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Any:
    """A 200 answer's JSON; a body that is not JSON is ImportListFailed."""
    text = await get_text(service, url, params=params, headers=headers)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as error:
        raise ImportListFailed("The list answered with something that is not JSON") from error
