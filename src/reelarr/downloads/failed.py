"""Failed download handling: Radarr's FailedDownloadService, with what its DownloadFailedEvent sets off.

A download fails when its client says so (found at a refresh of the tracked downloads) or when the
user marks it failed (from the queue, or a grab in history). Either way the grab's release goes on
the blocklist, history records the failure, the download may leave its client, and the film is
searched again when the download client options ask for it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from reelarr.blocklist.model import NewBlocklistEntry
from reelarr.blocklist.service import BlocklistService
from reelarr.downloadclients.base import DownloadClientUnavailable
from reelarr.downloadclients.service import DownloadClientService
from reelarr.downloads.config import DownloadClientConfigService
from reelarr.downloads.events import DownloadFailed
from reelarr.downloads.tracking import TrackedDownload, TrackedDownloads, TrackedState
from reelarr.errors import NotFound
from reelarr.events import EventBus
from reelarr.history.model import HistoryEntry, HistoryEventType, NewHistory
from reelarr.history.service import HistoryService
from reelarr.jobs.model import CommandTrigger
from reelarr.jobs.queue import CommandQueue
from reelarr.protocols import DownloadProtocol
from reelarr.releases.model import FLAG_NAMES, NO_FLAGS, IndexerFlags

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
MANUALLY_FAILED = "Manually marked as failed"
FAILED_DETECTED = "Failed download detected"
INTERACTIVE_SEARCH = "InteractiveSearch"  # the grab history's ReleaseSource of an interactive grab
_FLAGS_BY_NAME = {name.casefold(): flag for flag, name in FLAG_NAMES.items()}


def _flags(names: str) -> IndexerFlags:
    flags = NO_FLAGS
    for name in names.split(","):
        flags |= _FLAGS_BY_NAME.get(name.strip().casefold(), NO_FLAGS)
    return flags


def _number(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.lstrip("-").isdecimal() else None


def _date(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def _protocol(grab: HistoryEntry, tracked: TrackedDownload | None) -> DownloadProtocol:
    if tracked is not None:
        return tracked.protocol
    number = _number(grab.data.get("Protocol"))
    members = list(DownloadProtocol)
    return members[number] if number is not None and 0 <= number < len(members) else DownloadProtocol.UNKNOWN


def blocklist_entry(
    grab: HistoryEntry, message: str, tracked: TrackedDownload | None, now: datetime
) -> NewBlocklistEntry:
    """The blocklist entry of a failed grab (Radarr's BlocklistService on DownloadFailedEvent)."""
    protocol = _protocol(grab, tracked)
    info_hash = grab.data.get("TorrentInfoHash") or None
    if tracked is not None and protocol is DownloadProtocol.TORRENT:
        info_hash = tracked.item.download_id  # a torrent client's download id is the info hash
    return NewBlocklistEntry(
        movie_id=grab.movie_id,
        source_title=grab.source_title,
        quality=grab.quality,
        date=now,
        protocol=protocol,
        published_date=_date(grab.data.get("PublishedDate")),
        size=_number(grab.data.get("Size")) or 0,
        indexer=grab.data.get("Indexer") or None,
        indexer_flags=_flags(grab.data.get("IndexerFlags", "")),
        message=message,
        torrent_info_hash=info_hash if protocol is DownloadProtocol.TORRENT else None,
        download_id=grab.download_id,
        languages=grab.languages,
        custom_formats=grab.custom_formats,
    )


class FailedDownloads:
    """Marks grabs failed: history, blocklist, removal from the client and the search again."""

    def __init__(
        self,
        history: HistoryService,
        blocklist: BlocklistService,
        tracked: TrackedDownloads,
        clients: DownloadClientService,
        config: DownloadClientConfigService,
        commands: CommandQueue,
        bus: EventBus,
        clock: Clock,
    ) -> None:
        self._history = history
        self._blocklist = blocklist
        self._tracked = tracked
        self._clients = clients
        self._config = config
        self._commands = commands
        self._bus = bus
        self._clock = clock

    async def mark_failed(
        self, tracked: TrackedDownload, *, skip_redownload: bool = False, message: str = MANUALLY_FAILED
    ) -> bool:
        """Mark a tracked download failed; False when Reelarr did not grab it (nothing to blocklist)."""
        grabs = await self._grabs(tracked.item.download_id)
        if not grabs:
            return False
        await self._fail(grabs[0], message, tracked, skip_redownload=skip_redownload)
        return True

    async def mark_history_failed(self, history_id: int, *, skip_redownload: bool = False) -> None:
        """Mark the download of a history entry failed (Radarr's MarkAsFailed); NotFound for no entry."""
        entry = await self._history.get(history_id)
        grab = entry
        tracked = None
        if entry.download_id:
            grab = next(iter(await self._grabs(entry.download_id)), entry)
            tracked = next((d for d in self._tracked.all() if d.item.download_id == entry.download_id), None)
        await self._fail(grab, MANUALLY_FAILED, tracked, skip_redownload=skip_redownload)

    async def process_failed(self, tracked: TrackedDownload) -> bool:
        """Handle a download its client reports failed (state failedPending); whether it was handled."""
        if tracked.state is not TrackedState.FAILED_PENDING:
            return False
        grabs = await self._grabs(tracked.item.download_id)
        if not grabs:
            return False
        message = (tracked.item.message or "").strip() or FAILED_DETECTED
        await self._fail(grabs[0], message, tracked, skip_redownload=False)
        return True

    async def _grabs(self, download_id: str) -> list[HistoryEntry]:
        events = await self._history.for_downloads([download_id])
        return [e for e in events if e.event_type is HistoryEventType.GRABBED]

    async def _fail(
        self, grab: HistoryEntry, message: str, tracked: TrackedDownload | None, *, skip_redownload: bool
    ) -> None:
        now = self._clock()
        await self._history.record(
            NewHistory(
                movie_id=grab.movie_id,
                event_type=HistoryEventType.DOWNLOAD_FAILED,
                source_title=grab.source_title,
                quality=grab.quality,
                date=now,
                languages=grab.languages,
                download_id=grab.download_id,
                custom_formats=grab.custom_formats,
                data={
                    "DownloadClient": grab.data.get("DownloadClient", ""),
                    "DownloadClientName": tracked.client_name
                    if tracked is not None
                    else grab.data.get("DownloadClientName", ""),
                    "Message": message,
                    "ReleaseGroup": grab.data.get("ReleaseGroup", ""),
                    "Size": str(tracked.item.total_size)
                    if tracked is not None
                    else grab.data.get("Size", ""),
                    "Indexer": grab.data.get("Indexer", ""),
                },
            )
        )
        await self._blocklist.add(blocklist_entry(grab, message, tracked, now))
        log.info("Marked %s failed for film %s: %s", grab.source_title, grab.movie_id, message)
        if tracked is not None:
            await self._tracked.failed(tracked)
            await self._remove_if_asked(tracked)
        await self._bus.publish(
            DownloadFailed(
                movie_id=grab.movie_id,
                download_id=grab.download_id,
                source_title=grab.source_title,
                download_client=grab.data.get("DownloadClientName", ""),
                message=message,
                quality=grab.quality.quality.name,
                skip_redownload=skip_redownload,
            )
        )
        if await self._search_again(grab, skip_redownload=skip_redownload):
            await self._commands.enqueue(
                "MoviesSearch", {"movieIds": [grab.movie_id]}, trigger=CommandTrigger.UNSPECIFIED
            )

    async def _search_again(self, grab: HistoryEntry, *, skip_redownload: bool) -> bool:
        """Radarr's RedownloadFailedDownloadService rules."""
        if skip_redownload:
            return False
        config = await self._config.get()
        if not config.auto_redownload_failed:
            return False
        from_interactive = grab.data.get("ReleaseSource") == INTERACTIVE_SEARCH
        return not from_interactive or config.auto_redownload_failed_from_interactive_search

    async def _remove_if_asked(self, tracked: TrackedDownload) -> None:
        """Radarr's DownloadEventHub: a failed download leaves a client set to remove failed downloads,
        when the client says it may be removed."""
        if not tracked.item.can_be_removed or not any(d.id == tracked.id for d in self._tracked.all()):
            return
        try:
            definition = await self._clients.providers.get(tracked.client_id)
        except NotFound:
            return
        if not definition.options.remove_failed_downloads:
            return
        try:
            await self._tracked.remove(tracked, delete_data=True)
        except DownloadClientUnavailable as error:
            log.warning("Could not remove %s from %s: %s", tracked.item.title, tracked.client_name, error)
