"""A release an indexer offers, as plain data (pure: no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from enum import IntFlag
from typing import Any

from reelarr.protocols import DownloadProtocol

MINUTE = 60.0
HOUR = 60 * MINUTE
DAY = 24 * HOUR


class IndexerFlag(IntFlag):
    """Flags an indexer sets on a release (Radarr's IndexerFlags bits)."""

    G_FREELEECH = 1
    G_HALFLEECH = 2
    G_DOUBLE_UPLOAD = 4
    PTP_GOLDEN = 8
    PTP_APPROVED = 16
    G_INTERNAL = 32
    AHD_INTERNAL = 64  # obsolete in Radarr: still a valid bit, no longer offered
    G_SCENE = 128
    G_FREELEECH75 = 256
    G_FREELEECH25 = 512
    AHD_USER_RELEASE = 1024  # obsolete in Radarr
    NUKED = 2048


# Radarr's enum member names (shown with "_" as a space), in value order, without the obsolete ones.
INDEXER_FLAG_NAMES: dict[int, str] = {
    1: "G_Freeleech",
    2: "G_Halfleech",
    4: "G_DoubleUpload",
    8: "PTP_Golden",
    16: "PTP_Approved",
    32: "G_Internal",
    128: "G_Scene",
    256: "G_Freeleech75",
    512: "G_Freeleech25",
    2048: "Nuked",
}


NO_FLAGS = IndexerFlag(0)


@dataclass(frozen=True, slots=True)
class Release:
    """One release from one indexer: what it is, where to get it, and what the indexer says of it."""

    guid: str
    title: str
    indexer_id: int
    indexer: str
    protocol: DownloadProtocol
    publish_date: datetime
    size: int = 0
    download_url: str = ""
    info_url: str | None = None
    comment_url: str | None = None
    indexer_priority: int = 25
    seeders: int | None = None
    peers: int | None = None
    info_hash: str | None = None
    magnet_url: str | None = None
    imdb_id: str | None = None
    tmdb_id: int = 0
    indexer_flags: IndexerFlag = NO_FLAGS
    categories: tuple[int, ...] = ()
    container: str | None = None
    download_volume_factor: float | None = None
    upload_volume_factor: float | None = None
    minimum_ratio: float | None = None
    minimum_seed_time: int | None = None

    def age_seconds(self, now: datetime) -> float:
        """How long ago the indexer published it (never negative)."""
        return max(0.0, (now - self.publish_date).total_seconds())

    def age_minutes(self, now: datetime) -> float:
        """Age in minutes."""
        return self.age_seconds(now) / MINUTE

    def age_hours(self, now: datetime) -> float:
        """Age in hours."""
        return self.age_seconds(now) / HOUR

    def age_days(self, now: datetime) -> int:
        """Age in whole days, as Radarr counts retention."""
        return int(self.age_seconds(now) // DAY)


def release_to_json(release: Release) -> dict[str, Any]:
    """The release as JSON-ready data, to keep it for a later grab."""
    data = {f.name: getattr(release, f.name) for f in fields(release)}
    data["protocol"] = release.protocol.value
    data["publish_date"] = release.publish_date.isoformat()
    data["indexer_flags"] = int(release.indexer_flags)
    data["categories"] = list(release.categories)
    return data


def release_from_json(data: dict[str, Any]) -> Release:
    """A kept release back (what release_to_json wrote)."""
    values = {f.name: data[f.name] for f in fields(Release) if f.name in data}
    values["protocol"] = DownloadProtocol(values["protocol"])
    values["publish_date"] = datetime.fromisoformat(values["publish_date"])
    values["indexer_flags"] = IndexerFlag(int(values.get("indexer_flags", 0)))
    values["categories"] = tuple(values.get("categories", ()))
    return Release(**values)
