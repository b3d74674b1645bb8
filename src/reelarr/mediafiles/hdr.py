"""Which HDR format a video stream is, from its bit depth, colours and HDR metadata."""

from __future__ import annotations

from reelarr.mediafiles.model import HdrFormat

PQ_TRANSFERS = frozenset({"smpte2084"})
HLG_TRANSFERS = frozenset({"arib-std-b67"})
HDR_PRIMARIES = frozenset({"bt2020"})

# Dolby Vision's base-layer signal compatibility id says what a player without Dolby Vision shows.
_DOVI_BY_COMPATIBILITY = {
    1: HdrFormat.DOLBY_VISION_HDR10,
    2: HdrFormat.DOLBY_VISION_SDR,
    4: HdrFormat.DOLBY_VISION_HLG,
    6: HdrFormat.DOLBY_VISION_HDR10,
}


def detect_hdr_format(
    bit_depth: int,
    primaries: str,
    transfer: str,
    *,
    dovi_compatibility: int | None = None,
    hdr10_plus: bool = False,
    static_metadata: bool = False,
) -> HdrFormat:
    """Classify a stream as Radarr does; `dovi_compatibility` is None when there is no Dolby Vision.

    `static_metadata` is SMPTE ST 2086 mastering display or content light level metadata, and
    `hdr10_plus` is SMPTE ST 2094-40 dynamic metadata.
    """
    if bit_depth < 10:
        return HdrFormat.NONE
    if dovi_compatibility is not None:
        found = _DOVI_BY_COMPATIBILITY.get(dovi_compatibility, HdrFormat.DOLBY_VISION)
        if hdr10_plus and found is HdrFormat.DOLBY_VISION_HDR10:
            return HdrFormat.DOLBY_VISION_HDR10_PLUS
        return found
    if primaries not in HDR_PRIMARIES:
        return HdrFormat.NONE
    if transfer in HLG_TRANSFERS:
        return HdrFormat.HLG10
    if transfer not in PQ_TRANSFERS:
        return HdrFormat.NONE
    if hdr10_plus:
        return HdrFormat.HDR10_PLUS
    if static_metadata:
        return HdrFormat.HDR10
    return HdrFormat.PQ10
