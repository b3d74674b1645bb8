"""Radarr's Plex Media Server: after an import, a rename or a delete, a partial scan of the film's folder
in the movie sections of the server. The token goes in the X-Plex-Token header (Plex reads it there as
in the query), so no address that is logged carries it. Radarr's plex.tv sign-in (its OAuth actions and
server list) is not offered: plex.tv is out of reach here; the token is pasted."""

from __future__ import annotations

import time
import uuid
from typing import ClassVar

import httpx

from reelarr import RADARR_VERSION
from reelarr.errors import ValidationFailure
from reelarr.movies.model import Movie
from reelarr.notifications import mediaserver, plex_api
from reelarr.notifications.base import Notification, NotificationFailed, service_name_of
from reelarr.notifications.messages import APP_NAME
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.providers.fields import FieldType, Privacy, setting
from reelarr.providers.settings import ProviderSettings, base_url, not_empty, valid_host, valid_port

SERVER = "Plex Media Server"
VERSION_TTL = 2 * 3600.0
_MAP_HELP = (
    "{who} path, used to modify movie paths when Plex sees library path location differently from "
    "Radarr (Requires 'Update Library')"
)
# Radarr keeps each host's version two hours; a test forgets it.
_versions: dict[str, tuple[float, tuple[int, ...]]] = {}


class PlexServerSettings(ProviderSettings):
    """Where the server listens, its token, and the path mapping (Radarr's PlexServerSettings)."""

    host: str = setting("", label="Host")
    port: int = setting(32400, label="Port")
    use_ssl: bool = setting(
        False, label="Use SSL", type=FieldType.CHECKBOX, help="Connect to Plex over HTTPS instead of HTTP"
    )
    url_base: str = setting(
        "",
        label="URL Base",
        advanced=True,
        help="Adds a prefix to the Plex url, such as http://[host]:[port]/[urlBase]/plex",
    )
    auth_token: str = setting("", label="Auth Token", privacy=Privacy.API_KEY, advanced=True)
    update_library: bool = setting(True, label="Update Library", type=FieldType.CHECKBOX)
    map_from: str = setting("", label="Map Paths From", advanced=True, help=_MAP_HELP.format(who="Radarr"))
    map_to: str = setting("", label="Map Paths To", advanced=True, help=_MAP_HELP.format(who="Plex"))

    def check(self) -> list[ValidationFailure]:
        """Radarr's validator: a valid host and port, both map paths or none."""
        found = valid_host("host", self.host) + valid_port("port", self.port)
        if self.map_to.strip():
            found += not_empty("mapFrom", self.map_from, "Map Paths From")
        if self.map_from.strip():
            found += not_empty("mapTo", self.map_to, "Map Paths To")
        return found


class PlexUnauthorized(NotificationFailed):
    """The server refused the token."""


def client_identifier(instance_name: str) -> str:
    """The X-Plex-Client-Identifier of this installation (stable for an instance name)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"reelarr:{instance_name}"))


def plex_params(instance_name: str) -> dict[str, str]:
    """The X-Plex-* query Radarr's PlexServerProxy adds to every call (the token aside)."""
    return {
        "X-Plex-Client-Identifier": client_identifier(instance_name),
        "X-Plex-Product": APP_NAME,
        "X-Plex-Platform": "Windows",
        "X-Plex-Platform-Version": "7",
        "X-Plex-Device-Name": APP_NAME,
        "X-Plex-Version": RADARR_VERSION,
    }


def refreshes(event: NotificationEvent) -> bool:
    """Whether Radarr's PlexServer updates the library for the event."""
    if event.kind == EventKind.MOVIE_DELETE:
        return bool(event.payload.get("deletedFiles"))
    return event.kind in (EventKind.DOWNLOAD, EventKind.RENAME, EventKind.MOVIE_FILE_DELETE)


class PlexServer(Notification):
    """Has Plex Media Server scan the film's folder."""

    implementation: ClassVar[str] = "PlexServer"
    implementation_name: ClassVar[str] = "Plex Media Server"
    settings_model: ClassVar[type[ProviderSettings]] = PlexServerSettings
    supported: ClassVar[frozenset[EventKind]] = frozenset(
        {EventKind.DOWNLOAD, EventKind.RENAME, EventKind.MOVIE_DELETE, EventKind.MOVIE_FILE_DELETE}
    )

    @classmethod
    def link(cls) -> str:
        """Radarr's link: Plex's site."""
        return "https://www.plex.tv/"

    @property
    def settings(self) -> PlexServerSettings:
        """The definition's settings."""
        settings = self.definition.settings
        assert isinstance(settings, PlexServerSettings)
        return settings

    async def send(self, event: NotificationEvent) -> None:
        """Scan the film's folder (with `updateLibrary`) after an import, a rename or a delete."""
        if refreshes(event) and event.movie is not None and self.settings.update_library:
            await self.update_library(service_name_of(self.definition.id), event.movie)

    async def test(self) -> list[ValidationFailure]:
        """Radarr's test: list the server's movie sections, for real; none is a failure."""
        _versions.pop(self._host_key(), None)
        async with mediaserver.trial_service(self.context) as name:
            try:
                sections = await self.sections(name)
            except PlexUnauthorized:
                return [ValidationFailure("authToken", "Authentication Token is invalid")]
            except NotificationFailed as error:
                return [ValidationFailure("host", f"Unable to connect: {error}")]
        if not sections:
            return [ValidationFailure("host", "At least one Movie library is required")]
        return []

    async def update_library(self, name: str, movie: Movie) -> None:
        """Radarr's UpdateLibrary: check the version, list the movie sections, refresh the film's folder."""
        plex_api.check_version(await self._version(name))
        settings = self.settings
        targets = plex_api.scan_targets(
            await self.sections(name), movie.path, movie.root_folder_path, settings.map_from, settings.map_to
        )
        for key, path in targets:
            await self._get(name, f"/library/sections/{key}/refresh", {"path": path})

    async def sections(self, name: str) -> list[plex_api.PlexSection]:
        """The server's library sections of type movie."""
        return plex_api.movie_sections((await self._get(name, "/library/sections")).content)

    async def _version(self, name: str) -> tuple[int, ...]:
        key, now = self._host_key(), time.monotonic()
        cached = _versions.get(key)
        if cached is not None and cached[0] > now:
            return cached[1]
        version = plex_api.server_version((await self._get(name, "/identity")).content)
        _versions[key] = (now + VERSION_TTL, version)
        return version

    def _host_key(self) -> str:
        return f"{self.settings.host}:{self.settings.port}"

    async def _get(self, name: str, resource: str, extra: dict[str, str] | None = None) -> httpx.Response:
        settings = self.settings
        root = base_url(
            use_ssl=settings.use_ssl, host=settings.host, port=settings.port, url_base=settings.url_base
        )
        headers = {"Accept": "application/json"}
        if settings.auth_token.strip():
            headers["X-Plex-Token"] = settings.auth_token
        params = {**plex_params(self.context.instance_name), **(extra or {})}
        try:
            response = await mediaserver.call(
                self.context, name, SERVER, "GET", root + resource, params=params, headers=headers
            )
        except mediaserver.MediaServerRejected as error:
            if error.status_code == 401:
                raise PlexUnauthorized("Unauthorized - AuthToken is invalid") from error
            raise NotificationFailed(
                f"Unable to connect to Plex Media Server. Status Code: {error.status_code}"
            ) from error
        plex_api.check_error(response.content)
        return response
