"""Radarr's SimklUserImport: the films of a Simkl user's list (watching, plan to watch, hold,
completed, dropped) from `/sync/all-items/movies/{status}`. Radarr signs in through its own relay;
Reelarr through Simkl's PIN (the actions `startDeviceCode`, then `getDeviceToken` with `userCode`),
with the Simkl application the server is configured with. Simkl's tokens do not run out: Simkl gives no
refresh token and has no refresh grant (its API documents `expires_in` as five years, a token valid until
the user disconnects the application), so Reelarr refreshes nothing; a 401 means the user disconnected it,
and the list fails with SignInRefused, asking to sign in again. Radarr's "no activity since the last
sync" short cut is not taken."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, ClassVar

import orjson

from reelarr.errors import RemoteError, ValidationFailed, ValidationFailure
from reelarr.importlists.apps import SimklApp
from reelarr.importlists.base import ImportList, ImportListFailed, SignInRefused
from reelarr.importlists.http import MAX_ANSWER
from reelarr.importlists.model import ListFetch, ListItem, ListType
from reelarr.providers.fields import FieldType, Privacy, enum_options, setting
from reelarr.providers.settings import ProviderSettings
from reelarr.remote import RemoteService

_SIGN_IN = "Must authenticate with Simkl"
SIGN_IN_AGAIN = (
    "Simkl no longer accepts this list's sign-in (the app was disconnected at simkl.com); "
    "sign in with Simkl again"
)
# SimklUserListType: the label shown, and the enum's name lower-cased as Radarr puts it in the path.
_LIST_TYPES = [(0, "Watching"), (1, "Plan To Watch"), (2, "Hold"), (3, "Completed"), (4, "Dropped")]
_STATUSES = {0: "watching", 1: "plantowatch", 2: "hold", 3: "completed", 4: "dropped"}
_PIN_STATES = {"authorization pending": "pending", "slow down": "slowDown"}
NOT_CONFIGURED = (
    "Reelarr has no Simkl application: register one at https://simkl.com/settings/developer/ and set "
    "REELARR_SIMKL_CLIENT_ID"
)


class SimklUserSettings(ProviderSettings):
    """Radarr's SimklSettingsBase and SimklUserSettings, in Radarr's field order."""

    access_token: str = setting(
        "", label="Access Token", hidden="hidden", privacy=Privacy.API_KEY, in_repr=False
    )
    refresh_token: str = setting(
        "", label="Refresh Token", hidden="hidden", privacy=Privacy.API_KEY, in_repr=False
    )
    expires: datetime | None = setting(None, label="Expires", hidden="hidden")
    auth_user: str = setting("", label="Auth User", hidden="hidden")
    list_type: int = setting(
        0,
        label="List Type",
        type=FieldType.SELECT,
        options=enum_options(_LIST_TYPES),
        help="Type of list you're seeking to import from",
    )
    sign_in: str = setting("startDeviceCode", label="Authenticate with Simkl", type=FieldType.OAUTH)

    def check(self) -> list[ValidationFailure]:
        """Radarr's SimklSettingsBaseValidator and SimklUserSettingsValidator."""
        found = []
        if not self.access_token.strip() or (self.refresh_token.strip() and self.expires is None):
            found.append(ValidationFailure("signIn", _SIGN_IN))
        if self.list_type not in _STATUSES:
            found.append(ValidationFailure("listType", "Not a valid list type", self.list_type))
        return found


def simkl_headers(app: SimklApp, access_token: str) -> dict[str, str]:
    """The headers of Radarr's SimklUserRequestGenerator: JSON, the client id as `simkl-api-key`, and
    the user's bearer token when there is one."""
    headers = {"Accept": "application/json", "simkl-api-key": app.client_id}
    if access_token.strip():
        headers["Authorization"] = f"Bearer {access_token.strip()}"
    return headers


def list_url(app: SimklApp, settings: SimklUserSettings) -> str:
    """`{api}/sync/all-items/movies/{status}`."""
    return f"{app.api_url}/sync/all-items/movies/{_STATUSES[settings.list_type]}"


def _film(entry: Any) -> ListItem | None:
    movie = entry.get("movie") if isinstance(entry, dict) else None
    if not isinstance(movie, dict):
        return None
    found = movie.get("ids")
    ids: dict[str, Any] = found if isinstance(found, dict) else {}
    tmdb, imdb, title, year = (
        str(ids.get("tmdb") or ""),
        ids.get("imdb"),
        movie.get("title"),
        movie.get("year"),
    )
    return ListItem(
        title=title if isinstance(title, str) else "",
        year=year if isinstance(year, int) else 0,
        tmdb_id=int(tmdb) if tmdb.isdigit() and 0 < int(tmdb) < 2**31 else 0,
        imdb_id=imdb if isinstance(imdb, str) else "",
    )


