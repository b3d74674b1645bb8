"""The indexer implementations Reelarr ships (plugins register more on the same registry)."""

from __future__ import annotations

from reelarr.indexers.base import Indexer
from reelarr.indexers.newznab.indexers import Newznab, Torznab
from reelarr.indexers.trackers.hdbits import HDBits
from reelarr.indexers.trackers.torrent_rss import TorrentRssIndexer
from reelarr.providers.registry import ProviderRegistry

BUILT_IN: tuple[type[Indexer], ...] = (Newznab, Torznab, HDBits, TorrentRssIndexer)


def indexer_registry() -> ProviderRegistry[Indexer]:
    """A registry holding every built-in indexer."""
    registry: ProviderRegistry[Indexer] = ProviderRegistry("indexer", Indexer)  # type: ignore[type-abstract]
    for implementation in BUILT_IN:
        registry.register(implementation)
    return registry
