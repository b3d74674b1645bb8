"""Radarr's RTorrentSettings: where rTorrent's XML-RPC is, who may use it, the labels and where
torrents go."""

from __future__ import annotations

from reelarr.errors import ValidationFailure
from reelarr.providers.fields import FieldType, Privacy, enum_options, setting
from reelarr.providers.settings import ProviderSettings, base_url, valid_host, valid_port, warning

# Radarr's RTorrentPriority: rTorrent's own d.priority values.
VERY_LOW, LOW, NORMAL, HIGH = 0, 1, 2, 3
PRIORITIES = ((VERY_LOW, "Very Low"), (LOW, "Low"), (NORMAL, "Normal"), (HIGH, "High"))


class RTorrentSettings(ProviderSettings):
    """Radarr's RTorrentSettings, field for field."""

    host: str = setting("localhost", label="Host")
    port: int = setting(8080, label="Port")
    use_ssl: bool = setting(
        False,
        label="Use SSL",
        type=FieldType.CHECKBOX,
        help="Use secure connection when connection to rTorrent",
    )
    url_base: str = setting(
        "RPC2",
        label="URL Path",
        help="Path to the XMLRPC endpoint, see http(s)://[host]:[port]/[urlPath]. This is usually RPC2 "
        "or [path to ruTorrent]/plugins/rpc/rpc.php when using ruTorrent.",
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
    movie_directory: str = setting(
        "",
        label="Directory",
        advanced=True,
        help="Optional location to put downloads in, leave blank to use the default rTorrent location",
    )
    recent_movie_priority: int = setting(
        NORMAL,
        label="Recent Priority",
        type=FieldType.SELECT,
        options=enum_options(PRIORITIES, hints=False),
        help="Priority to use when grabbing movies that aired within the last 21 days",
    )
    older_movie_priority: int = setting(
        NORMAL,
        label="Older Priority",
        type=FieldType.SELECT,
        options=enum_options(PRIORITIES, hints=False),
        help="Priority to use when grabbing movies that aired over 21 days ago",
    )
    add_stopped: bool = setting(
        False,
        label="Add Stopped",
        type=FieldType.CHECKBOX,
        help="Enabling will add torrents and magnets to rTorrent in a stopped state. This may break "
        "magnet files.",
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's RTorrentSettingsValidator."""
        found = valid_host("host", self.host) + valid_port("port", self.port)
        if not self.movie_category.strip():
            found.append(warning("movieCategory", "A category is recommended", self.movie_category))
        for name, value in (
            ("recentMoviePriority", self.recent_movie_priority),
            ("olderMoviePriority", self.older_movie_priority),
        ):
            if value not in dict(PRIORITIES):
                found.append(ValidationFailure(name, "is not one of the choices", value))
        return found

    def rpc_url(self) -> str:
        """The XML-RPC endpoint: scheme, host, port and URL path."""
        return base_url(use_ssl=self.use_ssl, host=self.host, port=self.port, url_base=self.url_base)

    def priority(self, *, recent: bool) -> int:
        """rTorrent's priority for a film, by whether it came out recently."""
        return self.recent_movie_priority if recent else self.older_movie_priority
