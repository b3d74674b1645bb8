"""Radarr's queue check: a release is not grabbed while one of the film's releases is downloading,
unless it would be an upgrade of it (and the profile allows upgrades)."""

from __future__ import annotations

from reelarr.decisions.rejection import Reason, Rejection
from reelarr.decisions.subject import Subject
from reelarr.quality.profile_rules import cutoff_met, is_upgrade


def already_queued(subject: Subject) -> Rejection | None:
    """Reject what would not improve on a download of the film under way."""
    profile = subject.profile
    for queued in subject.queued:
        if not profile.upgrade_allowed:
            return Rejection(
                Reason.QUEUE_UPGRADES_NOT_ALLOWED,
                "Another release is queued and the Quality profile does not allow upgrades",
            )
        if cutoff_met(profile, queued.quality, queued.format_score, subject.quality):
            return Rejection(Reason.QUEUE_CUTOFF_MET, "Release in queue already meets cutoff")
        if not is_upgrade(
            profile,
            queued.quality,
            subject.quality,
            queued.format_score,
            subject.format_score,
            subject.settings.proper_policy,
        ):
            return Rejection(
                Reason.QUEUE_HIGHER_PREFERENCE, "Release in queue is of equal or higher preference"
            )
    return None
