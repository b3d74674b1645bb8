"""Radarr's Emby / Jellyfin (MediaBrowser): an admin notification of each event, and the film's paths
told to the server's library after an import, a rename or a delete (X-MediaBrowser-Token header)."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any, ClassVar

import orjson

from reelarr.errors import ValidationFailure
from reelarr.movies.model import Movie
from reelarr.notifications import mediaserver, messages
from reelarr.notifications.base import Notification, NotificationFailed, service_name_of
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.providers.fields import FieldType, Privacy, setting
from reelarr.providers.settings import (
    ProviderSettings,
    base_url,
    not_empty,
    valid_host,
    valid_port,
    valid_url_base,
)

log = logging.getLogger(__name__)

SERVER = "Emby/Jellyfin"
ICON = "https://raw.github.com/Radarr/Radarr/develop/Logo/64.png"
TEST_TITLE = "Test from Radarr"
TEST_MESSAGE = "Success! MediaBrowser has been successfully configured!"
CREATED, MODIFIED, DELETED = "Created", "Modified", "Deleted"
_MAP_HELP = (
    "{who} path, used to modify movie paths when Emby/Jellyfin sees library path location differently "
    "from Radarr (Requires 'Update Library')"
)


class MediaBrowserSettings(ProviderSettings):
    """Where Emby or Jellyfin listens, its API key, and what to do there (Radarr's MediaBrowserSettings)."""

    host: str = setting("", label="Host")
    port: int = setting(8096, label="Port")
    use_ssl: bool = setting(
        False,
        label="Use SSL",
        type=FieldType.CHECKBOX,
        help="Connect to Emby/Jellyfin over HTTPS instead of HTTP",
    )
    url_base: str = setting(
        "",
        label="URL Base",
        advanced=True,
        help="Adds a prefix to the Emby/Jellyfin url, such as http://[host]:[port]/[urlBase]/mediabrowser",
    )
    api_key: str = setting("", label="API Key", privacy=Privacy.API_KEY)
    notify: bool = setting(
        False,
        label="Send Notifications",
        type=FieldType.CHECKBOX,
        help="Have Emby send notifications to configured providers. Not supported on Jellyfin.",
    )
    update_library: bool = setting(
        True,
        label="Update Library",
        type=FieldType.CHECKBOX,
        help="Update Library on Import, Rename, or Delete",
    )
    map_from: str = setting("", label="Map Paths From", advanced=True, help=_MAP_HELP.format(who="Radarr"))
    map_to: str = setting("", label="Map Paths To", advanced=True, help=_MAP_HELP.format(who="Emby/Jellyfin"))

    def check(self) -> list[ValidationFailure]:
        """Radarr's validator: a valid host, an API key, a URL base that is a path, both map paths or none;
        and a port that is one (Radarr does not check it, and fails to connect)."""
        found = valid_host("host", self.host) + valid_port("port", self.port)
        found += not_empty("apiKey", self.api_key, "API Key")
        found += valid_url_base("urlBase", self.url_base, "/radarr")
        if self.map_to.strip():
            found += not_empty("mapFrom", self.map_from, "Map Paths From")
        if self.map_from.strip():
            found += not_empty("mapTo", self.map_to, "Map Paths To")
        return found


def notification_body(title: str, message: str) -> dict[str, str]:
    """What Radarr posts to /Notifications/Admin (camelCase, as its serializer writes)."""
    return {"name": title, "description": message, "imageUrl": ICON}


def update_body(path: str, update_type: str | None) -> dict[str, Any]:
    """What Radarr posts to /Library/Media/Updated: one update of a path."""
    update: dict[str, Any] = {"path": path}
    if update_type is not None:
        update["updateType"] = update_type
    return {"updates": [update]}


def items_query(year: int) -> dict[str, str]:
    """The /Items query Radarr makes to find the film (by year; names are sort titles)."""
    return {
        "recursive": "true",
        "includeItemTypes": "Movie",
        "fields": "Path,ProviderIds",
        "years": str(year),
    }


def _match(item: dict[str, Any], movie: Movie) -> int:
    """Radarr's MediaBrowserMatchQuality: 0 by TMDB or IMDb id, 1 by name, 2 not at all."""
    ids = item.get("ProviderIds") or {}
    tmdb = str(ids.get("Tmdb") or "")
    if tmdb.isdigit() and int(tmdb) != 0 and int(tmdb) == movie.tmdb_id:
        return 0
    if ids.get("Imdb") is not None and ids.get("Imdb") == movie.imdb_id:
        return 0
    if item.get("Name") == movie.title:
        return 1
    return 2


def matching_paths(items: list[Any], movie: Movie) -> list[str]:
    """The paths of the best-matching items (Radarr's GetPaths), [] when none match."""
    found = [i for i in items if isinstance(i, dict)]
    if not found:
        return []
    best = min(_match(item, movie) for item in found)
    if best == 2:
        return []
    paths = [str(item.get("Path")) for item in found if _match(item, movie) == best]
    return list(dict.fromkeys(paths))


def update_type_of(event: NotificationEvent) -> str | None:
    """The library update an event asks for; None when it asks for none."""
    match event.kind:
        case EventKind.DOWNLOAD:
            return CREATED
        case EventKind.RENAME:
            return MODIFIED
        case EventKind.MOVIE_FILE_DELETE:
            return DELETED
        case EventKind.MOVIE_DELETE if event.payload.get("deletedFiles"):
            return DELETED
    return None


def title_of(event: NotificationEvent) -> str | None:
    """The branded title Radarr's Emby gives the event's notification (never "Upgraded"); None when
    it sends none."""
    if event.kind in (EventKind.RENAME, EventKind.MOVIE_ADDED):
        return None
    if event.kind == EventKind.MOVIE_DELETE and not event.payload.get("deletedFiles"):
        return None
    return messages.title_of(dataclasses.replace(event, is_upgrade=False), branded=True)


class MediaBrowser(Notification):
    """Tells Emby or Jellyfin, and has it update its library."""

    implementation: ClassVar[str] = "MediaBrowser"
    implementation_name: ClassVar[str] = "Emby / Jellyfin"
    settings_model: ClassVar[type[ProviderSettings]] = MediaBrowserSettings
    supported: ClassVar[frozenset[EventKind]] = frozenset(
        {
            EventKind.GRAB,
            EventKind.DOWNLOAD,
            EventKind.RENAME,
            EventKind.MOVIE_DELETE,
            EventKind.MOVIE_FILE_DELETE,
            EventKind.HEALTH,
            EventKind.HEALTH_RESTORED,
            EventKind.APPLICATION_UPDATE,
        }
    )

    @classmethod
    def link(cls) -> str:
        """Radarr's link: Emby's site."""
        return "https://emby.media/"

    @property
    def settings(self) -> MediaBrowserSettings:
        """The definition's settings."""
        settings = self.definition.settings
        assert isinstance(settings, MediaBrowserSettings)
        return settings

    async def send(self, event: NotificationEvent) -> None:
        """Notify (with `notify`), then tell the library of the film's paths (with `updateLibrary`)."""
        name = service_name_of(self.definition.id)
        title = title_of(event)
        if title is not None and self.settings.notify:
            await self.notify(name, title, messages.message_of(event))
        update_type = update_type_of(event)
        if update_type is not None and event.movie is not None and self.settings.update_library:
            await self.update(name, event.movie, update_type)

    async def test(self) -> list[ValidationFailure]:
        """Radarr's test: post its test notification, for real; a 401 is a bad API key."""
        async with mediaserver.trial_service(self.context) as name:
            try:
                await self.notify(name, TEST_TITLE, TEST_MESSAGE)
            except mediaserver.MediaServerRejected as error:
                if error.status_code == 401:
                    return [ValidationFailure("apiKey", "API Key is invalid")]
                return [ValidationFailure("host", f"Unable to send test message: {error}")]
            except NotificationFailed as error:
                return [ValidationFailure("host", f"Unable to send test message: {error}")]
        return []

    async def notify(self, name: str, title: str, message: str) -> None:
        """Post an admin notification; a 404 (Jellyfin has no such endpoint) is only logged."""
        try:
            await self._post(name, "/Notifications/Admin", notification_body(title, message))
        except mediaserver.MediaServerRejected as error:
            if error.status_code != 404:
                raise
            log.warning(
                "Unable to send notification to Emby. If you're using Jellyfin disable 'Send Notifications'"
            )

    async def update(self, name: str, movie: Movie, update_type: str) -> None:
        """Radarr's Update: the server's own paths of the film and its mapped path, each posted."""
        settings = self.settings
        paths = await self._paths(name, movie)
        paths.append(mediaserver.map_path(movie.path, settings.map_from, settings.map_to))
        for path in dict.fromkeys(paths):
            await self._post(name, "/Library/Media/Updated", update_body(path, update_type))

    async def _paths(self, name: str, movie: Movie) -> list[str]:
        response = await mediaserver.call(
            self.context,
            name,
            SERVER,
            "GET",
            self._url("/Items"),
            params=items_query(movie.year),
            headers={"Accept": "application/json", **self._token()},
        )
        try:
            answer = orjson.loads(response.content)
        except orjson.JSONDecodeError as error:
            raise NotificationFailed(f"{SERVER} answered /Items with something not JSON") from error
        items = answer.get("Items") if isinstance(answer, dict) else None
        return matching_paths(items if isinstance(items, list) else [], movie)

    async def _post(self, name: str, path: str, body: dict[str, Any]) -> None:
        headers = {"Content-Type": "application/json", **self._token()}
        await mediaserver.call(
            self.context, name, SERVER, "POST", self._url(path), headers=headers, content=orjson.dumps(body)
        )

    def _token(self) -> dict[str, str]:
        return {"X-MediaBrowser-Token": self.settings.api_key}

    def _url(self, path: str) -> str:
        settings = self.settings
        root = base_url(
            use_ssl=settings.use_ssl, host=settings.host, port=settings.port, url_base=settings.url_base
        )
        return root + path
