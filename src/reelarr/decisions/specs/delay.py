"""The delay profile: which protocols may be grabbed, and how long to wait for something better."""

from __future__ import annotations

from reelarr.decisions.rejection import Reason, Rejection
from reelarr.decisions.subject import Subject
from reelarr.protocols import DownloadProtocol
from reelarr.quality.profile_rules import compare_qualities, is_revision_upgrade, upgrade_rejection


def protocol(subject: Subject) -> Rejection | None:
    """Reject a protocol the film's delay profile turns off."""
    release_protocol = subject.release.protocol
    if subject.delay_profile.allows(release_protocol):
        return None
    name = "Torrent" if release_protocol is DownloadProtocol.TORRENT else "Usenet"
    return Rejection(Reason.PROTOCOL_DISABLED, f"{name} is not enabled for this movie")


def _bypasses_delay(subject: Subject) -> bool:
    delay = subject.delay_profile
    preferred = subject.release.protocol is delay.preferred_protocol
    if not preferred:
        return False
    disk = subject.on_disk
    if disk is not None:
        upgrade = upgrade_rejection(
            subject.profile, disk.quality, subject.quality, disk.format_score, subject.format_score
        )
        if upgrade is None and is_revision_upgrade(disk.quality, subject.quality):
            return True
    best = subject.profile.last_allowed_quality()
    if (
        delay.bypass_if_highest_quality
        and compare_qualities(subject.profile, subject.quality.quality, best) >= 0
    ):
        return True
    return (
        delay.bypass_if_above_custom_format_score
        and subject.format_score >= delay.minimum_custom_format_score
    )


def delay(subject: Subject) -> Rejection | None:
    """Hold a release back until it is as old as the delay (a better one may turn up meanwhile)."""
    if subject.user_invoked:
        return None
    minutes = subject.delay_profile.delay_minutes(subject.release.protocol)
    if minutes == 0 or _bypasses_delay(subject):
        return None
    if subject.oldest_pending_minutes is not None and subject.oldest_pending_minutes > minutes:
        return None
    if subject.release.age_minutes(subject.now) < minutes:
        return Rejection(Reason.MINIMUM_AGE_DELAY, "Waiting for better quality release", temporary=True)
    return None
