"""Tracked downloads: what every download client holds for Reelarr, tied to the grab that sent it.

Radarr's TrackedDownloadService and DownloadMonitoringService: each refresh lists every enabled
client's downloads, finds the grab in history by download id (or reads the title when Reelarr did
not grab it), and works out each download's state. A client that cannot be reached keeps its last
known downloads, marked so. Refreshes are shared: callers that arrive while one runs wait for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from reelarr.decisions.subject import Queued
from reelarr.downloadclients.base import DownloadClientUnavailable, DownloadItem, DownloadStatus
from reelarr.downloadclients.service import DownloadClientDefinition, DownloadClientService
from reelarr.downloads.events import ManualInteractionRequired, MovieGrabbed, QueueChanged
from reelarr.errors import NotFound
from reelarr.events import EventBus
from reelarr.history.model import HistoryEntry, HistoryEventType, NewHistory
from reelarr.history.service import HistoryService
from reelarr.languages import Language
from reelarr.movies.service import MovieService
from reelarr.parsing import parse_title
from reelarr.protocols import DownloadProtocol
from reelarr.quality.revision import QualityModel
from reelarr.releases.model import flags_named
from reelarr.rootfolders.library_overlap import library_overlap
from reelarr.rootfolders.service import RootFolders

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
CLIENT_TIMEOUT = 30.0
UNKNOWN_MOVIE = "Unknown Movie"


class TrackedState(StrEnum):
    """Radarr's TrackedDownloadState."""

    DOWNLOADING = "downloading"
    IMPORT_BLOCKED = "importBlocked"
    IMPORT_PENDING = "importPending"
    IMPORTING = "importing"
    IMPORTED = "imported"
    FAILED_PENDING = "failedPending"
    FAILED = "failed"
    IGNORED = "ignored"


class TrackedStatus(StrEnum):
    """Radarr's TrackedDownloadStatus."""

    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class StatusMessage:
    """A titled list of messages, as Radarr's queue shows them."""

    title: str
    messages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TrackedDownload:
    """One download of one client, as Reelarr understands it."""

    id: int  # stable for the same download in the same client
    client_id: int
    client_name: str
    protocol: DownloadProtocol
    item: DownloadItem
    movie_id: int | None
    quality: QualityModel
    state: TrackedState
    status: TrackedStatus
    languages: tuple[Language, ...] = ()
    formats: tuple[str, ...] = ()
    format_score: int = 0
    indexer: str | None = None
    indexer_flags: int = 0  # the grabbed release's, kept on the imported file
    added: datetime | None = None  # when it was grabbed
    messages: tuple[StatusMessage, ...] = ()
    client_unavailable: bool = False

    @property
    def in_queue(self) -> bool:
        """Whether the queue lists it (imported, failed and ignored downloads have left it)."""
        return self.state not in (TrackedState.IMPORTED, TrackedState.FAILED, TrackedState.IGNORED)


def queue_id(client_id: int, download_id: str) -> int:
    """A positive 31-bit id for a client's download, the same at every refresh and in every process."""
    digest = hashlib.sha1(f"{client_id}-{download_id}".encode(), usedforsecurity=False).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF or 1


def _state(item: DownloadItem, events: Sequence[HistoryEntry]) -> tuple[TrackedState, TrackedStatus]:
    kinds = {e.event_type for e in events}
    if HistoryEventType.DOWNLOAD_FOLDER_IMPORTED in kinds:
        return TrackedState.IMPORTED, TrackedStatus.OK
    if HistoryEventType.DOWNLOAD_IGNORED in kinds:
        return TrackedState.IGNORED, TrackedStatus.OK
    if HistoryEventType.DOWNLOAD_FAILED in kinds:
        return TrackedState.FAILED, TrackedStatus.ERROR
    if item.status is DownloadStatus.FAILED:
        return TrackedState.FAILED_PENDING, TrackedStatus.ERROR
    if item.status is DownloadStatus.COMPLETED:
        return TrackedState.IMPORT_PENDING, TrackedStatus.OK
    if item.status is DownloadStatus.WARNING:
        return TrackedState.DOWNLOADING, TrackedStatus.WARNING
    return TrackedState.DOWNLOADING, TrackedStatus.OK


