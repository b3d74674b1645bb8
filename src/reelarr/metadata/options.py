"""Settings → Metadata's options (Radarr's MetadataConfig): which country's rating certificate a
film carries, kept in the configuration store so every process reads the same."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.configuration.sections import ConfigSection
from reelarr.configuration.store import ConfigStore
from reelarr.errors import ValidationFailure
from reelarr.events import Event, EventBus, shared

# Radarr's TMDbCountryCode in its declaration order (its integer values), as its API names them.
COUNTRIES = ("au", "br", "ca", "fr", "de", "gb", "in", "ie", "it", "nz", "ro", "es", "us")
DEFAULT_COUNTRY = "us"


@shared("metadata.options.changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class MetadataOptionsChanged(Event):
    """The metadata options were saved; every process's TMDB client takes them up."""


@dataclass(frozen=True, slots=True)
class MetadataOptions:
    """Radarr's metadata options with its default (the United States)."""

    certification_country: str = DEFAULT_COUNTRY


def country_code(value: object) -> str | None:
    """The country a client names, as Radarr reads its enum: a name in any case or its number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return COUNTRIES[value] if 0 <= value < len(COUNTRIES) else None
    if isinstance(value, str) and value.strip().lower() in COUNTRIES:
        return value.strip().lower()
    return None


def check(options: MetadataOptions) -> list[ValidationFailure]:
    """Only the countries Radarr offers."""
    if options.certification_country in COUNTRIES:
        return []
    reason = f"Must be one of: {', '.join(COUNTRIES)}"
    return [ValidationFailure("certificationCountry", reason, options.certification_country)]


def metadata_options_section(store: ConfigStore, bus: EventBus) -> ConfigSection[MetadataOptions]:
    """Settings → Metadata's options in the configuration store."""
    return ConfigSection(store, bus, MetadataOptions, "metadata.", check, MetadataOptionsChanged)
