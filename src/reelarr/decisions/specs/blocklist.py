"""Radarr's BlocklistSpecification: a release blocklisted for the film is never grabbed again."""

from __future__ import annotations

from reelarr.blocklist.matching import is_blocklisted
from reelarr.decisions.rejection import Reason, Rejection
from reelarr.decisions.subject import Subject


def blocklisted(subject: Subject) -> Rejection | None:
    """Reject a release that matches one on the film's blocklist."""
    if subject.blocklist and is_blocklisted(subject.blocklist, subject.release):
        return Rejection(Reason.BLOCKLISTED, "Release is blocklisted")
    return None
