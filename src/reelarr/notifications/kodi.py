"""Radarr's Kodi (Xbmc): an on-screen notification of each event and a library scan and clean after an
import, a rename or a delete, over Kodi's JSON-RPC API (POST <urlBase>, HTTP basic auth)."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
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
    valid_host,
    valid_port,
    valid_url_base,
)

log = logging.getLogger(__name__)

ICON = "https://raw.github.com/Radarr/Radarr/develop/Logo/64.png"
ACCEPT = "application/json-rpc, application/json"
TEST_TITLE = "Test Notification"
TEST_MESSAGE = "Success! Kodi has been successfully configured!"
# Radarr's Kodi headers: its own wording, not the NotificationBase titles, for grab, import and deletes.
_HEADERS: dict[EventKind, str] = {
    EventKind.GRAB: "Radarr - Grabbed",
    EventKind.DOWNLOAD: "Radarr - Downloaded",
    EventKind.MOVIE_FILE_DELETE: "Radarr - Deleted",
    EventKind.MOVIE_DELETE: "Radarr - Deleted",
    EventKind.HEALTH: "Radarr - Health Check Failure",
    EventKind.HEALTH_RESTORED: "Radarr - Health Check Restored",
    EventKind.APPLICATION_UPDATE: "Radarr - Application Updated",
}


class XbmcSettings(ProviderSettings):
    """Where Kodi listens and what to do there (Radarr's XbmcSettings)."""

    host: str = setting("", label="Host")
    port: int = setting(8080, label="Port")
    use_ssl: bool = setting(
        False, label="Use SSL", type=FieldType.CHECKBOX, help="Connect to Kodi over HTTPS instead of HTTP"
    )
    url_base: str = setting(
        "/jsonrpc",
        label="URL Base",
        advanced=True,
        help="Adds a prefix to the Kodi url, such as http://[host]:[port]/[urlBase]/kodi",
    )
    username: str = setting("", label="Username", privacy=Privacy.USER_NAME)
    password: str = setting("", label="Password", type=FieldType.PASSWORD, privacy=Privacy.PASSWORD)
    display_time: int = setting(
        5, label="Display Time", help="How long the notification will be displayed for (In seconds)"
    )
    notify: bool = setting(False, label="GUI Notification", type=FieldType.CHECKBOX)
    update_library: bool = setting(
        False, label="Update Library", type=FieldType.CHECKBOX, help="Update library on Import & Rename?"
    )
    clean_library: bool = setting(
        False, label="Clean Library", type=FieldType.CHECKBOX, help="Clean library after update"
    )
    always_update: bool = setting(
        False,
        label="Always Update",
        type=FieldType.CHECKBOX,
        help="Update library even when a video is playing?",
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's validator: a valid host, a display time of 2 s or more, a URL base that is a path;
        and a port that is one (Radarr does not check it, and fails to connect)."""
        found = valid_host("host", self.host) + valid_port("port", self.port)
        if self.display_time < 2:
            found.append(
                ValidationFailure(
                    "displayTime",
                    "'Display Time' must be greater than or equal to '2'.",
                    self.display_time,
                    error_code="GreaterThanOrEqualValidator",
                )
            )
        return found + valid_url_base("urlBase", self.url_base, "/radarr")


def rpc_body(method: str, params: list[Any], request_id: str) -> dict[str, Any]:
    """Radarr's JsonRpcRequestBuilder message: positional params, an 8-hex id."""
    return {"jsonrpc": "2.0", "method": method, "params": params, "id": request_id}


def notify_params(title: str, message: str, display_time: int) -> list[Any]:
    """GUI.ShowNotification's params as Radarr sends them: title, message, icon, milliseconds."""
    return [title, message, ICON, display_time * 1000]


def kodi_file_of(movies: list[Any], imdb_id: str | None) -> str | None:
    """The file Kodi knows the film by: the first of its movies with the film's IMDb id (Radarr's
    GetMoviePath); None when none has it (Radarr then scans the whole library)."""
    for found in movies:
        if isinstance(found, dict) and found.get("imdbnumber") == imdb_id:
            file = found.get("file")
            return str(file) if file is not None else None
    return None


@dataclass(frozen=True, slots=True)
class LibraryWork:
    """What an event asks of Kodi's library: the film to scan for, and whether a clean may follow."""

    movie: Movie
    clean: bool


def library_work(event: NotificationEvent) -> LibraryWork | None:
    """Radarr's UpdateAndClean calls: an import (clean when it replaced files), a rename, a file delete,
    a film deleted with its files."""
    if event.movie is None:
        return None
    match event.kind:
        case EventKind.DOWNLOAD:
            return LibraryWork(event.movie, clean=bool(event.payload.get("deletedFiles")))
        case EventKind.RENAME | EventKind.MOVIE_FILE_DELETE:
            return LibraryWork(event.movie, clean=True)
        case EventKind.MOVIE_DELETE if event.payload.get("deletedFiles"):
            return LibraryWork(event.movie, clean=True)
    return None


def header_of(event: NotificationEvent) -> str | None:
    """The on-screen title Radarr's Kodi shows for the event; None when it shows nothing."""
    if event.kind == EventKind.MOVIE_DELETE and not event.payload.get("deletedFiles"):
        return None
    return _HEADERS.get(event.kind)


class Xbmc(Notification):
    """Tells Kodi, and has it scan and clean its library."""

    implementation: ClassVar[str] = "Xbmc"
    implementation_name: ClassVar[str] = "Kodi"
    settings_model: ClassVar[type[ProviderSettings]] = XbmcSettings
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
        """Radarr's link: Kodi's site."""
        return "https://kodi.tv/"

    @property
    def settings(self) -> XbmcSettings:
        """The definition's settings."""
        settings = self.definition.settings
        assert isinstance(settings, XbmcSettings)
        return settings

    async def send(self, event: NotificationEvent) -> None:
        """Show the event on Kodi's screen (with `notify`), then scan and clean as Radarr does."""
        name = service_name_of(self.definition.id)
        header = header_of(event)
        if header is not None and self.settings.notify:
            await self.rpc(
                name, "GUI.ShowNotification", self._notification(header, messages.message_of(event))
            )
        work = library_work(event)
        if work is not None:
            await self.update_and_clean(name, work)

    async def test(self) -> list[ValidationFailure]:
        """Radarr's test: show its test notification on Kodi's screen, for real."""
        async with mediaserver.trial_service(self.context) as name:
            try:
                await self.rpc(name, "GUI.ShowNotification", self._notification(TEST_TITLE, TEST_MESSAGE))
            except NotificationFailed as error:
                return [ValidationFailure("host", f"Unable to send test message: {error}")]
        return []

    async def update_and_clean(self, name: str, work: LibraryWork) -> None:
        """Radarr's ProcessQueue: scan for the film (with `updateLibrary`), clean after it when the
        event allows (with `cleanLibrary`); each skipped while a video plays unless `alwaysUpdate`."""
        settings = self.settings
        if settings.update_library:
            if await self._video_playing(name):
                log.debug("A video is playing on Kodi, its library update is skipped")
            else:
                await self._scan(name, work.movie)
        if work.clean and settings.clean_library:
            if await self._video_playing(name):
                log.debug("A video is playing on Kodi, its library clean is skipped")
            else:
                await self.rpc(name, "VideoLibrary.Clean", [])

    async def _scan(self, name: str, movie: Movie) -> None:
        answer = await self.rpc(name, "VideoLibrary.GetMovies", [["file", "imdbnumber"]])
        result = answer.get("result")
        movies = result.get("movies") if isinstance(result, dict) else None
        path = kodi_file_of(movies if isinstance(movies, list) else [], movie.imdb_id)
        scanned = await self.rpc(name, "VideoLibrary.Scan", [path] if path is not None else [])
        if str(scanned.get("result", "")).upper() != "OK":
            log.debug("Kodi did not answer OK to its library scan")

    async def _video_playing(self, name: str) -> bool:
        if self.settings.always_update:
            return False
        answer = await self.rpc(name, "Player.GetActivePlayers", [])
        players = answer.get("result")
        return isinstance(players, list) and any(
            isinstance(p, dict) and p.get("type") == "video" for p in players
        )

    def _notification(self, title: str, message: str) -> list[Any]:
        return notify_params(title, message, self.settings.display_time)

    async def rpc(self, service_name: str, method: str, params: list[Any]) -> dict[str, Any]:
        """One JSON-RPC call as Radarr's XbmcJsonApiProxy makes it; its answer, or NotificationFailed
        for no answer, an HTTP error, an empty answer or a JSON-RPC error."""
        settings = self.settings
        url = base_url(
            use_ssl=settings.use_ssl, host=settings.host, port=settings.port, url_base=settings.url_base
        )
        body = rpc_body(method, params, uuid.uuid4().hex[:8])
        headers = {"Accept": ACCEPT, "Content-Type": "application/json"}
        auth = (settings.username, settings.password) if settings.username.strip() else None
        response = await mediaserver.call(
            self.context,
            service_name,
            "Kodi",
            "POST",
            url,
            headers=headers,
            content=orjson.dumps(body),
            auth=auth,
        )
        return rpc_answer(response.content)


def rpc_answer(content: bytes) -> dict[str, Any]:
    """A JSON-RPC answer read as Radarr's CheckForError reads it."""
    if not content.strip():
        raise NotificationFailed("Invalid response from XBMC, the response is not valid JSON")
    try:
        answer = orjson.loads(content)
    except orjson.JSONDecodeError as bad:
        raise NotificationFailed("Invalid response from XBMC, the response is not valid JSON") from bad
    if not isinstance(answer, dict):
        raise NotificationFailed("Invalid response from XBMC, the response is not valid JSON")
    failure = answer.get("error")
    if isinstance(failure, dict):
        code, message = failure.get("code"), failure.get("message")
        raise NotificationFailed(f"XBMC Json Error. Code = {code}, Message: {message}")
    return answer
