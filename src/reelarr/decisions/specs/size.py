"""Size checks: the quality's limits for the film's runtime, the global maximum, samples."""

from __future__ import annotations

from reelarr.decisions.rejection import Reason, Rejection
from reelarr.decisions.subject import Subject
from reelarr.decisions.text import size_text

MEGABYTE = 1024 * 1024
# Radarr's stand-in when TMDB has no runtime for a film.
ASSUMED_RUNTIME_MINUTES = 110
SAMPLE_BELOW = 70 * MEGABYTE


def runtime_minutes(subject: Subject) -> int:
    """The film's runtime, or Radarr's assumed runtime when it is unknown."""
    return subject.movie.runtime or ASSUMED_RUNTIME_MINUTES


def acceptable_size(subject: Subject) -> Rejection | None:
    """Reject a release outside the quality's MB-per-minute limits for the film's runtime."""
    size = subject.release.size
    if size == 0:
        return None
    limits = subject.size_limits
    runtime = runtime_minutes(subject)
    if limits.min_size:
        minimum = limits.min_size * MEGABYTE * runtime
        if size < minimum:
            allowed = size_text(minimum)
            message = (
                f"{size_text(size)} is smaller than minimum allowed {allowed} (for {subject.movie.title})"
            )
            return Rejection(Reason.BELOW_MINIMUM_SIZE, message)
    if limits.max_size:
        maximum = limits.max_size * MEGABYTE * runtime
        if size > maximum:
            allowed = size_text(maximum)
            message = (
                f"{size_text(size)} is larger than maximum allowed {allowed} (for {subject.movie.title})"
            )
            return Rejection(Reason.ABOVE_MAXIMUM_SIZE, message)
    return None


def maximum_size(subject: Subject) -> Rejection | None:
    """Reject a release above Settings → Indexers → Maximum Size."""
    limit = subject.settings.maximum_size_mb * MEGABYTE
    size = subject.release.size
    if limit and size > limit:
        where = "(Settings->Indexers->Maximum Size)"
        message = f"{size_text(size)} is too big, maximum size is {size_text(limit)} {where}"
        return Rejection(Reason.MAXIMUM_SIZE_EXCEEDED, message)
    return None


def not_sample(subject: Subject) -> Rejection | None:
    """Reject a small release whose title says it is a sample."""
    release = subject.release
    if "sample" in release.title.lower() and release.size < SAMPLE_BELOW:
        return Rejection(Reason.SAMPLE, "Sample")
    return None
