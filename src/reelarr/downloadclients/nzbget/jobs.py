"""Radarr's reading of NZBGet's queue (`listgroups`), history and configuration (Nzbget.GetQueue,
GetHistory, GetCategories). Pure: NZBGet's answers come in."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from reelarr.downloadclients.base import DownloadItem, DownloadStatus

DRONE = "drone"  # the post-processing parameter that carries Reelarr's download id
_SUCCESS = frozenset({"SUCCESS", "NONE"})
_DELETE_FAILED = frozenset({"HEALTH", "DUPE", "SCAN", "COPY", "BAD"})
_VERSION = re.compile(r"^(\d+)(?:\.(\d+))?")


def int64(entry: Mapping[str, Any], name: str) -> int:
    """A size NZBGet sends as two 32-bit halves (`<name>Hi`, `<name>Lo`), joined."""
    high = int(entry.get(f"{name}Hi") or 0)
    low = int(entry.get(f"{name}Lo") or 0)
    return (high << 32) | low


def parse_version(text: str) -> tuple[int, int] | None:
    """NZBGet's `version` ("21.0", "16.4-testing-r1234") as (major, minor); None when unreadable."""
    match = _VERSION.match((text or "").strip())
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2) or 0)


def parameter(entry: Mapping[str, Any], name: str) -> str | None:
    """A post-processing parameter of a queue or history entry."""
    found = entry.get("Parameters")
    if not isinstance(found, Sequence):
        return None
    for pair in found:
        if isinstance(pair, Mapping) and pair.get("Name") == name:
            return str(pair.get("Value"))
    return None


def download_id(entry: Mapping[str, Any], id_key: str) -> str:
    """Reelarr's id for an entry: the `drone` parameter it added, or NZBGet's own id."""
    return parameter(entry, DRONE) or str(entry.get(id_key, ""))


def queue_items(groups: Sequence[Mapping[str, Any]], status: Mapping[str, Any]) -> list[DownloadItem]:
    """Radarr's queue items: paused (everything, or the job's whole remainder), queued while no
    article is on its way, downloading otherwise, with a time left from the download rate."""
    paused_all = bool(status.get("DownloadPaused"))
    rate = int(status.get("DownloadRate") or 0)
    ahead = 0
    found: list[DownloadItem] = []
    for group in groups:
        remaining = int64(group, "RemainingSize")
        paused = int64(group, "PausedSize")
        left: timedelta | None = None
        if paused_all or (remaining == paused and remaining != 0):
            state = DownloadStatus.PAUSED
        else:
            active = int(group.get("ActiveDownloads") or 0)
            state = DownloadStatus.QUEUED if active == 0 and remaining != 0 else DownloadStatus.DOWNLOADING
            remaining -= paused
            if rate:
                left = timedelta(seconds=(ahead + remaining) // rate)
                ahead += remaining
        found.append(
            DownloadItem(
                download_id=download_id(group, "NZBID"),
                title=str(group.get("NZBName", "")),
                category=str(group.get("Category") or ""),
                total_size=int64(group, "FileSize"),
                remaining_size=remaining,
                status=state,
                remaining_time=left,
                can_move_files=True,
                can_be_removed=True,
            )
        )
    return found


def history_status(entry: Mapping[str, Any]) -> DownloadStatus | None:
    """Radarr's status of a history entry; None for one deleted by hand and not marked bad (skipped)."""
    par = str(entry.get("ParStatus") or "")
    unpack = str(entry.get("UnpackStatus") or "")
    move = str(entry.get("MoveStatus") or "")
    script = str(entry.get("ScriptStatus") or "")
    delete = str(entry.get("DeleteStatus") or "")
    if delete == "MANUAL":
        return DownloadStatus.FAILED if str(entry.get("MarkStatus") or "") == "BAD" else None
    status = DownloadStatus.COMPLETED
    if par not in _SUCCESS:
        status = DownloadStatus.FAILED
    if unpack == "SPACE":
        status = DownloadStatus.WARNING
    elif unpack not in _SUCCESS:
        status = DownloadStatus.FAILED
    if move not in _SUCCESS:
        status = DownloadStatus.WARNING
    if script not in _SUCCESS:
        status = DownloadStatus.FAILED
    if delete and delete not in _SUCCESS:
        status = DownloadStatus.FAILED if delete in _DELETE_FAILED else DownloadStatus.WARNING
    return status


def history_message(entry: Mapping[str, Any]) -> str:
    """Radarr's NzbgetHistoryItemMessage: every stage's status."""
    return (
        f"PAR Status: {entry.get('ParStatus', '')} - Unpack Status: {entry.get('UnpackStatus', '')} - "
        f"Move Status: {entry.get('MoveStatus', '')} - Script Status: {entry.get('ScriptStatus', '')} - "
        f"Delete Status: {entry.get('DeleteStatus', '')} - Mark Status: {entry.get('MarkStatus', '')}"
    )


def history_item(entry: Mapping[str, Any]) -> DownloadItem | None:
    """One history entry as a download item, its content in FinalDir (set by a script) or DestDir."""
    status = history_status(entry)
    if status is None:
        return None
    folder = str(entry.get("FinalDir") or "").strip() or str(entry.get("DestDir") or "").strip()
    return DownloadItem(
        download_id=download_id(entry, "NZBID"),
        title=str(entry.get("Name", "")),
        category=str(entry.get("Category") or ""),
        total_size=int64(entry, "FileSize"),
        remaining_size=0,
        status=status,
        remaining_time=timedelta(0),
        message=history_message(entry),
        output_path=folder or None,
        can_move_files=True,
        can_be_removed=True,
    )


def config_map(items: object) -> dict[str, str]:
    """NZBGet's `config` answer (a list of Name/Value pairs) as a mapping."""
    if not isinstance(items, Sequence):
        return {}
    return {
        str(i.get("Name")): str(i.get("Value") or "")
        for i in items
        if isinstance(i, Mapping) and i.get("Name") is not None
    }


def category_dirs(config: Mapping[str, str]) -> dict[str, str]:
    """Each category's destination: its own DestDir, or the global one (with the category's name
    appended unless AppendCategoryDir is off), as Radarr's GetCategories works it out."""
    found: dict[str, str] = {}
    for number in range(1, 100):
        name = config.get(f"Category{number}.Name")
        if name is None:
            break
        folder = config.get(f"Category{number}.DestDir", "")
        if not folder.strip():
            folder = config.get("DestDir", "").replace("${MainDir}", config.get("MainDir", ""))
            if config.get("AppendCategoryDir", "yes") == "yes":
                folder = posixpath.join(folder, name)
        found[name] = folder
    return found
