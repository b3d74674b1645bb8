"""Radarr's history check: an RSS sync does not grab again what it grabbed in the last 12 hours unless
the new release is an upgrade of it (searches step aside, as in Radarr)."""

from __future__ import annotations

from reelarr.decisions.rejection import Reason, Rejection
from reelarr.decisions.subject import Subject
from reelarr.quality.profile_rules import cutoff_met, is_upgrade


def recent_grab(subject: Subject) -> Rejection | None:
    """Reject what would not improve on the film's grab of the last 12 hours."""
    grabbed = subject.last_grab
    if subject.search is not None or grabbed is None:
        return None
    profile = subject.profile
    if cutoff_met(profile, grabbed.quality, grabbed.format_score, subject.quality):
        return Rejection(
            Reason.HISTORY_RECENT_CUTOFF_MET, "Recent grab event in history already meets cutoff"
        )
    if not is_upgrade(
        profile,
        grabbed.quality,
        subject.quality,
        grabbed.format_score,
        subject.format_score,
        subject.settings.proper_policy,
    ):
        return Rejection(
            Reason.HISTORY_HIGHER_PREFERENCE, "Recent grab event in history is of equal or higher preference"
        )
    return None
