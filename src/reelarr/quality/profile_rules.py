"""Comparing qualities under a profile: ranking, cutoff and upgrade decisions (Radarr's rules)."""

from __future__ import annotations

from enum import Enum

from reelarr.quality.catalogue import Quality
from reelarr.quality.profile import QualityProfile
from reelarr.quality.revision import QualityModel, Revision


class ProperPolicy(Enum):
    """What to do with PROPER/REPACK releases (Radarr's ProperDownloadTypes)."""

    PREFER_AND_UPGRADE = "preferAndUpgrade"
    DO_NOT_UPGRADE = "doNotUpgrade"
    DO_NOT_PREFER = "doNotPrefer"


class UpgradeRejection(Enum):
    """Why a release is not an upgrade over what is on disk."""

    BETTER_QUALITY = "Existing file is of better quality"
    BETTER_REVISION = "Existing file has a better revision"
    QUALITY_CUTOFF = "Existing file meets the quality cutoff"
    CUSTOM_FORMAT_SCORE = "Existing file has an equal or better custom format score"
    MIN_CUSTOM_FORMAT_SCORE = "New custom format score is not enough better than the existing file's"
    UPGRADES_NOT_ALLOWED = "Upgrades are not allowed by the quality profile"


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)


def compare_qualities(profile: QualityProfile, left: Quality, right: Quality) -> int:
    """-1, 0 or 1 as `left` ranks below, with or above `right` in the profile (a group ranks as one)."""
    return _sign(profile.index_of(left.id) - profile.index_of(right.id))


def compare_revisions(left: Revision, right: Revision) -> int:
    """-1, 0 or 1: REAL count first, then version; whether it was a repack does not count."""
    return _sign((left.real - right.real) or (left.version - right.version))


def compare_models(profile: QualityProfile, left: QualityModel, right: QualityModel) -> int:
    """Compare two releases' qualities under a profile: profile order first, then revision."""
    by_quality = compare_qualities(profile, left.quality, right.quality)
    return by_quality or compare_revisions(left.revision, right.revision)


def _cutoff_id(profile: QualityProfile) -> int:
    return profile.cutoff if profile.upgrade_allowed else profile.first_allowed_quality().id


def is_revision_upgrade(current: QualityModel, new: QualityModel) -> bool:
    """Same quality, better revision (a PROPER or REAL of what is on disk)."""
    return current.quality.id == new.quality.id and compare_revisions(new.revision, current.revision) > 0


def quality_cutoff_met(
    profile: QualityProfile, current: QualityModel, new: QualityModel | None = None
) -> bool:
    """Whether the file on disk reaches the profile's quality cutoff (a better revision re-opens it)."""
    cutoff_index = profile.index_of(_cutoff_id(profile))
    if profile.index_of(current.quality.id) < cutoff_index:
        return False
    return not (new is not None and is_revision_upgrade(current, new))


def cutoff_met(
    profile: QualityProfile,
    current: QualityModel,
    current_format_score: int = 0,
    new: QualityModel | None = None,
) -> bool:
    """Whether a movie's file meets the profile: quality cutoff reached and custom-format cutoff score too."""
    if not quality_cutoff_met(profile, current, new):
        return False
    return not (profile.upgrade_allowed and current_format_score < profile.cutoff_format_score)


def upgrade_rejection(
    profile: QualityProfile,
    current: QualityModel,
    new: QualityModel,
    current_format_score: int = 0,
    new_format_score: int = 0,
    proper_policy: ProperPolicy = ProperPolicy.PREFER_AND_UPGRADE,
) -> UpgradeRejection | None:
    """Why `new` would not replace `current` under the profile, or None when it is an upgrade."""
    by_quality = compare_qualities(profile, new.quality, current.quality)
    better_format = new_format_score > current_format_score
    if (compare_models(profile, new, current) > 0 or better_format) and not profile.upgrade_allowed:
        return UpgradeRejection.UPGRADES_NOT_ALLOWED
    if by_quality > 0 and not quality_cutoff_met(profile, current):
        return None
    if by_quality < 0:
        return UpgradeRejection.BETTER_QUALITY
    by_revision = compare_revisions(new.revision, current.revision) if by_quality == 0 else 0
    if proper_policy != ProperPolicy.DO_NOT_PREFER and by_revision > 0:
        return None
    if proper_policy != ProperPolicy.DO_NOT_PREFER and by_revision < 0:
        return UpgradeRejection.BETTER_REVISION
    if by_quality > 0:
        return UpgradeRejection.QUALITY_CUTOFF
    if not better_format:
        return UpgradeRejection.CUSTOM_FORMAT_SCORE
    if new_format_score - current_format_score < profile.min_upgrade_format_score:
        return UpgradeRejection.MIN_CUSTOM_FORMAT_SCORE
    return None


def is_upgrade(
    profile: QualityProfile,
    current: QualityModel,
    new: QualityModel,
    current_format_score: int = 0,
    new_format_score: int = 0,
    proper_policy: ProperPolicy = ProperPolicy.PREFER_AND_UPGRADE,
) -> bool:
    """Whether `new` should replace `current` under the profile."""
    return (
        upgrade_rejection(profile, current, new, current_format_score, new_format_score, proper_policy)
        is None
    )
