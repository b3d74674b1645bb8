"""HDR format detection from bit depth, colours and HDR metadata, as Radarr classifies it."""

from __future__ import annotations

import pytest

from reelarr.mediafiles.hdr import detect_hdr_format
from reelarr.mediafiles.model import HdrFormat


@pytest.mark.parametrize(
    ("bit_depth", "primaries", "transfer", "static", "hdr10_plus", "expected"),
    [
        (8, "", "", False, False, HdrFormat.NONE),
        (8, "bt709", "bt709", False, False, HdrFormat.NONE),
        (8, "bt2020", "smpte2084", True, False, HdrFormat.NONE),
        (10, "bt709", "bt709", False, False, HdrFormat.NONE),
        (10, "bt2020", "bt709", False, False, HdrFormat.NONE),
        (10, "smpte170m", "smpte2084", True, False, HdrFormat.NONE),
        (10, "bt2020", "smpte2084", False, False, HdrFormat.PQ10),
        (10, "bt2020", "smpte2084", True, False, HdrFormat.HDR10),
        (10, "bt2020", "smpte2084", True, True, HdrFormat.HDR10_PLUS),
        (12, "bt2020", "smpte2084", False, True, HdrFormat.HDR10_PLUS),
        (10, "bt2020", "arib-std-b67", False, False, HdrFormat.HLG10),
    ],
)
def test_hdr_without_dolby_vision(
    bit_depth: int, primaries: str, transfer: str, static: bool, hdr10_plus: bool, expected: HdrFormat
) -> None:
    found = detect_hdr_format(bit_depth, primaries, transfer, static_metadata=static, hdr10_plus=hdr10_plus)
    assert found is expected


@pytest.mark.parametrize(
    ("compatibility", "hdr10_plus", "expected"),
    [
        (0, False, HdrFormat.DOLBY_VISION),
        (1, False, HdrFormat.DOLBY_VISION_HDR10),
        (1, True, HdrFormat.DOLBY_VISION_HDR10_PLUS),
        (2, False, HdrFormat.DOLBY_VISION_SDR),
        (4, False, HdrFormat.DOLBY_VISION_HLG),
        (6, False, HdrFormat.DOLBY_VISION_HDR10),
        (6, True, HdrFormat.DOLBY_VISION_HDR10_PLUS),
        (9, False, HdrFormat.DOLBY_VISION),
    ],
)
def test_dolby_vision_is_named_by_its_base_layer_compatibility(
    compatibility: int, hdr10_plus: bool, expected: HdrFormat
) -> None:
    found = detect_hdr_format(
        10, "bt2020", "smpte2084", dovi_compatibility=compatibility, hdr10_plus=hdr10_plus
    )
    assert found is expected


def test_dolby_vision_profile_5_needs_no_hdr_colours() -> None:
    assert detect_hdr_format(10, "", "", dovi_compatibility=0) is HdrFormat.DOLBY_VISION


def test_eight_bit_video_is_never_hdr() -> None:
    assert detect_hdr_format(8, "bt2020", "smpte2084", dovi_compatibility=1) is HdrFormat.NONE
