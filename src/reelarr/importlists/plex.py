"""Radarr's PlexImport: a Plex account's watchlist from Plex's discover provider
(`/library/sections/watchlist/all`, 100 films a page, at most 10 pages), its films named by their
`tmdb://` and `imdb://` guids. The sign-in is plex.tv's PIN, as Radarr's: the action `startDeviceCode`
makes a PIN and gives the address where the user signs in, `getDeviceToken` (query `pinId`) gives the
token once they did. The daily plex.tv ping that keeps the token alive is the PlexTokenKeepAlive task
(plex_keepalive.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any, ClassVar
from urllib.parse import urlencode

from reelarr import RADARR_VERSION
from reelarr.errors import RemoteError, ValidationFailed, ValidationFailure
from reelarr.importlists.base import ImportList, ImportListFailed
from reelarr.importlists.http import MAX_ANSWER, get_json
from reelarr.importlists.model import ListFetch, ListItem, ListType
from reelarr.providers.fields import FieldType, Privacy, setting
from reelarr.providers.settings import ProviderSettings

APP_NAME = "Reelarr"
PAGE_SIZE = 100
MAX_PAGES = 10
MOVIE = 1  # PlexMediaType.Movie


class PlexListSettings(ProviderSettings):
    """Radarr's PlexListSettings: the account's token (hidden, filled by the sign-in)."""

    access_token: str = setting(
        "", label="Access Token", hidden="hidden", privacy=Privacy.API_KEY, in_repr=False
    )
    sign_in: str = setting("startDeviceCode", label="Authenticate with Plex.tv", type=FieldType.OAUTH)

    def check(self) -> list[ValidationFailure]:
        """Radarr's PlexListSettingsValidator."""
        if not self.access_token.strip():
            return [ValidationFailure("signIn", "Must authenticate with Plex")]
        return []


def plex_identity(client_identifier: str) -> dict[str, str]:
    """The X-Plex-* query of Radarr's PlexTvService calls to plex.tv."""
    return {
        "X-Plex-Client-Identifier": client_identifier,
        "X-Plex-Product": APP_NAME,
        "X-Plex-Platform": "Windows",
        "X-Plex-Platform-Version": "7",
        "X-Plex-Device-Name": APP_NAME,
        "X-Plex-Version": RADARR_VERSION,
    }


def watchlist_params(client_identifier: str, token: str, offset: int) -> dict[str, str]:
    """The query of Radarr's PlexTvService.GetWatchlist for one page."""
    params = {
        "clientID": client_identifier,
        "context[device][product]": APP_NAME,
        "context[device][platform]": "Windows",
        "context[device][platformVersion]": "7",
        "context[device][version]": RADARR_VERSION,
        "includeFields": "title,type,year,ratingKey",
        "excludeElements": "Image",
        "includeGuids": "1",
        "sort": "watchlistedAt:desc",
        "type": str(MOVIE),
        "X-Plex-Container-Size": str(PAGE_SIZE),
        "X-Plex-Container-Start": str(offset),
    }
    if token.strip():
        params["X-Plex-Token"] = token.strip()
    return params


def _guid(guids: Any, scheme: str) -> str:
    for guid in guids if isinstance(guids, list) else []:
        value = guid.get("id") if isinstance(guid, dict) else None
        if isinstance(value, str) and value.startswith(f"{scheme}://"):
            return value.removeprefix(f"{scheme}://")
    return ""


def parse_watchlist_page(body: Any) -> list[ListItem]:
    """The films of one page (`MediaContainer.Metadata`, none when absent); ImportListFailed when the
    answer is not a media container."""
    container = body.get("MediaContainer") if isinstance(body, dict) else None
    if not isinstance(container, dict):
        raise ImportListFailed("Plex answered with something that is not a watchlist")
    items = []
    for entry in container.get("Metadata") or []:
        if not isinstance(entry, dict):
            continue
        tmdb, title, year = _guid(entry.get("Guid"), "tmdb"), entry.get("title"), entry.get("year")
        items.append(
            ListItem(
                title=title if isinstance(title, str) else "",
                year=year if isinstance(year, int) else 0,
                tmdb_id=int(tmdb) if tmdb.isdigit() and int(tmdb) < 2**31 else 0,
                imdb_id=_guid(entry.get("Guid"), "imdb"),
            )
        )
    return items


