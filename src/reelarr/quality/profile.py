"""Quality profiles as plain data: ordered qualities and groups, cutoff, upgrades, format scores, language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import groupby

from reelarr.languages import Language, lang
from reelarr.quality.catalogue import DEFAULT_DEFINITIONS, UNKNOWN, Quality, quality

FIRST_GROUP_ID = 1000


@dataclass(frozen=True, slots=True)
class ProfileItem:
    """One row of a profile: a single quality, or a named group of qualities that rank as equals."""

    quality: Quality | None = None
    allowed: bool = False
    id: int = 0
    name: str = ""
    items: tuple[ProfileItem, ...] = ()

    @property
    def is_group(self) -> bool:
        """Whether this row is a group rather than a single quality."""
        return self.quality is None

    @property
    def item_id(self) -> int:
        """The id a cutoff refers to: the group id, or the quality id."""
        return self.id if self.quality is None else self.quality.id

    def qualities(self) -> tuple[Quality, ...]:
        """The qualities this row stands for."""
        if self.quality is not None:
            return (self.quality,)
        return tuple(q for item in self.items for q in item.qualities())


@dataclass(frozen=True, slots=True)
class FormatItem:
    """The score a profile gives one custom format."""

    format_id: int
    name: str
    score: int = 0


@dataclass(frozen=True, slots=True)
class _Ranking:
    """A profile's lookups, worked out once: the rank of every id, and what is allowed."""

    ranks: dict[int, int]
    allowed: dict[int, bool]
    allowed_qualities: tuple[Quality, ...]


def _ranking(items: tuple[ProfileItem, ...]) -> _Ranking:
    ranks: dict[int, int] = {}
    allowed: dict[int, bool] = {}
    for index, item in enumerate(items):
        # The first row that names an id decides for it, as a scan of the rows in order would.
        ranks.setdefault(item.item_id, index)
        for member in item.qualities():
            ranks.setdefault(member.id, index)
        if item.quality is not None:
            allowed.setdefault(item.quality.id, item.allowed)
            continue
        for child in item.items:
            for member in child.qualities():
                if member.id not in allowed:
                    allowed[member.id] = item.allowed and any(
                        sibling.allowed
                        for sibling in item.items
                        if member.id in (q.id for q in sibling.qualities())
                    )
    ordered = tuple(q for item in items for q in item.qualities() if allowed.get(q.id, False))
    return _Ranking(ranks, allowed, ordered)


@dataclass(frozen=True, slots=True)
class QualityProfile:
    """What a user wants: allowed qualities in preference order (lowest first), and when to stop upgrading."""

    name: str
    items: tuple[ProfileItem, ...]
    cutoff: int
    upgrade_allowed: bool = False
    min_format_score: int = 0
    cutoff_format_score: int = 0
    min_upgrade_format_score: int = 1
    format_items: tuple[FormatItem, ...] = ()
    language: Language = field(default_factory=lambda: lang("English"))
    id: int = 0
    # Decisions ask these for every release; worked out from `items` on first use.
    _lookups: _Ranking | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def _ranking(self) -> _Ranking:
        lookups = self._lookups
        if lookups is None:
            lookups = _ranking(self.items)
            object.__setattr__(self, "_lookups", lookups)
        return lookups

    def index_of(self, item_id: int) -> int:
        """Rank of a quality or group id in the profile (higher is better); -1 when it is not listed."""
        return self._ranking.ranks.get(item_id, -1)

    def is_allowed(self, candidate: Quality) -> bool:
        """Whether a quality is wanted at all."""
        return self._ranking.allowed.get(candidate.id, False)

    def allowed_qualities(self) -> tuple[Quality, ...]:
        """Every allowed quality, lowest preference first."""
        return self._ranking.allowed_qualities

    def first_allowed_quality(self) -> Quality:
        """The least preferred allowed quality (Unknown when nothing is allowed)."""
        allowed = self.allowed_qualities()
        return allowed[0] if allowed else UNKNOWN

    def last_allowed_quality(self) -> Quality:
        """The most preferred allowed quality (Unknown when nothing is allowed)."""
        allowed = self.allowed_qualities()
        return allowed[-1] if allowed else UNKNOWN

    def format_score(self, format_ids: tuple[int, ...] | list[int]) -> int:
        """Total score of the custom formats a release matches."""
        wanted = set(format_ids)
        return sum(item.score for item in self.format_items if item.format_id in wanted)


