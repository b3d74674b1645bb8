"""Radarr's QBittorrentSettings: where the Web UI is, who logs in, and how torrents are added."""

from __future__ import annotations

import re
from typing import Any

from reelarr.errors import ValidationFailure
from reelarr.providers.fields import FieldType, Privacy, enum_options, setting
from reelarr.providers.settings import ProviderSettings, base_url, valid_host, valid_port, valid_url_base

# Radarr's rule: no backslash, no "//", and no "/" at either end.
_CATEGORY = re.compile(r"^([^\\/](/?[^\\/])*)?$")
_CATEGORY_MESSAGE = "Can not contain '\\', '//', or start/end with '/'"
PRIORITIES = ((0, "Last"), (1, "First"))
INITIAL_STATES = ((0, "Started"), (1, "Force Started"), (2, "Stopped"))
CONTENT_LAYOUTS = ((0, "Default"), (1, "Original"), (2, "Subfolder"))


def _category(property_name: str, value: str) -> list[ValidationFailure]:
    if _CATEGORY.match(value):
        return []
    return [ValidationFailure(property_name, _CATEGORY_MESSAGE, value)]


def _select(labels: tuple[tuple[int, str], ...], *, label: str, help: str) -> Any:
    return setting(
        0, label=label, type=FieldType.SELECT, options=enum_options(labels, hints=False), help=help
    )


class QBittorrentSettings(ProviderSettings):
    """Radarr's QBittorrentSettings, field for field."""

    host: str = setting("localhost", label="Host")
    port: int = setting(8080, label="Port")
    use_ssl: bool = setting(
        False,
        label="Use SSL",
        type=FieldType.CHECKBOX,
        help="Use a secure connection. See Options -> Web UI -> 'Use HTTPS instead of HTTP' in qBittorrent.",
    )
    url_base: str = setting(
        "",
        label="Url Base",
        advanced=True,
        help="Adds a prefix to the qBittorrent url, such as http://[host]:[port]/[urlBase]/api",
    )
    username: str = setting("", label="Username", privacy=Privacy.USER_NAME)
    password: str = setting("", label="Password", type=FieldType.PASSWORD, privacy=Privacy.PASSWORD)
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
    recent_movie_priority: int = _select(
        PRIORITIES,
        label="Recent Priority",
        help="Priority to use when grabbing movies that aired within the last 21 days",
    )
    older_movie_priority: int = _select(
        PRIORITIES,
        label="Older Priority",
        help="Priority to use when grabbing movies that aired over 21 days ago",
    )
    initial_state: int = _select(
        INITIAL_STATES,
        label="Initial State",
        help="Initial state for torrents added to qBittorrent. "
        "Note that Forced Torrents do not abide by seed restrictions",
    )
    sequential_order: bool = setting(
        False,
        label="Sequential Order",
        type=FieldType.CHECKBOX,
        help="Download in sequential order (qBittorrent 4.1.0+)",
    )
    first_and_last: bool = setting(
        False,
        label="First and Last First",
        type=FieldType.CHECKBOX,
        help="Download first and last pieces first (qBittorrent 4.1.0+)",
    )
    content_layout: int = _select(
        CONTENT_LAYOUTS,
        label="Content Layout",
        help="Whether to use qBittorrent's configured content layout, the original layout from the "
        "torrent or always create a subfolder (qBittorrent 4.3.2+)",
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's QBittorrentSettingsValidator."""
        found = valid_host("host", self.host) + valid_port("port", self.port)
        found += valid_url_base("urlBase", self.url_base, "/qbittorrent")
        found += _category("movieCategory", self.movie_category)
        found += _category("movieImportedCategory", self.movie_imported_category)
        for name, value, labels in (
            ("recentMoviePriority", self.recent_movie_priority, PRIORITIES),
            ("olderMoviePriority", self.older_movie_priority, PRIORITIES),
            ("initialState", self.initial_state, INITIAL_STATES),
            ("contentLayout", self.content_layout, CONTENT_LAYOUTS),
        ):
            if value not in dict(labels):
                found.append(ValidationFailure(name, "is not one of the choices", value))
        return found

    def web_ui_url(self) -> str:
        """The Web UI's address: scheme, host, port and URL base."""
        return base_url(use_ssl=self.use_ssl, host=self.host, port=self.port, url_base=self.url_base)
