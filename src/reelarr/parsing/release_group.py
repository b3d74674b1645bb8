"""Find the release group: "-GROUP" at the end, a leading "[Group]", or a known irregular group."""

from __future__ import annotations

import re

from reelarr.parsing.clean import strip_site_prefix, strip_torrent_suffix
from reelarr.parsing.extensions import remove_media_extension

_I = re.IGNORECASE

_LEADING_GROUP_RE = re.compile(r"^\[(?P<group>[^\]\s](?:[^\]]*[^\]\s])?)\]")

# Repost and indexer tags appended after the real group ("-EVO-RP", "-NTb-postbot").
_JUNK_SUFFIX_RE = re.compile(
    r"(?:-(?:RP|1|NZBGeek|Obfuscated|Obfuscation|Scrambled|sample|Pre|postbot|xpost|Rakuv[a-z0-9]*|WhiteRev"
    r"|BUYMORE|AsRequested|AlternativeToRequested|GEROV|Z0iDS3N|Chamele0n|4P|4Planet|AlteZachen|RePACKPOST))+$",
    _I,
)

# Groups that do not follow the "-GROUP" convention, recognised by name wherever they stand.
_NAMED_GROUPS_RE = re.compile(
    r"(?<!\w)(?P<group>KRaLiMaRKo|E\.N\.D|D-Z0N3|Koten_Gars|BluDragon|ZØNEHD|HQMUX|VARYG|YIFY|YTS(?:\.(?:MX|LT|AG))?"
    r"|TMd|Eml HDTeam|LMain|DarQ|BEN THE MEN|TAoE|QxR|126811)\b",
    _I,
)
# Groups that sign at the end of a bracketed or parenthesised block: "(... Tigole)", "[HDO]".
_BRACKET_SIGNED_RE = re.compile(
    r"(?<=[._ \[])(?P<group>Silence|afm72|Panda|Ghost|MONOLITH|Tigole|Joy|ImE|UTR|t3nzin|Anime Time"
    r"|Project Angel|Hakata Ramen|HONE|GiLG|Vyndros|SEV|Garshasp|Kappa|Natty|RCVR|SAMPA|YOGI|r00t|EDGE2020"
    r"|RZeroX|FreetheFish|Anna|Bandi|Qman|theincognito|HDO|DusIctv|DHD|CtrlHD|-ZR-|ADC|XZVN|RH|Kametsu|Celdra)"
    r"(?=[\])])",
    _I,
)

_DASH_GROUP_RE = re.compile(r"-(?P<group>[a-z0-9]+)(?P<part2>-[a-z0-9]+)?", _I)
_BRACKET_END_RE = re.compile(r"[-._ ]\[(?P<group>[a-z0-9]+)\]$", _I)
# What a "-token" is when it is not a group: part of a source, codec, audio or language tag, a date.
_NOT_A_GROUP_RE = re.compile(
    r"(?:WEB-(?:DL|Rip)|Blu-Ray|480p|576p|720p|1080p|2160p|DTS-(?:HD|X|MA|ES)|-(?:ES|EN|CAT|ENG|JAP|GER|FRA|FRE|ITA"
    r"|HDRip)|\d{1,2}-bit|[ ._]\d{4}-\d{2}|-\d{2}|tmdb(?:id)?-\d+|tt\d{7,8})$",
    _I,
)
# Endings a "-token" must have for _NOT_A_GROUP_RE to possibly apply (checked first, cheaply).
_EXCLUDABLE_ENDINGS = (
    "dl",
    "rip",
    "ray",
    "p",
    "hd",
    "x",
    "ma",
    "es",
    "en",
    "cat",
    "eng",
    "jap",
    "ger",
    "fra",
    "fre",
    "ita",
    "bit",
)
_RESOLUTION_TOKEN_RE = re.compile(r"480p|576p|720p|1080p|2160p", _I)
_INVALID_GROUP_RE = re.compile(r"^(?:[se]\d+|[0-9a-f]{8})$", _I)


def _not_a_group(text: str, end: int) -> bool:
    """Whether the text ending at `end` is a known non-group tag (source, audio, language, date, id)."""
    tail = text[max(0, end - 5) : end].lower()
    if not tail or not (tail[-1].isdigit() or tail.endswith(_EXCLUDABLE_ENDINGS)):
        return False
    return _NOT_A_GROUP_RE.search(text, max(0, end - 40), end) is not None


def _word_boundary_after(text: str, end: int) -> bool:
    if end >= len(text):
        return True
    after = text[end]
    if after in "-._ ":
        return True
    before = text[end - 1]
    return (before.isalnum() or before == "_") != (after.isalnum() or after == "_")


def _last_resolution_start(text: str) -> int:
    last = -1
    for match in _RESOLUTION_TOKEN_RE.finditer(text):
        last = match.start()
    return last


def _dash_groups(text: str) -> list[str]:
    """Every "-GROUP" candidate, scanning left to right as a regex engine would, non-overlapping."""
    found: list[str] = []
    last_resolution = _last_resolution_start(text)
    position = text.find("-")
    while 0 <= position < len(text):
        match = _DASH_GROUP_RE.match(text, position)
        accepted_end = -1
        if match is not None:
            ends = [match.end(), match.end("group")] if match.group("part2") else [match.end("group")]
            for end in ends:
                if last_resolution > end:
                    continue
                head = text[match.start() : end]
                group_end = match.end("group")
                if _not_a_group(text, end) or (end != group_end and _not_a_group(text, group_end)):
                    continue
                if not _word_boundary_after(text, end):
                    continue
                found.append(head[1:])
                accepted_end = end
                break
        position = text.find("-", accepted_end if accepted_end > position else position + 1)
    return found


def _sanitise(group: str) -> str | None:
    if group.isdigit() or _INVALID_GROUP_RE.match(group):
        return None
    return group


def parse_release_group(title: str) -> str | None:
    """Return the release group of a release title, or None when it has none."""
    title = strip_site_prefix(remove_media_extension(title.strip()))
    title = strip_torrent_suffix(title)
    leading = _LEADING_GROUP_RE.match(title)
    if leading is not None:
        return leading.group("group")
    cut = max(0, len(title) - 400)  # junk tags only ever trail the name
    title = title[:cut] + _JUNK_SUFFIX_RE.sub("", title[cut:])
    named = None
    for named in _NAMED_GROUPS_RE.finditer(title):  # noqa: B007 - the last one counts
        pass
    if named is not None:
        return named.group("group")
    signed = None
    if "]" in title or ")" in title:
        for signed in _BRACKET_SIGNED_RE.finditer(title):  # noqa: B007 - the last one counts
            pass
    if signed is not None:
        return signed.group("group")
    bracket_end = _BRACKET_END_RE.search(title) if title.endswith("]") else None
    if bracket_end is not None:
        return _sanitise(bracket_end.group("group"))
    groups = _dash_groups(title)
    return _sanitise(groups[-1]) if groups else None
