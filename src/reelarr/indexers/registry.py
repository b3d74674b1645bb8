"""The indexer implementations Reelarr ships (plugins register more on the same registry)."""

from __future__ import annotations

from reelarr.indexers.base import Indexer
from reelarr.indexers.newznab.indexers import Newznab, Torznab
from reelarr.providers.registry import ProviderRegistry

BUILT_IN: tuple[type[Indexer], ...] = (Newznab, Torznab)


def indexer_registry() -> ProviderRegistry[Indexer]:
    """A registry holding every built-in indexer."""
    registry: ProviderRegistry[Indexer] = ProviderRegistry("indexer", Indexer)  # type: ignore[type-abstract]
    for implementation in BUILT_IN:
        registry.register(implementation)
    return registry
