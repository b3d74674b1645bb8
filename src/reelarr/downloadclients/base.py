"""The contract of a download client implementation, whatever the program behind it."""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import ClassVar, Protocol

from reelarr.protocols import DownloadProtocol
from reelarr.providers.base import Provider


class DownloadClientUnavailable(Exception):
    """The client could not be reached or refused the credentials; the message says which."""


class DownloadRejected(Exception):
    """The client was reached but refused this release (a bad torrent, a duplicate it will not take):
    the next release may be tried."""


class LocalPaths(Protocol):
    """Where a path a download client reports is on this machine (the remote path mappings)."""

    async def local_path(self, host: str, remote_path: str) -> str:
        """The path on this machine of `remote_path` as reported by the client on `host`."""
        ...


class Unmapped:
    """No remote path mappings: every path is where the client says."""

    async def local_path(self, host: str, remote_path: str) -> str:
        """`remote_path` unchanged."""
        return remote_path


@dataclass(frozen=True, slots=True)
class GrabRequest:
    """One release to download, as fetched from its indexer: a torrent's file or magnet, or an NZB.

    Exactly one of `torrent`, `magnet` and `nzb` is set. `info_hash` (upper-case hex) is known for a
    torrent file and a magnet; a client answers with it as the download id.
    """

    title: str
    protocol: DownloadProtocol
    torrent: bytes | None = None
    magnet: str | None = None
    nzb: bytes | None = None
    info_hash: str | None = None
    recent: bool = False  # the film came out in the last 21 days: the client's "recent" priority
    seed_ratio: float | None = None  # the indexer's seed goals, for torrent clients
    seed_time_minutes: int | None = None


class DownloadStatus(StrEnum):
    """Radarr's DownloadItemStatus."""

    QUEUED = "queued"
    PAUSED = "paused"
    DOWNLOADING = "downloading"
    COMPLETED = "completed"
    FAILED = "failed"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class DownloadItem:
    """One download as its client reports it now (Radarr's DownloadClientItem)."""

    download_id: str  # upper-case info hash for torrents, the client's id for usenet
    title: str
    category: str | None
    total_size: int  # bytes
    remaining_size: int
    status: DownloadStatus
    remaining_time: timedelta | None = None
    message: str | None = None
    output_path: str | None = None  # where the finished content is, in the client's own terms
    seed_ratio: float | None = None
    can_move_files: bool = False  # Radarr may move the content away (seeding is done or not needed)
    can_be_removed: bool = False  # Radarr may remove the download from the client


@dataclass(frozen=True, slots=True)
class ClientStatus:
    """What a client says of its own set-up (Radarr's DownloadClientInfo): where it puts Reelarr's
    finished downloads, in its own terms, and which of its sorters renames them, if one does."""

    output_folders: tuple[str, ...] = ()
    sorting: str | None = None


class DownloadClient(Provider):
    """A program that downloads releases of one protocol. Each implementation tests its settings
    for real (`test`), says whether it can be reached now (`check_connection`), takes releases
    (`download`) and lists what it holds for Reelarr (`items`)."""

    protocol: ClassVar[DownloadProtocol]
    # Where the paths it reports are here; the download client service gives each client its mappings
    # (a client that deletes a download's files itself must map the path it reports first).
    paths: LocalPaths = Unmapped()

    @abstractmethod
    async def check_connection(self) -> None:
        """Reach the client and list its downloads; DownloadClientUnavailable when that fails."""

    @abstractmethod
    async def download(self, grab: GrabRequest) -> str | None:
        """Hand the release to the client; its download id (None for a client that cannot say, as a
        blackhole folder: its downloads are then known by their titles).

        DownloadClientUnavailable when the client cannot be reached, DownloadRejected when it refuses
        this release.
        """

    @abstractmethod
    async def items(self) -> list[DownloadItem]:
        """The downloads in Reelarr's category (all of them when there is none)."""

    @abstractmethod
    async def remove(self, download_id: str, *, delete_data: bool) -> None:
        """Remove a download from the client, with its files when `delete_data`."""

    async def mark_imported(self, download_id: str) -> None:
        """Tell the client a download was imported (Radarr's MarkItemAsImported): clients with a
        post-import category move it there; the others keep it as it is."""
        return

    async def removes_completed_downloads(self) -> bool:
        """Whether the client itself deletes finished downloads, perhaps before their import (Radarr's
        DownloadClientRemovesCompletedDownloadsCheck asks this); no for clients that cannot."""
        return False

    async def status(self) -> ClientStatus:
        """The client's output folders and sorting (Radarr's GetStatus); nothing known by default.

        DownloadClientUnavailable when the client cannot be reached."""
        return ClientStatus()
