"""Indexer options every search and RSS sync obeys (Radarr's indexer settings page), kept in the
configuration store so every process reads the same."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.configuration.sections import ConfigSection
from reelarr.configuration.store import ConfigStore
from reelarr.errors import ValidationFailure
from reelarr.events import EventBus
from reelarr.indexers.events import IndexerConfigChanged

_PREFIX = "indexers."


@dataclass(frozen=True, slots=True)
class IndexerConfig:
    """Radarr's indexer options, with its defaults."""

    minimum_age: int = 0  # minutes a usenet release must be old before it is grabbed
    maximum_size: int = 0  # MB; 0: no limit
    retention: int = 0  # days of usenet retention; 0: unlimited
    rss_sync_interval: int = 30  # minutes; 0: no RSS sync
    prefer_indexer_flags: bool = False
    availability_delay: int = 0  # days added to (or taken from) a film's availability
    allow_hardcoded_subs: bool = False
    whitelisted_hardcoded_subs: str = ""  # comma list of subtitle tags allowed anyway


def check(config: IndexerConfig) -> list[ValidationFailure]:
    """Radarr's IndexerConfigController rules."""
    found = []
    for name, label in (
        ("minimum_age", "minimumAge"),
        ("maximum_size", "maximumSize"),
        ("retention", "retention"),
    ):
        value = getattr(config, name)
        if value < 0:
            found.append(
                ValidationFailure(
                    label,
                    f"'{label}' must be greater than or equal to '0'.",
                    value,
                    error_code="GreaterThanOrEqualValidator",
                )
            )
    interval = config.rss_sync_interval
    if interval != 0 and not 10 <= interval <= 120:
        found.append(
            ValidationFailure("rssSyncInterval", "Must be between 10 and 120 or 0 to disable", interval)
        )
    return found


class IndexerConfigService(ConfigSection[IndexerConfig]):
    """Reads and saves the indexer options."""

    def __init__(self, store: ConfigStore, bus: EventBus) -> None:
        super().__init__(store, bus, IndexerConfig, _PREFIX, check, IndexerConfigChanged)