def parse_items(body: Any) -> list[ListItem]:
    """The films of Simkl's all-items answer (`{"movies": [{"movie": {...}}]}`; nothing at all for an
    empty list); ImportListFailed for anything else."""
    if body is None or body == [] or (isinstance(body, dict) and body.get("movies") is None):
        return []
    if not isinstance(body, dict) or not isinstance(body["movies"], list):
        raise ImportListFailed("Simkl answered with something that is not a list of movies")
    return [item for e in body["movies"] if (item := _film(e)) is not None and item.usable]


async def _get(service: RemoteService, url: str, params: dict[str, str], headers: dict[str, str]) -> Any:
    """A 200 answer's JSON; a 401 to a signed-in call is SignInRefused, anything else ImportListFailed."""
    try:
        response = await service.exchange("GET", url, max_bytes=MAX_ANSWER, params=params, headers=headers)
    except RemoteError as error:
        raise ImportListFailed(error.message) from error
    if response.status_code == 401 and "Authorization" in headers:
        raise SignInRefused(SIGN_IN_AGAIN)
    if response.status_code != 200:
        raise ImportListFailed(
            f"Simkl API call resulted in an unexpected StatusCode [{response.status_code}]"
        )
    try:
        return orjson.loads(response.content)
    except orjson.JSONDecodeError as error:
        raise ImportListFailed("Simkl answered with something that is not JSON") from error


class SimklUserImport(ImportList):
    """A Simkl user's list."""

    implementation: ClassVar[str] = "SimklUserImport"
    implementation_name: ClassVar[str] = "Simkl User Watchlist"
    settings_model: ClassVar[type[ProviderSettings]] = SimklUserSettings
    list_type: ClassVar[ListType] = ListType.SIMKL
    min_refresh_interval: ClassVar[timedelta] = timedelta(hours=6)

    @property
    def settings(self) -> SimklUserSettings:
        """This list's settings."""
        settings = self.definition.settings
        assert isinstance(settings, SimklUserSettings)
        return settings

    async def fetch(self) -> ListFetch:
        """The list's films."""
        app = self.context.simkl
        if not app.configured:
            raise ImportListFailed(NOT_CONFIGURED)
        if not self.settings.access_token.strip():
            raise ImportListFailed(_SIGN_IN)
        headers = simkl_headers(app, self.settings.access_token)
        body = await _get(self.service(), list_url(app, self.settings), {}, headers)
        return ListFetch(tuple(parse_items(body)))

    async def action(self, name: str, query: Mapping[str, str]) -> Any:
        """`startDeviceCode`: a PIN for the user to enter at Simkl; `getDeviceToken` (query
        `userCode`): the token and user id once they did, else `{"state": "pending"}` and the like."""
        try:
            if name == "startDeviceCode":
                return await self._start()
            if name == "getDeviceToken":
                return await self._poll(query.get("userCode", ""))
        except ImportListFailed as error:
            raise ValidationFailed.single("signIn", str(error)) from error
        return await super().action(name, query)

    async def _start(self) -> dict[str, Any]:
        app = self.context.simkl
        if not app.configured:
            raise ImportListFailed(NOT_CONFIGURED)
        body = await _get(self.service(), f"{app.api_url}/oauth/pin", {"client_id": app.client_id}, {})
        if not isinstance(body, dict) or not isinstance(body.get("user_code"), str):
            raise ImportListFailed("Simkl refused a PIN")
        return {
            "deviceCode": body.get("device_code", ""),
            "userCode": body["user_code"],
            "verificationUrl": body.get("verification_url", "https://simkl.com/pin/"),
            "expiresIn": body.get("expires_in", 900),
            "interval": body.get("interval", 5),
        }

    async def _poll(self, user_code: str) -> dict[str, Any]:
        app, service = self.context.simkl, self.service()
        if not app.configured:
            raise ImportListFailed(NOT_CONFIGURED)
        if not user_code.strip().isalnum():
            raise ImportListFailed("Not a Simkl PIN")
        url = f"{app.api_url}/oauth/pin/{user_code.strip()}"
        body = await _get(service, url, {"client_id": app.client_id}, {})
        token = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token:
            message = str(body.get("message", "")) if isinstance(body, dict) else ""
            return {"state": _PIN_STATES.get(message.lower(), "failed"), "message": message}
        settings = await _get(service, f"{app.api_url}/users/settings", {}, simkl_headers(app, token))
        account = settings.get("account") if isinstance(settings, dict) else None
        user_id = account.get("id") if isinstance(account, dict) else None
        return {
            "state": "authorized",
            "accessToken": token,
            "refreshToken": "",
            "expires": None,
            "authUser": str(user_id) if user_id is not None else "",
        }