class PlexImport(ImportList):
    """A Plex account's watchlist."""

    implementation: ClassVar[str] = "PlexImport"
    implementation_name: ClassVar[str] = "Plex Watchlist"
    settings_model: ClassVar[type[ProviderSettings]] = PlexListSettings
    list_type: ClassVar[ListType] = ListType.PLEX
    min_refresh_interval: ClassVar[timedelta] = timedelta(hours=6)

    @property
    def settings(self) -> PlexListSettings:
        """This list's settings."""
        settings = self.definition.settings
        assert isinstance(settings, PlexListSettings)
        return settings

    async def fetch(self) -> ListFetch:
        """Pages of 100 until one is not full, at most 10 (a tenth full page: the fetch is truncated)."""
        if not self.settings.access_token.strip():
            raise ImportListFailed("Must authenticate with Plex")
        plex = self.context.plex
        url = f"{plex.discover_url}/library/sections/watchlist/all"
        items: list[ListItem] = []
        for page in range(MAX_PAGES):
            params = watchlist_params(plex.client_identifier, self.settings.access_token, page * PAGE_SIZE)
            body = await get_json(self.service(), url, params=params, headers={"Accept": "application/json"})
            found = parse_watchlist_page(body)
            items += found
            if len(found) < PAGE_SIZE:
                return ListFetch(tuple(i for i in items if i.usable))
        return ListFetch(tuple(i for i in items if i.usable), truncated=True)

    async def action(self, name: str, query: Mapping[str, str]) -> Any:
        """`startDeviceCode`: a PIN and the address to sign in at; `getDeviceToken` (query `pinId`):
        `{"accessToken": ...}` once the user signed in, else `{"state": "pending"}`."""
        try:
            if name == "startDeviceCode":
                return await self._start()
            if name == "getDeviceToken":
                return await self._poll(query.get("pinId", ""))
        except ImportListFailed as error:
            raise ValidationFailed.single("signIn", str(error)) from error
        return await super().action(name, query)

    async def _plex_tv(self, method: str, path: str, params: dict[str, str]) -> Any:
        plex = self.context.plex
        try:
            response = await self.service().exchange(
                method,
                f"{plex.tv_url}{path}",
                max_bytes=MAX_ANSWER,
                params={**plex_identity(plex.client_identifier), **params},
                headers={"Accept": "application/json"},
            )
        except RemoteError as error:
            raise ImportListFailed("Unable to connect to plex.tv") from error
        if response.status_code not in (200, 201):
            raise ImportListFailed(f"plex.tv refused the sign-in [{response.status_code}]")
        body = response.json() if response.content else None
        if not isinstance(body, dict):
            raise ImportListFailed("plex.tv answered with something that is not a PIN")
        return body

    async def _start(self) -> dict[str, Any]:
        body = await self._plex_tv("POST", "/api/v2/pins", {"strong": "true"})
        pin_id, code = body.get("id"), body.get("code")
        if not isinstance(pin_id, int) or not isinstance(code, str):
            raise ImportListFailed("plex.tv answered with something that is not a PIN")
        context = {
            "clientID": self.context.plex.client_identifier,
            "code": code,
            "context[device][product]": APP_NAME,
            "context[device][platform]": "Windows",
            "context[device][platformVersion]": "7",
            "context[device][version]": RADARR_VERSION,
        }
        return {
            "pinId": pin_id,
            "code": code,
            "verificationUrl": f"https://app.plex.tv/auth#?{urlencode(context)}",
        }

    async def _poll(self, pin_id: str) -> dict[str, Any]:
        if not pin_id.strip().isdigit():
            raise ImportListFailed("QueryParam pinId invalid.")
        body = await self._plex_tv("GET", f"/api/v2/pins/{int(pin_id)}", {})
        token = body.get("authToken")
        if not isinstance(token, str) or not token:
            return {"state": "pending"}
        return {"state": "authorized", "accessToken": token}
