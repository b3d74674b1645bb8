"""A release found on an indexer (Radarr's ReleaseInfo and TorrentInfo in one frozen value)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from enum import IntFlag
from typing import Any

from reelarr.protocols import DownloadProtocol

__all__ = [
    "FLAG_NAMES",
    "INDEXER_FLAG_NAMES",
    "NO_FLAGS",
    "OBSOLETE_FLAGS",
    "DownloadProtocol",
    "IndexerFlags",
    "IndexerInfo",
    "Release",
    "flag_names",
    "imdb_tt",
    "release_from_json",
    "release_to_json",
]


class IndexerFlags(IntFlag):
    """Radarr's IndexerFlags bits; a release may carry several."""

    G_FREELEECH = 1  # the download does not count against the ratio
    G_HALFLEECH = 2  # half of it counts
    G_DOUBLE_UPLOAD = 4  # uploads count twice
    PTP_GOLDEN = 8  # PassThePopcorn's staff-picked encode
    PTP_APPROVED = 16  # checked by PassThePopcorn's staff
    G_INTERNAL = 32  # from the tracker's own release group
    AHD_INTERNAL = 64  # obsolete in Radarr
    G_SCENE = 128  # a scene release
    G_FREELEECH75 = 256  # a quarter of the download counts
    G_FREELEECH25 = 512  # three quarters of it count
    AHD_USER_RELEASE = 1024  # obsolete in Radarr
    NUKED = 2048  # the release was nuked


NO_FLAGS = IndexerFlags(0)

# Radarr's names (its enum member names), as /api/v3/indexerflag and custom formats use them.
FLAG_NAMES: dict[IndexerFlags, str] = {
    IndexerFlags.G_FREELEECH: "G_Freeleech",
    IndexerFlags.G_HALFLEECH: "G_Halfleech",
    IndexerFlags.G_DOUBLE_UPLOAD: "G_DoubleUpload",
    IndexerFlags.PTP_GOLDEN: "PTP_Golden",
    IndexerFlags.PTP_APPROVED: "PTP_Approved",
    IndexerFlags.G_INTERNAL: "G_Internal",
    IndexerFlags.AHD_INTERNAL: "AHD_Internal",
    IndexerFlags.G_SCENE: "G_Scene",
    IndexerFlags.G_FREELEECH75: "G_Freeleech75",
    IndexerFlags.G_FREELEECH25: "G_Freeleech25",
    IndexerFlags.AHD_USER_RELEASE: "AHD_UserRelease",
    IndexerFlags.NUKED: "Nuked",
}
OBSOLETE_FLAGS = frozenset({IndexerFlags.AHD_INTERNAL, IndexerFlags.AHD_USER_RELEASE})
# The flags Radarr still offers (custom format conditions, forms), by value.
INDEXER_FLAG_NAMES: dict[int, str] = {
    int(flag): name for flag, name in FLAG_NAMES.items() if flag not in OBSOLETE_FLAGS
}


def flag_names(flags: IndexerFlags) -> list[str]:
    """Radarr's names of the flags set, in bit order."""
    return [name for flag, name in FLAG_NAMES.items() if flag in flags]


def flags_named(text: str) -> IndexerFlags:
    """The flags of a comma-separated list of Radarr's names (as grab history keeps them); unknown
    names are ignored."""
    by_name = {name.lower(): flag for flag, name in FLAG_NAMES.items()}
    flags = NO_FLAGS
    for name in text.split(","):
        flags |= by_name.get(name.strip().lower(), NO_FLAGS)
    return flags


@dataclass(frozen=True, slots=True)
class Release:
    """One release as an indexer reported it, before any decision about it."""

    title: str
    guid: str
    download_url: str
    indexer_id: int
    indexer: str
    protocol: DownloadProtocol
    publish_date: datetime  # aware, UTC
    size: int = 0  # bytes; 0 when the indexer did not say
    info_url: str | None = None
    comment_url: str | None = None
    indexer_priority: int = 25
    seeders: int | None = None
    peers: int | None = None  # seeders and leechers together
    info_hash: str | None = None
    magnet_url: str | None = None
    download_volume_factor: float | None = None  # 0 freeleech, 0.5 halfleech, 1 normal
    upload_volume_factor: float | None = None  # 2 double upload
    minimum_ratio: float | None = None
    minimum_seed_time: int | None = None  # seconds
    imdb_id: str | None = None  # "tt0133093"
    tmdb_id: int = 0
    indexer_flags: IndexerFlags = NO_FLAGS
    categories: tuple[int, ...] = ()
    languages: tuple[int, ...] = ()  # Radarr language ids the indexer named
    container: str | None = None  # "iso", "m2ts", ... when the indexer says

    def age(self, now: datetime) -> timedelta:
        """How long ago the release was posted (never negative)."""
        return max(now - self.publish_date, timedelta(0))

    def age_days(self, now: datetime) -> int:
        """Whole days since posting: Radarr's usenet age, what retention is measured in."""
        return self.age(now).days

    def age_hours(self, now: datetime) -> float:
        """Hours since posting."""
        return self.age(now).total_seconds() / 3600

    def age_minutes(self, now: datetime) -> float:
        """Minutes since posting (minimum age and delays are counted in these)."""
        return self.age(now).total_seconds() / 60

    @property
    def leechers(self) -> int | None:
        """Peers that are not seeders, when both are known."""
        if self.seeders is None or self.peers is None:
            return None
        return max(self.peers - self.seeders, 0)


def imdb_tt(value: str | int | None) -> str | None:
    """An IMDb id in its "tt0133093" form from "tt0133093", "0133093" or 133093; None when absent."""
    if value is None:
        return None
    text = str(value).strip().lower().removeprefix("tt")
    if not text.isdigit() or int(text) == 0:
        return None
    return f"tt{int(text):07d}"


@functools.cache
def _release_fields() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Release))


def release_to_json(release: Release) -> dict[str, Any]:
    """The release as JSON-ready data, to keep it for a later grab."""
    data = {name: getattr(release, name) for name in _release_fields()}
    data["protocol"] = release.protocol.value
    data["publish_date"] = release.publish_date.isoformat()
    data["indexer_flags"] = int(release.indexer_flags)
    data["categories"] = list(release.categories)
    data["languages"] = list(release.languages)
    return data


def release_from_json(data: dict[str, Any]) -> Release:
    """A kept release back (what release_to_json wrote)."""
    values = {name: data[name] for name in _release_fields() if name in data}
    values["protocol"] = DownloadProtocol(values["protocol"])
    values["publish_date"] = datetime.fromisoformat(values["publish_date"])
    values["indexer_flags"] = IndexerFlags(int(values.get("indexer_flags", 0)))
    values["categories"] = tuple(values.get("categories", ()))
    values["languages"] = tuple(values.get("languages", ()))
    return Release(**values)


@dataclass(frozen=True, slots=True)
class IndexerInfo:
    """What the decision engine needs to know of the indexer a release came from."""

    id: int
    name: str
    protocol: DownloadProtocol
    priority: int = 25
    tags: tuple[int, ...] = ()
    download_client_id: int = 0
    minimum_seeders: int | None = None  # torrent indexers only
    seed_ratio: float | None = None
    seed_time: int | None = None  # minutes
    required_flags: IndexerFlags = NO_FLAGS
    reject_blocklisted_hashes: bool = False
    multi_languages: tuple[int, ...] = ()
    fail_downloads: tuple[int, ...] = ()  # 0: executables, 1: potentially dangerous
