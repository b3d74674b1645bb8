"""The ten condition types as Radarr describes them to clients: fields, labels, choices, and the
rules a condition's values must follow.

A condition travels as `implementation` plus `fields` (`[{name, value}]`); this module turns those
values into a typed condition, saying what is wrong field by field, and turns a condition back into
the fields Radarr emits, in Radarr's order, with Radarr's labels and value types.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from reelarr.customformats.dotnet_regex import pattern_error
from reelarr.customformats.matching import name_order
from reelarr.customformats.model import (
    Condition,
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
from reelarr.languages import ALL_LANGUAGES, UNKNOWN, language_by_id
from reelarr.quality.catalogue import Modifier, QualitySource, Resolution
from reelarr.releases.model import INDEXER_FLAG_NAMES, IndexerFlags

INFO_LINK = "https://wiki.servarr.com/radarr/settings#custom-formats-2"
MAX_PATTERN_LENGTH = 20_000
INT32_MAX = 2**31 - 1
# Sizes are compared in bytes as a signed 64-bit number, as Radarr compares them.
MAX_SIZE_GB = (2**63 - 1) // 1024**3


@dataclass(frozen=True, slots=True)
class SelectOption:
    """One choice of a select field."""

    value: int
    name: str
    order: int
    divider_after: bool = False


@dataclass(frozen=True, slots=True)
class FieldDefinition:
    """One field of a condition type as the UI draws it; `kind` is how its value is read."""

    name: str
    label: str
    type: str
    kind: str  # "pattern", "int", "float" or "bool"
    help_text: str | None = None
    unit: str | None = None
    select_options: tuple[SelectOption, ...] | None = None

    @property
    def is_float(self) -> bool:
        """Whether the number may have decimals."""
        return self.kind == "float"


@dataclass(frozen=True, slots=True)
class FieldValue:
    """A field with its value, as a condition is shown."""

    order: int
    definition: FieldDefinition
    value: Any


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """What is wrong with one field of a condition."""

    field: str
    message: str
    attempted: Any = None


@dataclass(frozen=True, slots=True)
class ConditionType:
    """A condition type: Radarr's implementation and display names, its fields, and converters."""

    implementation: str
    name: str
    order: int
    fields: tuple[FieldDefinition, ...]
    build: Callable[[dict[str, Any]], Condition]
    values: Callable[[Any], tuple[Any, ...]]


def _enum_options(names: Mapping[int, str]) -> tuple[SelectOption, ...]:
    return tuple(SelectOption(value, name.replace("_", " "), value) for value, name in sorted(names.items()))


def _language_options() -> tuple[SelectOption, ...]:
    ordered = sorted(ALL_LANGUAGES, key=lambda language: (language.id > 0, name_order(language.name)))
    return tuple(
        SelectOption(language.id, language.name, 0, divider_after=language.id == UNKNOWN.id)
        for language in ordered
    )


_RESOLUTION_NAMES = {r.value: "Unknown" if r.value == 0 else f"R{r.value}p" for r in Resolution}
_PATTERN = FieldDefinition(
    "value",
    "Regular Expression",
    "textbox",
    "pattern",
    help_text="Custom Format RegEx is Case Insensitive",
)


def _select(label: str, options: tuple[SelectOption, ...]) -> FieldDefinition:
    return FieldDefinition("value", label, "select", "int", select_options=options)


def _pattern_type(
    implementation: str, name: str, order: int, make: Callable[[str], Condition]
) -> ConditionType:
    return ConditionType(
        implementation, name, order, (_PATTERN,), lambda v: make(v["value"]), lambda c: (c.pattern,)
    )


