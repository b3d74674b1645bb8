"""Editions named in release titles: Director's Cut, Extended, IMAX, Remastered, 2in1, ..."""

from __future__ import annotations

import re

_SEP = r"[^a-z0-9]"
# A named cut ("Imperial", "Final") only counts when "Cut", "Edition" or "Version" follows it.
_NAMED_CUT = (
    r"(?:Special|Rouge|Final|Assembly|Imperial|Diamond|Signature|Hunter|Rekall)(?="
    + _SEP
    + r"(?:Cut|Edition|Version))"
)
_CORE = (
    rf"(?:Director{_SEP}?s|Collector{_SEP}?s|Theatrical|Ultimate|Extended|Despecialized|{_NAMED_CUT}"
    rf"|\d{{2,3}}(?:th)?{_SEP}Anniversary)"
)
_TRAILER = rf"(?:Extended|Uncensored|Remastered|Unrated|Uncut|Open{_SEP}?Matte|IMAX|Fan{_SEP}?Edit)"
_ALONE = rf"(?:Uncensored|Remastered|Unrated|Uncut|Open{_SEP}?Matte|IMAX|Fan{_SEP}?Edit|Restored|[234]in1)"
EDITION_PATTERN = (
    rf"(?:(?:Recut|Extended|Ultimate){_SEP})?{_CORE}(?:{_SEP}(?:Cut|Edition|Version))?(?:{_SEP}{_TRAILER})?"
    rf"|{_ALONE}"
)
# The edition itself, with an optional enclosing "(...)".
EDITION_RE = re.compile(rf"\(?(?<!\w)(?P<edition>{EDITION_PATTERN})\b\)?", re.IGNORECASE)


# Lower-case pieces without which no edition can match (a cheap check before the regex).
_EDITION_GATES = (
    "cut",
    "edition",
    "version",
    "direct",
    "collect",
    "theat",
    "ultim",
    "extend",
    "despec",
    "anniv",
    "uncens",
    "remaster",
    "unrated",
    "matte",
    "imax",
    "fan",
    "restor",
    "in1",
)


def may_name_edition(text: str) -> bool:
    """Whether a text could name an edition at all."""
    lower = text.lower()
    return any(gate in lower for gate in _EDITION_GATES)


def tidy_edition(raw: str) -> str:
    """Present an edition as Radarr does: dots become spaces."""
    return raw.replace(".", " ")


def parse_edition(title: str) -> str:
    """Return the first edition named after the start of a title, or "" when there is none."""
    if not may_name_edition(title):
        return ""
    match = EDITION_RE.search(title, 1)
    while match is not None and match.start("edition") < 1:
        match = EDITION_RE.search(title, match.start("edition") + 1)
    return tidy_edition(match.group("edition")) if match is not None else ""
