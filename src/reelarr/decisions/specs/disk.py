"""The disk check: room left on the film's disk to import the release (run only when all else passed)."""

from __future__ import annotations

from reelarr.decisions.rejection import Reason, Rejection
from reelarr.decisions.specs.size import MEGABYTE
from reelarr.decisions.subject import Subject
from reelarr.decisions.text import size_text


def free_space(subject: Subject) -> Rejection | None:
    """Reject a release that would fill the film's disk, or leave less than the minimum free."""
    settings = subject.settings
    if settings.skip_free_space_check or subject.free_space is None:
        return None
    remaining = subject.free_space - subject.release.size
    if remaining <= 0:
        return Rejection(
            Reason.MINIMUM_FREE_SPACE, "Importing after download will exceed available disk space"
        )
    minimum = settings.minimum_free_space_mb * MEGABYTE
    if remaining < minimum:
        message = (
            f"Not enough free space ({size_text(minimum)}) to import after download: {size_text(remaining)}. "
            "(Settings: Media Management: Minimum Free Space)"
        )
        return Rejection(Reason.MINIMUM_FREE_SPACE, message)
    return None
