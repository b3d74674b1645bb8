"""The 30 qualities Radarr knows, with their sources, resolutions, modifiers and default sizes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum


class QualitySource(IntEnum):
    """Where a release was taken from."""

    UNKNOWN = 0
    CAM = 1
    TELESYNC = 2
    TELECINE = 3
    WORKPRINT = 4
    DVD = 5
    TV = 6
    WEBDL = 7
    WEBRIP = 8
    BLURAY = 9


class Modifier(IntEnum):
    """What was done to the source (a remux, a full disc, a screener, ...)."""

    NONE = 0
    REGIONAL = 1
    SCREENER = 2
    RAWHD = 3
    BRDISK = 4
    REMUX = 5


class Resolution(IntEnum):
    """Vertical resolution; the value is the pixel height."""

    UNKNOWN = 0
    R360P = 360
    R480P = 480
    R540P = 540
    R576P = 576
    R720P = 720
    R1080P = 1080
    R2160P = 2160


class DetectionSource(Enum):
    """Where a quality attribute was read from."""

    UNKNOWN = "Unknown"
    NAME = "Name"
    EXTENSION = "Extension"
    MEDIA_INFO = "MediaInfo"


@dataclass(frozen=True, slots=True)
class Quality:
    """One entry of the quality catalogue."""

    id: int
    name: str
    source: QualitySource
    resolution: int
    modifier: Modifier = Modifier.NONE

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class QualityDefinition:
    """Default weight, size limits (MB per minute of runtime; None is unlimited) and web group."""

    quality: Quality
    weight: int
    min_size: float
    preferred_size: float | None
    max_size: float | None
    group: str = ""


_S = QualitySource
_M = Modifier

# (id, name, source, resolution, modifier, weight, min, preferred, max, group), sorted by weight.
_ROWS: tuple[
    tuple[int, str, QualitySource, int, Modifier, int, float, float | None, float | None, str], ...
] = (
    (0, "Unknown", _S.UNKNOWN, 0, _M.NONE, 1, 0, 95, 100, ""),
    (24, "WORKPRINT", _S.WORKPRINT, 0, _M.NONE, 2, 0, 95, 100, ""),
    (25, "CAM", _S.CAM, 0, _M.NONE, 3, 0, 95, 100, ""),
    (26, "TELESYNC", _S.TELESYNC, 0, _M.NONE, 4, 0, 95, 100, ""),
    (27, "TELECINE", _S.TELECINE, 0, _M.NONE, 5, 0, 95, 100, ""),
    (29, "REGIONAL", _S.DVD, 480, _M.REGIONAL, 6, 0, 95, 100, ""),
    (28, "DVDSCR", _S.DVD, 480, _M.SCREENER, 7, 0, 95, 100, ""),
    (1, "SDTV", _S.TV, 480, _M.NONE, 8, 0, 95, 100, ""),
    (2, "DVD", _S.DVD, 0, _M.NONE, 9, 0, 95, 100, ""),
    (23, "DVD-R", _S.DVD, 480, _M.REMUX, 10, 0, 95, 100, ""),
    (8, "WEBDL-480p", _S.WEBDL, 480, _M.NONE, 11, 0, 95, 100, "WEB 480p"),
    (12, "WEBRip-480p", _S.WEBRIP, 480, _M.NONE, 11, 0, 95, 100, "WEB 480p"),
    (20, "Bluray-480p", _S.BLURAY, 480, _M.NONE, 12, 0, 95, 100, ""),
    (21, "Bluray-576p", _S.BLURAY, 576, _M.NONE, 13, 0, 95, 100, ""),
    (4, "HDTV-720p", _S.TV, 720, _M.NONE, 14, 0, 95, 100, ""),
    (5, "WEBDL-720p", _S.WEBDL, 720, _M.NONE, 15, 0, 95, 100, "WEB 720p"),
    (14, "WEBRip-720p", _S.WEBRIP, 720, _M.NONE, 15, 0, 95, 100, "WEB 720p"),
    (6, "Bluray-720p", _S.BLURAY, 720, _M.NONE, 16, 0, 95, 100, ""),
    (9, "HDTV-1080p", _S.TV, 1080, _M.NONE, 17, 0, 95, 100, ""),
    (3, "WEBDL-1080p", _S.WEBDL, 1080, _M.NONE, 18, 0, 95, 100, "WEB 1080p"),
    (15, "WEBRip-1080p", _S.WEBRIP, 1080, _M.NONE, 18, 0, 95, 100, "WEB 1080p"),
    (7, "Bluray-1080p", _S.BLURAY, 1080, _M.NONE, 19, 0, None, None, ""),
    (30, "Remux-1080p", _S.BLURAY, 1080, _M.REMUX, 20, 0, None, None, ""),
    (16, "HDTV-2160p", _S.TV, 2160, _M.NONE, 21, 0, None, None, ""),
    (18, "WEBDL-2160p", _S.WEBDL, 2160, _M.NONE, 22, 0, None, None, "WEB 2160p"),
    (17, "WEBRip-2160p", _S.WEBRIP, 2160, _M.NONE, 22, 0, None, None, "WEB 2160p"),
    (19, "Bluray-2160p", _S.BLURAY, 2160, _M.NONE, 23, 0, None, None, ""),
    (31, "Remux-2160p", _S.BLURAY, 2160, _M.REMUX, 24, 0, None, None, ""),
    (22, "BR-DISK", _S.BLURAY, 1080, _M.BRDISK, 25, 0, None, None, ""),
    (10, "Raw-HD", _S.TV, 1080, _M.RAWHD, 26, 0, None, None, ""),
)

ALL_QUALITIES: tuple[Quality, ...] = tuple(Quality(r[0], r[1], r[2], r[3], r[4]) for r in _ROWS)
DEFAULT_DEFINITIONS: tuple[QualityDefinition, ...] = tuple(
    QualityDefinition(quality, r[5], r[6], r[7], r[8], r[9])
    for quality, r in zip(ALL_QUALITIES, _ROWS, strict=True)
)

_BY_ID = {quality.id: quality for quality in ALL_QUALITIES}
_BY_NAME = {quality.name.lower(): quality for quality in ALL_QUALITIES}


def quality_by_id(quality_id: int) -> Quality | None:
    """Return the quality with this Radarr id, or None."""
    return _BY_ID.get(quality_id)


def quality_by_name(name: str) -> Quality | None:
    """Return the quality with this name (ignoring case), or None."""
    return _BY_NAME.get(name.strip().lower())


def quality(name: str) -> Quality:
    """Return the quality with this exact catalogue name; an unknown name is a programming error."""
    return _BY_NAME[name.lower()]


UNKNOWN = _BY_ID[0]


def find_by_source_and_resolution(
    source: QualitySource, resolution: int, modifier: Modifier = Modifier.NONE
) -> Quality:
    """Find the quality for a source, resolution and modifier, or the nearest lower one of that source."""
    exact = next(
        (
            q
            for q in ALL_QUALITIES
            if q.source == source and q.resolution == resolution and q.modifier == modifier
        ),
        None,
    )
    if exact is not None:
        return exact
    same_source = [q for q in ALL_QUALITIES if q.source == source and q.modifier == modifier]
    lower = [q for q in same_source if q.resolution <= resolution]
    if lower:
        return max(lower, key=lambda q: q.resolution)
    return same_source[0] if same_source else UNKNOWN
