"""The wanted lists' rules worked out for the database agree with the quality rules decisions use."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reelarr.movies.wanted import qualities_meeting_cutoff, scores_formats
from reelarr.quality.catalogue import ALL_QUALITIES
from reelarr.quality.profile import FormatItem, QualityProfile, default_profiles
from reelarr.quality.profile_rules import quality_cutoff_met
from reelarr.quality.revision import QualityModel

PROFILES = [replace(p, upgrade_allowed=u) for p in default_profiles() for u in (False, True)]


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.name}-upgrades-{p.upgrade_allowed}")
def test_the_qualities_meeting_the_cutoff_are_those_the_quality_rule_accepts(profile: QualityProfile) -> None:
    meeting = set(qualities_meeting_cutoff(profile))

    for quality in ALL_QUALITIES:
        assert (quality.id in meeting) == quality_cutoff_met(profile, QualityModel(quality)), quality.name


def test_a_profile_scores_formats_only_when_one_has_a_score() -> None:
    profile = default_profiles()[3]

    assert not scores_formats(profile)
    assert not scores_formats(replace(profile, format_items=(FormatItem(1, "zero", 0),)))
    assert scores_formats(replace(profile, format_items=(FormatItem(1, "bad", -5),)))
