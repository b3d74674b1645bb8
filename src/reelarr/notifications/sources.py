"""Turns Reelarr's domain events into notification events: reads what Radarr's payloads carry (the
film, its file, the grab as history kept it) when the event is told, off the publisher's path."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reelarr.downloads.events import ManualInteractionRequired, MovieGrabbed
from reelarr.health.model import HealthResult
from reelarr.history.model import HistoryEntry, HistoryEventType
from reelarr.imports.events import MovieImported
from reelarr.movies.events import MovieAdded, MovieFileGone, MovieGone
from reelarr.movies.model import Movie, MovieFile
from reelarr.notifications import payloads
from reelarr.notifications.app_update import VersionChange
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.notifications.payloads import Instance
from reelarr.renaming.events import MovieFileRenamed


@dataclass(frozen=True, slots=True)
class Lookups:
    """Where the payloads' facts are read (services' methods, wired in app.py)."""

    movie: Callable[[int], Awaitable[Movie]]
    movie_file: Callable[[int], Awaitable[MovieFile]]
    tag_labels: Callable[[Iterable[int]], Awaitable[list[str]]]
    images: Callable[[int, Movie], list[dict[str, str]]]
    history_of_download: Callable[[str], Awaitable[list[HistoryEntry]]]  # oldest first
    history_of_movie: Callable[[int], Awaitable[list[HistoryEntry]]]  # newest first
    format_ids: Callable[[], Awaitable[dict[str, int]]]
    client_type: Callable[[str], str]  # a download client implementation's shown name


def _latest(
    entries: Sequence[HistoryEntry], kind: HistoryEventType, title: str | None = None
) -> HistoryEntry | None:
    found = [e for e in entries if e.event_type == kind and title in (None, e.source_title)]
    return found[-1] if found else None


class EventSources:
    """Builds each kind of event's payload as Radarr's WebhookBase does."""

    def __init__(self, lookups: Lookups, instance: Callable[[], Instance]) -> None:
        self._find = lookups
        self._instance = instance

    async def _history(self, movie_id: int, download_id: str | None) -> list[HistoryEntry]:
        """The download's history, oldest first; the film's when the client gave no id (a blackhole)."""
        if download_id:
            return await self._find.history_of_download(download_id)
        return list(reversed(await self._find.history_of_movie(movie_id)))

    async def _movie(self, movie: Movie) -> dict[str, Any]:
        labels = await self._find.tag_labels(movie.tags)
        return payloads.movie_json(movie, labels, self._find.images(movie.id, movie))

    async def _event(
        self, kind: EventKind, movie: Movie, fields: Mapping[str, Any], *, is_upgrade: bool = False
    ) -> NotificationEvent:
        payload = {**payloads.base(kind, self._instance()), "movie": await self._movie(movie), **fields}
        return NotificationEvent(
            kind=kind,
            payload=payload,
            movie_tags=movie.tags,
            is_upgrade=is_upgrade,
            summary=f"{kind.value} {movie.title} ({movie.year})",
            movie=movie,
        )

    async def grab(self, event: MovieGrabbed) -> NotificationEvent:
        """WebhookGrabPayload."""
        movie = await self._find.movie(event.movie_id)
        history = await self._history(movie.id, event.download_id)
        grab = _latest(history, HistoryEventType.GRABBED, event.release_title)
        fields: dict[str, Any] = {"remoteMovie": payloads.remote_movie_json(movie)}
        if grab is not None:
            fields["release"] = payloads.release_json(grab)
        else:
            fields["release"] = {
                "quality": event.quality,
                "qualityVersion": 1,
                "releaseTitle": event.release_title,
                "indexer": event.indexer,
                "size": 0,
                "customFormatScore": 0,
            }
        fields["downloadClient"] = event.download_client
        if grab is not None and grab.data.get("DownloadClient"):
            fields["downloadClientType"] = self._find.client_type(grab.data["DownloadClient"])
        if event.download_id:
            fields["downloadId"] = event.download_id
        fields["customFormatInfo"] = await self._formats(grab)
        return await self._event(EventKind.GRAB, movie, fields)

    async def _formats(self, grab: HistoryEntry | None) -> dict[str, Any]:
        if grab is None:
            return payloads.custom_format_info([], 0, {})
        score = payloads.release_json(grab).get("customFormatScore", 0)
        return payloads.custom_format_info(grab.custom_formats, score, await self._find.format_ids())

    async def download(self, event: MovieImported, replaced: Sequence[MovieFile] = ()) -> NotificationEvent:
        """WebhookImportPayload (an upgrade is a Download with isUpgrade true and the files it replaced
        as `deletedFiles`)."""
        movie = await self._find.movie(event.movie_id)
        file = await self._find.movie_file(event.movie_file_id)
        history = await self._history(movie.id, event.download_id)
        imported = next(
            (
                e
                for e in reversed(history)
                if e.event_type == HistoryEventType.DOWNLOAD_FOLDER_IMPORTED
                and e.data.get("FileId") == str(file.id)
            ),
            None,
        )
        title = imported.source_title if imported is not None and not event.download_id else None
        grab = _latest(history, HistoryEventType.GRABBED, title)
        movie_file = payloads.movie_file_json(movie, file)
        if imported is not None and imported.data.get("DroppedPath"):
            movie_file["sourcePath"] = imported.data["DroppedPath"]
        fields: dict[str, Any] = {
            "remoteMovie": payloads.remote_movie_json(movie),
            "movieFile": movie_file,
            "isUpgrade": event.is_upgrade,
        }
        client = imported.data if imported is not None else (grab.data if grab is not None else {})
        if client.get("DownloadClientName"):
            fields["downloadClient"] = client["DownloadClientName"]
        if client.get("DownloadClient"):
            fields["downloadClientType"] = self._find.client_type(client["DownloadClient"])
        if event.download_id:
            fields["downloadId"] = event.download_id
        fields["customFormatInfo"] = await self._formats(grab)
        fields["release"] = payloads.grabbed_release_json(grab, file.indexer_flags)
        if replaced:
            fields["deletedFiles"] = [payloads.movie_file_json(movie, old) for old in replaced]
        return await self._event(EventKind.DOWNLOAD, movie, fields, is_upgrade=event.is_upgrade)

    async def rename(self, event: MovieFileRenamed) -> NotificationEvent:
        """WebhookRenamePayload: the renamed file with where it was."""
        movie = await self._find.movie(event.movie_id)
        file = await self._find.movie_file(event.movie_file_id)
        renamed = payloads.movie_file_json(movie, file)
        renamed["previousRelativePath"] = payloads.relative_to(event.original_path, movie.path)
        renamed["previousPath"] = event.original_path
        return await self._event(EventKind.RENAME, movie, {"renamedMovieFiles": [renamed]})

    async def movie_added(self, event: MovieAdded) -> NotificationEvent:
        """WebhookAddedPayload: the film and how it came (manual, list or collection)."""
        movie = await self._find.movie(event.movie_id)
        return await self._event(EventKind.MOVIE_ADDED, movie, {"addMethod": str(event.add_method)})

    async def movie_delete(self, event: MovieGone) -> NotificationEvent:
        """WebhookMovieDeletePayload: the film as it was, and its file's size when it was deleted."""
        size = event.file.size if event.deleted_files and event.file is not None else 0
        fields = {"deletedFiles": event.deleted_files, "movieFolderSize": size}
        return await self._event(EventKind.MOVIE_DELETE, event.movie, fields)

    async def movie_file_delete(self, event: MovieFileGone) -> NotificationEvent:
        """WebhookMovieFileDeletePayload (an upgrade's replaced file is told only where asked)."""
        movie = await self._find.movie(event.file.movie_id)
        fields = {"movieFile": payloads.movie_file_json(movie, event.file), "deleteReason": event.reason}
        upgrade = event.reason == "upgrade"
        return await self._event(EventKind.MOVIE_FILE_DELETE, movie, fields, is_upgrade=upgrade)

    async def manual_interaction(self, event: ManualInteractionRequired) -> NotificationEvent:
        """WebhookManualInteractionPayload: the blocked download, why it is blocked, and its grab."""
        movie = await self._find.movie(event.movie_id)
        grab = _latest(await self._history(movie.id, event.download_id), HistoryEventType.GRABBED)
        fields: dict[str, Any] = {
            "downloadInfo": {
                "quality": event.quality,
                "qualityVersion": event.quality_version,
                "title": event.title,
                "size": event.size,
            },
            "downloadClient": event.download_client,
            "downloadClientType": self._find.client_type(event.download_client_implementation),
        }
        fields["downloadId"] = event.download_id
        fields["downloadStatus"] = event.status
        fields["downloadStatusMessages"] = [
            {"title": title, "messages": list(messages)} for title, messages in event.status_messages
        ]
        fields["customFormatInfo"] = await self._formats(grab)
        fields["release"] = payloads.grabbed_release_json(grab, 0)
        return await self._event(EventKind.MANUAL_INTERACTION_REQUIRED, movie, fields)

    def health(self, result: HealthResult, *, restored: bool) -> NotificationEvent:
        """WebhookHealthPayload of a problem found or gone."""
        kind = EventKind.HEALTH_RESTORED if restored else EventKind.HEALTH
        payload = {
            **payloads.base(kind, self._instance(), with_url=not restored),
            "level": result.level.value,
            "message": result.message,
            "type": result.source,
        }
        if result.wiki_url:
            payload["wikiUrl"] = result.wiki_url
        return NotificationEvent(
            kind=kind,
            payload=payload,
            health_level=result.level.value,
            summary=f"{kind.value} {result.source}",
        )

    def application_update(self, change: VersionChange) -> NotificationEvent:
        """WebhookApplicationUpdatePayload: the message, the version before and the one now running."""
        kind = EventKind.APPLICATION_UPDATE
        payload = {
            **payloads.base(kind, self._instance()),
            "message": change.message,
            "previousVersion": change.previous,
            "newVersion": change.new,
        }
        return NotificationEvent(kind=kind, payload=payload, summary=f"{kind.value} {change.new}")
