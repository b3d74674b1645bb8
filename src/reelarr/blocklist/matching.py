"""Radarr's BlocklistService.Blocklisted: whether a release is one already blocklisted for its film.

A torrent whose info hash is known matches by hash alone; otherwise by title, then by indexer. A
usenet release matches by title, then by the same published date, or (posted again elsewhere) by a
published date within two minutes and a size within 2 MB from another indexer.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from reelarr.blocklist.model import BlocklistEntry
from reelarr.protocols import DownloadProtocol
from reelarr.releases.model import Release

DATE_SLACK = timedelta(minutes=2)
SIZE_SLACK = 2 * 1024 * 1024


def _same_indexer(entry: BlocklistEntry, indexer: str) -> bool:
    if not (entry.indexer or "").strip():
        return True
    return (entry.indexer or "").casefold() == indexer.casefold()


def _same_published_date(entry: BlocklistEntry, published: datetime) -> bool:
    if entry.published_date is None:
        return True
    return entry.published_date - DATE_SLACK <= published <= entry.published_date + DATE_SLACK


def _same_size(entry: BlocklistEntry, size: int) -> bool:
    return entry.size is None or abs(entry.size - size) <= SIZE_SLACK


def _same_nzb(entry: BlocklistEntry, release: Release) -> bool:
    if entry.published_date == release.publish_date:
        return True
    return (
        not _same_indexer(entry, release.indexer)
        and _same_published_date(entry, release.publish_date)
        and _same_size(entry, release.size)
    )


def _same_torrent(entry: BlocklistEntry, release: Release) -> bool:
    if (release.info_hash or "").strip():
        return (release.info_hash or "").casefold() == (entry.torrent_info_hash or "").casefold()
    return _same_indexer(entry, release.indexer)


def _titled(
    entries: Iterable[BlocklistEntry], title: str, protocol: DownloadProtocol
) -> list[BlocklistEntry]:
    # Radarr's query: the blocklisted title contains the release's (case-insensitive on SQLite).
    wanted = title.casefold()
    return [e for e in entries if wanted in e.source_title.casefold() and e.protocol is protocol]


def is_blocklisted(entries: Iterable[BlocklistEntry], release: Release) -> bool:
    """Whether `release` is one of `entries`, the blocklisted releases of the film it is for."""
    if release.protocol is DownloadProtocol.TORRENT:
        if (release.info_hash or "").strip():
            return any(_same_torrent(e, release) for e in entries)
        return any(
            _same_torrent(e, release) for e in _titled(entries, release.title, DownloadProtocol.TORRENT)
        )
    return any(_same_nzb(e, release) for e in _titled(entries, release.title, DownloadProtocol.USENET))
