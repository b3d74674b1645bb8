"""Radarr's auto tagging rules as Reelarr's: the ids and folders they name mapped, what cannot be refused."""

from __future__ import annotations

from typing import Any

import pytest

from reelarr.radarrimport.autotag_kinds import auto_tag_here
from reelarr.radarrimport.context import ImportContext
from reelarr.radarrimport.paths import PathMapping
from tests.fixtures.radarr import data


def _context() -> ImportContext:
    services: Any = None  # the mapping reads only the ids the earlier kinds mapped
    ctx = ImportContext(services, dry_run=True, mappings=(PathMapping("/movies-4k", "/srv/uhd"),))
    ctx.tag_ids.update({data.TAG_4K: 11, data.TAG_KIDS: 12})
    ctx.profile_ids.update({data.PROFILE_HD: 21, data.PROFILE_UHD: 22})
    return ctx


def test_a_rule_names_reelarrs_tags_profiles_and_folders() -> None:
    kids, uhd = (auto_tag_here(rule, _context()) for rule in data.auto_taggings())
    assert (kids.name, kids.tags, kids.remove_tags_automatically) == ("Kids", (12,), True)
    assert [dict(c.values) for c in kids.conditions] == [{"value": ["Animation", "Family"]}, {"value": 22}]
    assert [c.required for c in kids.conditions] == [False, True]
    assert [dict(c.values) for c in uhd.conditions] == [
        {"value": "/srv/uhd"},
        {"value": 12},
        {"min": 0, "max": 400},
    ]
    assert uhd.conditions[1].negate


def _rule(*specs: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": "R",
        "tags": [data.TAG_4K],
        "removeTagsAutomatically": False,
        "specifications": list(specs),
    }


@pytest.mark.parametrize(
    ("spec", "why"),
    [
        ({"implementation": "TagSpecification", "fields": [{"name": "value", "value": 99}]}, "tag 99"),
        (
            {"implementation": "QualityProfileSpecification", "fields": [{"name": "value", "value": 98}]},
            "profile 98",
        ),
        ({"implementation": "FutureSpecification", "fields": []}, "not a valid specification"),
        ({"implementation": "YearSpecification", "fields": [{"name": "min", "value": 2000}]}, "Max"),
    ],
)
def test_a_rule_that_cannot_be_brought_over_says_why(spec: dict[str, Any], why: str) -> None:
    with pytest.raises(ValueError, match=why):
        auto_tag_here(_rule({"name": "c", **spec}), _context())
