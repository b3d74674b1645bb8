"""What a failed grab leaves on the blocklist, read from its grab history as Radarr reads it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from reelarr.downloadclients.base import DownloadItem, DownloadStatus
from reelarr.downloads.failed import blocklist_entry
from reelarr.downloads.tracking import TrackedDownload, TrackedState, TrackedStatus
from reelarr.history.model import HistoryEntry, HistoryEventType
from reelarr.languages import lang
from reelarr.protocols import DownloadProtocol
from reelarr.quality.revision import QualityModel
from reelarr.releases.model import IndexerFlags

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
PUBLISHED = datetime(2026, 12, 1, 8, 30, tzinfo=UTC)
HASH = "ABCDEF0123456789ABCDEF0123456789ABCDEF01"


def grab(**data: str) -> HistoryEntry:
    values: dict[str, str] = {
        "Indexer": "Fixture",
        "PublishedDate": PUBLISHED.isoformat(),
        "Size": "8589934592",
        "Protocol": "2",
        "IndexerFlags": "G_Freeleech, G_Scene",
        "TorrentInfoHash": HASH,
    }
    values.update(data)
    return HistoryEntry(
        id=5,
        movie_id=1,
        event_type=HistoryEventType.GRABBED,
        source_title="The.Matrix.1999.1080p.BluRay.x264-GRP",
        quality=QualityModel(),
        date=NOW,
        languages=(lang("English"),),
        download_id="download-1",
        custom_formats=("Freeleech",),
        data=values,
    )


def tracked(protocol: DownloadProtocol, **changes: Any) -> TrackedDownload:
    item = DownloadItem(
        "CLIENTHASH", "The.Matrix.1999.1080p.BluRay.x264-GRP", None, 10, 10, DownloadStatus.FAILED
    )
    return TrackedDownload(
        id=1,
        client_id=1,
        client_name="Client",
        protocol=protocol,
        item=item,
        movie_id=1,
        quality=QualityModel(),
        state=TrackedState.FAILED_PENDING,
        status=TrackedStatus.ERROR,
        **changes,
    )


def test_a_grab_becomes_radarrs_blocklist_entry() -> None:
    entry = blocklist_entry(grab(), "Manually marked as failed", None, NOW)
    assert (entry.movie_id, entry.source_title, entry.protocol, entry.indexer) == (
        1,
        "The.Matrix.1999.1080p.BluRay.x264-GRP",
        DownloadProtocol.TORRENT,
        "Fixture",
    )
    assert (entry.published_date, entry.size, entry.date) == (PUBLISHED, 8589934592, NOW)
    assert entry.indexer_flags == IndexerFlags.G_FREELEECH | IndexerFlags.G_SCENE
    assert (entry.torrent_info_hash, entry.download_id, entry.message) == (
        HASH,
        "download-1",
        "Manually marked as failed",
    )
    assert (entry.languages, entry.custom_formats) == ((lang("English"),), ("Freeleech",))


def test_a_tracked_torrents_download_id_is_its_info_hash() -> None:
    entry = blocklist_entry(grab(TorrentInfoHash=""), "failed", tracked(DownloadProtocol.TORRENT), NOW)
    assert entry.torrent_info_hash == "CLIENTHASH"


def test_a_usenet_grab_keeps_no_hash() -> None:
    entry = blocklist_entry(grab(Protocol="1"), "failed", tracked(DownloadProtocol.USENET), NOW)
    assert (entry.protocol, entry.torrent_info_hash) == (DownloadProtocol.USENET, None)


def test_missing_or_broken_data_leaves_the_fields_empty() -> None:
    entry = blocklist_entry(
        grab(PublishedDate="yesterday", Size="", Protocol="9", Indexer=""), "x", None, NOW
    )
    assert (entry.published_date, entry.size, entry.protocol, entry.indexer) == (
        None,
        0,
        DownloadProtocol.UNKNOWN,
        None,
    )
