"""Revisions (proper, repack, REAL) and the quality of one release or file."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reelarr.quality.catalogue import UNKNOWN, DetectionSource, Quality


@dataclass(frozen=True, slots=True)
class Revision:
    """A release's revision: version 2+ for a proper/repack, REAL count, and whether it was a repack."""

    version: int = 1
    real: int = 0
    is_repack: bool = field(default=False, compare=False)

    def sort_key(self) -> tuple[int, int]:
        """Order revisions: more REALs first, then a higher version."""
        return (self.real, self.version)

    def __lt__(self, other: Revision) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: Revision) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: Revision) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: Revision) -> bool:
        return self.sort_key() >= other.sort_key()


@dataclass(frozen=True, slots=True)
class QualityModel:
    """A quality with its revision, and where source, resolution and revision were read from."""

    quality: Quality = UNKNOWN
    revision: Revision = Revision()
    source_detection: DetectionSource = field(default=DetectionSource.UNKNOWN, compare=False)
    resolution_detection: DetectionSource = field(default=DetectionSource.UNKNOWN, compare=False)
    revision_detection: DetectionSource = field(default=DetectionSource.UNKNOWN, compare=False)

    @property
    def name(self) -> str:
        """The quality's catalogue name."""
        return self.quality.name

    def with_quality(self, quality: Quality) -> QualityModel:
        """Return a copy with another quality."""
        return replace(self, quality=quality)

    def __str__(self) -> str:
        suffix = " Proper" if self.revision.version > 1 else ""
        return f"{self.quality.name} v{self.revision.version}{suffix}"
