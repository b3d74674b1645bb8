"""PROPER and REPACK releases: wanted only as the user's setting and the file on disk allow."""

from __future__ import annotations

from datetime import timedelta

from reelarr.decisions.rejection import Reason, Rejection
from reelarr.decisions.subject import Subject
from reelarr.quality.profile_rules import ProperPolicy, is_revision_upgrade

# A proper for a file older than this is not worth replacing it in an RSS sync.
PROPER_WINDOW = timedelta(days=7)


def proper(subject: Subject) -> Rejection | None:
    """In RSS syncs, reject a proper of the file on disk when propers are off or the file is old."""
    policy = subject.settings.proper_policy
    disk = subject.on_disk
    if subject.search is not None or policy is ProperPolicy.DO_NOT_PREFER or disk is None:
        return None
    if not is_revision_upgrade(disk.quality, subject.quality):
        return None
    if policy is ProperPolicy.DO_NOT_UPGRADE:
        return Rejection(Reason.PROPERS_DISABLED, "Proper downloading is disabled")
    if disk.added.date() < (subject.now - PROPER_WINDOW).date():
        return Rejection(Reason.PROPER_FOR_OLD_FILE, "Proper for old file")
    return None


def repack(subject: Subject) -> Rejection | None:
    """Reject a repack unless it repacks the file on disk, from the same release group."""
    policy = subject.settings.proper_policy
    disk = subject.on_disk
    if not subject.quality.revision.is_repack or policy is ProperPolicy.DO_NOT_PREFER or disk is None:
        return None
    if not is_revision_upgrade(disk.quality, subject.quality):
        return None
    if policy is ProperPolicy.DO_NOT_UPGRADE:
        return Rejection(Reason.REPACK_DISABLED, "Repack downloading is disabled")
    file_group = (disk.release_group or "").strip()
    release_group = (subject.parsed.release_group or "").strip()
    if not file_group:
        return Rejection(
            Reason.REPACK_UNKNOWN_RELEASE_GROUP, "Unable to determine release group for the existing file"
        )
    if not release_group:
        return Rejection(
            Reason.REPACK_UNKNOWN_RELEASE_GROUP, "Unable to determine release group for this release"
        )
    if file_group.casefold() != release_group.casefold():
        message = (
            f"Release is a repack for a different release group. Release Group: {release_group}. "
            f"File release group: {file_group}"
        )
        return Rejection(Reason.REPACK_RELEASE_GROUP_DOES_NOT_MATCH, message)
    return None
