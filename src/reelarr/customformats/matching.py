"""Which custom formats a release matches, by Radarr's rules.

A format's conditions are grouped by type. A group matches when none of its required conditions
failed and at least one of its conditions matched; a format matches when every group matches.
Matched formats come out ordered by name, as Radarr orders them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reelarr.customformats.dotnet_regex import DotNetRegex, PatternError, compile_dotnet
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
from reelarr.languages import ORIGINAL, UNKNOWN

# A search that takes longer than this counts as no match (Radarr has no limit; a sync must not stall).
DEFAULT_TIMEOUT_SECONDS = 0.1
GIB = 1024**3

Test = Callable[[FormatInput, dict[int, bool]], bool]


def gigabytes(value: float) -> int:
    """Bytes in `value` GiB, rounded as .NET's Convert.ToInt64 rounds (half to even)."""
    return round(value * GIB)


def _language_test(condition: LanguageIs) -> Test:
    def test(subject: FormatInput, _memo: dict[int, bool]) -> bool:
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
    return lambda subject, _memo: low < subject.size <= high


def _year_test(condition: YearBetween) -> Test:
    def test(subject: FormatInput, _memo: dict[int, bool]) -> bool:
        year = subject.year or subject.movie_year
        return year is not None and condition.min_year <= year <= condition.max_year

    return test


class _Patterns:
    """Compiles each distinct pattern once and numbers it, so a release runs each pattern once."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.compiled: dict[str, tuple[int, DotNetRegex]] = {}

        self.invalid: list[str] = []

    def get(self, pattern: str) -> tuple[int, DotNetRegex] | None:
        found = self.compiled.get(pattern)
        if found is None and pattern not in self.invalid:
            try:
                found = (len(self.compiled), compile_dotnet(pattern, timeout=self.timeout))
            except PatternError:
                self.invalid.append(pattern)
                return None
            self.compiled[pattern] = found
        return found

    def test(self, pattern: str, text_of: Callable[[FormatInput], str | None]) -> Test:
        found = self.get(pattern)
        if found is None:
            # Saved before a change made it invalid: it matches nothing, as an empty pattern in Radarr.
            return lambda _subject, _memo: False
        number, compiled = found
        # Titles and file names are searched apart: a key per (pattern, which text).
        key = number * 4 + _TEXT_KEYS[text_of]

        def test(subject: FormatInput, memo: dict[int, bool]) -> bool:
            known = memo.get(key)
            if known is None:
                text = text_of(subject)
                known = memo[key] = text is not None and compiled.search(text)
            return known

        return test


def _title(subject: FormatInput) -> str | None:
    return subject.release_title


def _file_name(subject: FormatInput) -> str | None:
    return subject.file_name


def _edition(subject: FormatInput) -> str | None:
    return subject.edition


def _group(subject: FormatInput) -> str | None:
    return subject.release_group


_TEXT_KEYS: dict[Callable[[FormatInput], str | None], int] = {
    _title: 0,
    _file_name: 1,
    _edition: 2,
    _group: 3,
}


def _test(condition: Condition, patterns: _Patterns) -> Test:
    match condition:
        case ReleaseTitle(pattern=pattern):
            by_title, by_file = patterns.test(pattern, _title), patterns.test(pattern, _file_name)
            return lambda subject, memo: by_title(subject, memo) or by_file(subject, memo)
        case Edition(pattern=pattern):
            return patterns.test(pattern, _edition)
        case ReleaseGroup(pattern=pattern):
            return patterns.test(pattern, _group)
        case LanguageIs():
            return _language_test(condition)
        case IndexerFlagSet(flag=flag):
            return lambda subject, _memo: (subject.indexer_flags & flag) == flag
        case SourceIs(source=source):
            return lambda subject, _memo: int(subject.quality.source) == source
        case ResolutionIs(resolution=resolution):
            return lambda subject, _memo: subject.quality.resolution == resolution
        case ModifierIs(modifier=modifier):
            return lambda subject, _memo: int(subject.quality.modifier) == modifier
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

    def holds(self, subject: FormatInput, memo: dict[int, bool]) -> bool:
        return self.test(subject, memo) != self.negate


def _group_matches(rules: tuple[_Rule, ...], subject: FormatInput, memo: dict[int, bool]) -> bool:
    any_matched = False
    for rule in rules:
        held = rule.holds(subject, memo)
        if rule.required and not held:
            return False
        any_matched = any_matched or held
    return any_matched


def name_order(name: str) -> tuple[str, str, str]:
    """A sort key close to .NET's culture-aware ordering of names: letters before case and accents."""
    folded = name.casefold()
    bare = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return (bare, folded, name.swapcase())


class FormatMatcher:
    """A set of custom formats compiled once, matched against any number of releases."""

    def __init__(self, formats: Sequence[CustomFormat], *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        self._patterns = _Patterns(timeout)
        compiled: list[tuple[CustomFormat, tuple[tuple[_Rule, ...], ...]]] = []
        for custom_format in sorted(formats, key=lambda f: name_order(f.name)):
            groups: dict[str, list[_Rule]] = {}
            for spec in custom_format.specifications:
                rule = _Rule(_test(spec.condition, self._patterns), spec.negate, spec.required)
                groups.setdefault(spec.implementation, []).append(rule)
            compiled.append((custom_format, tuple(tuple(rules) for rules in groups.values())))
        self._formats = tuple(compiled)

    @property
    def formats(self) -> tuple[CustomFormat, ...]:
        """The formats this matcher knows, ordered by name."""
        return tuple(f for f, _ in self._formats)

    def matches(self, subject: FormatInput) -> tuple[CustomFormat, ...]:
        """The formats the release matches, ordered by name."""
        memo: dict[int, bool] = {}
        return tuple(
            custom_format
            for custom_format, groups in self._formats
            if groups and all(_group_matches(rules, subject, memo) for rules in groups)
        )

    def invalid_patterns(self) -> list[str]:
        """Stored patterns that do not compile (they match nothing)."""
        return list(self._patterns.invalid)

    def timed_out_patterns(self) -> list[str]:
        """Patterns that ran out of time on some release (each counts as no match there)."""
        return [regex.pattern for _, regex in self._patterns.compiled.values() if regex.timeouts]


def matching_formats(formats: Sequence[CustomFormat], subject: FormatInput) -> tuple[CustomFormat, ...]:
    """The formats one release matches, ordered by name (compiles the formats: for many releases,
    build one FormatMatcher)."""
    return FormatMatcher(formats).matches(subject)
