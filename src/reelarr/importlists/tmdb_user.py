"""Radarr's TMDbUserImport: a TMDB account's watchlist, recommendations, rated or favorite films, read
from TMDB's v4 account API with the account's user access token.

Radarr fills the account id and token through TMDB's sign-in (OAuth); Reelarr asks for them as
fields (TMDB's v4 `/auth/access_token` answers both), and does not run the sign-in itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar
from urllib.parse import quote

from reelarr.errors import RemoteError, ValidationFailure
from reelarr.importlists.base import ImportListFailed
from reelarr.importlists.tmdb import TMDbImportBase
from reelarr.providers.fields import FieldType, Privacy, enum_options, setting
from reelarr.providers.settings import ProviderSettings

WATCHLIST, RECOMMENDATIONS, RATED, FAVORITE = 1, 2, 3, 4
_LIST_TYPES = [
    (WATCHLIST, "Watchlist"),
    (RECOMMENDATIONS, "Recommendations"),
    (RATED, "Rated"),
    (FAVORITE, "Favorite"),
]
_PATHS = {WATCHLIST: "watchlist", RECOMMENDATIONS: "recommendations", RATED: "rated", FAVORITE: "favorites"}


class TMDbUserSettings(ProviderSettings):
    """Which account, its token, and which of its lists (Radarr's TMDbUserSettings)."""

    account_id: str = setting(
        "", label="Account Id", help="The account_id TMDB's v4 sign-in (/4/auth/access_token) answers"
    )
    access_token: str = setting(
        "",
        label="Access Token",
        privacy=Privacy.API_KEY,
        help="The user access_token TMDB's v4 sign-in answers (not the read access token)",
    )
    list_type: int = setting(
        WATCHLIST,
        label="List Type",
        type=FieldType.SELECT,
        options=enum_options(_LIST_TYPES),
        help="Type of list your seeking to import from",
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's TMDbUserSettingsValidator: a list type, a token and an account id."""
        found = []
        if self.list_type not in _PATHS:
            found.append(ValidationFailure("listType", "Not a valid list type", self.list_type))
        if not self.access_token.strip():
            found.append(ValidationFailure("accessToken", "'Access Token' must not be empty.", ""))
        if not self.account_id.strip():
            found.append(ValidationFailure("accountId", "'Account Id' must not be empty.", ""))
        return found


class TMDbUserImport(TMDbImportBase):
    """Every page of one of the account's film lists; it only offers its films unless told to add them."""

    implementation: ClassVar[str] = "TMDbUserImport"
    implementation_name: ClassVar[str] = "TMDb User"
    settings_model: ClassVar[type[ProviderSettings]] = TMDbUserSettings
    adds_on_its_own: ClassVar[bool] = False

    def query(self) -> tuple[str, dict[str, str | int]]:
        """`/account/{account_id}/movie/{watchlist|recommendations|rated|favorites}` (v4)."""
        settings = self.definition.settings
        assert isinstance(settings, TMDbUserSettings)
        account = quote(settings.account_id.strip(), safe="")
        return f"/account/{account}/movie/{_PATHS[settings.list_type]}", {}

    async def _document(self, path: str, params: Mapping[str, str | int]) -> Any:
        settings = self.definition.settings
        assert isinstance(settings, TMDbUserSettings)
        try:
            return await self.context.tmdb.account_document(path, settings.access_token, params)
        except RemoteError as error:
            raise ImportListFailed(f"TMDb: {error.message}") from error
