"""Conditions to and from Radarr's fields: labels, choices, value types and Radarr's rules."""

from __future__ import annotations

from typing import Any

import pytest

from reelarr.customformats.codec import specification_from_json, specification_to_json
from reelarr.customformats.fields import (
    CONDITION_TYPES,
    MAX_SIZE_GB,
    blank_field_values,
    condition_from_fields,
    condition_type,
    field_values,
)
from reelarr.customformats.model import (
    LanguageIs,
    ReleaseTitle,
    ResolutionIs,
    SizeBetween,
    SourceIs,
    Specification,
    YearBetween,
)


def test_the_ten_types_in_radarrs_order() -> None:
    assert [(t.order, t.implementation, t.name) for t in CONDITION_TYPES] == [
        (1, "ReleaseTitleSpecification", "Release Title"),
        (2, "EditionSpecification", "Edition"),
        (3, "LanguageSpecification", "Language"),
        (4, "IndexerFlagSpecification", "Indexer Flag"),
        (5, "SourceSpecification", "Source"),
        (6, "ResolutionSpecification", "Resolution"),
        (7, "QualityModifierSpecification", "Quality Modifier"),
        (8, "SizeSpecification", "Size"),
        (9, "ReleaseGroupSpecification", "Release Group"),
        (10, "YearSpecification", "Year"),
    ]


@pytest.mark.parametrize(
    ("implementation", "given", "expected"),
    [
        ("ReleaseTitleSpecification", {"value": r"\bx265\b"}, ReleaseTitle(r"\bx265\b")),
        ("releasetitlespecification", {"value": "x"}, ReleaseTitle("x")),
        ("SourceSpecification", {"value": 7}, SourceIs(7)),
        ("SourceSpecification", {"value": "7"}, SourceIs(7)),
        ("ResolutionSpecification", {"value": 2160.0}, ResolutionIs(2160)),
        ("LanguageSpecification", {"value": -2, "exceptLanguage": True}, LanguageIs(-2, True)),
        ("LanguageSpecification", {"value": 3}, LanguageIs(3, False)),
        ("LanguageSpecification", {"value": 3, "exceptLanguage": "true"}, LanguageIs(3, True)),
        ("SizeSpecification", {"min": 1, "max": 2.5}, SizeBetween(1.0, 2.5)),
        ("SizeSpecification", {"min": "0,5", "max": "2"}, SizeBetween(0.5, 2.0)),
        ("SizeSpecification", {"max": 10}, SizeBetween(0.0, 10.0)),
        ("YearSpecification", {"min": 1990, "max": 1999}, YearBetween(1990, 1999)),
    ],
)
def test_fields_read_as_a_condition(implementation: str, given: dict[str, Any], expected: object) -> None:
    condition, problems = condition_from_fields(implementation, given)
    assert problems == []
    assert condition == expected


@pytest.mark.parametrize(
    ("implementation", "given", "field", "message"),
    [
        (
            "NoSuchSpecification",
            {},
            "implementation",
            "NoSuchSpecification is not a valid specification implementation",
        ),
        ("ReleaseTitleSpecification", {}, "value", "Regex Pattern must not be empty"),
        ("ReleaseTitleSpecification", {"value": "  "}, "value", "Regex Pattern must not be empty"),
        (
            "ReleaseGroupSpecification",
            {"value": "(unclosed"},
            "value",
            "Invalid regular expression: Not enough )'s",
        ),
        (
            "EditionSpecification",
            {"value": "a++"},
            "value",
            "Invalid regular expression: Nested quantifier '+'",
        ),
        ("EditionSpecification", {"value": 12}, "value", "'Regular Expression' must be text"),
        ("ReleaseTitleSpecification", {"value": "x" * 20_001}, "value", "at most 20000 characters"),
        ("SourceSpecification", {}, "value", "'Value' must not be empty."),
        ("SourceSpecification", {"value": 42}, "value", "Invalid source condition value: 42"),
        ("SourceSpecification", {"value": 7.5}, "value", "'Source' must be a whole number"),
        ("SourceSpecification", {"value": True}, "value", "'Source' must be a whole number"),
        ("SourceSpecification", {"value": 2**40}, "value", "'Source' must be a whole number"),
        ("ResolutionSpecification", {"value": 1000}, "value", "Invalid resolution condition value: 1000"),
        ("QualityModifierSpecification", {"value": 0}, "value", "'Value' must not be empty."),
        (
            "QualityModifierSpecification",
            {"value": 9},
            "value",
            "Invalid quality modifier condition value: 9",
        ),
        ("IndexerFlagSpecification", {"value": 3}, "value", "Invalid indexer flag condition value: 3"),
        ("IndexerFlagSpecification", {"value": 0}, "value", "'Value' must not be empty."),
        ("LanguageSpecification", {"value": 999}, "value", "Invalid Language condition value: 999"),
        (
            "LanguageSpecification",
            {"value": 1, "exceptLanguage": "maybe"},
            "exceptLanguage",
            "must be true or false",
        ),
        ("SizeSpecification", {"min": -1, "max": 5}, "min", "'Min' must be greater than or equal to '0'."),
        ("SizeSpecification", {"min": 5, "max": 5}, "max", "'Max' must be greater than '5'."),
        ("SizeSpecification", {"min": 0, "max": 1e300}, "max", "'Max' must be less than or equal to"),
        ("SizeSpecification", {"min": 0, "max": "lots"}, "max", "'Maximum Size' must be a number"),
        ("SizeSpecification", {"min": 0, "max": float("inf")}, "max", "'Maximum Size' must be a number"),
        ("YearSpecification", {"min": 0, "max": 2000}, "min", "'Min' must be greater than '0'."),
        (
            "YearSpecification",
            {"min": 2000, "max": 1999},
            "max",
            "'Max' must be greater than or equal to '2000'.",
        ),
    ],
)
def test_bad_fields_say_which_field_and_why(
    implementation: str, given: dict[str, Any], field: str, message: str
) -> None:
    condition, problems = condition_from_fields(implementation, given)
    assert condition is None
    assert [p.field for p in problems] == [field]
    assert message in problems[0].message


