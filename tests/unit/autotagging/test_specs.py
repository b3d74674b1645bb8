"""Each of Radarr's auto tagging conditions against a film, and how a rule combines them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from reelarr.autotagging.specs import CONDITION_TYPES, Condition, MovieFacts, conditions_met, read_condition

FILM = MovieFacts(
    monitored=True,
    quality_profile_id=4,
    root_folder_path="/movies",
    tags=frozenset({7}),
    year=1999,
    runtime=136,
    status=3,
    original_language_id=1,
    genres=("Action", "Science Fiction"),
    keywords=("cyberpunk", "dystopia"),
    studio="Village Roadshow Pictures",
)


def condition(implementation: str, negate: bool = False, required: bool = False, **fields: Any) -> Condition:
    made, problems = read_condition(implementation, implementation, fields, negate=negate, required=required)
    assert made is not None, problems
    return made


@pytest.mark.parametrize(
    ("implementation", "fields", "met"),
    [
        ("GenreSpecification", {"value": ["science FICTION"]}, True),
        ("GenreSpecification", {"value": ["Drama"]}, False),
        ("KeywordSpecification", {"value": ["Dystopia", "western"]}, True),
        ("KeywordSpecification", {"value": ["western"]}, False),
        ("MonitoredSpecification", {}, True),
        ("OriginalLanguageSpecification", {"value": 1}, True),
        ("OriginalLanguageSpecification", {"value": 8}, False),
        ("QualityProfileSpecification", {"value": 4}, True),
        ("QualityProfileSpecification", {"value": 5}, False),
        ("RootFolderSpecification", {"value": "/movies/"}, True),
        ("RootFolderSpecification", {"value": "/films"}, False),
        ("RuntimeSpecification", {"min": 136, "max": 136}, True),
        ("RuntimeSpecification", {"min": 0, "max": 90}, False),
        ("StatusSpecification", {"status": 3}, True),
        ("StatusSpecification", {"status": 2}, False),
        ("StudioSpecification", {"value": ["village roadshow pictures"]}, True),
        ("StudioSpecification", {"value": ["Village"]}, False),
        ("TagSpecification", {"value": 7}, True),
        ("TagSpecification", {"value": 8}, False),
        ("YearSpecification", {"min": 1990, "max": 1999}, True),
        ("YearSpecification", {"min": 2000, "max": 2009}, False),
    ],
)
def test_each_condition_matches_as_radarrs_does(
    implementation: str, fields: dict[str, Any], met: bool
) -> None:
    assert condition(implementation, **fields).matches(FILM) is met
    assert condition(implementation, negate=True, **fields).matches(FILM) is not met


def test_radarr_6_has_eleven_conditions() -> None:
    assert len(CONDITION_TYPES) == 11


def test_a_film_without_a_studio_meets_no_studio_condition() -> None:
    assert not condition("StudioSpecification", value=["x"]).matches(replace(FILM, studio=None))


def test_every_type_must_match_and_one_of_a_type_is_enough() -> None:
    drama = condition("GenreSpecification", value=["Drama"])
    action = condition("GenreSpecification", value=["Action"])
    nineties = condition("YearSpecification", min=1990, max=1999)
    eighties = condition("YearSpecification", min=1980, max=1989)
    assert conditions_met([drama, action, nineties], FILM)
    assert not conditions_met([drama, action, eighties], FILM)
    assert not conditions_met([drama], FILM)


def test_a_required_condition_that_fails_fails_its_type() -> None:
    action = condition("GenreSpecification", value=["Action"])
    drama_required = condition("GenreSpecification", required=True, value=["Drama"])
    assert not conditions_met([action, drama_required], FILM)
    assert conditions_met([action, condition("GenreSpecification", required=True, value=["Action"])], FILM)


@pytest.mark.parametrize(
    ("implementation", "fields"),
    [
        ("GenreSpecification", {"value": []}),
        ("QualityProfileSpecification", {"value": 0}),
        ("TagSpecification", {"value": -1}),
        ("RootFolderSpecification", {"value": "movies"}),
        ("RuntimeSpecification", {"min": -1, "max": 10}),
        ("RuntimeSpecification", {"min": 10, "max": 0}),
        ("YearSpecification", {"min": 0, "max": 2000}),
        ("YearSpecification", {"min": 2000, "max": 1999}),
        ("StatusSpecification", {"status": 4}),
        ("OriginalLanguageSpecification", {"value": -2}),
        ("YearSpecification", {"min": True, "max": 2000}),
        ("GenreSpecification", {"value": {"not": "a list"}}),
    ],
)
def test_values_radarr_refuses_are_refused(implementation: str, fields: dict[str, Any]) -> None:
    made, problems = read_condition(implementation, "x", fields, negate=False, required=False)
    assert made is None
    assert problems


def test_an_unknown_type_is_refused_by_name() -> None:
    made, problems = read_condition("CertificationSpecification", "x", {}, negate=False, required=False)
    assert made is None
    assert problems[0].field == "implementation"
