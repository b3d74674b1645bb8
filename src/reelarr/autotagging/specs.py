"""The conditions of an auto tagging rule: Radarr 6's eleven types, their fields, checks and matching."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reelarr.languages import ALL_LANGUAGES
from reelarr.movies.model import MovieStatus

# Radarr's MovieStatusType numbers (the Status condition stores these).
STATUS_NUMBERS: Mapping[MovieStatus, int] = {
    MovieStatus.DELETED: -1,
    MovieStatus.TBA: 0,
    MovieStatus.ANNOUNCED: 1,
    MovieStatus.IN_CINEMAS: 2,
    MovieStatus.RELEASED: 3,
}
_STATUS_NAMES = {-1: "Deleted", 0: "TBA", 1: "Announced", 2: "InCinemas", 3: "Released"}  # MovieStatusType


@dataclass(frozen=True, slots=True)
class MovieFacts:
    """What the conditions look at: a film's settings and metadata, its status on the day."""

    monitored: bool
    quality_profile_id: int
    root_folder_path: str
    tags: frozenset[int]
    year: int
    runtime: int
    status: int
    original_language_id: int
    genres: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    studio: str | None = None


@dataclass(frozen=True, slots=True)
class SelectOption:
    """One choice of a select field."""

    value: int
    name: str
    order: int


@dataclass(frozen=True, slots=True)
class FieldDefinition:
    """One field of a condition as Radarr's form draws it."""

    name: str
    label: str
    type: str
    default: Any
    unit: str | None = None
    select_options: tuple[SelectOption, ...] | None = None


Values = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ConditionType:
    """A kind of condition: Radarr's class name, display name, schema order, fields, check and test."""

    implementation: str
    name: str
    order: int
    fields: tuple[FieldDefinition, ...]
    matches: Callable[[Values, MovieFacts], bool]
    problems: Callable[[Values], list[str]] = field(default=lambda _values: [])


@dataclass(frozen=True, slots=True)
class Condition:
    """One named condition of a rule, with its field values read and checked."""

    name: str
    implementation: str
    values: Mapping[str, Any]
    negate: bool = False
    required: bool = False

    def matches(self, facts: MovieFacts) -> bool:
        """Whether the film meets the condition (inverted when negated)."""
        kind = CONDITION_TYPES[self.implementation]
        return kind.matches(self.values, facts) != self.negate


def _fold(words: Sequence[str]) -> set[str]:
    return {w.casefold() for w in words}


def _any_of(values: Values, have: Sequence[str]) -> bool:
    wanted = _fold(values["value"])
    return any(item.casefold() in wanted for item in have)


def _not_empty(values: Values) -> list[str]:
    return [] if values["value"] else ["'Value' must not be empty."]


def _positive(values: Values) -> list[str]:
    return [] if values["value"] > 0 else ["'Value' must be greater than '0'."]


def _runtime_problems(values: Values) -> list[str]:
    problems = []
    if values["min"] < 0:
        problems.append("'Min' must be greater than or equal to '0'.")
    if values["max"] == 0:
        problems.append("'Max' must not be empty.")
    elif values["max"] < values["min"]:
        problems.append(f"'Max' must be greater than or equal to '{values['min']}'.")
    return problems


def _year_problems(values: Values) -> list[str]:
    problems = []
    if values["min"] <= 0:
        problems.append("'Min' must be greater than '0'.")
    if values["max"] == 0:
        problems.append("'Max' must not be empty.")
    elif values["max"] < values["min"]:
        problems.append(f"'Max' must be greater than or equal to '{values['min']}'.")
    return problems


def _status_problems(values: Values) -> list[str]:
    status = values["status"]
    return [] if status in _STATUS_NAMES else [f"Invalid status type condition value: {status}"]


def _root_problems(values: Values) -> list[str]:
    path = str(values["value"] or "")
    return [] if path.startswith("/") or (len(path) > 2 and path[1] == ":") else ["Invalid Path"]


def _same_path(left: str, right: str) -> bool:
    return left.rstrip("/\\") == right.rstrip("/\\") and bool(left)


# Radarr's OriginalLanguageFieldConverter: Unknown first, then every language by name.
_LANGUAGES = tuple(
    SelectOption(language.id, language.name, 0)
    for language in sorted((lang for lang in ALL_LANGUAGES if lang.id >= 0), key=lambda x: (x.id > 0, x.name))
)
_STATUSES = tuple(SelectOption(number, name, number) for number, name in sorted(_STATUS_NAMES.items()))


def _tags(label: str) -> tuple[FieldDefinition, ...]:
    return (FieldDefinition("value", label, "tag", []),)


def _one(
    label: str, kind: str, default: Any, options: tuple[SelectOption, ...] | None = None
) -> tuple[FieldDefinition, ...]:
    return (FieldDefinition("value", label, kind, default, select_options=options),)


def _range(low: str, high: str, unit: str | None) -> tuple[FieldDefinition, ...]:
    return (FieldDefinition("min", low, "number", 0, unit), FieldDefinition("max", high, "number", 0, unit))