def with_formats(profile: QualityProfile, names: Mapping[int, str]) -> QualityProfile:
    """The profile scoring exactly the formats that exist: unknown ones dropped, names brought up to
    date, missing ones added first with a score of 0 (as Radarr adds a new format to every profile).
    A profile left with no formats at all gets Radarr's default format scores back."""
    kept = [
        FormatItem(i.format_id, names[i.format_id], i.score)
        for i in profile.format_items
        if i.format_id in names
    ]
    listed = {i.format_id for i in kept}
    added = [
        FormatItem(format_id, name, 0) for format_id, name in sorted(names.items()) if format_id not in listed
    ]
    items = (*added, *kept)
    if items == profile.format_items:
        return profile
    if not items:
        return replace(
            profile, format_items=(), min_format_score=0, cutoff_format_score=0, min_upgrade_format_score=1
        )
    return replace(profile, format_items=items)


def default_items(allowed: tuple[Quality, ...] = ()) -> tuple[ProfileItem, ...]:
    """Every quality in default weight order; qualities of equal weight form a named, numbered group."""
    allowed_ids = {q.id for q in allowed}
    items: list[ProfileItem] = []
    group_id = FIRST_GROUP_ID
    for _, rows in groupby(DEFAULT_DEFINITIONS, key=lambda definition: definition.weight):
        members = list(rows)
        if len(members) == 1:
            only = members[0].quality
            items.append(ProfileItem(quality=only, allowed=only.id in allowed_ids))
            continue
        group_allowed = any(m.quality.id in allowed_ids for m in members)
        children = tuple(ProfileItem(quality=m.quality, allowed=group_allowed) for m in members)
        items.append(ProfileItem(id=group_id, name=members[0].group, items=children, allowed=group_allowed))
        group_id += 1
    return tuple(items)


def default_profile(name: str, cutoff: Quality, allowed: tuple[Quality, ...]) -> QualityProfile:
    """Build a profile the way Radarr builds its defaults (a cutoff inside a group points at the group)."""
    items = default_items(allowed)
    cutoff_id = cutoff.id
    for item in items:
        if item.is_group and any(q.id == cutoff.id for q in item.qualities()):
            cutoff_id = item.id
    return QualityProfile(name=name, items=items, cutoff=cutoff_id)


def _qs(*names: str) -> tuple[Quality, ...]:
    return tuple(quality(name) for name in names)


_ANY = _qs(
    "WORKPRINT",
    "CAM",
    "TELESYNC",
    "TELECINE",
    "DVDSCR",
    "REGIONAL",
    "SDTV",
    "DVD",
    "DVD-R",
    "HDTV-720p",
    "HDTV-1080p",
    "HDTV-2160p",
    "WEBDL-480p",
    "WEBRip-480p",
    "WEBDL-720p",
    "WEBRip-720p",
    "WEBDL-1080p",
    "WEBRip-1080p",
    "WEBDL-2160p",
    "WEBRip-2160p",
    "Bluray-480p",
    "Bluray-576p",
    "Bluray-720p",
    "Bluray-1080p",
    "Bluray-2160p",
    "Remux-1080p",
    "Remux-2160p",
    "BR-DISK",
)
_SD = _qs(
    "WORKPRINT",
    "CAM",
    "TELESYNC",
    "TELECINE",
    "DVDSCR",
    "REGIONAL",
    "SDTV",
    "DVD",
    "WEBDL-480p",
    "WEBRip-480p",
    "Bluray-480p",
    "Bluray-576p",
)
_HD_720 = _qs("HDTV-720p", "WEBDL-720p", "WEBRip-720p", "Bluray-720p")
_HD_1080 = _qs("HDTV-1080p", "WEBDL-1080p", "WEBRip-1080p", "Bluray-1080p", "Remux-1080p")
_UHD = _qs("HDTV-2160p", "WEBDL-2160p", "WEBRip-2160p", "Bluray-2160p", "Remux-2160p")
_HD_BOTH = _qs(
    "HDTV-720p",
    "HDTV-1080p",
    "WEBDL-720p",
    "WEBRip-720p",
    "WEBDL-1080p",
    "WEBRip-1080p",
    "Bluray-720p",
    "Bluray-1080p",
    "Remux-1080p",
)


def default_profiles() -> tuple[QualityProfile, ...]:
    """Radarr's six starter profiles, created on first start when there are none."""
    return (
        default_profile("Any", quality("Bluray-480p"), _ANY),
        default_profile("SD", quality("Bluray-480p"), _SD),
        default_profile("HD-720p", quality("Bluray-720p"), _HD_720),
        default_profile("HD-1080p", quality("Bluray-1080p"), _HD_1080),
        default_profile("Ultra-HD", quality("Remux-2160p"), _UHD),
        default_profile("HD - 720p/1080p", quality("Bluray-720p"), _HD_BOTH),
    )
