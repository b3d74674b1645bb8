"""Every pattern of a set of custom formats, compiled once, and run on a release only where it can match.

A release is matched against a thousand patterns or more (TRaSH-Guides' collection). Each pattern
is compiled once, shared by every format that uses it, and indexed by the strings it needs (see
`prefilter`): scanning a title for those strings picks the few patterns worth running, and only
those run. What comes out for a release is, per text (title, file name, edition, release group),
the set of patterns that match it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from reelarr.customformats.dotnet_regex import DotNetRegex, PatternError, compile_dotnet
from reelarr.customformats.prefilter import lowered

# The texts of a release a pattern is matched against.
TITLE, FILE_NAME, EDITION, RELEASE_GROUP = range(4)
TEXT_KINDS = 4


class PatternSet:
    """Patterns added one by one (each gets a number), then frozen into an index and scanned."""

    def __init__(self, timeout: float, known: Mapping[str, DotNetRegex] | None = None) -> None:
        self.timeout = timeout
        # Patterns compiled for an earlier set, reused rather than compiled again.
        self._known = known or {}
        self.compiled: dict[str, tuple[int, DotNetRegex]] = {}
        self.invalid: list[str] = []
        self._regexes: list[DotNetRegex] = []
        self._used: list[set[int]] = [set() for _ in range(TEXT_KINDS)]
        self._always: list[frozenset[int]] = []
        self._by_bigram: dict[str, list[tuple[str, int]]] = {}
        self._patterns_of: list[tuple[int, ...]] = []

    def add(self, pattern: str, kind: int) -> int | None:
        """The number of a pattern matched against one kind of text; None when it does not compile."""
        found = self.compiled.get(pattern)
        if found is None:
            if pattern in self.invalid:
                return None
            compiled = self._known.get(pattern)
            if compiled is None:
                try:
                    compiled = compile_dotnet(pattern, timeout=self.timeout)
                except PatternError:
                    self.invalid.append(pattern)
                    return None
            found = (len(self._regexes), compiled)
            self.compiled[pattern] = found
            self._regexes.append(compiled)
        self._used[kind].add(found[0])
        return found[0]

    def freeze(self) -> None:
        """Index the patterns by the strings they need (after the last `add`)."""
        literal_ids: dict[str, int] = {}
        patterns_of: defaultdict[int, list[int]] = defaultdict(list)
        always: set[int] = set()
        for number, regex in enumerate(self._regexes):
            if regex.needed is None:
                always.add(number)
                continue
            for literal in regex.needed:
                literal_id = literal_ids.setdefault(literal, len(literal_ids))
                patterns_of[literal_id].append(number)
        by_bigram: defaultdict[str, list[tuple[str, int]]] = defaultdict(list)
        for literal, literal_id in literal_ids.items():
            by_bigram[literal[:2]].append((literal, literal_id))
        self._by_bigram = dict(by_bigram)
        self._patterns_of = [tuple(patterns_of[i]) for i in range(len(literal_ids))]
        self._always = [frozenset(always & used) for used in self._used]

    def _candidates(self, text: str, kind: int) -> set[int]:
        lowered_text = lowered(text)
        candidates = set(self._always[kind])
        by_bigram = self._by_bigram
        patterns_of = self._patterns_of
        for start in range(len(lowered_text) - 1):
            for literal, literal_id in by_bigram.get(lowered_text[start : start + 2], ()):
                if lowered_text.startswith(literal, start):
                    candidates.update(patterns_of[literal_id])
        candidates &= self._used[kind]
        return candidates

    def scan(self, texts: Sequence[str | None]) -> tuple[frozenset[int], ...]:
        """For each kind of text, the numbers of the patterns (used with that kind) that match it."""
        found: list[frozenset[int]] = []
        for kind, text in enumerate(texts):
            if text is None or not self._used[kind]:
                found.append(frozenset())
                continue
            regexes = self._regexes
            found.append(frozenset(n for n in self._candidates(text, kind) if regexes[n].run(text)))
        return tuple(found)

    def regexes(self) -> dict[str, DotNetRegex]:
        """Every compiled pattern by its text."""
        return {pattern: regex for pattern, (_, regex) in self.compiled.items()}

    def timed_out(self) -> list[str]:
        """Patterns that ran out of time on some text."""
        return [regex.pattern for regex in self._regexes if regex.timeouts]