CONDITION_TYPES: tuple[ConditionType, ...] = (
    _pattern_type("ReleaseTitleSpecification", "Release Title", 1, ReleaseTitle),
    _pattern_type("EditionSpecification", "Edition", 2, Edition),
    ConditionType(
        "LanguageSpecification",
        "Language",
        3,
        (
            _select("Language", _language_options()),
            FieldDefinition(
                "exceptLanguage",
                "Except Language",
                "checkbox",
                "bool",
                help_text="Matches if any language other than the selected language is present",
            ),
        ),
        lambda v: LanguageIs(v["value"], v["exceptLanguage"]),
        lambda c: (c.language_id, c.except_language),
    ),
    ConditionType(
        "IndexerFlagSpecification",
        "Indexer Flag",
        4,
        (_select("Flag", _enum_options(INDEXER_FLAG_NAMES)),),
        lambda v: IndexerFlagSet(v["value"]),
        lambda c: (c.flag,),
    ),
    ConditionType(
        "SourceSpecification",
        "Source",
        5,
        (_select("Source", _enum_options({s.value: s.name for s in QualitySource})),),
        lambda v: SourceIs(v["value"]),
        lambda c: (c.source,),
    ),
    ConditionType(
        "ResolutionSpecification",
        "Resolution",
        6,
        (_select("Resolution", _enum_options(_RESOLUTION_NAMES)),),
        lambda v: ResolutionIs(v["value"]),
        lambda c: (c.resolution,),
    ),
    ConditionType(
        "QualityModifierSpecification",
        "Quality Modifier",
        7,
        (_select("Quality Modifier", _enum_options({m.value: m.name for m in Modifier})),),
        lambda v: ModifierIs(v["value"]),
        lambda c: (c.modifier,),
    ),
    ConditionType(
        "SizeSpecification",
        "Size",
        8,
        (
            FieldDefinition(
                "min", "Minimum Size", "number", "float", "Release must be greater than this size", "GB"
            ),
            FieldDefinition(
                "max",
                "Maximum Size",
                "number",
                "float",
                "Release must be less than or equal to this size",
                "GB",
            ),
        ),
        lambda v: SizeBetween(v["min"], v["max"]),
        lambda c: (c.min_gb, c.max_gb),
    ),
    _pattern_type("ReleaseGroupSpecification", "Release Group", 9, ReleaseGroup),
    ConditionType(
        "YearSpecification",
        "Year",
        10,
        (
            FieldDefinition("min", "Minimum Year", "number", "int"),
            FieldDefinition("max", "Maximum Year", "number", "int"),
        ),
        lambda v: YearBetween(v["min"], v["max"]),
        lambda c: (c.min_year, c.max_year),
    ),
)
_BY_IMPLEMENTATION = {t.implementation.lower(): t for t in CONDITION_TYPES}
_DEFAULTS: dict[str, Any] = {"pattern": None, "int": 0, "float": 0.0, "bool": False}


def condition_type(implementation: str) -> ConditionType | None:
    """The condition type with this implementation name (any case), or None."""
    return _BY_IMPLEMENTATION.get(implementation.lower())


def _number_out(value: float) -> int | float:
    """A number as .NET writes a double: 5.0 as 5 (Recyclarr compares field values by type)."""
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def field_values(condition: Condition) -> list[FieldValue]:
    """A condition's fields with their values, in Radarr's order."""
    kind = _BY_IMPLEMENTATION[condition.implementation.lower()]
    values = kind.values(condition)
    return [
        FieldValue(order, definition, _number_out(value) if definition.kind == "float" else value)
        for order, (definition, value) in enumerate(zip(kind.fields, values, strict=True))
    ]


def blank_field_values(kind: ConditionType) -> list[FieldValue]:
    """The fields of a new condition of this type, with Radarr's defaults (no pattern yet)."""
    return [
        FieldValue(order, d, _number_out(_DEFAULTS[d.kind]) if d.kind == "float" else _DEFAULTS[d.kind])
        for order, d in enumerate(kind.fields)
    ]


def _read_int(raw: Any) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, str):
        try:
            raw = int(raw.strip())
        except ValueError:
            return None
    if isinstance(raw, int) and -(2**31) <= raw <= INT32_MAX:
        return raw
    return None


def _read_float(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str):
        try:
            raw = float(raw.strip().replace(",", "."))
        except ValueError:
            return None
    if isinstance(raw, int | float) and math.isfinite(raw):
        return float(raw)
    return None


def _read_bool(raw: Any) -> bool | None:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in ("true", "false"):
        return raw.strip().lower() == "true"
    return None


_READERS: dict[str, Callable[[Any], Any]] = {
    "pattern": lambda raw: raw if isinstance(raw, str) else None,
    "int": _read_int,
    "float": _read_float,
    "bool": _read_bool,
}
_KIND_WORDS = {
    "pattern": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
}


