"""The indexer implementations Reelarr ships (plugins register more on the same registry)."""

from __future__ import annotations

from reelarr.indexers.base import Indexer
from reelarr.indexers.newznab.indexers import Newznab, Torznab
from reelarr.indexers.trackers.filelist import FileList
from reelarr.indexers.trackers.hdbits import HDBits
from reelarr.indexers.trackers.iptorrents import IPTorrents
from reelarr.indexers.trackers.nyaa import Nyaa
from reelarr.indexers.trackers.potato import TorrentPotato
from reelarr.indexers.trackers.ptp import PassThePopcorn
from reelarr.indexers.trackers.torrent_rss import TorrentRssIndexer
from reelarr.providers.registry import ProviderRegistry

BUILT_IN: tuple[type[Indexer], ...] = (
    Newznab,
    Torznab,
    HDBits,
    PassThePopcorn,
    FileList,
    IPTorrents,
    Nyaa,
    TorrentPotato,
    TorrentRssIndexer,
)


def indexer_registry() -> ProviderRegistry[Indexer]:
    """A registry holding every built-in indexer."""
    registry: ProviderRegistry[Indexer] = ProviderRegistry("indexer", Indexer)  # type: ignore[type-abstract]
    for implementation in BUILT_IN:
        registry.register(implementation)
    return registry
