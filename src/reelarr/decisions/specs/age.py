"""Usenet age checks: too new to trust yet (for now), or beyond the provider's retention."""

from __future__ import annotations

from reelarr.decisions.rejection import Reason, Rejection
from reelarr.decisions.subject import Subject
from reelarr.protocols import DownloadProtocol


def minimum_age(subject: Subject) -> Rejection | None:
    """Hold back a usenet release younger than the minimum age (it may pass later)."""
    minimum = subject.settings.minimum_age_minutes
    if subject.release.protocol is not DownloadProtocol.USENET or minimum == 0:
        return None
    age = subject.release.age_minutes(subject.now)
    if age < minimum:
        message = f"Only {round(age, 1)} minutes old, minimum age is {minimum} minutes"
        return Rejection(Reason.MINIMUM_AGE, message, temporary=True)
    return None


def retention(subject: Subject) -> Rejection | None:
    """Reject a usenet release older than the provider keeps articles."""
    days = subject.settings.retention_days
    usenet = subject.release.protocol is DownloadProtocol.USENET
    if usenet and days > 0 and subject.release.age_days(subject.now) > days:
        return Rejection(Reason.MAXIMUM_AGE, "Older than configured retention")
    return None
