"""Which custom formats a release matches, by Radarr's rules.

A format's conditions are grouped by type. A group matches when none of its required conditions
failed and at least one of its conditions matched; a format matches when every group matches.
Matched formats come out ordered by name, as Radarr orders them.

A release's patterns are all run first (each distinct pattern once, see `patterns`); conditions
then only look up whether their pattern matched. A group of plain pattern conditions, the usual
shape ("any of these release groups"), is one set intersection.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reelarr.customformats.input import FormatInput
from reelarr.customformats.model import (
    Condition,
    CustomFormat,
    Edition,
    IndexerFlagSet,
    LanguageIs,
    ModifierIs,
    ReleaseGroup,
    ReleaseTitle,
    ResolutionIs,
    SizeBetween,
    SourceIs,
    YearBetween,
)
from reelarr.customformats.patterns import EDITION, FILE_NAME, RELEASE_GROUP, TITLE, PatternSet
from reelarr.languages import ORIGINAL, UNKNOWN

# A search that takes longer than this counts as no match (Radarr has no limit; a sync must not stall).
DEFAULT_TIMEOUT_SECONDS = 0.1
GIB = 1024**3

# The patterns that matched a release, per kind of text (see `patterns`).
Matched = tuple[frozenset[int], ...]
# A condition's test, before negation: the release, and the patterns that matched it.
Test = Callable[[FormatInput, Matched], bool]


def gigabytes(value: float) -> int:
    """Bytes in `value` GiB, rounded as .NET's Convert.ToInt64 rounds (half to even)."""
    return round(value * GIB)


def _never(_subject: FormatInput, _matched: Matched) -> bool:
    return False


def _language_test(condition: LanguageIs) -> Test:
    def test(subject: FormatInput, _matched: Matched) -> bool:
        compared = condition.language_id
        original = subject.original_language
        if compared == ORIGINAL.id and original is not None and original != UNKNOWN:
            compared = original.id
        if condition.except_language:
            return any(language.id != compared for language in subject.languages)
        return any(language.id == compared for language in subject.languages)

    return test


def _size_test(condition: SizeBetween) -> Test:
    low, high = gigabytes(condition.min_gb), gigabytes(condition.max_gb)
    return lambda subject, _matched: low < subject.size <= high


def _year_test(condition: YearBetween) -> Test:
    def test(subject: FormatInput, _matched: Matched) -> bool:
        year = subject.year or subject.movie_year
        return year is not None and condition.min_year <= year <= condition.max_year

    return test


def _pattern_test(patterns: PatternSet, pattern: str, *kinds: int) -> Test:
    numbers = [(kind, patterns.add(pattern, kind)) for kind in kinds]
    found = [(kind, number) for kind, number in numbers if number is not None]
    if not found:
        # Saved before a change made it invalid: it matches nothing, as an empty pattern in Radarr.
        return _never
    return lambda _subject, matched: any(number in matched[kind] for kind, number in found)


def _test(condition: Condition, patterns: PatternSet) -> Test:
    match condition:
        case ReleaseTitle(pattern=pattern):
            return _pattern_test(patterns, pattern, TITLE, FILE_NAME)
        case Edition(pattern=pattern):
            return _pattern_test(patterns, pattern, EDITION)
        case ReleaseGroup(pattern=pattern):
            return _pattern_test(patterns, pattern, RELEASE_GROUP)
        case LanguageIs():
            return _language_test(condition)
        case IndexerFlagSet(flag=flag):
            return lambda subject, _matched: (subject.indexer_flags & flag) == flag
        case SourceIs(source=source):
            return lambda subject, _matched: int(subject.quality.source) == source
        case ResolutionIs(resolution=resolution):
            return lambda subject, _matched: subject.quality.resolution == resolution
        case ModifierIs(modifier=modifier):
            return lambda subject, _matched: int(subject.quality.modifier) == modifier
        case SizeBetween():
            return _size_test(condition)
        case YearBetween():
            return _year_test(condition)


@dataclass(frozen=True, slots=True)
class _Rule:
    """One condition ready to run: its test, whether it is negated, whether its group needs it."""

    test: Test
    negate: bool
    required: bool


