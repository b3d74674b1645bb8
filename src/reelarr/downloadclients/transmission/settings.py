"""Radarr's TransmissionSettings: where the RPC is, who may use it, and where torrents go."""

from __future__ import annotations

import re

from reelarr.errors import ValidationFailure
from reelarr.providers.fields import FieldType, Privacy, enum_options, setting
from reelarr.providers.settings import ProviderSettings, base_url, valid_host, valid_port, valid_url_base

# Transmission has no categories: Radarr makes the category a sub-directory of the download directory.
_CATEGORY = re.compile(r"^\.?[-a-z]*$", re.IGNORECASE)
LAST, FIRST = 0, 1
PRIORITIES = ((LAST, "Last"), (FIRST, "First"))


class TransmissionSettings(ProviderSettings):
    """Radarr's TransmissionSettings, field for field."""

    host: str = setting("localhost", label="Host")
    port: int = setting(9091, label="Port")
    use_ssl: bool = setting(
        False,
        label="Use SSL",
        type=FieldType.CHECKBOX,
        help="Use secure connection when connection to Transmission",
    )
    url_base: str = setting(
        "/transmission/",
        label="URL Base",
        advanced=True,
        help="Adds a prefix to the Transmission rpc url, eg http://[host]:[port]/[urlBase]/rpc, "
        "defaults to '/transmission/'",
    )
    username: str = setting("", label="Username", privacy=Privacy.USER_NAME)
    password: str = setting("", label="Password", type=FieldType.PASSWORD, privacy=Privacy.PASSWORD)
    movie_category: str = setting(
        "radarr",
        label="Category",
        help="Adding a category specific to Reelarr avoids conflicts with unrelated non-Reelarr downloads. "
        "Using a category is optional, but strongly recommended. Creates a [category] subdirectory in "
        "the output directory.",
    )
    movie_imported_category: str = setting(
        "",
        label="Post-Import Category",
        advanced=True,
        help="Category for Reelarr to set after it has imported the download. Reelarr will not remove "
        "torrents in that category even if seeding finished. Leave blank to keep same category.",
    )
    movie_directory: str = setting(
        "",
        label="Directory",
        advanced=True,
        help="Optional location to put downloads in, leave blank to use the default Transmission location",
    )
    recent_movie_priority: int = setting(
        LAST,
        label="Recent Priority",
        type=FieldType.SELECT,
        options=enum_options(PRIORITIES, hints=False),
        help="Priority to use when grabbing movies that aired within the last 21 days",
    )
    older_movie_priority: int = setting(
        LAST,
        label="Older Priority",
        type=FieldType.SELECT,
        options=enum_options(PRIORITIES, hints=False),
        help="Priority to use when grabbing movies that aired over 21 days ago",
    )
    add_paused: bool = setting(False, label="Add Paused", type=FieldType.CHECKBOX)

    def check(self) -> list[ValidationFailure]:
        """Radarr's TransmissionSettingsValidator."""
        found = valid_host("host", self.host) + valid_port("port", self.port)
        found += valid_url_base("urlBase", self.url_base, "/transmission/")
        if not _CATEGORY.match(self.movie_category):
            found.append(
                ValidationFailure("movieCategory", "Allowed characters a-z and -", self.movie_category)
            )
        if self.movie_directory.strip() and self.movie_category:
            found.append(
                ValidationFailure(
                    "movieCategory",
                    "Cannot use Category and Directory",
                    self.movie_category,
                    error_code="EmptyValidator",
                )
            )
        for name, value in (
            ("recentMoviePriority", self.recent_movie_priority),
            ("olderMoviePriority", self.older_movie_priority),
        ):
            if value not in dict(PRIORITIES):
                found.append(ValidationFailure(name, "is not one of the choices", value))
        return found

    def rpc_url(self) -> str:
        """The RPC's address: scheme, host, port, URL base and `rpc`."""
        return base_url(use_ssl=self.use_ssl, host=self.host, port=self.port, url_base=self.url_base) + "/rpc"

    def priority(self, *, recent: bool) -> int:
        """The queue position a film gets: First or Last, by whether it came out recently."""
        return self.recent_movie_priority if recent else self.older_movie_priority
