"""Is a video file a sample? Radarr's rule: a runtime too short for the movie, checked per file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from reelarr.mediafiles.formatting import format_runtime
from reelarr.parsing.extensions import extension_of

# Radarr does not check these: .flv and .strm carry no reliable runtime, disc images are not one video.
UNCHECKED_EXTENSIONS = frozenset({".flv", ".strm", ".iso", ".img", ".m2ts"})

_SAMPLE_WORD_RE = re.compile(r"(?<![a-z0-9])sample(?![a-z0-9])", re.IGNORECASE)


class SampleStatus(Enum):
    """The outcome of a sample check."""

    NOT_SAMPLE = "not sample"
    SAMPLE = "sample"
    INDETERMINATE = "indeterminate"


@dataclass(frozen=True, slots=True)
class SampleCheck:
    """A sample check's outcome and the reason, written for the user."""

    status: SampleStatus
    reason: str

    @property
    def is_sample(self) -> bool:
        """Whether the file is a sample."""
        return self.status is SampleStatus.SAMPLE


def minimum_runtime(movie_runtime_minutes: int) -> timedelta:
    """The shortest file that is not a sample, by the movie's runtime (a short film allows less)."""
    if movie_runtime_minutes <= 3:
        return timedelta(seconds=15)
    if movie_runtime_minutes <= 10:
        return timedelta(seconds=90)
    if movie_runtime_minutes <= 30:
        return timedelta(minutes=5)
    return timedelta(minutes=10)


def named_as_sample(name: str) -> bool:
    """Whether a file name says "sample" as a word ("Movie-sample.mkv", "sample.mkv", not "Samples2")."""
    return _SAMPLE_WORD_RE.search(name) is not None


def detect_sample(name: str, runtime: timedelta | None, movie_runtime_minutes: int = 0) -> SampleCheck:
    """Decide whether a file is a sample from its name, its runtime (None if unread) and the movie's.

    A known runtime decides (a two-hour "Free Sample (2012)" is the movie); without one, a name that
    says "sample" is a sample and any other name is indeterminate.
    """
    if extension_of(name) in UNCHECKED_EXTENSIONS:
        return SampleCheck(SampleStatus.NOT_SAMPLE, f"{extension_of(name)} files are not checked for samples")
    if runtime is None:
        if named_as_sample(name):
            return SampleCheck(SampleStatus.SAMPLE, "Sample: the file name says so")
        return SampleCheck(SampleStatus.INDETERMINATE, "Unable to determine if file is a sample")
    if runtime.total_seconds() < 1:
        return SampleCheck(SampleStatus.SAMPLE, "Sample: the file has no runtime")
    shortest = minimum_runtime(movie_runtime_minutes)
    if runtime < shortest:
        return SampleCheck(
            SampleStatus.SAMPLE,
            f"Sample: runtime {format_runtime(runtime)} is shorter than {format_runtime(shortest)}",
        )
    return SampleCheck(SampleStatus.NOT_SAMPLE, f"Runtime {format_runtime(runtime)} is not a sample's")