def test_largest_size_fits_a_64_bit_byte_count() -> None:
    condition, problems = condition_from_fields("SizeSpecification", {"min": 0, "max": MAX_SIZE_GB})
    assert problems == []
    assert condition == SizeBetween(0, MAX_SIZE_GB)


def _shape(implementation: str, **given: Any) -> list[dict[str, Any]]:
    condition, _ = condition_from_fields(implementation, given)
    assert condition is not None
    return [
        {
            "order": f.order,
            "name": f.definition.name,
            "label": f.definition.label,
            "type": f.definition.type,
            "value": f.value,
        }
        for f in field_values(condition)
    ]


def test_fields_come_out_as_radarr_writes_them() -> None:
    assert _shape("ReleaseTitleSpecification", value="x") == [
        {"order": 0, "name": "value", "label": "Regular Expression", "type": "textbox", "value": "x"}
    ]
    assert _shape("LanguageSpecification", value=1) == [
        {"order": 0, "name": "value", "label": "Language", "type": "select", "value": 1},
        {
            "order": 1,
            "name": "exceptLanguage",
            "label": "Except Language",
            "type": "checkbox",
            "value": False,
        },
    ]
    assert _shape("SizeSpecification", min=1, max=2.5) == [
        {"order": 0, "name": "min", "label": "Minimum Size", "type": "number", "value": 1},
        {"order": 1, "name": "max", "label": "Maximum Size", "type": "number", "value": 2.5},
    ]


def test_whole_sizes_come_out_as_integers_as_dotnet_writes_doubles() -> None:
    [low, high] = _shape("SizeSpecification", min=3.0, max=4.0)
    assert type(low["value"]) is int
    assert type(high["value"]) is int


def test_select_options_are_radarrs_enums() -> None:
    source = condition_type("SourceSpecification")
    assert source is not None
    options = source.fields[0].select_options or ()
    assert [(o.value, o.name) for o in options][:3] == [(0, "UNKNOWN"), (1, "CAM"), (2, "TELESYNC")]
    assert (9, "BLURAY") in [(o.value, o.name) for o in options]
    resolution = condition_type("ResolutionSpecification")
    assert resolution is not None
    assert [o.name for o in resolution.fields[0].select_options or ()] == [
        "Unknown",
        "R360p",
        "R480p",
        "R540p",
        "R576p",
        "R720p",
        "R1080p",
        "R2160p",
    ]
    flags = condition_type("IndexerFlagSpecification")
    assert flags is not None
    names = [o.name for o in flags.fields[0].select_options or ()]
    assert names[0] == "G Freeleech"
    assert "AHD Internal" not in names, "obsolete flags are not offered"
    assert names[-1] == "Nuked"


def test_language_choices_put_the_special_ones_first() -> None:
    language = condition_type("LanguageSpecification")
    assert language is not None
    options = language.fields[0].select_options or ()
    assert [o.name for o in options[:4]] == ["Any", "Original", "Unknown", "Afrikaans"]
    assert [o.name for o in options if o.divider_after] == ["Unknown"]


def test_a_new_condition_has_radarrs_defaults() -> None:
    size = condition_type("SizeSpecification")
    title = condition_type("ReleaseTitleSpecification")
    assert size is not None
    assert title is not None
    assert [f.value for f in blank_field_values(size)] == [0, 0]
    assert [f.value for f in blank_field_values(title)] == [None]


def test_stored_conditions_round_trip() -> None:
    spec = Specification("Not 2160p", ResolutionIs(2160), negate=True, required=True)
    stored = specification_to_json(spec)
    assert stored == {
        "name": "Not 2160p",
        "implementation": "ResolutionSpecification",
        "negate": True,
        "required": True,
        "fields": {"value": 2160},
    }
    assert specification_from_json(stored) == spec


def test_a_stored_pattern_is_read_back_without_being_judged() -> None:
    stored = {"name": "x", "implementation": "ReleaseTitleSpecification", "fields": {"value": "a++"}}
    assert specification_from_json(stored).condition == ReleaseTitle("a++")


def test_a_stored_condition_of_an_unknown_type_does_not_read() -> None:
    with pytest.raises(ValueError, match="not a valid specification implementation"):
        specification_from_json({"implementation": "FutureSpecification", "fields": {}})
