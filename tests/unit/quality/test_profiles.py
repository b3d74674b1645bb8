"""Quality profiles: Radarr's defaults, ranking under a profile, cutoff and upgrade rules."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reelarr.quality.catalogue import quality
from reelarr.quality.profile import FIRST_GROUP_ID, QualityProfile, default_profile, default_profiles
from reelarr.quality.profile_rules import (
    ProperPolicy,
    UpgradeRejection,
    compare_models,
    compare_qualities,
    cutoff_met,
    is_upgrade,
    upgrade_rejection,
)
from reelarr.quality.revision import QualityModel, Revision


def model(name: str, version: int = 1, real: int = 0) -> QualityModel:
    return QualityModel(quality=quality(name), revision=Revision(version=version, real=real))


def profile_named(name: str) -> QualityProfile:
    return next(p for p in default_profiles() if p.name == name)


HD_1080 = replace(profile_named("HD-1080p"), upgrade_allowed=True)


def test_radarr_default_profiles_are_the_six_known_ones() -> None:
    assert [p.name for p in default_profiles()] == [
        "Any",
        "SD",
        "HD-720p",
        "HD-1080p",
        "Ultra-HD",
        "HD - 720p/1080p",
    ]


def test_default_profiles_start_without_upgrades_and_in_english() -> None:
    for profile in default_profiles():
        assert not profile.upgrade_allowed
        assert profile.language.name == "English"
        assert profile.min_upgrade_format_score == 1


def test_hd_1080p_allows_exactly_its_qualities() -> None:
    allowed = {q.name for q in profile_named("HD-1080p").allowed_qualities()}
    assert allowed == {"HDTV-1080p", "WEBDL-1080p", "WEBRip-1080p", "Bluray-1080p", "Remux-1080p"}


def test_any_does_not_allow_unknown_or_raw_hd() -> None:
    profile = profile_named("Any")
    assert not profile.is_allowed(quality("Unknown"))
    assert not profile.is_allowed(quality("Raw-HD"))
    assert profile.is_allowed(quality("BR-DISK"))


def test_a_cutoff_inside_a_web_group_points_at_the_group() -> None:
    profile = default_profile("web", quality("WEBDL-1080p"), (quality("WEBDL-1080p"),))
    group = next(item for item in profile.items if item.is_group and item.id == profile.cutoff)
    assert profile.cutoff >= FIRST_GROUP_ID
    assert group.name == "WEB 1080p"
    assert {q.name for q in group.qualities()} == {"WEBDL-1080p", "WEBRip-1080p"}


def test_web_qualities_in_one_group_rank_as_equals() -> None:
    assert compare_qualities(HD_1080, quality("WEBDL-1080p"), quality("WEBRip-1080p")) == 0


def test_profile_order_ranks_bluray_above_web() -> None:
    assert compare_qualities(HD_1080, quality("Bluray-1080p"), quality("WEBDL-1080p")) == 1


def test_at_equal_quality_revision_decides() -> None:
    assert compare_models(HD_1080, model("WEBDL-1080p", version=2), model("WEBDL-1080p")) == 1
    assert compare_models(HD_1080, model("WEBDL-1080p", real=1), model("WEBDL-1080p", version=2)) == 1


def test_cutoff_is_not_met_below_the_cutoff_quality() -> None:
    assert not cutoff_met(HD_1080, model("WEBDL-1080p"))
    assert cutoff_met(HD_1080, model("Bluray-1080p"))
    assert cutoff_met(HD_1080, model("Remux-1080p"))


def test_a_proper_of_the_file_on_disk_reopens_the_cutoff() -> None:
    assert not cutoff_met(HD_1080, model("Bluray-1080p"), new=model("Bluray-1080p", version=2))


def test_custom_format_cutoff_score_must_also_be_reached() -> None:
    profile = replace(HD_1080, cutoff_format_score=100)
    assert not cutoff_met(profile, model("Bluray-1080p"), current_format_score=50)
    assert cutoff_met(profile, model("Bluray-1080p"), current_format_score=100)


def test_without_upgrades_the_first_allowed_quality_is_the_cutoff() -> None:
    assert cutoff_met(profile_named("HD-1080p"), model("HDTV-1080p"))


def test_better_quality_below_cutoff_is_an_upgrade() -> None:
    assert is_upgrade(HD_1080, model("WEBDL-1080p"), model("Bluray-1080p"))


def test_better_quality_once_cutoff_is_met_is_not_an_upgrade() -> None:
    assert (
        upgrade_rejection(HD_1080, model("Bluray-1080p"), model("Remux-1080p"))
        == UpgradeRejection.QUALITY_CUTOFF
    )


def test_worse_quality_is_never_an_upgrade() -> None:
    assert (
        upgrade_rejection(HD_1080, model("Bluray-1080p"), model("HDTV-1080p"))
        == UpgradeRejection.BETTER_QUALITY
    )


@pytest.mark.parametrize(
    ("policy", "expected"),
    [(ProperPolicy.PREFER_AND_UPGRADE, True), (ProperPolicy.DO_NOT_PREFER, False)],
)
def test_a_proper_upgrades_unless_propers_are_not_preferred(policy: ProperPolicy, expected: bool) -> None:
    assert (
        is_upgrade(HD_1080, model("Bluray-1080p"), model("Bluray-1080p", version=2), proper_policy=policy)
        is expected
    )


def test_custom_format_score_must_improve_by_the_minimum() -> None:
    profile = replace(HD_1080, min_upgrade_format_score=10)
    same = model("Bluray-1080p")
    assert upgrade_rejection(profile, same, same, 0, 5) == UpgradeRejection.MIN_CUSTOM_FORMAT_SCORE
    assert is_upgrade(profile, same, same, 0, 10)
    assert upgrade_rejection(profile, same, same, 10, 10) == UpgradeRejection.CUSTOM_FORMAT_SCORE


def test_nothing_upgrades_when_the_profile_forbids_it() -> None:
    profile = profile_named("HD-1080p")
    verdict = upgrade_rejection(profile, model("WEBDL-1080p"), model("Bluray-1080p"))
    assert verdict == UpgradeRejection.UPGRADES_NOT_ALLOWED
