"""A blackhole's watch folder read as downloads, as Radarr's ScanWatchFolder reads it: each folder and
each video file at its top is one download, finished once nothing in it has changed for a grace
period (the other program may still be writing it).

Radarr remembers each entry between reads to see it settle; here the files' own change times say it
(the newest modification time in the download), so every process and a restart agree.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from reelarr.downloadclients.base import DownloadItem, DownloadStatus
from reelarr.mediafiles.exclusions import PARTIAL_SUFFIXES, SYSTEM_FOLDERS, is_video_name
from reelarr.naming.cleanup import clean_file_name

GRACE = timedelta(seconds=30)  # Radarr's ScanGracePeriod for both blackholes


@dataclass(frozen=True, slots=True)
class WatchFolder:
    """One watch folder and what its downloads may be used for."""

    path: str
    client_name: str
    can_move: bool
    can_remove: bool
    grace: timedelta = GRACE

    def items(self, now: float) -> list[DownloadItem]:
        """The downloads in the folder at `now` (epoch seconds; blocking: run in a worker thread)."""
        found = []
        for entry in _entries(self.path):
            size, last_change, writing = _measure(entry.path, entry.is_dir(follow_symlinks=False))
            left = self.grace.total_seconds() - (now - last_change)
            settling = writing or left > 0
            found.append(
                DownloadItem(
                    download_id=self._id(entry),
                    title=clean_file_name(entry.name),
                    category=None,
                    total_size=size,
                    remaining_size=0,
                    status=DownloadStatus.DOWNLOADING if settling else DownloadStatus.COMPLETED,
                    remaining_time=None if writing else timedelta(seconds=max(left, 0.0)),
                    output_path=entry.path,
                    can_move_files=self.can_move,
                    can_be_removed=self.can_remove,
                )
            )
        return found

    def remove(self, download_id: str) -> bool:
        """Delete a download's folder or file from the watch folder; whether it was there."""
        for entry in _entries(self.path):
            if self._id(entry) != download_id:
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.remove(entry.path)
            return True
        return False

    def _id(self, entry: os.DirEntry[str]) -> str:
        # Radarr: the client's name, the entry's name and its creation time; the inode stands for the
        # creation time, which Linux does not keep (the same name made again is a new download).
        return f"{self.client_name}_{entry.name}_{entry.inode()}"


def _entries(folder: str) -> Iterator[os.DirEntry[str]]:
    """The watch folder's downloads: its folders (not hidden or NAS housekeeping) and video files."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name.lower() in SYSTEM_FOLDERS:
            continue
        if entry.is_dir(follow_symlinks=False) or (
            entry.is_file(follow_symlinks=False) and is_video_name(entry.name)
        ):
            yield entry


def _measure(path: str, is_folder: bool) -> tuple[int, float, bool]:
    """Bytes, when anything in it last changed (epoch seconds), and whether a file is still being
    written (a client's partial suffix, or a file that vanished while read)."""
    size, last_change, writing = 0, 0.0, False
    for file in [path, *_files(path)] if is_folder else [path]:
        try:
            stat = os.stat(file, follow_symlinks=False)
        except OSError:
            writing = True
            continue
        if file != path or not is_folder:
            size += stat.st_size
        last_change = max(last_change, stat.st_mtime)
        writing = writing or file.endswith(PARTIAL_SUFFIXES)
    return size, last_change, writing


def _files(folder: str) -> list[str]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        found += [os.path.join(root, n) for n in sorted(names)]
    return found
