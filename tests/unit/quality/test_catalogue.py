"""The quality catalogue matches Radarr's: ids, names, sources, resolutions, modifiers, weights, sizes."""

from __future__ import annotations

import pytest

from reelarr.quality.catalogue import (
    ALL_QUALITIES,
    DEFAULT_DEFINITIONS,
    Modifier,
    QualitySource,
    find_by_source_and_resolution,
    quality_by_id,
    quality_by_name,
)


def test_there_are_thirty_qualities_with_unique_ids_and_names() -> None:
    assert len(ALL_QUALITIES) == 30
    assert len({q.id for q in ALL_QUALITIES}) == 30
    assert len({q.name for q in ALL_QUALITIES}) == 30
    assert {11, 13}.isdisjoint(q.id for q in ALL_QUALITIES)


@pytest.mark.parametrize(
    ("quality_id", "name", "source", "resolution", "modifier"),
    [
        (0, "Unknown", QualitySource.UNKNOWN, 0, Modifier.NONE),
        (29, "REGIONAL", QualitySource.DVD, 480, Modifier.REGIONAL),
        (23, "DVD-R", QualitySource.DVD, 480, Modifier.REMUX),
        (12, "WEBRip-480p", QualitySource.WEBRIP, 480, Modifier.NONE),
        (30, "Remux-1080p", QualitySource.BLURAY, 1080, Modifier.REMUX),
        (22, "BR-DISK", QualitySource.BLURAY, 1080, Modifier.BRDISK),
        (10, "Raw-HD", QualitySource.TV, 1080, Modifier.RAWHD),
        (31, "Remux-2160p", QualitySource.BLURAY, 2160, Modifier.REMUX),
    ],
)
def test_quality_has_radarr_attributes(
    quality_id: int, name: str, source: QualitySource, resolution: int, modifier: Modifier
) -> None:
    found = quality_by_id(quality_id)
    assert found is not None
    assert (found.name, found.source, found.resolution, found.modifier) == (
        name,
        source,
        resolution,
        modifier,
    )


def test_definitions_are_in_weight_order_with_web_groups_sharing_a_weight() -> None:
    weights = [d.weight for d in DEFAULT_DEFINITIONS]
    assert weights == sorted(weights)
    by_group = {d.group: d.weight for d in DEFAULT_DEFINITIONS if d.group}
    assert by_group == {"WEB 480p": 11, "WEB 720p": 15, "WEB 1080p": 18, "WEB 2160p": 22}
    assert DEFAULT_DEFINITIONS[-1].quality.name == "Raw-HD"


def test_default_sizes_are_unlimited_from_bluray_1080p_up() -> None:
    sizes = {d.quality.name: (d.min_size, d.preferred_size, d.max_size) for d in DEFAULT_DEFINITIONS}
    assert sizes["WEBDL-1080p"] == (0, 95, 100)
    assert sizes["Bluray-1080p"] == (0, None, None)
    assert sizes["Raw-HD"] == (0, None, None)


def test_lookup_by_name_ignores_case() -> None:
    assert quality_by_name("webdl-1080P") == quality_by_id(3)
    assert quality_by_name("nope") is None


def test_source_and_resolution_find_the_quality() -> None:
    assert find_by_source_and_resolution(QualitySource.TV, 720).name == "HDTV-720p"
    assert find_by_source_and_resolution(QualitySource.BLURAY, 2160, Modifier.REMUX).name == "Remux-2160p"
