"""What the media-server notifications (Kodi, Emby/Jellyfin, Plex) share: one HTTP call under the
notification's service with failures worded without secrets, and Radarr's mapFrom/mapTo path mapping."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager

import httpx

from reelarr.errors import RemoteError
from reelarr.notifications.base import NotificationContext, NotificationFailed
from reelarr.remote import RetryPolicy, ServicePolicy
from reelarr.remotepathmappings.paths import parse_absolute, rebase

# One try per call: the dispatcher retries with its own back-off.
MEDIA_SERVER_POLICY = ServicePolicy(timeout=30.0, connect_timeout=10.0, retry=RetryPolicy(attempts=1))
MAX_ANSWER = 4 * 1024 * 1024  # a library listing (Kodi's movies, Emby's items) can be long


class MediaServerRejected(NotificationFailed):
    """The server answered with an HTTP error status."""

    def __init__(self, message: str, status_code: int) -> None:
        super().__init__(message)
        self.status_code = status_code


async def call(
    context: NotificationContext,
    service_name: str,
    server: str,
    method: str,
    url: str,
    *,
    params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
    content: bytes | None = None,
    auth: tuple[str, str] | None = None,
) -> httpx.Response:
    """One request to `server` (its name in messages); NotificationFailed when it was not answered,
    MediaServerRejected when answered with a 4xx. Messages never carry the query or a header."""
    service = context.remote.service(service_name, MEDIA_SERVER_POLICY)
    try:
        response = await service.exchange(
            method,
            url,
            max_bytes=MAX_ANSWER,
            params=params,
            headers=headers,
            content=content,
            auth=auth,
        )
    except RemoteError as error:
        raise NotificationFailed(f"Unable to connect to {server}: {error.message}") from error
    if response.status_code >= 400:
        raise MediaServerRejected(
            f"{server} answered HTTP {response.status_code} {response.reason_phrase}", response.status_code
        )
    return response


@asynccontextmanager
async def trial_service(context: NotificationContext) -> AsyncIterator[str]:
    """A service name of its own for one test, so past failures (the breaker) do not hold it back."""
    name = f"Notification test {uuid.uuid4().hex}"
    try:
        yield name
    finally:
        await context.remote.remove(name)


def map_path(path: str, map_from: str, map_to: str) -> str:
    """Radarr's mapFrom/mapTo: a path under `map_from` moved to the same place under `map_to`, in
    `map_to`'s style; unchanged without a `map_to`, or when it does not lie under `map_from`."""
    if not map_to.strip():
        return path
    found, source, target = parse_absolute(path), parse_absolute(map_from), parse_absolute(map_to)
    if found is None or source is None or target is None or not source.contains(found):
        return path
    return rebase(found, source, target, directory=False)


def relative_path(path: str, folder: str) -> str:
    """`path` relative to `folder` (Radarr's GetRelativePath), "" when it is the folder itself; the path
    as given when it does not lie in the folder."""
    found, parent = parse_absolute(path), parse_absolute(folder)
    if found is None or parent is None or not parent.contains(found):
        return path
    return found.separator.join(found.parts[len(parent.parts) :])
