"""Radarr's reading of Deluge's torrents (Deluge.GetItems): their status, their place on disk and
whether their seeding is done. Pure: the torrents of `web.update_ui` come in."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from reelarr.downloadclients.base import DownloadItem, DownloadStatus

# What `web.update_ui` asks for, as Radarr asks (Deluge's own names).
FIELDS = (
    "hash",
    "name",
    "state",
    "progress",
    "eta",
    "message",
    "is_finished",
    "save_path",
    "total_size",
    "total_done",
    "time_added",
    "active_time",
    "ratio",
    "is_auto_managed",
    "stop_at_ratio",
    "remove_at_ratio",
    "stop_ratio",
    "label",
)
PAUSED, QUEUED, CHECKING, ERROR = "Paused", "Queued", "Checking", "Error"


def usable(torrent: Mapping[str, Any]) -> bool:
    """Radarr ignores torrents without a hash or a name (Deluge lost its daemon's answer)."""
    return bool(str(torrent.get("hash") or "").strip()) and bool(str(torrent.get("name") or "").strip())


def status_of(torrent: Mapping[str, Any]) -> tuple[DownloadStatus, str | None]:
    """Radarr's status of a torrent, and the message that goes with a warning."""
    state = str(torrent.get("state") or "")
    if state == ERROR:
        detail = str(torrent.get("message") or "").strip()
        return DownloadStatus.WARNING, "Deluge is reporting an error" + (f": {detail}" if detail else "")
    if torrent.get("is_finished") and state != CHECKING:
        return DownloadStatus.COMPLETED, None
    if state == QUEUED:
        return DownloadStatus.QUEUED, None
    if state == PAUSED:
        return DownloadStatus.PAUSED, None
    return DownloadStatus.DOWNLOADING, None


def reached_seed_limit(torrent: Mapping[str, Any]) -> bool:
    """Radarr's test that Deluge manages the torrent and paused it at its stop ratio."""
    return (
        bool(torrent.get("is_auto_managed"))
        and bool(torrent.get("stop_at_ratio"))
        and float(torrent.get("ratio") or 0) >= float(torrent.get("stop_ratio") or 0)
        and torrent.get("state") == PAUSED
    )


def output_path(torrent: Mapping[str, Any]) -> str:
    """Where the content is: the torrent's save path and its name."""
    directory = str(torrent.get("save_path") or "")
    separator = "\\" if "\\" in directory and "/" not in directory else "/"
    return f"{directory.rstrip(separator)}{separator}{torrent.get('name', '')}"


def _remaining(eta: float) -> timedelta | None:
    if eta < 0:
        return None
    try:
        return timedelta(seconds=eta)
    except OverflowError:
        return None


def item_of(torrent: Mapping[str, Any], category: str, *, remove_completed: bool) -> DownloadItem:
    """One torrent as a download item; Reelarr may move and remove it once Deluge paused it at its
    ratio (when the client's downloads are removed once imported)."""
    status, message = status_of(torrent)
    total = int(torrent.get("total_size") or 0)
    done = remove_completed and reached_seed_limit(torrent)
    ratio = float(torrent.get("ratio") or 0)
    return DownloadItem(
        download_id=str(torrent["hash"]).upper(),
        title=str(torrent["name"]),
        category=category or None,
        total_size=total,
        remaining_size=max(0, total - int(torrent.get("total_done") or 0)),
        status=status,
        remaining_time=_remaining(float(torrent.get("eta") or 0)),
        message=message,
        output_path=output_path(torrent),
        seed_ratio=ratio if ratio >= 0 else None,  # -1: nothing downloaded yet
        can_move_files=done,
        can_be_removed=done,
    )
