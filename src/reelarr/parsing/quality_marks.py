"""Marks in a release name that tell its quality: source, resolution, revision, remux and disc signs."""

from __future__ import annotations

import functools
import re

from reelarr.quality.catalogue import Resolution
from reelarr.quality.revision import Revision

_I = re.IGNORECASE
# Where a token starting with a word character may begin: like \b there, but cheaper for the engine.
_WORD_START = r"(?<!\w)"

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


_ALL_GATES = tuple(sorted({gate for gates in _SOURCE_GATES.values() for gate in gates}))
_FAMILY_GATES = tuple(
    tuple((kind, frozenset(_SOURCE_GATES[kind])) for kind in family) for family in _SOURCE_FAMILIES
)


@functools.lru_cache(maxsize=256)
def _kinds_pattern(kinds: tuple[str, ...]) -> re.Pattern[str]:
    """A family's alternation cut down to these kinds (in the family's order)."""
    return re.compile(
        "(?:" + "|".join(_kind_pattern(kind, _KIND_BODY[kind]) for kind in kinds) + r")(?=\b|$|[ .])", _I
    )


def _source_matches(name: str, lower: str) -> list[tuple[int, int, int, str]]:
    if not name.isascii():
        # Outside ASCII, case-insensitive matching may see a token its lower-case gates do not.
        return [
            (match.start(), _KIND_PRIORITY[match.lastgroup], match.end(), match.lastgroup)
            for gates, pattern in _SOURCE_RES
            if any(gate in lower for gate in gates)
            for match in pattern.finditer(name)
            if match.lastgroup is not None
        ]
    # A kind whose gates are all missing cannot match anywhere, so leaving it out of its family's
    # alternation changes no match; most names keep one or two of the eighteen kinds.
    present = {gate for gate in _ALL_GATES if gate in lower}
    found = []
    for family in _FAMILY_GATES:
        kinds = tuple(kind for kind, gates in family if not gates.isdisjoint(present))
        if kinds:
            for match in _kinds_pattern(kinds).finditer(name):
                kind = match.lastgroup
                if kind is not None:
                    found.append((match.start(), _KIND_PRIORITY[kind], match.end(), kind))
    return found


def last_source(name: str, lower: str) -> str | None:
    """The kind of the last source token, reading left to right as one alternation of all kinds would."""
    last_kind, taken_until = None, -1
    for start, _, end, kind in sorted(_source_matches(name, lower)):
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

CODEC_RE = re.compile(
    r"(?<!\w)(?:(?P<x264>x264)|(?P<h264>h264)|(?P<xvidhd>XvidHD)|(?P<xvid>Xvid)|(?P<divx>divx))\b", _I
)
OTHER_SOURCE_RE = re.compile(r"(?P<hdtv>HD[-_. ]TV)|(?P<sdtv>SD[-_. ]TV)", _I)
ANIME_BLURAY_RE = re.compile(r"bd(?:720|1080|2160)|(?<=[-_. (\[])bd(?=[-_. )\]])", _I)
ANIME_WEB_RE = re.compile(r"\[WEB\]|[\[(]WEB[ .]|^\[(?:SubsPlease|Erai-raws)\]", _I)
HR_WS_RE = re.compile(r"hr[-_. ]ws", _I)
RAWHD_RE = re.compile(r"(?<!\w)(?:RawHD|Raw[-_. ]HD)\b", _I)
MPEG2_RE = re.compile(r"(?<!\w)MPEG[-_. ]?2\b")
REMUX_RE = re.compile(
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


def is_german_remux(name: str) -> bool:
    """German scene rule: after the year, "German" then a disc video codec and BluRay mean a remux."""
    after = _german_after_year(name)
    return (
        after >= 0 and bool(_DISC_CODEC_RE.search(name, after)) and bool(_BLURAY_WORD_RE.search(name, after))
    )


def is_full_disc(name: str) -> bool:
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
