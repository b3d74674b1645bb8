"""Settings fields every indexer shares, worded and ordered as Radarr's, and the indexer options."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from reelarr.errors import ValidationFailure
from reelarr.languages import ALL_LANGUAGES, ANY, ORIGINAL, UNKNOWN
from reelarr.providers.fields import FieldType, SelectOption, setting
from reelarr.providers.model import ProviderOptions
from reelarr.providers.settings import ProviderSettings, warning
from reelarr.releases.model import FLAG_NAMES, OBSOLETE_FLAGS

MINIMUM_SEEDERS = 1
DEFAULT_PRIORITY = 25
# How many searches a backlog may send an indexer each hour unless the user says otherwise.
DEFAULT_QUERIES_PER_HOUR = 100
_MAX_INT = 2**31 - 1
FLAGS_HELP_LINK = "https://wiki.servarr.com/radarr/settings#indexer-flags"


class IndexerOptions(ProviderOptions):
    """An indexer's own properties: when it is used, its priority, its download client, its budget."""

    enable_rss: bool = False
    enable_automatic_search: bool = False
    enable_interactive_search: bool = False
    priority: int = Field(DEFAULT_PRIORITY, ge=1, le=50)
    download_client_id: int = Field(0, ge=0, le=_MAX_INT)
    # Reelarr's: searches per hour a backlog may send (0: no limit).
    queries_per_hour: int = Field(DEFAULT_QUERIES_PER_HOUR, ge=0, le=1_000_000)

    def enabled(self) -> bool:
        """Radarr's rule: an indexer is enabled when any of its uses is."""
        return self.enable_rss or self.enable_automatic_search or self.enable_interactive_search


def language_options() -> list[SelectOption]:
    """Radarr's RealLanguageFieldConverter: Original first, then every real language by name."""
    languages = [lang for lang in ALL_LANGUAGES if lang not in (UNKNOWN, ANY)]
    languages.sort(key=lambda lang: (lang.id > 0, lang.name))
    return [SelectOption(value=lang.id, name=lang.name, divider_after=lang == ORIGINAL) for lang in languages]


def flag_options() -> list[SelectOption]:
    """The indexer flags a user may require (Radarr's enum names, underscores as spaces)."""
    return [
        SelectOption(value=int(flag), name=name.replace("_", " "), order=int(flag))
        for flag, name in FLAG_NAMES.items()
        if flag not in OBSOLETE_FLAGS
    ]


def fail_download_options() -> list[SelectOption]:
    """Radarr's FailDownloads choices."""
    return [
        SelectOption(value=0, name="Executables", order=0, hint="(0)"),
        SelectOption(value=1, name="Potentially Dangerous", order=1, hint="(1)"),
    ]


def multi_languages() -> Any:
    """Which languages a MULTi release on this indexer carries."""
    return setting(
        label="Multi Languages",
        type=FieldType.SELECT,
        options=language_options,
        help="What languages are normally in a multi release on this indexer?",
        advanced=True,
        default_factory=list,
    )


def fail_downloads() -> Any:
    """Which file types make a finished download count as failed."""
    return setting(
        label="Fail Downloads",
        type=FieldType.SELECT,
        options=fail_download_options,
        help=(
            "While processing completed downloads Reelarr will treat these selected filetypes "
            "as failed downloads."
        ),
        advanced=True,
        default_factory=list,
    )


def minimum_seeders(field_type: FieldType = FieldType.NUMBER) -> Any:
    """The fewest seeders a release may have."""
    return setting(
        MINIMUM_SEEDERS,
        label="Minimum Seeders",
        type=field_type,
        help="Minimum number of seeders required.",
        advanced=True,
    )


def reject_blocklisted_hashes() -> Any:
    """Check a grabbed torrent's hash against the blocklist before sending it."""
    return setting(
        False,
        label="Reject Blocklisted Torrent Hashes While Grabbing",
        type=FieldType.CHECKBOX,
        help=(
            "If a torrent is blocked by hash it may not properly be rejected during RSS/Search for some "
            "indexers, enabling this will allow it to be rejected after the torrent is grabbed, but before "
            "it is sent to the client."
        ),
        advanced=True,
    )


def required_flags() -> Any:
    """The flags a release must carry to be taken."""
    return setting(
        label="Required Flags",
        type=FieldType.SELECT,
        options=flag_options,
        help="Select which indexer flags should be mandatory. Leave blank to use with all flags.",
        help_link=FLAGS_HELP_LINK,
        advanced=True,
        default_factory=list,
    )


def api_url(default: str) -> Any:
    """The address of a tracker's API."""
    return setting(
        default,
        label="API URL",
        help=(
            "Do not change this unless you know what you're doing. "
            "Since your API key will be sent to that host."
        ),
        advanced=True,
    )


class SeedCriteriaSettings(ProviderSettings):
    """How long a torrent from this indexer is seeded."""

    seed_ratio: float | None = setting(
        None,
        label="Seed Ratio",
        type=FieldType.NUMBER,
        help=(
            "The ratio a torrent should reach before stopping, empty uses the download client's default. "
            "Ratio should be at least 1.0 and follow the indexers rules"
        ),
    )
    seed_time: int | None = setting(
        None,
        label="Seed Time",
        type=FieldType.NUMBER,
        unit="minutes",
        help="The time a torrent should be seeded before stopping, empty uses the download client's default",
        advanced=True,
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr warns of a ratio or time that is not above zero."""
        found = []
        if self.seed_ratio is not None and self.seed_ratio <= 0:
            found.append(warning("seedCriteria.seedRatio", "Should be greater than zero", self.seed_ratio))
        if self.seed_time is not None and self.seed_time <= 0:
            found.append(warning("seedCriteria.seedTime", "Should be greater than zero", self.seed_time))
        return found


def seed_criteria() -> Any:
    """The nested seed criteria (flattened to seedCriteria.seedRatio and seedCriteria.seedTime)."""
    return Field(default_factory=SeedCriteriaSettings)
