"""Read the quality (source, resolution, modifier, revision) from a release title or file name."""

from __future__ import annotations

import re

from reelarr.parsing.extensions import extension_of, quality_for_extension
from reelarr.parsing.quality_marks import (
    ANIME_BLURAY_RE,
    ANIME_WEB_RE,
    CODEC_RE,
    HR_WS_RE,
    MPEG2_RE,
    OTHER_SOURCE_RE,
    RAWHD_RE,
    REMUX_RE,
    is_full_disc,
    is_german_remux,
    last_source,
    parse_resolution,
    parse_revision,
)
from reelarr.quality.catalogue import (
    UNKNOWN,
    DetectionSource,
    Quality,
    QualitySource,
    Resolution,
    find_by_source_and_resolution,
    quality,
)
from reelarr.quality.revision import QualityModel, Revision

_I = re.IGNORECASE
_NAME = DetectionSource.NAME
_EXT = DetectionSource.EXTENSION


def _q(name: str) -> Quality:
    return quality(name)


_BY_SOURCE_RES: dict[tuple[str, int], Quality] = {
    ("webdl", 2160): _q("WEBDL-2160p"),
    ("webdl", 1080): _q("WEBDL-1080p"),
    ("webdl", 720): _q("WEBDL-720p"),
    ("webrip", 2160): _q("WEBRip-2160p"),
    ("webrip", 1080): _q("WEBRip-1080p"),
    ("webrip", 720): _q("WEBRip-720p"),
    ("hdtv", 2160): _q("HDTV-2160p"),
    ("hdtv", 1080): _q("HDTV-1080p"),
    ("hdtv", 720): _q("HDTV-720p"),
    ("bdrip", 2160): _q("Bluray-2160p"),
    ("bdrip", 1080): _q("Bluray-1080p"),
    ("bdrip", 720): _q("Bluray-720p"),
    ("bdrip", 576): _q("Bluray-576p"),
}
_SD_RESOLUTIONS = frozenset({Resolution.R360P, Resolution.R480P, Resolution.R540P, Resolution.R576P})


class _Detected:
    __slots__ = ("quality", "resolution_from", "source_from")

    def __init__(self) -> None:
        self.quality: Quality = UNKNOWN
        self.source_from = DetectionSource.UNKNOWN
        self.resolution_from = DetectionSource.UNKNOWN


def _from_source(
    kind: str, name: str, resolution: Resolution, codec: re.Match[str] | None, remux: bool, disc: bool
) -> Quality | None:
    res = int(resolution)
    if kind == "bluray":
        if disc:
            return _q("BR-DISK")
        if codec is not None and (codec.group("xvid") or codec.group("divx")):
            return _q("Bluray-480p")
        if res in (2160, 1080):
            return _q(f"Remux-{res}p") if remux else _q(f"Bluray-{res}p")
        if res == 576:
            return _q("Bluray-576p")
        if resolution in _SD_RESOLUTIONS:
            return _q("Bluray-480p")
        if remux and res != 720:
            return _q("Remux-1080p")
        return _q("Bluray-720p")
    if kind in ("webdl", "webrip", "hdtv"):
        if kind == "hdtv" and MPEG2_RE.search(name):
            return _q("Raw-HD")
        found = _BY_SOURCE_RES.get((kind, res))
        if found is not None:
            return found
        if kind == "webdl":
            return _q("WEBDL-720p") if "[WEBDL]" in name else _q("WEBDL-480p")
        if kind == "hdtv":
            return _q("HDTV-720p") if "[HDTV]" in name else _q("SDTV")
        return _q("WEBRip-480p")
    simple = {
        "scr": "DVDSCR",
        "cam": "CAM",
        "tc": "TELECINE",
        "wp": "WORKPRINT",
        "regional": "REGIONAL",
        "dvdr": "DVD-R",
        "dvd": "DVD",
    }
    if kind in simple:
        return _q(simple[kind])
    if kind == "ts":
        base = _q("TELESYNC")
        return Quality(base.id, base.name, base.source, res, base.modifier)
    if kind in ("bdrip", "brrip"):
        return _BY_SOURCE_RES.get(("bdrip", res), _q("Bluray-480p"))
    # pdtv, sdtv, dsr, tvrip
    lower = name.lower()
    if resolution == Resolution.R1080P or "1080p" in lower:
        return _q("HDTV-1080p")
    if resolution == Resolution.R720P or "720p" in lower:
        return _q("HDTV-720p")
    if HR_WS_RE.search(name):
        return _q("HDTV-720p")
    return _q("SDTV")


def _by_anime_markers(found: _Detected, name: str, resolution: Resolution, remux: bool) -> bool:
    lower = name.lower()
    if ANIME_BLURAY_RE.search(name):
        found.source_from = _NAME
        if resolution in _SD_RESOLUTIONS or "480p" in lower:
            found.resolution_from, found.quality = _NAME, _q("DVD")
        elif resolution == Resolution.R1080P or "1080p" in lower:
            found.resolution_from = _NAME
            found.quality = _q("Remux-1080p") if remux else _q("Bluray-1080p")
        elif resolution == Resolution.R2160P or "2160p" in lower:
            found.resolution_from = _NAME
            found.quality = _q("Remux-2160p") if remux else _q("Bluray-2160p")
        else:
            found.quality = (
                _q("Remux-1080p") if remux and resolution != Resolution.R720P else _q("Bluray-720p")
            )
        return True
    if ANIME_WEB_RE.search(name):
        found.source_from = _NAME
        if resolution in _SD_RESOLUTIONS or "480p" in lower:
            found.resolution_from, found.quality = _NAME, _q("WEBDL-480p")
        elif resolution == Resolution.R1080P or "1080p" in lower:
            found.resolution_from, found.quality = _NAME, _q("WEBDL-1080p")
        elif resolution == Resolution.R2160P or "2160p" in lower:
            found.resolution_from, found.quality = _NAME, _q("WEBDL-2160p")
        else:
            found.quality = _q("WEBDL-720p")
        return True
    return False


