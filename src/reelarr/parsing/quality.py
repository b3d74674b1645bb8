"""Read the quality (source, resolution, modifier, revision) from a release title or file name."""

from __future__ import annotations

import re

from reelarr.parsing.extensions import extension_of, quality_for_extension
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
# Where a token starting with a word character may begin: like \b there, but cheaper for the engine.
_WORD_START = r"(?<!\w)"
_NAME = DetectionSource.NAME
_EXT = DetectionSource.EXTENSION

# Source tokens, in priority order: where two kinds match at the same spot the earlier kind wins,
# and of all matches in a title the last one decides.
_SOURCE_KINDS: tuple[tuple[str, str], ...] = (
    ("bluray", r"M?Blu[-_. ]?Ray|HD[-_. ]?DVD|BD(?!$)|UHD2?BD|BDISO|BDMux|BD25|BD50|BR[-_. ]?DISK"),
    (
        "webdl",
        r"WEB[-_. ]?DL(?:mux)?|AmazonHD|AmazonSD|iTunesHD|MaxdomeHD|NetflixU?HD|WebHD|HBOMaxHD|DisneyHD"
        r"|\d{3,4}0p[-. ](?:Hybrid[-_. ]?)?WEB[-. ]|(?:AMZN|ATVP|DP|NF)[. -]WEB[. -](?!Rip)",
    ),
    ("webrip", r"WebRip|Web-Rip|WEBMux"),
    ("hdtv", r"HDTV"),
    ("bdrip", r"BDRip|BDLight|HD[-_. ]?DVDRip|UHDBDRip"),
    ("brrip", r"BRRip"),
    ("dvdr", r"\d?x?M?DVD-?[R59]"),
    ("dvd", r"DVDRip|DVD|xvidvd"),
    ("dsr", r"WS[-_. ]DSR|DSR"),
    ("regional", r"R[0-9]|REGIONAL"),
    ("scr", r"DVDSCR|DVDSCREENER|SCR|SCREENER"),
    ("ts", r"TS[-_. ]|TELESYNCH?|HD-TS|HDTS|PDVD|TSRip|HDTSRip"),
    ("tc", r"TC|TELECINE|HD-TC|HDTC"),
    ("cam", r"CAMRIP|(?:NEW)?CAM|HD-?CAM(?:Rip)?|HQCAM"),
    ("wp", r"WORKPRINT|WP"),
    ("pdtv", r"PDTV"),
    ("sdtv", r"SDTV"),
    ("tvrip", r"TVRip"),
)
# Web tokens that start with a separator, so they follow a word character instead of starting one.
_WEBDL_AFTER_WORD = (
    r"[. ]WEB[. ](?:[xh][ .]?26[456]|AVC|HEVC|EAC3|DDP?[ .]?5[. ]1)|[. ](?-i:WEB)$"
    r"|[-. ]WEB[-. ](?:720|1080|2160)p|\s/\sWEB\s/\s"
)


def _kind_pattern(kind: str, body: str) -> str:
    start = f"{_WORD_START}(?:{body})"
    if kind == "webdl":
        start += f"|(?<=\\w)(?:{_WEBDL_AFTER_WORD})"
    return f"(?P<{kind}>{start})"


# Substrings (lower-case) a kind's tokens cannot match without: a cheap check before its regex runs.
_SOURCE_GATES: dict[str, tuple[str, ...]] = {
    "bluray": ("blu", "bd", "dvd", "disk"),
    "webdl": ("web", "amazon", "itunes", "maxdome", "netflix", "hbomax", "disney"),
    "webrip": ("web",),
    "hdtv": ("hdtv",),
    "bdrip": ("bdrip", "bdlight", "dvdrip"),
    "brrip": ("brrip",),
    "dvdr": ("dvd",),
    "dvd": ("dvd",),
    "dsr": ("dsr",),
    "regional": ("regional", "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9"),
    "scr": ("scr",),
    "ts": ("ts", "telesync", "pdvd"),
    "tc": ("tc", "telecine"),
    "cam": ("cam",),
    "wp": ("wp", "workprint"),
    "pdtv": ("pdtv",),
    "sdtv": ("sdtv",),
    "tvrip": ("tvrip",),
}
# Kinds are scanned in a few families, each only when one of its gates is in the name.
_SOURCE_FAMILIES = (
    ("bluray", "webdl", "webrip", "hdtv", "bdrip", "brrip"),
    ("dvdr", "dvd", "dsr", "regional", "scr"),
    ("ts", "tc", "cam", "wp"),
    ("pdtv", "sdtv", "tvrip"),
)
_KIND_BODY = dict(_SOURCE_KINDS)
_KIND_PRIORITY = {kind: priority for priority, (kind, _) in enumerate(_SOURCE_KINDS)}
_SOURCE_RES = tuple(
    (
        tuple(sorted({gate for kind in family for gate in _SOURCE_GATES[kind]})),
        re.compile(
            "(?:" + "|".join(_kind_pattern(kind, _KIND_BODY[kind]) for kind in family) + r")(?=\b|$|[ .])",
            _I,
        ),
    )
    for family in _SOURCE_FAMILIES
)


