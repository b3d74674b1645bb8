"""Radarr's reading of SABnzbd's queue and history (Sabnzbd.GetQueue/GetHistory) and of its version
and configuration for the test. Pure: SABnzbd's answers come in."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from reelarr.downloadclients.base import DownloadItem, DownloadStatus
from reelarr.downloadclients.sabnzbd.settings import SabnzbdPriority
from reelarr.remotepathmappings.paths import parse_absolute

MEGABYTE = 1024 * 1024
# SABnzbd's words for a failure that leaves the files in place: Radarr shows it as a warning.
UNPACK_WRITE_ERROR = "Unpacking failed, write error or disk is full?"
_QUEUED = frozenset({"queued", "grabbing", "propagating"})
_VERSION = re.compile(r"(?P<major>\d+)\.(?P<minor>\d+)\.(?P<patch>\d+|x)")
DEVELOP_VERSION = (3, 0, 0)  # what Radarr assumes a "develop" build is


def parse_version(text: str) -> tuple[int, int, int] | None:
    """SABnzbd's `version` ("4.3.2", "3.1.x", "develop") as numbers; None when unreadable."""
    match = _VERSION.search(text or "")
    if match:
        patch = match.group("patch")
        return int(match.group("major")), int(match.group("minor")), 0 if patch == "x" else int(patch)
    if (text or "").strip().lower() == "develop":
        return DEVELOP_VERSION
    return None


def parse_timeleft(text: object) -> timedelta | None:
    """SABnzbd's `timeleft`, "H:MM:SS" or "D:HH:MM:SS"; None when it is neither."""
    try:
        numbers = [int(part) for part in str(text).split(":")]
    except ValueError:
        return None
    if any(n < 0 for n in numbers):
        return None
    if len(numbers) == 4:
        days, hours, minutes, seconds = numbers
        return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    if len(numbers) == 3:
        hours, minutes, seconds = numbers
        return timedelta(hours=hours, minutes=minutes, seconds=seconds)
    return None


def parse_priority(value: object) -> SabnzbdPriority:
    """A queue slot's priority, by name ("Force") as SABnzbd writes it, or by number."""
    text = str(value).strip()
    for priority in SabnzbdPriority:
        if text.lower() == priority.name.lower() or text == str(priority.value):
            return priority
    return SabnzbdPriority.NORMAL


def _megabytes(value: object) -> int:
    try:
        return int(float(str(value)) * MEGABYTE)
    except ValueError:
        return 0


def queue_status(slot: Mapping[str, Any], *, queue_paused: bool) -> DownloadStatus:
    """Radarr's status of a queue slot: paused (the job, or the whole queue unless the job is forced),
    queued while waiting or fetching its NZB, downloading otherwise."""
    status = str(slot.get("status", "")).lower()
    forced = parse_priority(slot.get("priority")) is SabnzbdPriority.FORCE
    if status == "paused" or (queue_paused and not forced):
        return DownloadStatus.PAUSED
    if status in _QUEUED:
        return DownloadStatus.QUEUED
    return DownloadStatus.DOWNLOADING


def history_status(slot: Mapping[str, Any]) -> DownloadStatus:
    """Radarr's status of a history slot: failed (a warning when unpacking ran out of space),
    completed, or still downloading while SABnzbd verifies, repairs, extracts or moves it."""
    status = str(slot.get("status", "")).lower()
    if status == "failed":
        message = str(slot.get("fail_message") or "").strip()
        return (
            DownloadStatus.WARNING if message.lower() == UNPACK_WRITE_ERROR.lower() else DownloadStatus.FAILED
        )
    if status == "completed":
        return DownloadStatus.COMPLETED
    return DownloadStatus.DOWNLOADING


def queue_item(slot: Mapping[str, Any], *, queue_paused: bool) -> DownloadItem:
    """One queue slot as a download item; an encrypted job's title loses SABnzbd's prefix."""
    status = queue_status(slot, queue_paused=queue_paused)
    title = str(slot.get("filename", ""))
    title = title.removeprefix("ENCRYPTED / ")
    return DownloadItem(
        download_id=str(slot.get("nzo_id", "")),
        title=title,
        category=_category(slot.get("cat")),
        total_size=_megabytes(slot.get("mb", 0)),
        remaining_size=_megabytes(slot.get("mbleft", 0)),
        status=status,
        remaining_time=None if status is DownloadStatus.PAUSED else parse_timeleft(slot.get("timeleft")),
        can_move_files=True,
        can_be_removed=True,
    )


