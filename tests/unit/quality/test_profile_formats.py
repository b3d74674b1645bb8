"""Custom format scores in quality profiles: every format listed, Radarr's score rules."""

from __future__ import annotations

import dataclasses

from reelarr.quality.catalogue import quality
from reelarr.quality.profile import FormatItem, default_profile, with_formats
from reelarr.quality.profile_codec import profile_failures

PROFILE = default_profile("HD", quality("Bluray-1080p"), (quality("Bluray-1080p"),))


def test_new_formats_are_listed_first_with_a_score_of_zero() -> None:
    profile = dataclasses.replace(PROFILE, format_items=(FormatItem(1, "x265", 50),))
    synced = with_formats(profile, {1: "x265", 2: "DV", 3: "HDR"})
    assert synced.format_items == (FormatItem(2, "DV", 0), FormatItem(3, "HDR", 0), FormatItem(1, "x265", 50))


def test_deleted_formats_leave_and_renamed_ones_take_their_new_name() -> None:
    profile = dataclasses.replace(PROFILE, format_items=(FormatItem(1, "x265", 50), FormatItem(2, "DV", -10)))
    assert with_formats(profile, {2: "Dolby Vision"}).format_items == (FormatItem(2, "Dolby Vision", -10),)


def test_a_profile_left_without_formats_gets_the_default_scores_back() -> None:
    profile = dataclasses.replace(
        PROFILE,
        format_items=(FormatItem(1, "x265", 50),),
        min_format_score=10,
        cutoff_format_score=100,
        min_upgrade_format_score=5,
    )
    synced = with_formats(profile, {})
    assert (synced.min_format_score, synced.cutoff_format_score, synced.min_upgrade_format_score) == (0, 0, 1)


def test_an_unchanged_profile_is_the_same_object() -> None:
    profile = dataclasses.replace(PROFILE, format_items=(FormatItem(1, "x265", 50),))
    assert with_formats(profile, {1: "x265"}) is profile


def _failures(**changes: object) -> list[str]:
    profile = dataclasses.replace(PROFILE, **changes)  # type: ignore[arg-type]
    return [
        f"{f.property_name}: {f.error_message}"
        for f in profile_failures(profile, taken_names=[], known_format_ids={1, 2})
    ]


def test_scores_may_only_name_formats_that_exist_and_each_once() -> None:
    assert _failures(format_items=(FormatItem(3, "gone", 5),)) == [
        "formatItems: Custom formats do not exist: 3"
    ]
    assert _failures(format_items=(FormatItem(1, "a", 5), FormatItem(1, "a", 6))) == [
        "formatItems: Must not list the same custom format more than once"
    ]


def test_the_upgrade_step_is_at_least_one() -> None:
    assert _failures(min_upgrade_format_score=0) == [
        "minUpgradeFormatScore: 'Min Upgrade Format Score' must be greater than or equal to '1'."
    ]


def test_a_minimum_score_no_release_can_reach_is_refused() -> None:
    items = (FormatItem(1, "a", 10), FormatItem(2, "b", 20))
    assert _failures(format_items=items, min_format_score=30) == []
    assert _failures(format_items=items, min_format_score=31) == [
        "minFormatScore: Minimum Custom Format Score can never be satisfied"
    ]
    assert _failures(format_items=(), min_format_score=1) == [
        "minFormatScore: Minimum Custom Format Score can never be satisfied"
    ]
    assert _failures(format_items=(FormatItem(1, "a", -10),), min_format_score=-20) == []
