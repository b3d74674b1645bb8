"""Trakt's API as the Trakt lists use it: the headers every request carries, the device-code sign-in
(POST /oauth/device/code, then /oauth/device/token), the token refresh, who signed in, and the movie
lists' JSON (items holding a `movie`, or bare movies for the popular list)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import orjson

from reelarr.errors import RemoteError
from reelarr.importlists.apps import TraktApp
from reelarr.importlists.base import ImportListFailed
from reelarr.importlists.http import MAX_ANSWER
from reelarr.importlists.model import ListItem
from reelarr.remote import RemoteService

# What Trakt's device token endpoint answers while no token is given, by status.
_DEVICE_STATES = {
    400: "pending",  # the user has not entered the code yet
    404: "invalid",  # no such device code
    409: "used",  # the code was already used
    410: "expired",
    418: "denied",
    429: "slowDown",
}
NOT_CONFIGURED = (
    "Reelarr has no Trakt application: register one at https://trakt.tv/oauth/applications and set "
    "REELARR_TRAKT_CLIENT_ID and REELARR_TRAKT_CLIENT_SECRET"
)


def trakt_headers(app: TraktApp, access_token: str) -> dict[str, str]:
    """The headers of Radarr's TraktProxy.BuildRequest: JSON, API version 2, the client id as key, and
    the user's bearer token when there is one."""
    headers = {
        "Accept": "application/json",
        "trakt-api-version": "2",
        "trakt-api-key": app.client_id,
    }
    if access_token.strip():
        headers["Authorization"] = f"Bearer {access_token.strip()}"
    return headers


@dataclass(frozen=True, slots=True)
class TraktToken:
    """A user's tokens, and when the access token runs out."""

    access_token: str
    refresh_token: str
    expires: datetime


def parse_token(body: Any, now: datetime) -> TraktToken:
    """Trakt's token answer (access_token, refresh_token, expires_in seconds)."""
    if not isinstance(body, dict) or not isinstance(body.get("access_token"), str):
        raise ImportListFailed("Trakt answered the sign-in with something that is not a token")
    expires_in = body.get("expires_in")
    seconds = expires_in if isinstance(expires_in, int) else 0
    refresh = body.get("refresh_token")
    return TraktToken(
        body["access_token"], refresh if isinstance(refresh, str) else "", now + timedelta(seconds=seconds)
    )


def _ids(movie: Any) -> ListItem | None:
    if not isinstance(movie, dict):
        return None
    found = movie.get("ids")
    ids: dict[str, Any] = found if isinstance(found, dict) else {}
    tmdb, imdb, year, title = ids.get("tmdb"), ids.get("imdb"), movie.get("year"), movie.get("title")
    return ListItem(
        title=title if isinstance(title, str) else "",
        year=year if isinstance(year, int) else 0,
        tmdb_id=tmdb if isinstance(tmdb, int) and 0 < tmdb < 2**31 else 0,
        imdb_id=imdb if isinstance(imdb, str) else "",
    )


def parse_movies(body: Any, *, bare: bool = False) -> list[ListItem]:
    """The films of a Trakt movie list: items each holding a `movie` (lists, watchlists, trending...)
    or, `bare`, the movies themselves (movies/popular); items that are not films are left out."""
    if not isinstance(body, list):
        raise ImportListFailed("Trakt answered with something that is not a list of movies")
    movies = body if bare else [i.get("movie") for i in body if isinstance(i, dict)]
    return [item for m in movies if (item := _ids(m)) is not None and item.usable]


async def _exchange(
    service: RemoteService, method: str, url: str, *, headers: dict[str, str], json: Any = None
) -> tuple[int, Any]:
    try:
        response = await service.exchange(method, url, max_bytes=MAX_ANSWER, headers=headers, json=json)
    except RemoteError as error:
        raise ImportListFailed(error.message) from error
    try:
        body = orjson.loads(response.content) if response.content else None
    except orjson.JSONDecodeError:
        body = None
    return response.status_code, body


async def start_device_code(service: RemoteService, app: TraktApp) -> dict[str, Any]:
    """Ask Trakt for a device code: the code the user enters at the verification address, and the
    device code to poll with."""
    if not app.configured:
        raise ImportListFailed(NOT_CONFIGURED)
    status, body = await _exchange(
        service,
        "POST",
        f"{app.api_url}/oauth/device/code",
        headers=trakt_headers(app, ""),
        json={"client_id": app.client_id},
    )
    if status != 200 or not isinstance(body, dict) or not isinstance(body.get("device_code"), str):
        raise ImportListFailed(f"Trakt refused a device code [{status}]")
    return {
        "deviceCode": body["device_code"],
        "userCode": body.get("user_code", ""),
        "verificationUrl": body.get("verification_url", "https://trakt.tv/activate"),
        "expiresIn": body.get("expires_in", 600),
        "interval": body.get("interval", 5),
    }


async def poll_device_token(
    service: RemoteService, app: TraktApp, device_code: str, now: datetime
) -> TraktToken | str:
    """The user's tokens once they entered the code, else the state: pending, slowDown, invalid,
    used, expired or denied."""
    if not app.configured:
        raise ImportListFailed(NOT_CONFIGURED)
    status, body = await _exchange(
        service,
        "POST",
        f"{app.api_url}/oauth/device/token",
        headers=trakt_headers(app, ""),
        json={"code": device_code, "client_id": app.client_id, "client_secret": app.client_secret},
    )
    if status == 200:
        return parse_token(body, now)
    if status in _DEVICE_STATES:
        return _DEVICE_STATES[status]
    raise ImportListFailed(f"Trakt API call resulted in an unexpected StatusCode [{status}]")


async def refresh_token(service: RemoteService, app: TraktApp, token: str, now: datetime) -> TraktToken:
    """New tokens for a refresh token (POST /oauth/token, grant_type refresh_token)."""
    if not app.configured:
        raise ImportListFailed(NOT_CONFIGURED)
    status, body = await _exchange(
        service,
        "POST",
        f"{app.api_url}/oauth/token",
        headers=trakt_headers(app, ""),
        json={
            "refresh_token": token,
            "client_id": app.client_id,
            "client_secret": app.client_secret,
            "redirect_uri": "urn:ietf:wg:oauth:2.0:oob",
            "grant_type": "refresh_token",
        },
    )
    if status != 200:
        raise ImportListFailed(f"Trakt refused to refresh the access token [{status}]")
    return parse_token(body, now)


async def user_slug(service: RemoteService, app: TraktApp, access_token: str) -> str:
    """Who signed in: the slug of GET /users/settings (Radarr's TraktProxy.GetUserName)."""
    status, body = await _exchange(
        service, "GET", f"{app.api_url}/users/settings", headers=trakt_headers(app, access_token)
    )
    user = body.get("user") if status == 200 and isinstance(body, dict) else None
    ids = user.get("ids") if isinstance(user, dict) else None
    slug = ids.get("slug") if isinstance(ids, dict) else None
    return slug if isinstance(slug, str) else ""
