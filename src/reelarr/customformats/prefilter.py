"""Which literal text a pattern needs, so that most patterns are never run on most titles.

A release is matched against hundreds of patterns, and most of them name a token the title does
not contain (a release group, a streaming service). From a pattern's syntax tree this finds a few
lower-cased strings one of which every text the pattern matches must contain; when a title
contains none of them the pattern cannot match, and is not run. The analysis only claims what the
syntax guarantees (anything it does not understand gives no claim). The strings are ASCII; a
title is compared in `lowered` form, in which every character that matches an ASCII letter
case-insensitively has become that letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import product
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

# Beyond these many alternatives a set of strings is no longer worth carrying.
_MAX_STRINGS = 64
# A claim whose shortest string is shorter than this filters too little to be worth checking.
MIN_USEFUL_LENGTH = 2

Strings = frozenset[str]
_EMPTY: Strings = frozenset({""})


def _product(left: Strings, right: Strings) -> Strings | None:
    if len(left) * len(right) > _MAX_STRINGS:
        return None
    return frozenset(a + b for a, b in product(left, right))


def _strength(claim: Strings) -> int:
    return min((len(s) for s in claim), default=0)


def _best(claims: Iterable[Strings | None]) -> Strings | None:
    known = [c for c in claims if c is not None and c != _EMPTY and "" not in c]
    return max(known, key=_strength, default=None)


class _Analysis:
    """For one node: `exact` is every text it can match (when that is a small finite set), `needed`
    a set of strings one of which is in any text it matches, and `prefix` and `suffix` sets of
    strings every text it matches starts (ends) with one of ({""} when nothing is known)."""

    __slots__ = ("exact", "needed", "prefix", "suffix")

    def __init__(
        self,
        exact: Strings | None,
        needed: Strings | None = None,
        prefix: Strings = _EMPTY,
        suffix: Strings = _EMPTY,
    ) -> None:
        self.exact = exact
        if needed is None and exact is not None and "" not in exact:
            needed = exact
        self.needed = needed
        self.prefix = exact if exact is not None else prefix
        self.suffix = exact if exact is not None else suffix


_UNKNOWN = _Analysis(None)


def _literal(code: int) -> _Analysis:
    char = chr(code)
    if not char.isascii():
        return _UNKNOWN
    return _Analysis(frozenset({char.lower()}))


def _char_set(items: Sequence[tuple[Any, Any]]) -> _Analysis:
    if any(op != sre_constants.LITERAL for op, _ in items) or len(items) > 16:
        return _UNKNOWN
    chars = [chr(code) for _, code in items]
    if not all(c.isascii() for c in chars):
        return _UNKNOWN
    return _Analysis(frozenset(c.lower() for c in chars))


def _repeat(low: int, high: int, inner: _Analysis) -> _Analysis:
    if low == 0:
        return _Analysis(_EMPTY if high == 0 else None)
    exact = None
    if low == high and inner.exact is not None:
        exact = inner.exact
        for _ in range(low - 1):
            exact = _product(exact, inner.exact) if exact is not None else None
    return _Analysis(exact, inner.needed, inner.prefix, inner.suffix)


def _union(sets: Sequence[Strings | None]) -> Strings | None:
    if any(s is None for s in sets):
        return None
    joined: Strings = frozenset().union(*(s for s in sets if s is not None))
    return joined if len(joined) <= _MAX_STRINGS else None


def _branch(alternatives: Sequence[Any]) -> _Analysis:
    analyses = [_sequence(alt) for alt in alternatives]
    return _Analysis(
        _union([a.exact for a in analyses]),
        _union([a.needed for a in analyses]),
        _union([a.prefix for a in analyses]) or _EMPTY,
        _union([a.suffix for a in analyses]) or _EMPTY,
    )


def _node(op: Any, av: Any) -> _Analysis:
    c = sre_constants
    if op == c.LITERAL:
        return _literal(av)
    if op == c.IN:
        return _char_set(av)
    if op == c.AT:
        return _Analysis(_EMPTY)
    if op == c.SUBPATTERN:
        return _sequence(av[-1])
    if op == c.ATOMIC_GROUP:
        return _sequence(av)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, inner = av
        return _repeat(low, high, _sequence(inner))
    if op == c.BRANCH:
        return _branch(av[1])
    if op == c.ASSERT:
        # Zero-width, but what a look-around needs must be in the text all the same.
        return _Analysis(_EMPTY, _sequence(av[1]).needed)
    if op == c.ASSERT_NOT:
        return _Analysis(_EMPTY)
    return _UNKNOWN


def _sequence(nodes: Iterable[tuple[Any, Any]]) -> _Analysis:
    """Literal runs are joined across nodes: "-" then "(EVO)" needs "-evo"; "d" then
    "(v|ovi)" needs "dv" or "dovi" (the run joined to how the next node starts)."""
    run: Strings = _EMPTY
    exact: Strings | None = _EMPTY
    prefix: Strings | None = None
    claims: list[Strings | None] = []
    for op, av in nodes:
        analysis = _node(op, av)
        claims.append(analysis.needed)
        extended = _product(run, analysis.exact) if analysis.exact is not None else None
        if extended is not None:
            run = extended
        else:
            claims.append(run)
            claims.append(_product(run, analysis.prefix))
            if prefix is None:
                prefix = _product(run, analysis.prefix) or _EMPTY
            run = analysis.suffix
        exact = _product(exact, analysis.exact) if exact is not None and analysis.exact is not None else None
    claims.append(run)
    if exact is not None:
        return _Analysis(exact, _best(claims))
    return _Analysis(None, _best(claims), prefix or _EMPTY, run)


def required_strings(pattern: str) -> Strings | None:
    """Lower-cased ASCII strings one of which any text the pattern (in `regex` syntax, matched
    case-insensitively) matches must contain; None when the pattern promises nothing useful."""
    try:
        tree = sre_parser.parse(pattern, re.IGNORECASE)
    except (re.error, OverflowError, RecursionError, ValueError, TypeError):
        return None
    needed = _sequence(list(tree)).needed
    if needed is None or _strength(needed) < MIN_USEFUL_LENGTH:
        return None
    return needed


# The only characters beyond ASCII that match an ASCII letter case-insensitively (simple case
# folding): KELVIN SIGN, LONG S, and the Turkish dotted and dotless I. str.lower() leaves them apart.
_FOLDS_TO_ASCII = str.maketrans({"\u212a": "k", "\u017f": "s", "\u0130": "i", "\u0131": "i"})


def lowered(text: str) -> str:
    """A text as needed strings are looked for in it: lower-cased, with the characters that match an
    ASCII letter case-insensitively turned into that letter."""
    return text.lower() if text.isascii() else text.translate(_FOLDS_TO_ASCII).lower()


def may_match(needed: Strings, lowered_text: str) -> bool:
    """Whether a `lowered` text contains one of the needed strings."""
    return any(s in lowered_text for s in needed)