_TYPES = (
    ConditionType(
        "GenreSpecification",
        "Genre",
        2,
        _tags("Genre(s)"),
        lambda v, m: _any_of(v, m.genres),
        _not_empty,
    ),
    ConditionType(
        "KeywordSpecification",
        "Keyword",
        2,
        _tags("Keyword(s)"),
        lambda v, m: _any_of(v, m.keywords),
        _not_empty,
    ),
    ConditionType("MonitoredSpecification", "Monitored", 1, (), lambda _v, m: m.monitored),
    ConditionType(
        "OriginalLanguageSpecification",
        "Original Language",
        1,
        _one("Language", "select", 0, _LANGUAGES),
        lambda v, m: v["value"] == m.original_language_id,
        lambda v: [] if v["value"] >= 0 else ["'Value' must be greater than or equal to '0'."],
    ),
    ConditionType(
        "QualityProfileSpecification",
        "Quality Profile",
        1,
        _one("Quality Profile", "qualityProfile", 0),
        lambda v, m: v["value"] == m.quality_profile_id,
        _positive,
    ),
    ConditionType(
        "RootFolderSpecification",
        "Root Folder",
        1,
        _one("Root Folder", "rootFolder", ""),
        lambda v, m: _same_path(m.root_folder_path, str(v["value"])),
        _root_problems,
    ),
    ConditionType(
        "RuntimeSpecification",
        "Runtime",
        1,
        _range("Minimum Runtime", "Maximum Runtime", "minutes"),
        lambda v, m: v["min"] <= m.runtime <= v["max"],
        _runtime_problems,
    ),
    ConditionType(
        "StatusSpecification",
        "Status",
        1,
        (FieldDefinition("status", "Status", "select", 0, select_options=_STATUSES),),
        lambda v, m: v["status"] == m.status,
        _status_problems,
    ),
    ConditionType(
        "StudioSpecification",
        "Studio",
        1,
        _tags("Studio(s)"),
        lambda v, m: m.studio is not None and _any_of(v, (m.studio,)),
        _not_empty,
    ),
    ConditionType(
        "TagSpecification", "Tag", 1, _one("Tag", "movieTag", 0), lambda v, m: v["value"] in m.tags, _positive
    ),
    ConditionType(
        "YearSpecification",
        "Year",
        1,
        _range("Minimum Year", "Maximum Year", None),
        lambda v, m: v["min"] <= m.year <= v["max"],
        _year_problems,
    ),
)
CONDITION_TYPES: Mapping[str, ConditionType] = {kind.implementation: kind for kind in _TYPES}
# The order of Radarr's schema: by Order, then as registered (its container's order, by name).
SCHEMA_ORDER: tuple[ConditionType, ...] = tuple(sorted(_TYPES, key=lambda k: (k.order, k.implementation)))


def _read_value(definition: FieldDefinition, raw: Any) -> tuple[Any, str | None]:
    if raw is None:
        return definition.default, None
    if definition.type == "tag":
        if isinstance(raw, str):
            raw = raw.split(",")
        if not isinstance(raw, list) or not all(isinstance(item, str | int | float) for item in raw):
            return None, "must be a list of words"
        return [str(item).strip() for item in raw if str(item).strip()], None
    if definition.type == "rootFolder":
        return (str(raw), None) if isinstance(raw, str) else (None, "must be a path")
    if isinstance(raw, bool):
        return None, "must be a whole number"
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, str):
        try:
            raw = int(raw.strip())
        except ValueError:
            return None, "must be a whole number"
    if not isinstance(raw, int) or not -(2**31) <= raw < 2**31:
        return None, "must be a whole number"
    return raw, None


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """Why a condition's field cannot be used."""

    field: str
    message: str
    attempted: Any = None


def read_condition(
    implementation: str,
    name: str,
    fields: Mapping[str, Any],
    *,
    negate: bool,
    required: bool,
    check: bool = True,
) -> tuple[Condition | None, list[FieldProblem]]:
    """A condition from its type and field values; with `check`, Radarr's rules for the values too."""
    kind = CONDITION_TYPES.get(implementation)
    if kind is None:
        return None, [
            FieldProblem(
                "implementation",
                f"{implementation} is not a valid specification implementation",
                implementation,
            )
        ]
    values: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for definition in kind.fields:
        value, problem = _read_value(definition, fields.get(definition.name))
        if problem is not None:
            problems.append(
                FieldProblem(definition.name, f"'{definition.label}' {problem}", fields.get(definition.name))
            )
        values[definition.name] = value
    if problems:
        return None, problems
    if check:
        problems = [FieldProblem("fields", message) for message in kind.problems(values)]
        if problems:
            return None, problems
    return Condition(name, implementation, values, negate, required), []


def condition_to_json(condition: Condition) -> dict[str, Any]:
    """A condition as stored."""
    return {
        "name": condition.name,
        "implementation": condition.implementation,
        "negate": condition.negate,
        "required": condition.required,
        "fields": dict(condition.values),
    }


def condition_from_json(stored: Mapping[str, Any]) -> Condition | None:
    """A stored condition back; None when this version cannot read it (a newer one wrote it)."""
    condition, _problems = read_condition(
        str(stored.get("implementation", "")),
        str(stored.get("name", "")),
        stored.get("fields") or {},
        negate=bool(stored.get("negate")),
        required=bool(stored.get("required")),
        check=False,
    )
    return condition


def conditions_met(conditions: Sequence[Condition], facts: MovieFacts) -> bool:
    """Radarr's rule: every type of condition matches; a type matches when one of its conditions
    does and none of its required ones fails."""
    by_type: dict[str, list[tuple[Condition, bool]]] = {}
    for condition in conditions:
        by_type.setdefault(condition.implementation, []).append((condition, condition.matches(facts)))
    return all(
        any(met for _, met in results) and not any(c.required and not met for c, met in results)
        for results in by_type.values()
    )
