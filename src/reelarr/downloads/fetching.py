"""Fetching what a download client needs from the indexer: a torrent file, a magnet link or an NZB."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from reelarr.downloadclients.base import GrabRequest
from reelarr.downloadclients.torrents import InvalidTorrent, torrent_info_hash
from reelarr.downloads.errors import ReleaseUnavailable
from reelarr.errors import RemoteError
from reelarr.indexers.base import Indexer, redact
from reelarr.indexers.errors import IndexerError
from reelarr.indexers.values import info_hash_from_magnet
from reelarr.protocols import DownloadProtocol
from reelarr.releases.model import Release

log = logging.getLogger(__name__)
_NZB_ROOT = re.compile(rb"<nzb[\s>]", re.IGNORECASE)


async def fetch_grab(release: Release, indexer: Indexer | None, *, recent: bool) -> GrabRequest:
    """What to hand to a client for `release`: its torrent (or magnet when that is all there is, or
    the torrent cannot be had) or its NZB. ReleaseUnavailable when neither can be had."""
    base = GrabRequest(title=release.title, protocol=release.protocol, recent=recent)
    if release.protocol is DownloadProtocol.TORRENT:
        return await _torrent(release, indexer, base)
    if release.protocol is DownloadProtocol.USENET:
        body = await _download(release, indexer)
        if not _NZB_ROOT.search(body[:4096]):
            raise ReleaseUnavailable(f"The indexer did not send an NZB for {release.title}")
        return replace(base, nzb=body)
    raise ReleaseUnavailable(f"{release.title} has no known protocol")


def _magnet(release: Release, base: GrabRequest) -> GrabRequest | None:
    link = release.magnet_url or (
        release.download_url if release.download_url.lower().startswith("magnet:") else None
    )
    info_hash = info_hash_from_magnet(link)
    if not link or info_hash is None:
        return None
    return replace(base, magnet=link, info_hash=info_hash)


async def _torrent(release: Release, indexer: Indexer | None, base: GrabRequest) -> GrabRequest:
    magnet = _magnet(release, base)
    url = release.download_url
    if not url or url.lower().startswith("magnet:"):
        if magnet is None:
            raise ReleaseUnavailable(f"{release.title} has neither a torrent file nor a magnet link")
        return magnet
    try:
        body = await _download(release, indexer)
        return replace(base, torrent=body, info_hash=torrent_info_hash(body))
    except (ReleaseUnavailable, InvalidTorrent) as error:
        if magnet is not None:
            log.info("Using the magnet link of %s: %s", release.title, error)
            return magnet
        if isinstance(error, InvalidTorrent):
            raise ReleaseUnavailable(f"The indexer did not send a valid torrent: {error}") from error
        raise


async def _download(release: Release, indexer: Indexer | None) -> bytes:
    if indexer is None:
        raise ReleaseUnavailable(f"The indexer of {release.title} is gone, so it cannot be fetched")
    try:
        response = await indexer.send(indexer.download_request(release.download_url))
    except (RemoteError, IndexerError) as error:
        reason = redact(str(error), indexer.secrets())
        raise ReleaseUnavailable(
            f"Unable to fetch {release.title} from {indexer.definition.name}: {reason}"
        ) from error
    if response.status >= 400:
        raise ReleaseUnavailable(
            f"{indexer.definition.name} answered HTTP {response.status} for {release.title}"
        )
    if not response.body:
        raise ReleaseUnavailable(f"{indexer.definition.name} sent nothing for {release.title}")
    return response.body
