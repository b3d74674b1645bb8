"""Radarr's reading of rTorrent's torrents (RTorrent.GetItems): their status, their place on disk and
whether their seeding is done. Pure: the rows of `d.multicall2` and the time come in."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from reelarr.downloadclients.base import DownloadItem, DownloadStatus

# Where Reelarr keeps the indexer's seed goals on each torrent (rTorrent's free-form d.custom).
SEED_RATIO_KEY = "reelarr_seedratio"
SEED_TIME_KEY = "reelarr_seedtime"  # minutes
# What `d.multicall2` asks for, in the order of Torrent's fields.
FIELDS = (
    "d.hash=",
    "d.name=",
    "d.base_path=",
    "d.directory=",
    "d.is_multi_file=",
    "d.size_bytes=",
    "d.completed_bytes=",
    "d.down.rate=",
    "d.ratio=",
    "d.state=",
    "d.is_active=",
    "d.complete=",
    "d.message=",
    "d.custom1=",
    "d.timestamp.finished=",
    f"d.custom={SEED_RATIO_KEY}",
    f"d.custom={SEED_TIME_KEY}",
)


class MalformedTorrent(ValueError):
    """A row of `d.multicall2` that is not what was asked for."""


@dataclass(frozen=True, slots=True)
class Torrent:
    """One torrent as rTorrent lists it."""

    hash: str
    name: str
    base_path: str
    directory: str
    multi_file: bool
    size: int
    completed: int
    down_rate: int
    ratio: float  # rTorrent counts thousandths; this is the ratio itself
    started: bool
    active: bool
    complete: bool
    message: str
    label: str
    finished_at: int  # seconds since the epoch; 0 while not finished
    seed_ratio: float | None
    seed_time_minutes: int | None

    @property
    def output_path(self) -> str:
        """Where the content is: the base path while open, else the directory (and the file's name)."""
        if self.base_path:
            return self.base_path
        if self.multi_file:
            return self.directory
        return f"{self.directory.rstrip('/')}/{self.name}"


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise MalformedTorrent(f"expected an integer, got {type(value).__name__}")
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise MalformedTorrent(f"expected a string, got {type(value).__name__}")
    return value


def _goal(value: str) -> float | None:
    try:
        goal = float(value)
    except ValueError:
        return None
    return goal if math.isfinite(goal) and goal >= 0 else None


def torrent_of(row: Any) -> Torrent:
    """One row of `d.multicall2` over FIELDS as a Torrent; MalformedTorrent when it is not one."""
    if not isinstance(row, list) or len(row) != len(FIELDS):
        raise MalformedTorrent("a row of the wrong length")
    seed_time = _goal(_str(row[16]))
    return Torrent(
        hash=_str(row[0]).upper(),
        name=_str(row[1]),
        base_path=_str(row[2]),
        directory=_str(row[3]),
        multi_file=bool(_int(row[4])),
        size=max(0, _int(row[5])),
        completed=max(0, _int(row[6])),
        down_rate=max(0, _int(row[7])),
        ratio=max(0, _int(row[8])) / 1000,
        started=bool(_int(row[9])),
        active=bool(_int(row[10])),
        complete=bool(_int(row[11])),
        message=_str(row[12]).strip(),
        label=_str(row[13]),
        finished_at=max(0, _int(row[14])),
        seed_ratio=_goal(_str(row[15])),
        seed_time_minutes=int(seed_time) if seed_time is not None else None,
    )


def status_of(torrent: Torrent) -> DownloadStatus:
    """Radarr's status: finished is completed, active is downloading, anything else paused."""
    if torrent.complete:
        return DownloadStatus.COMPLETED
    if torrent.active:
        return DownloadStatus.DOWNLOADING
    return DownloadStatus.PAUSED


def reached_seed_goal(torrent: Torrent, now: float) -> bool:
    """Radarr's test with the indexer's seed goals: finished, and the ratio or the seeding time met.
    A torrent without goals is never done (Radarr keeps it too)."""
    if not torrent.complete:
        return False
    if torrent.seed_ratio is not None and torrent.ratio >= torrent.seed_ratio:
        return True
    if torrent.seed_time_minutes is not None and torrent.finished_at > 0:
        return now - torrent.finished_at >= torrent.seed_time_minutes * 60
    return False


def _remaining(torrent: Torrent) -> timedelta | None:
    if torrent.complete:
        return timedelta(0)
    if torrent.down_rate <= 0:
        return None
    return timedelta(seconds=max(0, torrent.size - torrent.completed) // torrent.down_rate)


def item_of(torrent: Torrent, *, remove_completed: bool, now: float) -> DownloadItem:
    """One torrent as a download item; Reelarr may move and remove it once its seed goals are met
    (when the client's downloads are removed once imported)."""
    done = remove_completed and reached_seed_goal(torrent, now)
    return DownloadItem(
        download_id=torrent.hash,
        title=torrent.name,
        category=torrent.label or None,
        total_size=torrent.size,
        remaining_size=max(0, torrent.size - torrent.completed),
        status=status_of(torrent),
        remaining_time=_remaining(torrent),
        # rTorrent's message is mostly its trackers' last error: it says something only of a torrent
        # that stopped (Radarr shows none).
        message=(torrent.message or None) if not torrent.active else None,
        output_path=torrent.output_path,
        seed_ratio=torrent.ratio,
        can_move_files=done,
        can_be_removed=done,
    )
