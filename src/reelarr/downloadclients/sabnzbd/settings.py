"""Radarr's SabnzbdSettings: where SABnzbd is, how Reelarr authenticates, its category and priorities."""

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


class SabnzbdPriority(IntEnum):
    """Radarr's SabnzbdPriority; Default leaves the priority to the category."""

    DEFAULT = -100
    PAUSED = -2
    LOW = -1
    NORMAL = 0
    HIGH = 1
    FORCE = 2


PRIORITIES = tuple((p.value, p.name.capitalize()) for p in SabnzbdPriority)


def _required(property_name: str, message: str, value: str) -> list[ValidationFailure]:
    if value.strip():
        return []
    return [ValidationFailure(property_name, message, value, error_code="NotEmptyValidator")]


class SabnzbdSettings(ProviderSettings):
    """Radarr's SabnzbdSettings, field for field."""

    host: str = setting("localhost", label="Host")
    port: int = setting(8080, label="Port")
    use_ssl: bool = setting(
        False,
        label="Use SSL",
        type=FieldType.CHECKBOX,
        help="Use secure connection when connection to Sabnzbd",
    )
    url_base: str = setting(
        "",
        label="URL Base",
        advanced=True,
        help="Adds a prefix to the Sabnzbd url, such as http://[host]:[port]/[urlBase]/api",
    )
    api_key: str = setting("", label="API Key", privacy=Privacy.API_KEY)
    username: str = setting("", label="Username", privacy=Privacy.USER_NAME)
    password: str = setting("", label="Password", type=FieldType.PASSWORD, privacy=Privacy.PASSWORD)
    movie_category: str = setting(
        "movies",
        label="Category",
        help="Adding a category specific to Reelarr avoids conflicts with unrelated non-Reelarr downloads. "
        "Using a category is optional, but strongly recommended.",
    )
    recent_movie_priority: int = setting(
        SabnzbdPriority.DEFAULT.value,
        label="Recent Priority",
        type=FieldType.SELECT,
        options=enum_options(PRIORITIES),
        help="Priority to use when grabbing movies that aired within the last 21 days",
    )
    older_movie_priority: int = setting(
        SabnzbdPriority.DEFAULT.value,
        label="Older Priority",
        type=FieldType.SELECT,
        options=enum_options(PRIORITIES),
        help="Priority to use when grabbing movies that aired over 21 days ago",
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's SabnzbdSettingsValidator."""
        found = valid_host("host", self.host) + valid_port("port", self.port)
        found += valid_url_base("urlBase", self.url_base, "/sabnzbd")
        if not self.username.strip():
            found += _required(
                "apiKey", "API Key is required when username/password are not configured", self.api_key
            )
        if not self.api_key.strip():
            found += _required(
                "username", "Username is required when API key is not configured", self.username
            )
            found += _required(
                "password", "Password is required when API key is not configured", self.password
            )
        if not self.movie_category.strip():
            found.append(warning("movieCategory", "A category is recommended", self.movie_category))
        for name, value in (
            ("recentMoviePriority", self.recent_movie_priority),
            ("olderMoviePriority", self.older_movie_priority),
        ):
            if value not in SabnzbdPriority._value2member_map_:
                found.append(ValidationFailure(name, "is not one of the choices", value))
        return found

    def api_url(self) -> str:
        """SABnzbd's API address: scheme, host, port, URL base and `api`."""
        return base_url(use_ssl=self.use_ssl, host=self.host, port=self.port, url_base=self.url_base) + "/api"

    def priority(self, *, recent: bool) -> int:
        """The priority a film gets, by whether it came out recently."""
        return self.recent_movie_priority if recent else self.older_movie_priority
