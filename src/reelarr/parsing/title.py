"""Find where a movie title ends and what year follows it, trying release-name shapes in turn."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reelarr.parsing.edition import EDITION_RE, may_name_edition, tidy_edition

_YEAR_AT_RE = re.compile(r"(?=(?:1[89]|20)\d\d)")
_GERMAN_RE = re.compile(r"German|TrueFrench", re.IGNORECASE)
_NOT_GERMAN_BEFORE_RE = re.compile(r"(?:Good|The)[_ .-]$", re.IGNORECASE)
_MODERN_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_VERSIONED_RE = re.compile(r"v\d{1,2}[-_. ]", re.IGNORECASE)
_HASH_END_RE = re.compile(r"\[\w{8}\](?:$|\.)")
_PTP_TAG_RE = re.compile(r"\[\w *\]")
_PAREN_YEAR_RE = re.compile(r"\(((?:1[89]|20)\d\d)\)")


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """Where the title is in the simplified name, the year after it, and an edition seen on the way."""

    title: str
    year: int = 0
    edition: str = ""
    subgroup: str = ""
    release_hash: str = ""


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _sep(ch: str, excluded: str) -> bool:
    """A separator between title and year: any non-alphanumeric character (underscore too) not excluded."""
    return not ch.isalnum() and ch not in excluded


def _rest_ok(s: str, end: int) -> bool:
    """After the year: the end, or a non-word character, or an underscore."""
    return end >= len(s) or not s[end].isalnum()


def _is_year_at(s: str, p: int, modern_only: bool = False) -> bool:
    if p < 0 or p + 4 > len(s):
        return False
    text = s[p : p + 4]
    if not text.isdigit() or not text.isascii():
        return False
    head = text[:2]
    return head in ("19", "20") or (not modern_only and head == "18")


def _year_valid(s: str, p: int, mode: str) -> bool:
    """Whether the four digits at p can be the year, for a shape (see the stage functions)."""
    e = p + 4
    nxt = s[e] if e < len(s) else ""
    if nxt and (nxt in "pPiI" or nxt.isdigit()):
        return False
    after_sep_digit = bool(nxt) and not _word(nxt) and e + 1 < len(s) and s[e + 1].isdigit()
    if mode == "normal":
        return nxt != "]" and not (nxt and not _word(nxt) and _is_year_at(s, e + 1)) and _rest_ok(s, e)
    if mode == "brackets":
        return not after_sep_digit and _rest_ok(s, e)
    if mode == "anime":
        return nxt not in ("x", "X", "]") and not after_sep_digit
    return nxt != "]" and not after_sep_digit and _rest_ok(s, e)


def _title_start(s: str, p: int, excluded: str) -> int:
    """The shortest title before position p: everything but the separators right before p."""
    k = p
    while k > 1 and _sep(s[k - 1], excluded):
        k -= 1
    return k


def _extend_years(s: str, p: int, excluded: str, mode: str) -> int:
    """Follow a run of years ("2016 (2018)"): return where the last one starts."""
    while True:
        q = p + 4
        while q < len(s) and _sep(s[q], excluded):
            q += 1
        if q == p + 4 or not _is_year_at(s, q) or not _year_valid(s, q, mode):
            return p
        p = q


def _by_year(s: str, excluded: str, mode: str, bracket_start_ok: bool) -> TitleMatch | None:
    if not bracket_start_ok and s[:1] in ("(", "["):
        return None
    for found in _YEAR_AT_RE.finditer(s, 1):
        p = found.start()
        if not _year_valid(s, p, mode):
            continue
        k = _title_start(s, p, excluded)
        last = _extend_years(s, p, excluded, mode)
        return TitleMatch(s[:k], int(s[last : last + 4]))
    return None


def _normal(s: str) -> TitleMatch | None:
    return _by_year(s, ")[!", "normal", bracket_start_ok=False)


def _bracketed_year(s: str) -> TitleMatch | None:
    return _by_year(s, ")!", "brackets", bracket_start_ok=False)


def _last_resort(s: str) -> TitleMatch | None:
    return _by_year(s, ")[!", "plain", bracket_start_ok=True)


def _edition_then_year(s: str) -> TitleMatch | None:
    """An edition right before the year, as in "Title.Special.Edition.2011"."""
    if s[:1] in ("(", "[") or not may_name_edition(s):
        return None
    for match in EDITION_RE.finditer(s):
        start = match.start()
        if start < 1:
            continue
        end = match.end()
        bare_end = match.end("edition")
        gaps = [end + 3, end + 2, end + 1]
        if end != bare_end:  # the closing ")" may also be one of the 1-3 characters before the year
            gaps += [bare_end + 3, bare_end + 2]
        for p in gaps:
            if _is_year_at(s, p) and _year_valid(s, p, "plain"):
                k = _title_start(s, start, ")[!")
                return TitleMatch(s[:k], int(s[p : p + 4]), tidy_edition(match.group("edition")))
    return None


def _german_tracker(s: str) -> TitleMatch | None:
    """German and TrueFrench tracker names: the language tag comes before the year, or instead of it."""
    if s[:1] in ("(", "["):
        return None
    first_year = _MODERN_YEAR_RE.search(s)
    limit = first_year.start() + 4 if first_year is not None else len(s)
    for tag in _GERMAN_RE.finditer(s):
        g = tag.start()
        if g >= limit:
            return None
        if _NOT_GERMAN_BEFORE_RE.search(s, max(0, g - 5), g):
            continue
        if tag.end() >= len(s):
            continue
        title_end, edition = -1, ""
        for match in EDITION_RE.finditer(s, 0, g):
            if 1 <= g - match.end() <= 3 and match.start() >= 2 and not s[match.start() - 1].isalnum():
                title_end, edition = match.start() - 1, tidy_edition(match.group("edition"))
                break
        if title_end < 0:
            if g < 2 or s[g - 1].isalnum():
                continue
            title_end = g - 1
        return TitleMatch(s[:title_end], _german_year(s, tag.end() + 1), edition)
    return None


def _german_year(s: str, start: int) -> int:
    for found in _YEAR_AT_RE.finditer(s, start):
        p = found.start()
        if _is_year_at(s, p, modern_only=True) and _year_valid(s, p, "plain"):
            return int(s[p : p + 4])
    return 0


def _ptp(s: str) -> TitleMatch | None:
    """PassThePopcorn style "Title[Tag]"."""
    for match in _PTP_TAG_RE.finditer(s, 1):
        p = match.start()
        if not _rest_ok(s, match.end()):
            continue
        return TitleMatch(s[: _title_start(s, p, "()[!")], 0)
    return None


def _anime(s: str) -> TitleMatch | None:
    """Fansub names: "[Group] Title (2016) [HASH]" and the yearless shapes that end in a CRC hash."""
    close = s.find("]", 2)
    if not s.startswith("[") or close < 0:
        return None
    subgroup = s[1:close]
    body = close + 1
    if body < len(s) and s[body] in "-_. ":
        body += 1
    rest = s[body:]
    if not rest or rest[0] in "([":
        return None
    # A year in parentheses is the year even when the title itself ends in one ("Blues 1993 (1993)").
    with_year = _parenthesised_year(rest) or _by_year(rest, ")[!", "anime", bracket_start_ok=False)
    if with_year is not None:
        year_at = rest.find(str(with_year.year), len(with_year.title))
        crc = _HASH_END_RE.search(rest, year_at + 4)
        dot = rest.find(".", year_at + 4)
        crc_text = _crc(crc) if crc is not None and (dot < 0 or crc.start() < dot) else ""
        return TitleMatch(with_year.title, with_year.year, subgroup=subgroup, release_hash=crc_text)
    versioned = _VERSIONED_RE.search(rest, 1)
    crc = _HASH_END_RE.search(rest, versioned.end()) if versioned is not None else None
    if versioned is not None and crc is not None:
        return TitleMatch(rest[: versioned.start()], subgroup=subgroup, release_hash=_crc(crc))
    bracket = rest.find("[", 1)
    crc = _HASH_END_RE.search(rest, bracket + 1) if bracket > 0 else None
    if crc is not None:
        return TitleMatch(rest[:bracket], subgroup=subgroup, release_hash=_crc(crc))
    last_hash = None
    for last_hash in _HASH_END_RE.finditer(rest):  # noqa: B007 - the last one counts
        pass
    if last_hash is not None:
        for b in range(last_hash.start() - 2, 0, -1):
            if rest[b] in "[(" and rest[b + 1] not in "])":
                first = _HASH_END_RE.search(rest, b + 2)
                return TitleMatch(rest[:b], subgroup=subgroup, release_hash=_crc(first or last_hash))
    return None


def _crc(match: re.Match[str]) -> str:
    """The CRC32 tag of a fansub name, without brackets ("1280x720" is a resolution, not a hash)."""
    value = match.group(0).rstrip(".")[1:-1]
    return "" if value == "1280x720" else value


def _parenthesised_year(s: str) -> TitleMatch | None:
    found = _PAREN_YEAR_RE.search(s, 1)
    if found is None:
        return None
    return TitleMatch(s[: _title_start(s, found.start(), ")[!")], int(found.group(1)))


def _folder_year_first(s: str) -> TitleMatch | None:
    """Folder names that start with the year: "(1995) Movie Name"."""
    p = 0
    while p < len(s) and _sep(s[p], ")!"):
        p += 1
    if not _is_year_at(s, p, modern_only=True) or not _year_valid(s, p, "plain"):
        return None
    last = _extend_years(s, p, ")!", "plain")
    q = last + 4
    while q < len(s) and not _word(s[q]):
        q += 1
    if q < len(s) and s[q] == "_" and q == last + 4:
        q += 1
    return TitleMatch(s[q:], int(s[last : last + 4])) if q < len(s) else None


SHAPES: tuple[Callable[[str], TitleMatch | None], ...] = (
    _anime,
    _german_tracker,
    _edition_then_year,
    _normal,
    _ptp,
    _bracketed_year,
    _last_resort,
)
FOLDER_SHAPES: tuple[Callable[[str], TitleMatch | None], ...] = (_folder_year_first,)


def find_title(simple: str, is_dir: bool) -> TitleMatch | None:
    """Try each release-name shape in order; the first that yields a title wins."""
    for shape in SHAPES + (FOLDER_SHAPES if is_dir else ()):
        found = shape(simple)
        if found is not None and found.title and found.title != "(":
            return found
    return None