def history_item(slot: Mapping[str, Any]) -> DownloadItem:
    """One history slot as a download item, its content where SABnzbd stored it."""
    title = str(slot.get("name", ""))
    message = str(slot.get("fail_message") or "").strip()
    return DownloadItem(
        download_id=str(slot.get("nzo_id", "")),
        title=title,
        category=_category(slot.get("category")),
        total_size=int(slot.get("bytes") or 0),
        remaining_size=0,
        status=history_status(slot),
        remaining_time=timedelta(0),
        message=message or None,
        output_path=output_path(str(slot.get("storage") or ""), title),
        can_move_files=True,
        can_be_removed=True,
    )


def output_path(storage: str, title: str) -> str | None:
    """Radarr's choice of the job's folder: `storage`, or the outermost folder above it named as the
    job (SABnzbd may report a file inside it)."""
    parsed = parse_absolute(storage) if storage else None
    if parsed is None:
        return storage or None
    for depth, name in enumerate(parsed.parts[:-1], start=1):
        if name == title:
            return type(parsed)(parsed.kind, parsed.root, parsed.parts[:depth]).as_file()
    return parsed.as_file()


def _category(value: object) -> str | None:
    text = str(value) if value is not None else ""
    return text or None


def belongs(item: DownloadItem, category: str) -> bool:
    """Radarr's filter: the item is in Reelarr's category, or in "*" when there is none."""
    if category.strip():
        return item.category == category
    return item.category in ("*", None)


def categories(config: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The categories in a get_config answer."""
    found = config.get("categories")
    return [c for c in found if isinstance(c, Mapping)] if isinstance(found, Sequence) else []


def category_folder(config: Mapping[str, Any], category: str) -> str | None:
    """Where SABnzbd puts the category's finished jobs: its folder under `complete_dir` (or its own
    absolute folder); `complete_dir` itself for a category without one; None for an unknown one."""
    misc = config.get("misc") if isinstance(config.get("misc"), Mapping) else {}
    assert isinstance(misc, Mapping)
    complete = str(misc.get("complete_dir") or "")
    wanted = category or "*"
    found = next((c for c in categories(config) if c.get("name") == wanted), None)
    if found is None:
        return None
    folder = str(found.get("dir") or "").rstrip("*")
    if not folder:
        return complete or None
    if folder.startswith("/") or (len(folder) > 1 and folder[1] == ":"):
        return folder
    if not complete:
        return None
    separator = "\\" if "\\" in complete and "/" not in complete else "/"  # SABnzbd on Windows
    return f"{complete.rstrip(separator)}{separator}{folder}"


def sorting_for(config: Mapping[str, Any], category: str) -> str | None:
    """Which of SABnzbd's sorters would rename the category's jobs ("TV", "Movie", "Date"), if any."""
    misc = config.get("misc") if isinstance(config.get("misc"), Mapping) else {}
    assert isinstance(misc, Mapping)
    sorters = config.get("sorters") if isinstance(config.get("sorters"), Sequence) else []
    assert isinstance(sorters, Sequence)
    for sorter in sorters:
        if isinstance(sorter, Mapping) and sorter.get("is_active") and _in(sorter.get("sort_cats"), category):
            return "TV"
    for kind, switch, cats in (
        ("TV", "enable_tv_sorting", "tv_categories"),
        ("Movie", "enable_movie_sorting", "movie_categories"),
        ("Date", "enable_date_sorting", "date_categories"),
    ):
        if _truthy(misc.get(switch)) and _in(misc.get(cats), category):
            return kind
    return None


def _truthy(value: object) -> bool:
    return value not in (None, False, 0, "0", "", "false", "False")


def _in(categories_: object, category: str) -> bool:
    """Radarr's ContainsCategory: an empty list means every category; no category is "Default"."""
    if isinstance(categories_, str):
        categories_ = [c.strip() for c in categories_.split(",") if c.strip()]
    if not isinstance(categories_, Sequence) or not categories_:
        return True
    return (category.strip() or "Default") in categories_