def _read(kind: ConditionType, given: Mapping[str, Any]) -> tuple[dict[str, Any], list[FieldProblem]]:
    values: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for definition in kind.fields:
        raw = given.get(definition.name)
        if raw is None:
            values[definition.name] = _DEFAULTS[definition.kind]
            continue
        value = _READERS[definition.kind](raw)
        if value is None:
            problems.append(
                FieldProblem(
                    definition.name, f"'{definition.label}' must be {_KIND_WORDS[definition.kind]}", raw
                )
            )
        values[definition.name] = value
    return values, problems


def condition_from_fields(
    implementation: str, given: Mapping[str, Any], *, check: bool = True
) -> tuple[Condition | None, list[FieldProblem]]:
    """The condition that fields describe (names matched exactly, as Radarr matches them), or the
    problems that keep it from being one; `check=False` reads values without judging them."""
    kind = condition_type(implementation)
    if kind is None:
        return None, [
            FieldProblem("implementation", f"{implementation} is not a valid specification implementation")
        ]
    values, problems = _read(kind, given)
    if problems:
        return None, problems
    condition = kind.build(values)
    problems = condition_problems(condition) if check else []
    return (None if problems else condition), problems


def _pattern_problems(pattern: str | None) -> list[FieldProblem]:
    if pattern is None or not pattern.strip():
        return [FieldProblem("value", "Regex Pattern must not be empty", pattern)]
    if len(pattern) > MAX_PATTERN_LENGTH:
        return [FieldProblem("value", f"Regex Pattern must be at most {MAX_PATTERN_LENGTH} characters long")]
    error = pattern_error(pattern)
    return [FieldProblem("value", f"Invalid regular expression: {error}", pattern)] if error else []


def _choice_problems(value: int, options: tuple[SelectOption, ...] | None, what: str) -> list[FieldProblem]:
    if value == 0:
        return [FieldProblem("value", "'Value' must not be empty.", value)]
    if options is not None and value not in {o.value for o in options}:
        return [FieldProblem("value", f"Invalid {what} condition value: {value}", value)]
    return []


def _range_problems(
    low: float, high: float, *, strictly_above: bool, least: float, most: float
) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if low < least:
        problems.append(FieldProblem("min", f"'Min' must be greater than or equal to '{least:g}'.", low))
    if high > most:
        problems.append(FieldProblem("max", f"'Max' must be less than or equal to '{most:g}'.", high))
    if strictly_above and high <= low:
        problems.append(FieldProblem("max", f"'Max' must be greater than '{low:g}'.", high))
    if not strictly_above and high < low:
        problems.append(FieldProblem("max", f"'Max' must be greater than or equal to '{low:g}'.", high))
    return problems


_OPTIONS = {t.implementation: t.fields[0].select_options for t in CONDITION_TYPES}
_CHOICE_WORDS = {SourceIs: "source", ResolutionIs: "resolution", ModifierIs: "quality modifier"}


def condition_problems(condition: Condition) -> list[FieldProblem]:
    """What is wrong with a condition's values (an empty list when it can be saved)."""
    match condition:
        case ReleaseTitle(pattern=pattern) | Edition(pattern=pattern) | ReleaseGroup(pattern=pattern):
            return _pattern_problems(pattern)
        case LanguageIs(language_id=language_id):
            if language_by_id(language_id) is None:
                return [
                    FieldProblem("value", f"Invalid Language condition value: {language_id}", language_id)
                ]
            return []
        case IndexerFlagSet(flag=flag):
            if flag != 0 and flag not in {f.value for f in IndexerFlags}:
                return [FieldProblem("value", f"Invalid indexer flag condition value: {flag}", flag)]
            return _choice_problems(flag, None, "indexer flag")
        case SourceIs(source=value) | ResolutionIs(resolution=value) | ModifierIs(modifier=value):
            return _choice_problems(value, _OPTIONS[condition.implementation], _CHOICE_WORDS[type(condition)])
        case SizeBetween(min_gb=low, max_gb=high):
            return _range_problems(low, high, strictly_above=True, least=0, most=MAX_SIZE_GB)
        case YearBetween(min_year=low, max_year=high):
            if low <= 0:
                return [FieldProblem("min", "'Min' must be greater than '0'.", low)]
            return _range_problems(low, high, strictly_above=False, least=1, most=INT32_MAX)
