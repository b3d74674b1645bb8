"""The Trakt lists' settings as Radarr declares them (TraktSettingsBase and its three subclasses, in
Radarr's field order), their validators, and the request paths they make."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from pydantic import field_validator

from reelarr.errors import ValidationFailure
from reelarr.parsing import url_slug
from reelarr.providers.fields import FieldType, Privacy, enum_options, setting
from reelarr.providers.settings import ProviderSettings, not_empty

_SIGN_IN = "Must authenticate with Trakt"
_POPULAR_TYPES = [
    (0, "Trending Movies"),
    (1, "Popular Movies"),
    (2, "Top Anticipated Movies"),
    (3, "Top Box Office Movies"),
    (4, "Top Watched Movies By Week"),
    (5, "Top Watched Movies By Month"),
    (6, "Top Watched Movies By Year"),
    (7, "Top Watched Movies Of All Time"),
    (8, "Recommended Movies By Week"),
    (9, "Recommended Movies By Month"),
    (10, "Recommended Movies By Year"),
    (11, "Recommended Movies By All Time"),
]
POPULAR_PATHS = {
    0: "movies/trending",
    1: "movies/popular",
    2: "movies/anticipated",
    3: "movies/boxoffice",
    4: "movies/watched/weekly",
    5: "movies/watched/monthly",
    6: "movies/watched/yearly",
    7: "movies/watched/all",
    8: "movies/recommended/weekly",
    9: "movies/recommended/monthly",
    10: "movies/recommended/yearly",
    11: "movies/recommended/all",
}
_YEARLY = (6, 10)  # obsolete in Radarr: refused by its validator
_USER_TYPES = [(0, "User Watch List"), (1, "User Watched List"), (2, "User Collection List")]
_WATCH_SORTING = [(0, "Rank"), (1, "Added"), (2, "Title"), (3, "Released")]
_SORT_SEGMENTS = {0: "rank", 1: "added", 2: "title", 3: "released"}
_RATING = re.compile(r"^\d+\-\d+$")
_CERTIFICATION = re.compile(r"^\bNR\b|\bG\b|\bPG\b|\bPG\-13\b|\bR\b|\bNC\-17\b$", re.IGNORECASE)
_YEARS = re.compile(r"^\d+(\-\d+)?$")


def _limit() -> Any:
    return setting(100, label="Limit", type=FieldType.NUMBER, help="Limit the number of movies to get")


def _sign_in() -> Any:
    return setting("startDeviceCode", label="Authenticate with Trakt", type=FieldType.OAUTH)


class TraktSettingsBase(ProviderSettings):
    """Radarr's TraktSettingsBase: the tokens (hidden fields the sign-in fills) and who signed in."""

    access_token: str = setting(
        "", label="Access Token", hidden="hidden", privacy=Privacy.API_KEY, in_repr=False
    )
    refresh_token: str = setting(
        "", label="Refresh Token", hidden="hidden", privacy=Privacy.API_KEY, in_repr=False
    )
    expires: datetime | None = setting(None, label="Expires", hidden="hidden")
    auth_user: str = setting("", label="Auth User", hidden="hidden")

    @field_validator("expires")
    @classmethod
    def _in_utc(cls, value: datetime | None) -> datetime | None:
        """A time sent without an offset is UTC (Radarr's DateTime), so it compares with the clock."""
        return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value

    def check(self) -> list[ValidationFailure]:
        """Radarr's TraktSettingsBaseValidator."""
        found = []
        signed_in = self.access_token.strip() and self.refresh_token.strip() and self.expires is not None
        if not signed_in:
            found.append(ValidationFailure("signIn", _SIGN_IN))
        limit = getattr(self, "limit", 1)
        if not isinstance(limit, int) or limit <= 0:
            found.append(ValidationFailure("limit", "Must be integer greater than 0", limit))
        return found


class TraktListSettings(TraktSettingsBase):
    """A user's list by user name and list name."""

    username: str = setting(
        "", label="Username", privacy=Privacy.USER_NAME, help="Username for the List to import from"
    )
    listname: str = setting(
        "",
        label="List Name",
        help="List name for import, list must be public or you must have access to the list",
    )
    limit: int = _limit()
    sign_in: str = _sign_in()

    def check(self) -> list[ValidationFailure]:
        """Radarr's TraktListSettingsValidator."""
        return [
            *super().check(),
            *not_empty("username", self.username.strip(), "Username"),
            *not_empty("listname", self.listname.strip(), "List Name"),
        ]


