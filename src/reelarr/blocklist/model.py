"""A blocklisted release, as Radarr's Blocklist keeps it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reelarr.languages import Language
from reelarr.protocols import DownloadProtocol
from reelarr.quality.revision import QualityModel
from reelarr.releases.model import NO_FLAGS, IndexerFlags


@dataclass(frozen=True, slots=True)
class NewBlocklistEntry:
    """A release to keep from being grabbed again for its film."""

    movie_id: int
    source_title: str
    quality: QualityModel
    date: datetime
    protocol: DownloadProtocol
    published_date: datetime | None = None
    size: int | None = None
    indexer: str | None = None
    indexer_flags: IndexerFlags = NO_FLAGS
    message: str | None = None
    torrent_info_hash: str | None = None
    download_id: str | None = None
    languages: tuple[Language, ...] = ()
    # The names of the custom formats the release matched when it was grabbed.
    custom_formats: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BlocklistEntry(NewBlocklistEntry):
    """A kept entry."""

    id: int = 0