def _last_source(name: str, lower: str) -> str | None:
    """The kind of the last source token, reading left to right as one alternation of all kinds would."""
    found = sorted(
        (match.start(), _KIND_PRIORITY[match.lastgroup], match.end(), match.lastgroup)
        for gates, pattern in _SOURCE_RES
        if any(gate in lower for gate in gates)
        for match in pattern.finditer(name)
        if match.lastgroup is not None
    )
    last_kind, taken_until = None, -1
    for start, _, end, kind in found:
        if start >= taken_until:
            last_kind, taken_until = kind, end
    return last_kind


_RESOLUTIONS: tuple[tuple[Resolution, str], ...] = (
    (Resolution.R360P, r"360p"),
    (Resolution.R480P, r"480[pi]|640x480|848x480"),
    (Resolution.R540P, r"540p"),
    (Resolution.R576P, r"576p"),
    (Resolution.R720P, r"720p|1280x720|960p"),
    (Resolution.R1080P, r"1080[pi]|1920x1080|1440p|FHD|4kto1080p"),
    (Resolution.R2160P, r"2160p|3840x2160|4k[-_. ](?:UHD|HEVC|BD|H26[56])|(?:UHD|HEVC|BD|H26[56])[-_. ]4k"),
)
_RESOLUTION_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<r{res.value}>{body})" for res, body in _RESOLUTIONS) + r")\b", _I
)
_IMPLIED_UHD_RE = re.compile(r"(?<!\w)UHD\b|\[4K\]", _I)

_CODEC_RE = re.compile(
    r"(?<!\w)(?:(?P<x264>x264)|(?P<h264>h264)|(?P<xvidhd>XvidHD)|(?P<xvid>Xvid)|(?P<divx>divx))\b", _I
)
_OTHER_SOURCE_RE = re.compile(r"(?P<hdtv>HD[-_. ]TV)|(?P<sdtv>SD[-_. ]TV)", _I)
_ANIME_BLURAY_RE = re.compile(r"bd(?:720|1080|2160)|(?<=[-_. (\[])bd(?=[-_. )\]])", _I)
_ANIME_WEB_RE = re.compile(r"\[WEB\]|[\[(]WEB[ .]|^\[(?:SubsPlease|Erai-raws)\]", _I)
_HR_WS_RE = re.compile(r"hr[-_. ]ws", _I)
_RAWHD_RE = re.compile(r"(?<!\w)(?:RawHD|Raw[-_. ]HD)\b", _I)
_MPEG2_RE = re.compile(r"(?<!\w)MPEG[-_. ]?2\b")
_REMUX_RE = re.compile(
    r"(?:[_. \[]|\d{4}p-|\bHybrid-)(?:(?:BD|UHD)[-_. ]?)?Remux\b|(?:(?:BD|UHD)[-_. ]?)?Remux[_. ]\d{4}p", _I
)
_FOUR_DIGITS_RE = re.compile(r"\d{4}")
_GERMAN_WORD_RE = re.compile(r"German", _I)
_DISC_CODEC_RE = re.compile(r"(?<!\w)(?:AVC|HEVC|VC[-_. ]?1|MVC|MPEG[-_. ]?2)", _I)
_BLURAY_WORD_RE = re.compile(r"Blu-?ray", _I)
_DUAL_OR_MULTI_RE = re.compile(r"[DM]L", _I)
_DISC_NOT_RE = re.compile(
    r"(?<!\w)(?:(?<!HD[._ -])(?<!HD)DVD|BDRip|720p|MKV|XviD|WMV|d3g|(?:BD)?REMUX|[xh][-_. ]?26[45])\b", _I
)
_DISC_MEDIUM_RE = re.compile(r"(?<!\w)(?:Blu[-_. ]?ray|BD|HD[-_. ]?DVD)\b", _I)
_DISC_FORMAT_RE = re.compile(r"(?<!\w)(?:AVC|HEVC|VC[-_. ]?1|MVC|MPEG[-_. ]?2|BDMV|ISO)\b", _I)
_DISC_COMPLETE_RE = re.compile(r"(?<!\w)(?:COMPLETE|Dis[ck])\b", _I)
_DISC_COMPLETE_MEDIUM_RE = re.compile(r"Blu[-_. ]?ray|HD[-_. ]?DVD", _I)
_DISC_MARK_RE = re.compile(
    r"(?<!\w)(?:3D[-_. ]?BD|BR[-_. ]?DISK|Full[-_. ]?Blu[-_. ]?ray)\b"
    r"|(?:BD|UHD)[-_. ]?(?:25|50|66|100|ISO)\b",
    _I,
)
_HEVC_RE = re.compile(r"(?<!\w)HEVC\b", _I)