def _by_resolution_only(found: _Detected, original: str, resolution: Resolution, remux: bool) -> None:
    source = QualitySource.UNKNOWN
    if remux:
        found.source_from, source = _NAME, QualitySource.BLURAY
    else:
        by_extension = quality_for_extension(extension_of(original))
        if by_extension != UNKNOWN:
            found.source_from, source = _EXT, by_extension.source
    found.resolution_from = _NAME
    res = 480 if resolution in _SD_RESOLUTIONS else int(resolution)
    if source == QualitySource.UNKNOWN:
        found.quality = {2160: _q("HDTV-2160p"), 1080: _q("HDTV-1080p"), 720: _q("HDTV-720p")}.get(
            res, _q("SDTV")
        )
    else:
        found.quality = find_by_source_and_resolution(source, res)


def _by_leftovers(found: _Detected, name: str, codec: re.Match[str] | None) -> None:
    lower = name.lower()
    if codec is not None and codec.group("x264"):
        found.quality = _q("SDTV")
        return
    for size, bluray, fallback in (
        ("848x480", "Bluray-480p", "SDTV"),
        ("1280x720", "Bluray-720p", "HDTV-720p"),
        ("1920x1080", "Bluray-1080p", "HDTV-1080p"),
    ):
        if size in lower:
            found.resolution_from = _NAME
            if size == "848x480" and "dvd" in lower:
                found.source_from, found.quality = _NAME, _q("DVD")
            elif "bluray" in lower:
                found.source_from, found.quality = _NAME, _q(bluray)
            else:
                found.quality = _q(fallback)
            return
    for res in ("720", "1080", "2160"):
        if f"bluray{res}p" in lower:
            found.source_from = found.resolution_from = _NAME
            found.quality = _q(f"Bluray-{res}p")
            return
    other = OTHER_SOURCE_RE.search(name)
    if other is not None:
        found.source_from = _NAME
        found.quality = _q("SDTV") if other.group("sdtv") else _q("HDTV-720p")


def _detect(original: str, name: str) -> _Detected:
    found = _Detected()
    # Cheap substring checks spare most regexes on names that cannot match them.
    lower = name.lower()
    source = last_source(name, lower)
    resolution = parse_resolution(name)
    codec = CODEC_RE.search(name) if "264" in lower or "xvid" in lower or "divx" in lower else None
    remux = ("remux" in lower and REMUX_RE.search(name) is not None) or (
        "german" in lower and is_german_remux(name)
    )
    raw_hd = "raw" in lower and RAWHD_RE.search(name) is not None
    bluray = source == "bluray"
    disc = (raw_hd or bluray) and is_full_disc(name)

    if raw_hd and not disc:
        found.source_from = found.resolution_from = _NAME
        found.quality = _q("Raw-HD")
        return found
    if resolution != Resolution.UNKNOWN:
        found.resolution_from = _NAME
    if source is not None:
        found.source_from = _NAME
        kind = source
        chosen = _from_source(kind, name, resolution, codec, remux, disc)
        if chosen is not None:
            if (
                kind in ("pdtv", "sdtv", "dsr", "tvrip")
                and HR_WS_RE.search(name)
                and chosen.resolution == 720
            ):
                found.resolution_from = _NAME
            found.quality = chosen
            return found
    if source is None and remux and resolution != Resolution.UNKNOWN:
        found.source_from = DetectionSource.UNKNOWN
        by_res = {
            Resolution.R480P: "Bluray-480p",
            Resolution.R720P: "Bluray-720p",
            Resolution.R1080P: "Remux-1080p",
            Resolution.R2160P: "Remux-2160p",
        }.get(resolution)
        if by_res is not None:
            found.quality = _q(by_res)
            return found
    if _by_anime_markers(found, name, resolution, remux):
        return found
    if resolution != Resolution.UNKNOWN:
        _by_resolution_only(found, original, resolution, remux)
        return found
    _by_leftovers(found, name, codec)
    return found


def parse_quality(name: str) -> QualityModel:
    """Parse a release title or file name into a quality with its revision and detection sources."""
    name = name.strip()
    if not name:
        return QualityModel()
    normalized = name.replace("_", " ").strip()
    found = _detect(name, normalized)
    revision = parse_revision(name)
    quality_found, source_from, resolution_from = found.quality, found.source_from, found.resolution_from
    if quality_found == UNKNOWN:
        by_extension = quality_for_extension(extension_of(name))
        if by_extension != UNKNOWN:
            quality_found, source_from, resolution_from = by_extension, _EXT, _EXT
    return QualityModel(
        quality=quality_found,
        revision=revision or Revision(),
        source_detection=source_from,
        resolution_detection=resolution_from,
        revision_detection=_NAME if revision is not None else DetectionSource.UNKNOWN,
    )


def parse_quality_name(name: str) -> Quality:
    """Return only the catalogue quality named in a title, without the file-extension fallback."""
    name = name.strip()
    return _detect(name, name.replace("_", " ").strip()).quality if name else UNKNOWN
