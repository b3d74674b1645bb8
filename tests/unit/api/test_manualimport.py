"""The manual import resource's id and quality weight, as Radarr computes them."""

from __future__ import annotations

from reelarr.api.v3.manualimport import item_id, quality_weight
from reelarr.quality.catalogue import quality
from reelarr.quality.revision import QualityModel, Revision


def test_an_items_id_is_a_positive_31_bit_hash_of_its_path() -> None:
    first = item_id("/downloads/a.mkv")
    assert first == item_id("/downloads/a.mkv")
    assert first != item_id("/downloads/b.mkv")
    assert 0 < first < 2**31


def test_the_quality_weight_counts_the_default_weight_then_real_and_version() -> None:
    plain = quality_weight(QualityModel(quality("Bluray-1080p")))
    assert quality_weight(QualityModel(quality("Bluray-1080p"), Revision(2))) == plain + 1
    assert quality_weight(QualityModel(quality("Bluray-1080p"), Revision(1, 1))) == plain + 10
    assert quality_weight(QualityModel(quality("Remux-2160p"))) > plain > quality_weight(QualityModel())
