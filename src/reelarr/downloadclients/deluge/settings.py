"""Radarr's DelugeSettings: where deluge-web is, its password, the labels and where torrents go."""

from __future__ import annotations

import re

from reelarr.errors import ValidationFailure
from reelarr.providers.fields import FieldType, Privacy, enum_options, setting
from reelarr.providers.settings import ProviderSettings, base_url, valid_host, valid_port

# Deluge's Label plugin keeps labels in lower case; Radarr allows only these characters.
_LABEL = re.compile(r"^[-a-z0-9]*$")
_LABEL_MESSAGE = "Allowed characters a-z, 0-9 and -"
LAST, FIRST = 0, 1
PRIORITIES = ((LAST, "Last"), (FIRST, "First"))


class DelugeSettings(ProviderSettings):
    """Radarr's DelugeSettings, field for field."""

    host: str = setting("localhost", label="Host")
    port: int = setting(8112, label="Port")
    use_ssl: bool = setting(
        False,
        label="Use SSL",
        type=FieldType.CHECKBOX,
        help="Use secure connection when connection to Deluge",
    )
    url_base: str = setting(
        "",
        label="URL Base",
        advanced=True,
        help="Adds a prefix to the deluge json url, see http://[host]:[port]/[urlBase]/json",
    )
    password: str = setting("deluge", label="Password", type=FieldType.PASSWORD, privacy=Privacy.PASSWORD)
    movie_category: str = setting(
        "radarr",
        label="Category",
        help="Adding a category specific to Reelarr avoids conflicts with unrelated non-Reelarr downloads. "
        "Using a category is optional, but strongly recommended.",
    )
    movie_imported_category: str = setting(
        "",
        label="Post-Import Category",
        advanced=True,
        help="Category for Reelarr to set after it has imported the download. Reelarr will not remove "
        "torrents in that category even if seeding finished. Leave blank to keep same category.",
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
    download_directory: str = setting(
        "",
        label="Download Directory",
        advanced=True,
        help="Optional location to put downloads in, leave blank to use the default Deluge location",
    )
    completed_directory: str = setting(
        "",
        label="Move When Completed Directory",
        advanced=True,
        help="Optional location to move completed downloads to, leave blank to use the default Deluge "
        "location",
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's DelugeSettingsValidator."""
        found = valid_host("host", self.host) + valid_port("port", self.port)
        for name, value in (
            ("movieCategory", self.movie_category),
            ("movieImportedCategory", self.movie_imported_category),
        ):
            if not _LABEL.match(value):
                found.append(ValidationFailure(name, _LABEL_MESSAGE, value))
        for name, choice in (
            ("recentMoviePriority", self.recent_movie_priority),
            ("olderMoviePriority", self.older_movie_priority),
        ):
            if choice not in dict(PRIORITIES):
                found.append(ValidationFailure(name, "is not one of the choices", choice))
        return found

    def json_url(self) -> str:
        """The JSON-RPC endpoint: scheme, host, port, URL base and `json`."""
        return (
            base_url(use_ssl=self.use_ssl, host=self.host, port=self.port, url_base=self.url_base) + "/json"
        )

    def priority(self, *, recent: bool) -> int:
        """The queue position a film gets: First or Last, by whether it came out recently."""
        return self.recent_movie_priority if recent else self.older_movie_priority
