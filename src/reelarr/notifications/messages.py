"""The titles and one-line messages Radarr's text notifications (email, Telegram, Pushover, Ntfy, Gotify,
Slack, Apprise...) send: its NotificationBase titles and NotificationService messages, read off the
event's webhook payload so each implementation words an event the same way."""

from __future__ import annotations

from typing import Any

from reelarr.notifications.model import EventKind, NotificationEvent

APP_NAME = "Radarr"  # Radarr's implementations brand their titles "Radarr - ..."; clients match on it

_TITLES: dict[EventKind, str] = {
    EventKind.TEST: "Test Notification",
    EventKind.GRAB: "Movie Grabbed",
    EventKind.DOWNLOAD: "Movie Downloaded",
    EventKind.RENAME: "Movie Renamed",
    EventKind.MOVIE_ADDED: "Movie Added",
    EventKind.MOVIE_DELETE: "Movie Deleted",
    EventKind.MOVIE_FILE_DELETE: "Movie File Deleted",
    EventKind.HEALTH: "Health Check Failure",
    EventKind.HEALTH_RESTORED: "Health Check Restored",
    EventKind.APPLICATION_UPDATE: "Application Updated",
    EventKind.MANUAL_INTERACTION_REQUIRED: "Manual Interaction",
}
UPGRADED_TITLE = "Movie Upgraded"


def title_of(event: NotificationEvent, *, branded: bool = False, instance_name: str | None = None) -> str:
    """Radarr's title of an event ("Movie Upgraded" for an upgrading import), optionally "Radarr - "
    before it (IncludeAppNameInTitle) and " - <instance>" after it (IncludeInstanceNameInTitle)."""
    upgrade = event.kind == EventKind.DOWNLOAD and event.is_upgrade
    title = UPGRADED_TITLE if upgrade else _TITLES[event.kind]
    if branded:
        title = f"{APP_NAME} - {title}"
    if instance_name:
        title = f"{title} - {instance_name}"
    return title


def quality_text(quality: Any, version: Any) -> str:
    """A quality as Radarr's messages show it: its name, " Proper" after it for a revision above 1."""
    text = str(quality or "Unknown")
    return f"{text} Proper" if isinstance(version, int) and version > 1 else text


def movie_line(movie: dict[str, Any], quality: str) -> str:
    """Radarr's GetMessage: "Title (Year) [Quality] https://www.imdb.com/title/tt.../"."""
    imdb = movie.get("imdbId") or ""
    return f"{movie.get('title')} ({movie.get('year')}) [{quality}] https://www.imdb.com/title/{imdb}/"


def deleted_files_text(deleted: bool) -> str:
    """What MovieDeleteMessage says of the film's files."""
    return "Movie removed and all files were deleted" if deleted else "Movie removed, files were not deleted"


def message_of(event: NotificationEvent) -> str:
    """The message Radarr's NotificationService gives an event (`GrabMessage.Message` and its kin)."""
    payload = event.payload
    movie = payload.get("movie") or {}
    kind = event.kind
    if kind == EventKind.GRAB:
        release = payload.get("release") or {}
        return movie_line(movie, quality_text(release.get("quality"), release.get("qualityVersion")))
    if kind in (EventKind.DOWNLOAD, EventKind.MOVIE_FILE_DELETE):
        file = payload.get("movieFile") or {}
        return movie_line(movie, quality_text(file.get("quality"), file.get("qualityVersion")))
    if kind == EventKind.MOVIE_DELETE:
        return f"{movie.get('title')} - {deleted_files_text(bool(payload.get('deletedFiles')))}"
    if kind == EventKind.MOVIE_ADDED:
        return f"{movie.get('title')} added to library"
    if kind == EventKind.RENAME:
        return f"{movie.get('title')} renamed"
    if kind == EventKind.HEALTH:
        return str(payload.get("message", ""))
    if kind == EventKind.HEALTH_RESTORED:
        return f"The following issue is now resolved: {payload.get('message', '')}"
    if kind == EventKind.MANUAL_INTERACTION_REQUIRED:
        info = payload.get("downloadInfo") or {}
        if movie:
            return movie_line(movie, quality_text(info.get("quality"), info.get("qualityVersion")))
        return str(info.get("title", ""))
    if kind == EventKind.TEST:
        return "This is a test message from Radarr"
    return str(payload.get("message", ""))
