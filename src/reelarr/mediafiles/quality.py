"""A movie file's quality from every clue: its name, its folder's name and its media info.

Each clue gives a source, a resolution, a modifier and a revision with a confidence; the most confident
clue wins each part. Media info outranks names: a file named 720p that is 1920x1080 is 1080p.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from reelarr.mediafiles.model import MediaInfo
from reelarr.parsing.quality import parse_quality
from reelarr.quality.catalogue import (
    ALL_QUALITIES,
    UNKNOWN,
    DetectionSource,
    Modifier,
    Quality,
    QualitySource,
    Resolution,
)
from reelarr.quality.revision import QualityModel, Revision


class Confidence(IntEnum):
    """How much a clue is trusted, least first."""

    FALLBACK = 0
    DEFAULT = 1
    TAG = 2
    MEDIA_INFO = 3


@dataclass(frozen=True, slots=True)
class QualityClue:
    """What one clue says about a file's quality, and how sure it is of each part."""

    source: QualitySource = QualitySource.UNKNOWN
    source_confidence: Confidence = Confidence.DEFAULT
    resolution: int = 0
    resolution_confidence: Confidence = Confidence.DEFAULT
    modifier: Modifier = Modifier.NONE
    modifier_confidence: Confidence = Confidence.DEFAULT
    revision: Revision | None = None
    revision_confidence: Confidence = Confidence.DEFAULT


def _named(detection: DetectionSource) -> Confidence:
    return Confidence.TAG if detection is DetectionSource.NAME else Confidence.FALLBACK


def clue_from_name(parsed: QualityModel) -> QualityClue:
    """The clue of a parsed name (a file's or its folder's): a tag where the name said it, else a fallback."""
    return QualityClue(
        source=parsed.quality.source,
        source_confidence=_named(parsed.source_detection),
        resolution=parsed.quality.resolution,
        resolution_confidence=_named(parsed.resolution_detection),
        modifier=parsed.quality.modifier,
        modifier_confidence=_named(parsed.source_detection),
        revision=parsed.revision,
        revision_confidence=_named(parsed.revision_detection),
    )


def resolution_from_dimensions(width: int, height: int) -> int:
    """The resolution a picture size counts as (3840x1600 is 2160p, 1920x800 is 1080p); 0 if unknown."""
    if width >= 3200 or height >= 2100:
        return Resolution.R2160P
    if width >= 1800 or height >= 1000:
        return Resolution.R1080P
    if width >= 1200 or height >= 700:
        return Resolution.R720P
    if width >= 1000 or height >= 560:
        return Resolution.R576P
    if width > 0 and height > 0:
        return Resolution.R480P
    return 0


def clue_from_media_info(info: MediaInfo) -> QualityClue | None:
    """The clue of media info: the picture size, and the source its title tag names (a release name)."""
    resolution = resolution_from_dimensions(info.width, info.height)
    if not resolution:
        return None
    source, source_confidence = QualitySource.UNKNOWN, Confidence.DEFAULT
    if info.title.strip():
        titled = parse_quality(info.title)
        named = titled.source_detection is DetectionSource.NAME
        if named and titled.quality.source is not QualitySource.UNKNOWN:
            source, source_confidence = titled.quality.source, Confidence.MEDIA_INFO
    return QualityClue(
        source=source,
        source_confidence=source_confidence,
        resolution=resolution,
        resolution_confidence=Confidence.MEDIA_INFO,
    )


def find_quality(source: QualitySource, resolution: int, modifier: Modifier) -> Quality:
    """The catalogue quality for a source, resolution and modifier, or Radarr's nearest stand-in."""
    wanted = (source, resolution, modifier)
    exact = next((q for q in ALL_QUALITIES if (q.source, q.resolution, q.modifier) == wanted), None)
    if exact is not None:
        return exact
    # A source whose qualities have no resolution (DVD, CAM, ...) keeps its quality at any resolution.
    sized_less = [
        q
        for q in ALL_QUALITIES
        if q.source == source and q.resolution == 0 and q.modifier == modifier and q != UNKNOWN
    ]
    if sized_less:
        return sized_less[0]
    same_size = sorted(
        (q for q in ALL_QUALITIES if q.modifier == modifier and q.resolution == resolution),
        key=lambda q: q.source,
    )
    return next((q for q in same_size if q.source >= source), UNKNOWN)


def _detection(confidence: Confidence, known: bool) -> DetectionSource:
    if not known:
        return DetectionSource.UNKNOWN
    if confidence is Confidence.MEDIA_INFO:
        return DetectionSource.MEDIA_INFO
    if confidence is Confidence.FALLBACK:
        return DetectionSource.EXTENSION
    return DetectionSource.NAME


def combine_quality(clues: Iterable[QualityClue | None]) -> QualityModel:
    """Merge clues in order: each part goes to the first clue that has it, unless a later one is surer."""
    source, source_conf = QualitySource.UNKNOWN, Confidence.DEFAULT
    resolution, resolution_conf = 0, Confidence.DEFAULT
    modifier, modifier_conf = Modifier.NONE, Confidence.DEFAULT
    revision, revision_conf = Revision(), Confidence.DEFAULT
    for clue in clues:
        if clue is None:
            continue
        surer = clue.source_confidence > source_conf and clue.source is not QualitySource.UNKNOWN
        if source is QualitySource.UNKNOWN or surer:
            source, source_conf = clue.source, clue.source_confidence
        if resolution == 0 or (clue.resolution_confidence > resolution_conf and clue.resolution > 0):
            resolution, resolution_conf = clue.resolution, clue.resolution_confidence
        surer = clue.modifier_confidence > modifier_conf and clue.modifier is not Modifier.NONE
        if clue.modifier > modifier or surer:
            modifier, modifier_conf = clue.modifier, clue.modifier_confidence
        if clue.revision is not None and (
            clue.revision_confidence > revision_conf
            or (clue.revision_confidence == revision_conf and clue.revision > revision)
        ):
            revision, revision_conf = clue.revision, clue.revision_confidence
    quality = find_quality(source, resolution, modifier)
    return QualityModel(
        quality=quality,
        revision=revision,
        source_detection=_detection(source_conf, quality.source is not QualitySource.UNKNOWN),
        resolution_detection=_detection(resolution_conf, resolution > 0),
        revision_detection=(
            DetectionSource.NAME if revision_conf is Confidence.TAG else DetectionSource.UNKNOWN
        ),
    )


def augment_quality(
    file_quality: QualityModel, media_info: MediaInfo | None, folder_quality: QualityModel | None = None
) -> QualityModel:
    """A file's quality from its name's, its folder name's and its media info, as Radarr decides it."""
    clues: list[QualityClue | None] = [clue_from_name(file_quality)]
    if folder_quality is not None:
        clues.append(clue_from_name(folder_quality))
    if media_info is not None:
        clues.append(clue_from_media_info(media_info))
    return combine_quality(clues)
