"""Radarr's Trakt lists: TraktListImport (a user's list), TraktPopularImport (trending, popular,
anticipated...) and TraktUserImport (a user's watchlist, watched or collection). Each needs a Trakt
sign-in; Radarr signs in through its own relay, Reelarr through Trakt's device code (the actions
`startDeviceCode` then `getDeviceToken`), with the Trakt application the server is configured with."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any, ClassVar

from reelarr.errors import ValidationFailed
from reelarr.importlists.base import ImportList, ImportListFailed
from reelarr.importlists.http import get_json
from reelarr.importlists.model import ListFetch, ListType
from reelarr.importlists.trakt_api import (
    parse_movies,
    poll_device_token,
    refresh_token,
    start_device_code,
    trakt_headers,
    user_slug,
)
from reelarr.importlists.trakt_settings import (
    POPULAR_PATHS,
    TraktListSettings,
    TraktPopularSettings,
    TraktSettingsBase,
    TraktUserSettings,
    list_path,
    popular_query,
    user_path,
)
from reelarr.providers.settings import ProviderSettings

POPULAR = 1  # TraktPopularListType.Popular: bare movies, not items holding one


class TraktImportBase(ImportList):
    """What the three Trakt lists share: the sign-in, the token refresh, the headers and the parser."""

    list_type: ClassVar[ListType] = ListType.TRAKT
    min_refresh_interval: ClassVar[timedelta] = timedelta(hours=12)

    @property
    def settings(self) -> TraktSettingsBase:
        """This list's settings."""
        settings = self.definition.settings
        assert isinstance(settings, TraktSettingsBase)
        return settings

    def request(self) -> tuple[str, bool]:
        """The path and query to read (after the API's address), and whether it answers bare movies."""
        raise NotImplementedError

    async def fetch(self) -> ListFetch:
        """The list's films, the access token refreshed first when it runs out within five minutes."""
        if not self.context.trakt.configured:
            raise ImportListFailed("Reelarr has no Trakt application (REELARR_TRAKT_CLIENT_ID/_SECRET)")
        if not self.settings.access_token.strip():
            raise ImportListFailed("Must authenticate with Trakt")
        expires = self.settings.expires
        if expires is None or expires < self.context.clock() + timedelta(minutes=5):
            await self._refresh()
        path, bare = self.request()
        app = self.context.trakt
        body = await get_json(
            self.service(), f"{app.api_url}/{path}", headers=trakt_headers(app, self.settings.access_token)
        )
        return ListFetch(tuple(parse_movies(body, bare=bare)))

    async def _refresh(self) -> None:
        """Radarr's RefreshToken: new tokens stored with the list; a refusal is only logged there, and
        the read then fails on the old token if it really ran out."""
        if not self.settings.refresh_token.strip():
            raise ImportListFailed("Must authenticate with Trakt")
        try:
            token = await refresh_token(
                self.service(), self.context.trakt, self.settings.refresh_token, self.context.clock()
            )
        except ImportListFailed:
            return
        # Changed in place, as Radarr does: a list being saved (tested first) is then stored with the
        # new tokens, Trakt's refresh token being good for one use only.
        settings = self.settings
        settings.access_token = token.access_token
        settings.refresh_token = token.refresh_token or settings.refresh_token
        settings.expires = token.expires
        if self.definition.id > 0:
            await self.context.save_settings(self.definition.id, settings)

    async def action(self, name: str, query: Mapping[str, str]) -> Any:
        """`startDeviceCode`: a code for the user to enter at Trakt; `getDeviceToken` (query
        `deviceCode`): the tokens and user once they did, else `{"state": "pending"}` and the like."""
        app, service = self.context.trakt, self.service()
        try:
            if name == "startDeviceCode":
                return await start_device_code(service, app)
            if name == "getDeviceToken":
                code, now = query.get("deviceCode", ""), self.context.clock()
                found = await poll_device_token(service, app, code, now)
                if isinstance(found, str):
                    return {"state": found}
                return {
                    "state": "authorized",
                    "accessToken": found.access_token,
                    "refreshToken": found.refresh_token,
                    "expires": found.expires.isoformat(),
                    "authUser": await user_slug(service, app, found.access_token),
                }
        except ImportListFailed as error:
            raise ValidationFailed.single("signIn", str(error)) from error
        return await super().action(name, query)


class TraktListImport(TraktImportBase):
    """A user's Trakt list, by user name and list name."""

    implementation: ClassVar[str] = "TraktListImport"
    implementation_name: ClassVar[str] = "Trakt List"
    settings_model: ClassVar[type[ProviderSettings]] = TraktListSettings

    def request(self) -> tuple[str, bool]:
        """`users/{user}/lists/{slug}/items/movies?limit=`."""
        settings = self.definition.settings
        assert isinstance(settings, TraktListSettings)
        return list_path(settings), False


class TraktPopularImport(TraktImportBase):
    """One of Trakt's movie charts, with Radarr's filters."""

    implementation: ClassVar[str] = "TraktPopularImport"
    implementation_name: ClassVar[str] = "Trakt Popular List"
    settings_model: ClassVar[type[ProviderSettings]] = TraktPopularSettings

    def request(self) -> tuple[str, bool]:
        """`movies/{chart}?years=&genres=&ratings=&certifications=&limit=` and the extra parameters."""
        settings = self.definition.settings
        assert isinstance(settings, TraktPopularSettings)
        if settings.trakt_list_type not in POPULAR_PATHS:
            raise ImportListFailed("Not a valid list type")
        return popular_query(settings), settings.trakt_list_type == POPULAR


class TraktUserImport(TraktImportBase):
    """A Trakt user's watchlist, watched films or collection."""

    implementation: ClassVar[str] = "TraktUserImport"
    implementation_name: ClassVar[str] = "Trakt User"
    settings_model: ClassVar[type[ProviderSettings]] = TraktUserSettings

    def request(self) -> tuple[str, bool]:
        """`users/{user}/watchlist/movies/{sort}`, `.../watched/movies` or `.../collection/movies`."""
        settings = self.definition.settings
        assert isinstance(settings, TraktUserSettings)
        return user_path(settings), False