@dataclass
class _ClientView:
    downloads: list[TrackedDownload] = field(default_factory=list)
    unavailable: bool = False


class TrackedDownloads:
    """The downloads of every enabled client, refreshed on demand and kept between refreshes."""

    def __init__(
        self,
        clients: DownloadClientService,
        history: HistoryService,
        movies: MovieService,
        bus: EventBus,
        clock: Clock,
        root_folders: RootFolders,
    ) -> None:
        self._clients = clients
        self._history = history
        self._movies = movies
        self._root_folders = root_folders
        self._bus = bus
        self._clock = clock
        self._views: dict[int, _ClientView] = {}
        self._refreshed_at: datetime | None = None
        self._refreshing: asyncio.Task[list[TrackedDownload]] | None = None
        # Grabs seen, and how many of them the last finished refresh (and the one running) had seen:
        # a refresh that began before a grab may not list its download.
        self._grabs_seen = 0
        self._fresh_for = -1
        self._refreshing_for = -1
        # Downloads ignored in this process that no history remembers (those of no known film).
        self._ignored: set[tuple[int, str]] = set()
        # Finished downloads whose import was refused, with the reasons, until one succeeds.
        self._blocked: dict[tuple[int, str], tuple[StatusMessage, ...]] = {}
        # Downloads whose block was told (Radarr's HasNotifiedManualInteractionRequired): once each.
        self._told_blocked: set[tuple[int, str]] = set()
        bus.subscribe(MovieGrabbed, self._after_grab, remote=True)

    async def _after_grab(self, _event: MovieGrabbed) -> None:
        # The next reader sees the new download: its client is asked again.
        self._grabs_seen += 1

    @property
    def active(self) -> bool:
        """Whether downloads are under way (or a grab was just sent): worth watching closely."""
        if self._refreshed_at is None or self._fresh_for < self._grabs_seen:
            return True
        return any(
            d.state is TrackedState.DOWNLOADING and not d.client_unavailable
            for view in self._views.values()
            for d in view.downloads
        )

    def queued_by_film(self) -> dict[int, tuple[Queued, ...]]:
        """The releases downloading now for each film, as the queue check reads them."""
        found: dict[int, list[Queued]] = {}
        for download in self.all():
            if download.movie_id is not None and download.in_queue:
                found.setdefault(download.movie_id, []).append(
                    Queued(download.quality, download.format_score)
                )
        return {movie_id: tuple(queued) for movie_id, queued in found.items()}

    def all(self) -> list[TrackedDownload]:
        """Every download known at the last refresh."""
        return [d for view in self._views.values() for d in view.downloads]

    async def current(self, max_age: timedelta) -> list[TrackedDownload]:
        """The downloads, refreshed first when the last refresh is older than `max_age` (sharing a
        refresh under way that began after the last grab)."""
        stale = self._refreshed_at is None or self._clock() - self._refreshed_at > max_age
        if not stale and self._fresh_for >= self._grabs_seen:
            return self.all()
        running = self._refreshing
        if running is not None and not running.done() and self._refreshing_for >= self._grabs_seen:
            return await asyncio.shield(running)
        return await self.refresh()

    async def refresh(self) -> list[TrackedDownload]:
        """Ask every enabled client now: what they answer to a request sent after this call began.

        One refresh runs at a time. A refresh under way may have asked a client before a download
        finished (or a blackhole's file was dropped), so a caller waits for it and shares the next;
        callers that arrive during one refresh all share that next one.
        """
        running = self._refreshing
        if running is not None and not running.done():
            with contextlib.suppress(Exception):
                await asyncio.shield(running)
        if self._refreshing is running or self._refreshing is None or self._refreshing.done():
            self._refreshing_for = self._grabs_seen
            self._refreshing = asyncio.create_task(self._refresh(self._grabs_seen))
        return await asyncio.shield(self._refreshing)

    async def _refresh(self, grabs_seen: int) -> list[TrackedDownload]:
        before = {(d.id, d.state, d.status, d.item.remaining_size, d.item.status) for d in self.all()}
        enabled = await self._clients.enabled()
        results = await asyncio.gather(*(self._items(d) for d in enabled))
        events = await self._history.for_downloads(
            {item.download_id for items in results if items is not None for item in items}
        )
        by_download: dict[str, list[HistoryEntry]] = {}
        for entry in events:
            if entry.download_id is not None:
                by_download.setdefault(entry.download_id, []).append(entry)
        views: dict[int, _ClientView] = {}
        for definition, items in zip(enabled, results, strict=True):
            if items is None:
                kept = self._views.get(definition.id, _ClientView()).downloads
                views[definition.id] = _ClientView([_unavailable(d) for d in kept], unavailable=True)
                continue
            views[definition.id] = _ClientView(
                [await self._track(definition, item, by_download.get(item.download_id, [])) for item in items]
            )
        self._views = views
        self._refreshed_at = self._clock()
        self._fresh_for = max(self._fresh_for, grabs_seen)
        downloads = self.all()
        after = {(d.id, d.state, d.status, d.item.remaining_size, d.item.status) for d in downloads}
        if after != before:
            await self._bus.publish(QueueChanged())
        return downloads

    async def _items(self, definition: DownloadClientDefinition) -> list[DownloadItem] | None:
        client = self._clients.providers.instance(definition)
        try:
            items = await asyncio.wait_for(client.items(), CLIENT_TIMEOUT)
        except (DownloadClientUnavailable, TimeoutError) as error:
            message = str(error) or "The client did not answer in time"
            log.warning("Unable to read the downloads of %s: %s", definition.name, message)
            await self._clients.statuses.record_failure(definition.id, message)
            return None
        await self._clients.statuses.record_success(definition.id)
        return items

    async def _track(
        self, definition: DownloadClientDefinition, item: DownloadItem, events: Sequence[HistoryEntry]
    ) -> TrackedDownload:
        protocol = self._clients.providers.implementation(definition).protocol
        grabs = [e for e in events if e.event_type is HistoryEventType.GRABBED]
        if grabs:
            # The same torrent grabbed again (after its blocklisting was lifted, say) starts afresh:
            # what happened to the earlier grab does not say what this one is.
            latest = max(e.date for e in grabs)
            events = [e for e in events if e.date >= latest]
            grabs = [e for e in grabs if e.date >= latest]
        state, status = _state(item, events)
        if (definition.id, item.download_id) in self._ignored:
            state = TrackedState.IGNORED
        messages: tuple[StatusMessage, ...] = ()
        if item.message:
            messages = (StatusMessage(item.title, (item.message,)),)
        blocked = self._blocked.get((definition.id, item.download_id))
        if blocked is not None and state is TrackedState.IMPORT_PENDING:
            state, status, messages = (
                TrackedState.IMPORT_BLOCKED,
                TrackedStatus.WARNING,
                (*messages, *blocked),
            )
        if grabs:
            grab = grabs[-1]
            score = grab.data.get("CustomFormatScore", "0")
            return TrackedDownload(
                id=queue_id(definition.id, item.download_id),
                client_id=definition.id,
                client_name=definition.name,
                protocol=protocol,
                item=item,
                movie_id=grab.movie_id,
                quality=grab.quality,
                state=state,
                status=status,
                languages=grab.languages,
                formats=grab.custom_formats,
                format_score=int(score) if score.lstrip("-").isdecimal() else 0,
                indexer=grab.data.get("Indexer") or None,
                indexer_flags=int(flags_named(grab.data.get("IndexerFlags", ""))),
                added=grab.date,
                messages=messages,
            )
        # Not grabbed by Reelarr (added by hand in its category): tracked when its title names a film.
        parsed = parse_title(item.title)
        movie = await self._movies.find_for_release(parsed) if parsed is not None else None
        if movie is None:
            status = TrackedStatus.WARNING
            messages = (*messages, StatusMessage(item.title, (UNKNOWN_MOVIE,)))
        return TrackedDownload(
            id=queue_id(definition.id, item.download_id),
            client_id=definition.id,
            client_name=definition.name,
            protocol=protocol,
            item=item,
            movie_id=movie.id if movie is not None else None,
            quality=parsed.quality if parsed is not None else QualityModel(),
            state=state,
            status=status,
            languages=parsed.languages if parsed is not None else (),
            messages=messages,
        )

    async def remove(self, tracked: TrackedDownload, *, delete_data: bool) -> None:
        """Remove a download from its client and from what is tracked; its data too when asked, unless
        its path overlaps the library."""
        definition = await self._clients.providers.get(tracked.client_id)
        client = self._clients.providers.instance(definition)
        if delete_data and tracked.item.output_path:
            host = getattr(definition.settings, "host", None)
            output = tracked.item.output_path
            local = await client.paths.local_path(host, output) if host else output
            overlap = library_overlap(local, await self._root_folders.paths(), await self._movies.paths())
            if overlap is not None:
                log.warning("Removing %s without deleting its data: %s", tracked.item.title, overlap)
                delete_data = False
        await client.remove(tracked.item.download_id, delete_data=delete_data)
        self._told_blocked.discard((tracked.client_id, tracked.item.download_id))
        view = self._views.get(tracked.client_id)
        if view is not None:
            view.downloads = [d for d in view.downloads if d.id != tracked.id]
        await self._bus.publish(QueueChanged())

    async def ignore(self, tracked: TrackedDownload) -> None:
        """Leave a download in its client but out of the queue (Radarr's DownloadIgnored)."""
        self._ignored.add((tracked.client_id, tracked.item.download_id))
        if tracked.movie_id is not None:
            await self._history.record(
                NewHistory(
                    movie_id=tracked.movie_id,
                    event_type=HistoryEventType.DOWNLOAD_IGNORED,
                    source_title=tracked.item.title,
                    quality=tracked.quality,
                    date=self._clock(),
                    languages=tracked.languages,
                    download_id=tracked.item.download_id,
                    data={
                        "DownloadClient": self._clients.providers.implementation(
                            await self._clients.providers.get(tracked.client_id)
                        ).implementation,
                        "DownloadClientName": tracked.client_name,
                        "Message": "Manually ignored",
                        "Indexer": tracked.indexer or "",
                    },
                )
            )
        view = self._views.get(tracked.client_id)
        if view is not None:
            view.downloads = [
                replace(d, state=TrackedState.IGNORED) if d.id == tracked.id else d for d in view.downloads
            ]
        await self._bus.publish(QueueChanged())

    async def mark(
        self, tracked: TrackedDownload, state: TrackedState, messages: tuple[StatusMessage, ...] = ()
    ) -> TrackedDownload:
        """Set a download's state as completed download handling moves it on (blocked with reasons,
        importing, imported); what is blocked stays so at later refreshes until marked otherwise."""
        key = (tracked.client_id, tracked.item.download_id)
        status = tracked.status
        if state is TrackedState.IMPORT_BLOCKED:
            self._blocked[key] = messages
            status = TrackedStatus.WARNING
        else:
            self._blocked.pop(key, None)
            if state is TrackedState.IMPORTED:
                status = TrackedStatus.OK
        changed = replace(tracked, state=state, status=status, messages=messages or tracked.messages)
        view = self._views.get(tracked.client_id)
        if view is not None:
            view.downloads = [changed if d.id == tracked.id else d for d in view.downloads]
        await self._bus.publish(QueueChanged())
        if state is TrackedState.IMPORT_BLOCKED and key not in self._told_blocked:
            self._told_blocked.add(key)
            await self._tell_blocked(changed)
        return changed

    async def _tell_blocked(self, blocked: TrackedDownload) -> None:
        if blocked.movie_id is None:
            return  # Radarr tells of a film's download; one matched to no film shows in the queue alone
        item = blocked.item
        try:
            implementation = (await self._clients.providers.get(blocked.client_id)).implementation
        except NotFound:  # the client was deleted meanwhile: told without its type
            implementation = ""
        await self._bus.publish(
            ManualInteractionRequired(
                movie_id=blocked.movie_id,
                download_id=item.download_id,
                download_client=blocked.client_name,
                download_client_implementation=implementation,
                title=item.title,
                size=item.total_size,
                quality=blocked.quality.quality.name,
                quality_version=blocked.quality.revision.version,
                status=blocked.status.value.capitalize(),
                status_messages=tuple((m.title, m.messages) for m in blocked.messages),
            )
        )

    async def failed(self, tracked: TrackedDownload) -> None:
        """Show a download as failed until the next refresh reads it so from history."""
        await self.mark(replace(tracked, status=TrackedStatus.ERROR), TrackedState.FAILED)


def _unavailable(download: TrackedDownload) -> TrackedDownload:
    return replace(download, client_unavailable=True)
