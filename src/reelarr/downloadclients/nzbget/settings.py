"""Radarr's NzbgetSettings: where NZBGet is, its control credentials, the category and priorities."""

from __future__ import annotations

from enum import IntEnum

from reelarr.errors import ValidationFailure
from reelarr.providers.fields import FieldType, Privacy, enum_options, setting
from reelarr.providers.settings import (
    ProviderSettings,
    base_url,
    valid_host,
    valid_port,
    valid_url_base,
    warning,
)


class NzbgetPriority(IntEnum):
    """Radarr's NzbgetPriority, NZBGet's own priority numbers."""

    VERY_LOW = -100
    LOW = -50
    NORMAL = 0
    HIGH = 50
    VERY_HIGH = 100
    FORCE = 900


PRIORITIES = (
    (NzbgetPriority.VERY_LOW.value, "VeryLow"),
    (NzbgetPriority.LOW.value, "Low"),
    (NzbgetPriority.NORMAL.value, "Normal"),
    (NzbgetPriority.HIGH.value, "High"),
    (NzbgetPriority.VERY_HIGH.value, "VeryHigh"),
    (NzbgetPriority.FORCE.value, "Force"),
)


def _paired(property_name: str, value: str, other: str, label: str) -> list[ValidationFailure]:
    """FluentValidation's NotEmpty().When(the other credential is set)."""
    if value.strip() or not other.strip():
        return []
    return [
        ValidationFailure(
            property_name, f"'{label}' must not be empty.", value, error_code="NotEmptyValidator"
        )
    ]


class NzbgetSettings(ProviderSettings):
    """Radarr's NzbgetSettings, field for field."""

    host: str = setting("localhost", label="Host")
    port: int = setting(6789, label="Port")
    use_ssl: bool = setting(
        False,
        label="Use SSL",
        type=FieldType.CHECKBOX,
        help="Use secure connection when connection to NZBGet",
    )
    url_base: str = setting(
        "",
        label="URL Base",
        advanced=True,
        help="Adds a prefix to the NZBGet url, such as http://[host]:[port]/[urlBase]/jsonrpc",
    )
    username: str = setting("nzbget", label="Username", privacy=Privacy.USER_NAME)
    password: str = setting("tegbzn6789", label="Password", type=FieldType.PASSWORD, privacy=Privacy.PASSWORD)
    movie_category: str = setting(
        "Movies",
        label="Category",
        help="Adding a category specific to Reelarr avoids conflicts with unrelated non-Reelarr downloads. "
        "Using a category is optional, but strongly recommended.",
    )
    recent_movie_priority: int = setting(
        NzbgetPriority.NORMAL.value,
        label="Recent Priority",
        type=FieldType.SELECT,
        options=enum_options(PRIORITIES),
        help="Priority to use when grabbing movies that aired within the last 21 days",
    )
    older_movie_priority: int = setting(
        NzbgetPriority.NORMAL.value,
        label="Older Priority",
        type=FieldType.SELECT,
        options=enum_options(PRIORITIES),
        help="Priority to use when grabbing movies that aired over 21 days ago",
    )
    add_paused: bool = setting(
        False,
        label="Add Paused",
        type=FieldType.CHECKBOX,
        help="This option requires at least NzbGet version 16.0",
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's NzbgetSettingsValidator."""
        found = valid_host("host", self.host) + valid_port("port", self.port)
        found += valid_url_base("urlBase", self.url_base, "/nzbget")
        found += _paired("username", self.username, self.password, "Username")
        found += _paired("password", self.password, self.username, "Password")
        if not self.movie_category.strip():
            found.append(warning("movieCategory", "A category is recommended", self.movie_category))
        for name, value in (
            ("recentMoviePriority", self.recent_movie_priority),
            ("olderMoviePriority", self.older_movie_priority),
        ):
            if value not in NzbgetPriority._value2member_map_:
                found.append(ValidationFailure(name, "is not one of the choices", value))
        return found

    def rpc_url(self) -> str:
        """NZBGet's JSON-RPC address: scheme, host, port, URL base and `jsonrpc`."""
        return (
            base_url(use_ssl=self.use_ssl, host=self.host, port=self.port, url_base=self.url_base)
            + "/jsonrpc"
        )

    def priority(self, *, recent: bool) -> int:
        """The priority a film gets, by whether it came out recently."""
        return self.recent_movie_priority if recent else self.older_movie_priority