def _group_test(rules: Sequence[_Rule]) -> Test:
    def test(subject: FormatInput, matched: Matched) -> bool:
        any_held = False
        for rule in rules:
            held = rule.test(subject, matched) != rule.negate
            if rule.required and not held:
                return False
            any_held = any_held or held
        return any_held

    return test


def _any_pattern_test(numbers: frozenset[int], kinds: tuple[int, ...]) -> Test:
    """A group of plain pattern conditions: it matches when any of its patterns did."""
    return lambda _subject, matched: any(not numbers.isdisjoint(matched[kind]) for kind in kinds)


_KINDS = {ReleaseTitle: (TITLE, FILE_NAME), Edition: (EDITION,), ReleaseGroup: (RELEASE_GROUP,)}


def _compile_group(specs: Sequence[tuple[Condition, bool, bool]], patterns: PatternSet) -> Test:
    """One group of conditions of a type, as a single test."""
    plain = all(not negate and not required for _, negate, required in specs)
    kinds = _KINDS.get(type(specs[0][0]))
    if plain and kinds is not None:
        numbers = {
            patterns.add(condition.pattern, kind)
            for condition, _, _ in specs
            if isinstance(condition, ReleaseTitle | Edition | ReleaseGroup)
            for kind in kinds
        }
        return _any_pattern_test(frozenset(n for n in numbers if n is not None), kinds)
    return _group_test([_Rule(_test(c, patterns), negate, required) for c, negate, required in specs])


def name_order(name: str) -> tuple[str, str, str]:
    """A sort key close to .NET's culture-aware ordering of names: letters before case and accents."""
    folded = name.casefold()
    bare = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return (bare, folded, name.swapcase())


class FormatMatcher:
    """A set of custom formats compiled once, matched against any number of releases."""

    timeout: float
    _patterns: PatternSet

    def __init__(
        self,
        formats: Sequence[CustomFormat],
        *,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        previous: FormatMatcher | None = None,
    ) -> None:
        """Compile the formats; patterns `previous` compiled already are taken from it."""
        known = previous._patterns.regexes() if previous is not None and previous.timeout == timeout else None
        self.timeout = timeout
        self._patterns = PatternSet(timeout, known)
        compiled: list[tuple[CustomFormat, tuple[Test, ...]]] = []
        for custom_format in sorted(formats, key=lambda f: name_order(f.name)):
            groups: dict[str, list[tuple[Condition, bool, bool]]] = {}
            for spec in custom_format.specifications:
                groups.setdefault(spec.implementation, []).append(
                    (spec.condition, spec.negate, spec.required)
                )
            tests = tuple(_compile_group(specs, self._patterns) for specs in groups.values())
            compiled.append((custom_format, tests))
        self._patterns.freeze()
        self._formats = tuple(compiled)

    @property
    def formats(self) -> tuple[CustomFormat, ...]:
        """The formats this matcher knows, ordered by name."""
        return tuple(f for f, _ in self._formats)

    def matches(self, subject: FormatInput) -> tuple[CustomFormat, ...]:
        """The formats the release matches, ordered by name."""
        matched = self._patterns.scan(
            (subject.release_title, subject.file_name, subject.edition, subject.release_group)
        )
        return tuple(
            custom_format
            for custom_format, groups in self._formats
            if groups and all(group(subject, matched) for group in groups)
        )

    def invalid_patterns(self) -> list[str]:
        """Stored patterns that do not compile (they match nothing)."""
        return list(self._patterns.invalid)

    def timed_out_patterns(self) -> list[str]:
        """Patterns that ran out of time on some release (each counts as no match there)."""
        return self._patterns.timed_out()

    def pattern_count(self) -> int:
        """How many distinct patterns the formats use."""
        return len(self._patterns.compiled)


def matching_formats(formats: Sequence[CustomFormat], subject: FormatInput) -> tuple[CustomFormat, ...]:
    """The formats one release matches, ordered by name (compiles the formats: for many releases,
    build one FormatMatcher)."""
    return FormatMatcher(formats).matches(subject)
