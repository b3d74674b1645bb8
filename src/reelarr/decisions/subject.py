"""What a check reads about one release for one film: all of it gathered before any check runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from reelarr.blocklist.model import BlocklistEntry
from reelarr.customformats.input import release_languages
from reelarr.delayprofiles.model import GLOBAL_ID, GLOBAL_ORDER, DelayProfile
from reelarr.languages import Language
from reelarr.movies.model import Movie
from reelarr.parsing.result import ParsedMovieInfo
from reelarr.quality.profile import QualityProfile
from reelarr.quality.profile_rules import ProperPolicy
from reelarr.quality.revision import QualityModel
from reelarr.releaseprofiles.model import ReleaseProfile
from reelarr.releases.model import NO_FLAGS, IndexerFlags, IndexerInfo, Release

# Both protocols, no delay: what a film gets when no delay profile was looked up.
NO_DELAY = DelayProfile(id=GLOBAL_ID, order=GLOBAL_ORDER)


@dataclass(frozen=True, slots=True)
class SizeLimits:
    """The parsed quality's size limits in MB per minute of runtime (None: unlimited)."""

    min_size: float | None = None
    preferred_size: float | None = None
    max_size: float | None = None


@dataclass(frozen=True, slots=True)
class OnDisk:
    """The film's current file, as far as upgrading goes."""

    quality: QualityModel
    added: datetime
    format_score: int = 0
    formats: tuple[str, ...] = ()
    release_group: str | None = None


@dataclass(frozen=True, slots=True)
class GrabbedBefore:
    """The film's most recent history event, a grab, within the last 12 hours."""

    quality: QualityModel
    format_score: int
    date: datetime


@dataclass(frozen=True, slots=True)
class Queued:
    """A release of the film that a download client is downloading now (Radarr's queue)."""

    quality: QualityModel
    format_score: int = 0


@dataclass(frozen=True, slots=True)
class IndexerRules:
    """What the release's indexer asks of its releases (Radarr's indexer settings)."""

    minimum_seeders: int = 0
    required_flags: IndexerFlags = NO_FLAGS
    tags: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def of(cls, info: IndexerInfo) -> IndexerRules:
        """The rules of an indexer as the indexers package describes it."""
        return cls(info.minimum_seeders or 0, info.required_flags, frozenset(info.tags))


@dataclass(frozen=True, slots=True)
class DecisionSettings:
    """The options of Settings → Indexers and Media Management that decisions read."""

    minimum_age_minutes: int = 0
    retention_days: int = 0
    maximum_size_mb: int = 0
    availability_delay_days: int = 0
    prefer_indexer_flags: bool = False
    allow_hardcoded_subs: bool = False
    whitelisted_hardcoded_subs: str = ""
    proper_policy: ProperPolicy = ProperPolicy.PREFER_AND_UPGRADE
    # Media Management's free space rule.
    minimum_free_space_mb: int = 100
    skip_free_space_check: bool = False


@dataclass(frozen=True, slots=True)
class SearchContext:
    """The search a release came from; None for RSS syncs and pushed releases."""

    movie_id: int
    user_invoked: bool = False
    interactive: bool = False


@dataclass(frozen=True, slots=True)
class Subject:
    """One release for one film, with everything the checks need; no check does I/O."""

    release: Release
    parsed: ParsedMovieInfo
    movie: Movie
    profile: QualityProfile
    now: datetime
    size_limits: SizeLimits = SizeLimits()
    formats: tuple[str, ...] = ()
    format_score: int = 0
    on_disk: OnDisk | None = None
    delay_profile: DelayProfile = NO_DELAY
    release_profiles: tuple[ReleaseProfile, ...] = ()
    indexer: IndexerRules = IndexerRules()
    settings: DecisionSettings = DecisionSettings()
    search: SearchContext | None = None
    # How long the film's oldest release waiting out its delay has waited, in minutes.
    oldest_pending_minutes: float | None = None
    # Bytes free on the film's disk (None: unknown, and the free space check steps aside).
    free_space: int | None = None
    last_grab: GrabbedBefore | None = None
    blocklist: tuple[BlocklistEntry, ...] = ()  # the film's blocklisted releases
    queued: tuple[Queued, ...] = ()  # the film's releases downloading now

    @property
    def quality(self) -> QualityModel:
        """The release's quality as parsed from its title."""
        return self.parsed.quality

    @property
    def user_invoked(self) -> bool:
        """Whether a person asked for this search (some checks step aside then)."""
        return self.search is not None and self.search.user_invoked

    @property
    def languages(self) -> tuple[Language, ...]:
        """The release's languages as Radarr settles them: the film's original one when none is named."""
        return release_languages(self.parsed.languages, self.movie.original_language)
