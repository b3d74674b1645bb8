""".NET regular expressions, as Radarr evaluates custom format patterns, run on the `regex` module.

Radarr compiles each pattern with `RegexOptions.IgnoreCase` and asks `IsMatch`. Users paste patterns
written for that engine, so a pattern is read with .NET's syntax and rewritten into the `regex`
module's (VERSION0, IGNORECASE, simple case folding). What the rewrite changes:

- `(?'name'...)` becomes `(?P<name>...)`; `\\k<name>` and `\\k'name'` become `(?P=name)`.
- An inline option group `(?imsx-imsx)` in .NET applies to the rest of its enclosing group; it
  becomes a scoped group `(?flags:...)` closed at the next `|` or `)` and reopened after each `|`.
  The `n` option (explicit capture) only changes group numbering, which matching does not use.
- `\\Z` (end, or before a final newline) becomes `(?=\\n?\\Z)`; `\\z` (the very end) becomes `\\Z`.
- `{` that does not start a `{n}`, `{n,}` or `{n,m}` quantifier is a literal in .NET (`a{,2}` is
  the text "a{,2}"), so it is escaped; `regex` would read `{,2}` as a quantifier.
- Inside a character class `[` is a literal (`regex` would read `[:alpha:]` as a POSIX class), and
  .NET's class subtraction `[a-z-[aeiou]]` becomes `(?:(?![aeiou])[a-z])`.
- `\\p{IsGreek}` (a Unicode block in .NET) becomes `\\p{Block=Greek}`; `\\e` and `\\cX` become `\\xHH`.
- What .NET refuses is refused: a quantifier after a quantifier (`a++`, which `regex` reads as
  possessive), unknown escapes of letters, digits or `_`, grouping constructs .NET does not know
  (`(?P<n>`, `(?|`, `(?R)`), balancing groups and numbered group names.

What needs no rewrite because both engines agree: `\\d`, `\\w`, `\\s` and `\\b` are Unicode-aware
(`\\d` matches "٣"); `$` matches at the end and before a final newline; `.` does not match a newline;
look-behind may have any width; case-insensitive matching uses simple case folding ("ß" does not
match "SS"). Radarr runs patterns without a time limit; here each search has one, so a pattern
that backtracks without end cannot stall a sync (see `DotNetRegex.search`).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from reelarr.customformats.dotnet_syntax import PatternError, translate
from reelarr.customformats.prefilter import lowered, may_match, required_strings

__all__ = ["DotNetRegex", "PatternError", "compile_dotnet", "pattern_error", "translate"]

_FLAGS = regex.VERSION0 | regex.IGNORECASE


@dataclass(eq=False, slots=True)
class DotNetRegex:
    """A compiled .NET pattern, searched case-insensitively with a time limit per search.

    A search that runs out of time counts as no match. After `give_up_after` such searches the
    pattern is no longer run at all: one hostile pattern costs a sync a few time limits, not one
    per release.
    """

    pattern: str
    compiled: regex.Pattern[str]
    timeout: float
    # Lower-cased strings one of which a matching text contains (None: no such promise).
    needed: frozenset[str] | None = None
    give_up_after: int = 3
    timeouts: int = 0

    @property
    def disabled(self) -> bool:
        """Whether the pattern ran out of time often enough to be skipped."""
        return self.timeouts >= self.give_up_after

    def search(self, text: str) -> bool:
        """Whether the pattern matches anywhere in `text` (False when it ran out of time); a text
        without any of the strings the pattern needs is answered without running it."""
        if self.needed is not None and not may_match(self.needed, lowered(text)):
            return False
        return self.run(text)

    def run(self, text: str) -> bool:
        """Run the pattern on `text` (for a caller that checked the needed strings itself)."""
        if self.disabled:
            return False
        try:
            return self.compiled.search(text, timeout=self.timeout) is not None
        except TimeoutError:
            self.timeouts += 1
            return False


def compile_dotnet(pattern: str, *, timeout: float) -> DotNetRegex:
    """Compile a .NET pattern for case-insensitive search; PatternError when it cannot compile."""
    translated = translate(pattern)
    try:
        compiled = regex.compile(translated, _FLAGS)
    except (regex.error, OverflowError, RecursionError) as error:
        raise PatternError(str(error).split(" at position")[0]) from error
    return DotNetRegex(pattern, compiled, timeout, required_strings(translated))


def pattern_error(pattern: str) -> str | None:
    """Why a .NET pattern cannot be used, or None when it compiles."""
    try:
        compile_dotnet(pattern, timeout=1.0)
    except PatternError as error:
        return str(error)
    return None
