"""A release profile's terms: `/pattern/flags` is a regular expression as Radarr reads it, else a plain word.

Radarr compiles `/.../` terms as .NET expressions with the Perl modifiers m, s, i, x and n, and
without IgnoreCase unless `i` is given; plain terms match anywhere, ignoring case. The pattern is
read with .NET's syntax, as custom formats read theirs (`customformats.dotnet_syntax`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from reelarr.customformats.dotnet_syntax import PatternError, translate

_PERL_FORM = regex.compile(r"/(?P<pattern>.*)/(?P<modifiers>[a-z]*)", regex.DOTALL)
_MODIFIERS = {
    "m": regex.MULTILINE,
    "s": regex.DOTALL,
    "i": regex.IGNORECASE,
    "x": regex.VERBOSE,
}
# A hostile or unlucky pattern must not stall a sync over thousands of titles.
MATCH_TIMEOUT_SECONDS = 0.1


class BadTerm(ValueError):
    """A `/.../` term that is not a usable regular expression, with the reason."""


@dataclass(frozen=True, slots=True)
class Term:
    """One compiled term: its text as the user wrote it and how it matches."""

    text: str
    pattern: regex.Pattern[str] | None

    def found_in(self, title: str) -> bool:
        """Whether the term occurs in a title (a regular expression that takes too long does not)."""
        if self.pattern is None:
            return self.text.lower() in title.lower()
        try:
            return self.pattern.search(title, timeout=MATCH_TIMEOUT_SECONDS) is not None
        except TimeoutError:
            return False


def _flags(modifiers: str) -> int:
    flags = regex.VERSION0
    for modifier in modifiers:
        if modifier == "n":
            continue  # .NET's ExplicitCapture changes captures only, never whether a term matches.
        if modifier not in _MODIFIERS:
            raise BadTerm(f"Unknown or unsupported regex modifier: {modifier}")
        flags |= _MODIFIERS[modifier]
    return flags


@lru_cache(maxsize=4096)
def compile_term(text: str) -> Term:
    """A term ready to match; BadTerm when a `/.../` term does not compile."""
    perl = _PERL_FORM.search(text)
    if perl is None:
        return Term(text, None)
    try:
        translated = translate(perl.group("pattern"))
        pattern = regex.compile(translated, _flags(perl.group("modifiers")))
    except (PatternError, regex.error, OverflowError, RecursionError) as error:
        reason = str(error).split(" at position")[0]
        raise BadTerm(f"Invalid regular expression {text}: {reason}") from error
    return Term(text, pattern)
