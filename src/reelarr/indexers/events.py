"""Events of the indexers package."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("indexers.config")
@dataclass(frozen=True, slots=True, kw_only=True)
class IndexerConfigChanged(Event):
    """The indexer options (RSS interval, retention, ...) were saved."""
