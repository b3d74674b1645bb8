"""Radarr's reading of Transmission's torrents (TransmissionBase.GetItems): which belong to Reelarr,
their status, and whether their seeding is done. Pure: the torrents and the session come in."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from reelarr.downloadclients.base import DownloadItem, DownloadStatus
from reelarr.downloadclients.transmission.settings import TransmissionSettings

# Transmission's tr_torrent_activity.
STOPPED, CHECK_WAIT, CHECK, QUEUED, DOWNLOADING, SEEDING_WAIT, SEEDING = range(7)
# What torrent-get asks for, as Radarr asks.
FIELDS = (
    "id",
    "hashString",
    "name",
    "downloadDir",
    "totalSize",
    "leftUntilDone",
    "isFinished",
    "eta",
    "status",
    "secondsDownloading",
    "secondsSeeding",
    "errorString",
    "uploadedEver",
    "downloadedEver",
    "seedRatioLimit",
    "seedRatioMode",
    "seedIdleLimit",
    "seedIdleMode",
    "labels",
)
# A per-torrent seed limit's mode: 0 follows the session's limit, 1 is the torrent's own, 2 none.
GLOBAL, SINGLE = 0, 1
_VERSION = re.compile(r"\d+(?:\.\d+)*")


@dataclass(frozen=True, slots=True)
class SessionLimits:
    """Transmission's own seed limits (session-get), for torrents that follow them."""

    seed_ratio_limited: bool = False
    seed_ratio_limit: float = 0.0
    idle_seeding_limit_enabled: bool = False

    @classmethod
    def of(cls, session: Mapping[str, Any]) -> SessionLimits:
        """The limits in a session-get answer."""
        return cls(
            seed_ratio_limited=bool(session.get("seedRatioLimited", False)),
            seed_ratio_limit=float(session.get("seedRatioLimit", 0) or 0),
            idle_seeding_limit_enabled=bool(session.get("idle-seeding-limit-enabled", False)),
        )


def client_version(text: str) -> tuple[int, ...]:
    """The version in Transmission's `version` ("3.00 (bb6b5a062e)" is (3, 0)); () when there is none."""
    match = _VERSION.search(re.sub(r"\([^)]*\)", "", text))
    return tuple(int(part) for part in match.group(0).split(".")) if match else ()


def supports_labels(version: tuple[int, ...]) -> bool:
    """Radarr files torrents by label from Transmission 4.0 on."""
    return version >= (4, 0)


def _path_within(parent: str, child: str) -> bool:
    parent = parent.replace("\\", "/").rstrip("/")
    child = child.replace("\\", "/").rstrip("/")
    return child == parent or child.startswith(parent + "/")


def belongs(torrent: Mapping[str, Any], settings: TransmissionSettings, *, labels: bool) -> bool:
    """Whether a torrent is Reelarr's: by label where Transmission has them, else by its directory
    (within the settings' directory, or with the category as one of its directories)."""
    category = settings.movie_category
    torrent_labels = [str(label).lower() for label in torrent.get("labels") or []]
    if category and labels and torrent_labels:
        return category.lower() in torrent_labels
    download_dir = str(torrent.get("downloadDir") or "")
    if settings.movie_directory.strip():
        return _path_within(settings.movie_directory, download_dir)
    if category:
        return category in re.split(r"[\\/]", download_dir)
    return True


def status_of(torrent: Mapping[str, Any]) -> tuple[DownloadStatus, str | None]:
    """Radarr's status of a torrent, and the message that goes with a warning."""
    error = str(torrent.get("errorString") or "").strip()
    status = int(torrent.get("status", STOPPED))
    if error:
        return DownloadStatus.WARNING, f"Transmission is reporting an error: {error}"
    if int(torrent.get("totalSize", 0)) == 0:
        return DownloadStatus.QUEUED, None  # a magnet whose metadata has not arrived yet
    if int(torrent.get("leftUntilDone", 0)) == 0 and status in (STOPPED, SEEDING, SEEDING_WAIT):
        return DownloadStatus.COMPLETED, None
    if torrent.get("isFinished") and status not in (CHECK, CHECK_WAIT):
        return DownloadStatus.COMPLETED, None
    if status == QUEUED:
        return DownloadStatus.QUEUED, None
    return DownloadStatus.DOWNLOADING, None


def seed_ratio(torrent: Mapping[str, Any]) -> float:
    """Uploaded over downloaded; 0 when nothing was downloaded."""
    downloaded = int(torrent.get("downloadedEver", 0))
    return 0.0 if downloaded <= 0 else int(torrent.get("uploadedEver", 0)) / downloaded


def reached_seed_limit(torrent: Mapping[str, Any], ratio: float, limits: SessionLimits) -> bool:
    """Radarr's HasReachedSeedLimit: a stopped torrent at its ratio (its own or the session's), or one
    that seeded longer than its own idle limit (Transmission has no seeding time limit)."""
    status = int(torrent.get("status", STOPPED))
    stopped, seeding = status == STOPPED, status == SEEDING
    ratio_mode = int(torrent.get("seedRatioMode", GLOBAL))
    if ratio_mode == SINGLE and stopped and ratio >= float(torrent.get("seedRatioLimit", 0)):
        return True
    if ratio_mode == GLOBAL and stopped and limits.seed_ratio_limited and ratio >= limits.seed_ratio_limit:
        return True
    idle_mode = int(torrent.get("seedIdleMode", GLOBAL))
    if idle_mode == SINGLE:
        limit_seconds = int(torrent.get("seedIdleLimit", 0)) * 60
        return (stopped or seeding) and int(torrent.get("secondsSeeding", 0)) > limit_seconds
    return idle_mode == GLOBAL and stopped and limits.idle_seeding_limit_enabled


def output_path(torrent: Mapping[str, Any]) -> str:
    """Where the content is: the torrent's directory and its name (":" made "_", as Radarr does)."""
    directory = str(torrent.get("downloadDir") or "")
    separator = "\\" if "\\" in directory and "/" not in directory else "/"
    name = str(torrent.get("name", "")).replace(":", "_")
    return f"{directory.rstrip(separator)}{separator}{name}"


def _remaining(eta: int) -> timedelta | None:
    if eta < 0:
        return None  # -1: not available, -2: unknown
    try:
        return timedelta(seconds=eta)
    except OverflowError:
        return None


def item_of(
    torrent: Mapping[str, Any],
    settings: TransmissionSettings,
    limits: SessionLimits,
    *,
    remove_completed: bool,
) -> DownloadItem:
    """One torrent as a download item; Reelarr may remove it once it reached its seed limit (when the
    client removes completed downloads), and move its files once Transmission also stopped it."""
    status, message = status_of(torrent)
    ratio = seed_ratio(torrent)
    removable = remove_completed and reached_seed_limit(torrent, ratio, limits)
    return DownloadItem(
        download_id=str(torrent["hashString"]).upper(),
        title=str(torrent.get("name", "")),
        category=settings.movie_category or None,
        total_size=int(torrent.get("totalSize", 0)),
        remaining_size=int(torrent.get("leftUntilDone", 0)),
        status=status,
        remaining_time=_remaining(int(torrent.get("eta", -1))),
        message=message,
        output_path=output_path(torrent),
        seed_ratio=ratio,
        can_move_files=removable and int(torrent.get("status", STOPPED)) == STOPPED,
        can_be_removed=removable,
    )
