"""Quality checks: allowed by the profile, enough format score, and a real upgrade of the file on disk."""

from __future__ import annotations

from reelarr.decisions.rejection import Reason, Rejection
from reelarr.decisions.subject import OnDisk, Subject
from reelarr.decisions.text import joined
from reelarr.quality.profile import QualityProfile
from reelarr.quality.profile_rules import UpgradeRejection, compare_models, cutoff_met, upgrade_rejection
from reelarr.quality.revision import Revision


def quality_allowed(subject: Subject) -> Rejection | None:
    """Reject a quality the film's profile does not want."""
    if not subject.profile.is_allowed(subject.quality.quality):
        return Rejection(Reason.QUALITY_NOT_WANTED, f"{subject.quality.name} is not wanted in profile")
    return None


def format_score_minimum(subject: Subject) -> Rejection | None:
    """Reject a release whose custom formats score below the profile's minimum."""
    minimum = subject.profile.min_format_score
    if subject.format_score < minimum:
        message = (
            f"Custom Formats {joined(subject.formats)} have score {subject.format_score} "
            f"below Movie's profile minimum {minimum}"
        )
        return Rejection(Reason.CUSTOM_FORMAT_MINIMUM_SCORE, message)
    return None


def upgrade_allowed(subject: Subject) -> Rejection | None:
    """Reject an upgrade of the file on disk when the profile allows none."""
    disk = subject.on_disk
    if disk is None or subject.profile.upgrade_allowed:
        return None
    better_quality = compare_models(subject.profile, subject.quality, disk.quality) > 0
    if better_quality or subject.format_score > disk.format_score:
        return Rejection(
            Reason.QUALITY_UPGRADES_DISABLED, "Existing file and the Quality profile does not allow upgrades"
        )
    return None


def cutoff_name(profile: QualityProfile) -> str:
    """The name of the profile row the cutoff points at (a group's name or a quality's)."""
    cutoff = profile.cutoff if profile.upgrade_allowed else profile.first_allowed_quality().id
    for item in profile.items:
        if item.item_id == cutoff:
            return item.name if item.quality is None else item.quality.name
    return str(cutoff)


def _revision_text(revision: Revision) -> str:
    return f"v{revision.version}" + (
        f" REAL{'' if revision.real == 1 else revision.real}" if revision.real else ""
    )


def _disk_rejection(subject: Subject, disk: OnDisk, why: UpgradeRejection) -> Rejection:
    profile = subject.profile
    messages = {
        UpgradeRejection.BETTER_QUALITY: (
            Reason.DISK_HIGHER_PREFERENCE,
            f"Existing file on disk is of equal or higher preference: {disk.quality}",
        ),
        UpgradeRejection.BETTER_REVISION: (
            Reason.DISK_HIGHER_REVISION,
            f"Existing file on disk is of equal or higher revision: {_revision_text(disk.quality.revision)}",
        ),
        UpgradeRejection.QUALITY_CUTOFF: (
            Reason.DISK_CUTOFF_MET,
            f"Existing file on disk meets quality cutoff: {cutoff_name(profile)}",
        ),
        UpgradeRejection.CUSTOM_FORMAT_SCORE: (
            Reason.DISK_CUSTOM_FORMAT_SCORE,
            f"Existing file on disk has a equal or higher Custom Format score: {disk.format_score}",
        ),
        UpgradeRejection.MIN_CUSTOM_FORMAT_SCORE: (
            Reason.DISK_CUSTOM_FORMAT_SCORE_INCREMENT,
            "Existing file on disk has Custom Format score within Custom Format score increment: "
            f"{profile.min_upgrade_format_score}",
        ),
        UpgradeRejection.UPGRADES_NOT_ALLOWED: (
            Reason.DISK_UPGRADES_NOT_ALLOWED,
            f"Existing file on disk and Quality Profile '{profile.name}' does not allow upgrades",
        ),
    }
    reason, message = messages[why]
    return Rejection(reason, message)


def upgrade_disk(subject: Subject) -> Rejection | None:
    """Reject a release that would not improve on the file on disk (cutoff met, not better)."""
    disk = subject.on_disk
    if disk is None:
        return None
    profile = subject.profile
    if cutoff_met(profile, disk.quality, disk.format_score, subject.quality):
        message = f"Existing file meets cutoff: {cutoff_name(profile)} [{joined(disk.formats)}]"
        return Rejection(Reason.DISK_CUTOFF_MET, message)
    why = upgrade_rejection(
        profile,
        disk.quality,
        subject.quality,
        disk.format_score,
        subject.format_score,
        subject.settings.proper_policy,
    )
    return None if why is None else _disk_rejection(subject, disk, why)