_PROPER_RE = re.compile(r"(?<!\w)proper\b", _I)
_REPACK_RE = re.compile(r"(?<!\w)(?:repack|rerip)(?P<n>\d)?\b", _I)
_VERSION_RE = re.compile(
    r"\d[-._ ]?v(?P<a>\d)(?:[-._ ]|$)|\[v(?P<b>\d)\]|(?:480|576|720|1080|2160)p[._ ]v(?P<c>\d)\b", _I
)
_REAL_RE = re.compile(r"(?<!\w)REAL\b")


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


def parse_resolution(name: str) -> Resolution:
    """Return the resolution named in a title (the first one found), UNKNOWN when none is."""
    match = _RESOLUTION_RE.search(name)
    if match is not None and match.lastgroup is not None:
        return Resolution(int(match.lastgroup[1:]))
    if _IMPLIED_UHD_RE.search(name):
        return Resolution.R2160P
    return Resolution.UNKNOWN


def parse_revision(name: str) -> Revision | None:
    """Return the revision a title names (PROPER, REPACK, v2, REAL), or None when it names none."""
    normalized = name.replace("_", " ")
    lower = normalized.lower()
    version, repack, found = 1, False, False
    if "proper" in lower and _PROPER_RE.search(normalized):
        version, found = 2, True
    repack_match = _REPACK_RE.search(normalized) if "repack" in lower or "rerip" in lower else None
    if repack_match is not None:
        count = repack_match.group("n")
        version, repack, found = (int(count) + 1 if count else 2), True, True
    version_match = _VERSION_RE.search(normalized)
    if version_match is not None:
        version = int(version_match.group("a") or version_match.group("b") or version_match.group("c"))
        found = True
    real = len(_REAL_RE.findall(name)) if "REAL" in name else 0
    if not found and not real:
        return None
    return Revision(version=version, real=real, is_repack=repack)


def _german_after_year(name: str) -> int:
    """Where "German" ends when it follows a four-digit number (a year), else -1."""
    digits = _FOUR_DIGITS_RE.search(name)
    german = _GERMAN_WORD_RE.search(name, digits.end()) if digits is not None else None
    return german.end() if german is not None else -1


def _german_dual_language(name: str) -> bool:
    """ "German" followed somewhere by a DL/ML (dual/multi language) tag."""
    german = _GERMAN_WORD_RE.search(name)
    return german is not None and _DUAL_OR_MULTI_RE.search(name, german.end()) is not None


def _is_german_remux(name: str) -> bool:
    """German scene rule: after the year, "German" then a disc video codec and BluRay mean a remux."""
    after = _german_after_year(name)
    return (
        after >= 0 and bool(_DISC_CODEC_RE.search(name, after)) and bool(_BLURAY_WORD_RE.search(name, after))
    )


def _is_full_disc(name: str) -> bool:
    if _DISC_NOT_RE.search(name) or _german_dual_language(name):
        return False
    after = _german_after_year(name)
    if after >= 0 and _DISC_CODEC_RE.search(name, after):
        return False
    if "1080p" in name.lower() and _HEVC_RE.search(name):
        return False
    if _DISC_MEDIUM_RE.search(name) and _DISC_FORMAT_RE.search(name):
        return True
    if _DISC_COMPLETE_RE.search(name) and _DISC_COMPLETE_MEDIUM_RE.search(name):
        return True
    return _DISC_MARK_RE.search(name) is not None


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
        if kind == "hdtv" and _MPEG2_RE.search(name):
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
    if _HR_WS_RE.search(name):
        return _q("HDTV-720p")
    return _q("SDTV")


def _by_anime_markers(found: _Detected, name: str, resolution: Resolution, remux: bool) -> bool:
    lower = name.lower()
    if _ANIME_BLURAY_RE.search(name):
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
    if _ANIME_WEB_RE.search(name):
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
    other = _OTHER_SOURCE_RE.search(name)
    if other is not None:
        found.source_from = _NAME
        found.quality = _q("SDTV") if other.group("sdtv") else _q("HDTV-720p")


def _detect(original: str, name: str) -> _Detected:
    found = _Detected()
    # Cheap substring checks spare most regexes on names that cannot match them.
    lower = name.lower()
    source = _last_source(name, lower)
    resolution = parse_resolution(name)
    codec = _CODEC_RE.search(name) if "264" in lower or "xvid" in lower or "divx" in lower else None
    remux = ("remux" in lower and _REMUX_RE.search(name) is not None) or (
        "german" in lower and _is_german_remux(name)
    )
    raw_hd = "raw" in lower and _RAWHD_RE.search(name) is not None
    bluray = source == "bluray"
    disc = (raw_hd or bluray) and _is_full_disc(name)

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
                and _HR_WS_RE.search(name)
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