class TraktPopularSettings(TraktSettingsBase):
    """A Trakt chart and its filters."""

    trakt_list_type: int = setting(
        1,
        label="List Type",
        type=FieldType.SELECT,
        options=enum_options(_POPULAR_TYPES),
        help="Type of list you're seeking to import from",
    )
    rating: str = setting("0-100", label="Rating", help="Filter movies by rating range (0-100)")
    certification: str = setting(
        "NR,G,PG,PG-13,R,NC-17",
        label="Certification",
        help="Filter movies by a certification (NR,G,PG,PG-13,R,NC-17) (Comma Separated)",
    )
    genres: str = setting(
        "",
        label="Genres",
        help="Filter movies by Trakt Genre Slug (Comma Separated) Only for Popular Lists",
    )
    years: str = setting("", label="Years", help="Filter movies by year or year range")
    trakt_additional_parameters: str = setting(
        "", label="Additional Parameters", help="Additional Trakt API parameters", advanced=True
    )
    limit: int = _limit()
    sign_in: str = _sign_in()

    def check(self) -> list[ValidationFailure]:
        """Radarr's TraktPopularSettingsValidator."""
        found = super().check()
        if self.trakt_list_type in _YEARLY:
            found.append(
                ValidationFailure(
                    "traktListType", "Yearly lists are no longer supported", self.trakt_list_type
                )
            )
        elif self.trakt_list_type not in POPULAR_PATHS:
            found.append(ValidationFailure("traktListType", "Not a valid list type", self.trakt_list_type))
        if self.rating.strip() and not _RATING.match(self.rating):
            found.append(ValidationFailure("rating", "Not a valid rating", self.rating))
        if self.certification.strip() and not _CERTIFICATION.match(self.certification):
            found.append(ValidationFailure("certification", "Not a valid certification", self.certification))
        if self.years.strip() and not _YEARS.match(self.years):
            found.append(ValidationFailure("years", "Not a valid year or range of years", self.years))
        return found


class TraktUserSettings(TraktSettingsBase):
    """A user's watchlist, watched films or collection; the signed-in user's unless named."""

    trakt_list_type: int = setting(
        0,
        label="List Type",
        type=FieldType.SELECT,
        options=enum_options(_USER_TYPES),
        help="Type of list you're seeking to import from",
    )
    trakt_watch_sorting: int = setting(
        0,
        label="Watch List Sorting",
        type=FieldType.SELECT,
        options=enum_options(_WATCH_SORTING),
        help="If List Type is Watch, select the order to sort the list",
    )
    username: str = setting(
        "", label="Username", help="Username for the List to import from (leave empty to use Auth User)"
    )
    limit: int = _limit()
    sign_in: str = _sign_in()

    def check(self) -> list[ValidationFailure]:
        """Radarr's TraktUserSettingsValidator."""
        found = [*super().check(), *not_empty("authUser", self.auth_user.strip(), "Auth User")]
        if self.trakt_list_type not in dict(_USER_TYPES):
            found.append(ValidationFailure("traktListType", "Not a valid list type", self.trakt_list_type))
        return found


def list_path(settings: TraktListSettings) -> str:
    """Radarr's TraktListRequestGenerator: the list name slugged as Trakt slugs it."""
    slug = url_slug(settings.listname.strip(), True, "-", "-")
    return f"users/{settings.username.strip()}/lists/{slug}/items/movies?limit={settings.limit}"


def popular_query(settings: TraktPopularSettings) -> str:
    """Radarr's TraktPopularRequestGenerator: every filter sent, empty or not, then the extra
    parameters as typed (they start with "&")."""
    return (
        f"{POPULAR_PATHS[settings.trakt_list_type]}?years={settings.years}"
        f"&genres={settings.genres.lower()}&ratings={settings.rating}"
        f"&certifications={settings.certification.lower()}&limit={settings.limit}"
        f"{settings.trakt_additional_parameters}"
    )


def user_path(settings: TraktUserSettings) -> str:
    """Radarr's TraktUserRequestGenerator: the named user, else the one who signed in."""
    user = settings.username.strip() or settings.auth_user.strip()
    if settings.trakt_list_type == 1:
        resource = f"users/{user}/watched/movies"
    elif settings.trakt_list_type == 2:
        resource = f"users/{user}/collection/movies"
    else:
        sort = _SORT_SEGMENTS.get(settings.trakt_watch_sorting, "rank")
        resource = f"users/{user}/watchlist/movies/{sort}"
    return f"{resource}?limit={settings.limit}"
