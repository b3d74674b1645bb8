"""Indexer options every search and RSS sync obeys (Radarr's indexer settings page), kept in the
configuration store so every process reads the same."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from reelarr.configuration.store import ConfigStore
from reelarr.errors import ValidationFailed, ValidationFailure
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


class IndexerConfigService:
    """Reads and saves the indexer options."""

    def __init__(self, store: ConfigStore, bus: EventBus) -> None:
        self._store = store
        self._bus = bus

    async def get(self) -> IndexerConfig:
        """The options in force (defaults for those never saved)."""
        values: dict[str, object] = {}
        for field in fields(IndexerConfig):
            stored = await self._store.get(_PREFIX + field.name)
            if stored is None:
                continue
            if field.type == "bool":
                values[field.name] = stored == "true"
            elif field.type == "int":
                values[field.name] = int(stored)
            else:
                values[field.name] = stored
        return IndexerConfig(**values)  # type: ignore[arg-type]

    async def save(self, config: IndexerConfig) -> IndexerConfig:
        """Keep new options; a 400 naming each broken rule, and nothing saved, when one is broken."""
        failures = check(config)
        if failures:
            raise ValidationFailed(failures)
        for name, value in asdict(config).items():
            text = ("true" if value else "false") if isinstance(value, bool) else str(value)
            await self._store.set(_PREFIX + name, text)
        await self._bus.publish(IndexerConfigChanged())
        return config
