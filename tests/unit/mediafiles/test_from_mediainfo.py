"""MediaInfo's tracks (as pymediainfo reports them) read into Radarr's media info and labels."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from reelarr.mediafiles.formatting import (
    format_audio_channels,
    format_audio_codec,
    format_dynamic_range_type,
    format_video_codec,
)
from reelarr.mediafiles.from_mediainfo import from_mediainfo_tracks
from reelarr.mediafiles.model import HdrFormat, MediaInfo, Reader

GENERAL = {"track_type": "General", "format": "Matroska", "duration": 7200000, "title": ""}
VIDEO = {
    "track_type": "Video",
    "format": "AVC",
    "codec_id": "V_MPEG4/ISO/AVC",
    "format_profile": "High@L4.1",
    "width": 1920,
    "height": 1080,
    "bit_depth": 8,
    "frame_rate": "23.976",
    "scan_type": "Progressive",
    "duration": "7199000.000000",
    "bit_rate": 9_000_000,
}
AUDIO = {
    "track_type": "Audio",
    "format": "AC-3",
    "codec_id": "A_AC3",
    "channel_s": 6,
    "channel_layout": "L R C LFE Ls Rs",
    "bit_rate": 640000,
    "language": "en",
    "other_language": ["English", "English", "en", "eng", "en"],
}


def read(*tracks: dict[str, Any]) -> MediaInfo:
    info = from_mediainfo_tracks(tracks)
    assert info is not None
    return info


def with_video(**fields: Any) -> MediaInfo:
    return read(GENERAL, {**VIDEO, **fields}, AUDIO)


def with_audio(**fields: Any) -> MediaInfo:
    return read(GENERAL, VIDEO, {**AUDIO, **fields})


def test_a_plain_1080p_file() -> None:
    info = read(GENERAL, VIDEO, AUDIO)
    assert info.reader is Reader.MEDIAINFO
    assert info.container_format == "matroska,webm"
    assert (info.video_format, info.width, info.height, info.video_bit_depth) == ("h264", 1920, 1080, 8)
    assert info.video_fps == pytest.approx(23.976)
    assert info.run_time == timedelta(milliseconds=7199000)
    assert (info.audio_format, info.audio_channels, info.audio_bitrate) == ("ac3", 6, 640000)
    assert format_audio_channels(info) == 5.1
    assert info.audio_languages == ("eng",)
    assert info.hdr_format is HdrFormat.NONE


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"format": "AVC", "encoded_library_name": "x264"}, "x264"),
        ({"format": "AVC", "writing_library": "x264 - core 164 r3095 baee400"}, "x264"),
        ({"format": "AVC"}, "h264"),
        ({"format": "HEVC", "encoded_library_name": "x265"}, "x265"),
        ({"format": "HEVC"}, "h265"),
        ({"format": "AV1"}, "AV1"),
        ({"format": "VC-1", "codec_id": "V_MS/VFW/FOURCC / WVC1"}, "VC1"),
        ({"format": "VC-1", "codec_id": "WMV3"}, "WMV"),
        ({"format": "MPEG Video", "format_version": "Version 2"}, "MPEG2"),
        ({"format": "MPEG Video", "format_version": "Version 1"}, "MPEG"),
        ({"format": "MPEG-4 Visual", "codec_id": "XVID"}, "XviD"),
        ({"format": "MPEG-4 Visual", "codec_id": "V_MPEG4/ISO/ASP", "writing_library": "XviD 67"}, "XviD"),
        ({"format": "MPEG-4 Visual", "codec_id": "DX50"}, "DivX"),
        ({"format": "VP9"}, "VP9"),
    ],
)
def test_video_formats(fields: dict[str, Any], label: str) -> None:
    base = {k: v for k, v in VIDEO.items() if k != "codec_id"}
    assert format_video_codec(read(GENERAL, {**base, **fields}), "Movie.2019.1080p") == label


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"format": "AAC", "format_additionalfeatures": "LC"}, "AAC"),
        ({"format": "AAC", "format_additionalfeatures": "HE-AAC / LC"}, "HE-AAC"),
        ({"format": "USAC"}, "xHE-AAC"),
        ({"format": "AC-3"}, "AC3"),
        ({"format": "E-AC-3"}, "EAC3"),
        ({"format": "E-AC-3", "format_additionalfeatures": "JOC"}, "EAC3 Atmos"),
        ({"format": "E-AC-3", "commercial_name": "Dolby Digital Plus with Dolby Atmos"}, "EAC3 Atmos"),
        ({"format": "MLP FBA", "commercial_name": "Dolby TrueHD"}, "TrueHD"),
        ({"format": "MLP FBA", "format_additionalfeatures": "16-ch"}, "TrueHD Atmos"),
        ({"format": "DTS", "commercial_name": "DTS"}, "DTS"),
        ({"format": "DTS", "format_additionalfeatures": "XLL"}, "DTS-HD MA"),
        ({"format": "DTS", "commercial_name": "DTS-HD Master Audio"}, "DTS-HD MA"),
        ({"format": "DTS", "format_additionalfeatures": "XLL X"}, "DTS-X"),
        ({"format": "DTS", "format_additionalfeatures": "XBR"}, "DTS-HD HRA"),
        ({"format": "DTS", "format_additionalfeatures": "ES Matrix"}, "DTS-ES"),
        ({"format": "DTS", "format_additionalfeatures": "LBR"}, "DTS Express"),
        ({"format": "DTS", "format_additionalfeatures": "96/24"}, "DTS 96/24"),
        ({"format": "FLAC"}, "FLAC"),
        ({"format": "Opus"}, "Opus"),
        ({"format": "Vorbis"}, "Vorbis"),
        ({"format": "MPEG Audio", "format_profile": "Layer 3"}, "MP3"),
        ({"format": "MPEG Audio", "format_profile": "Layer 2"}, "MP2"),
        ({"format": "PCM", "bit_depth": 24, "format_settings__endianness": "Little"}, "PCM"),
        ({"format": "WMA", "format_profile": "Pro"}, "WMA"),
    ],
)
def test_audio_formats(fields: dict[str, Any], label: str) -> None:
    base = {k: v for k, v in AUDIO.items() if k not in ("codec_id", "format")}
    assert format_audio_codec(read(GENERAL, VIDEO, {**base, **fields})) == label


@pytest.mark.parametrize(
    ("channels", "layout", "shown"),
    [
        (8, "L R C LFE Ls Rs Lb Rb", 7.1),
        (6, "L R C LFE Ls Rs", 5.1),
        (2, "L R", 2.0),
        (1, "C", 1.0),
        (3, "L R LFE", 2.1),
        ("8 / 6", "L R C LFE Ls Rs Lb Rb", 7.1),
    ],
)
def test_channels(channels: int | str, layout: str, shown: float) -> None:
    assert format_audio_channels(with_audio(channel_s=channels, channel_layout=layout)) == shown


def test_channels_from_positions_when_there_is_no_layout() -> None:
    info = with_audio(channel_s=6, channel_layout=None, channel_positions="Front: L C R, Side: L R, LFE")
    assert format_audio_channels(info) == 5.1


HDR10 = {
    "bit_depth": 10,
    "color_primaries": "BT.2020",
    "transfer_characteristics": "PQ",
    "hdr_format": "SMPTE ST 2086",
    "hdr_format_compatibility": "HDR10",
}


@pytest.mark.parametrize(
    ("fields", "range_type"),
    [
        ({}, ""),
        (HDR10, "HDR10"),
        ({**HDR10, "hdr_format": None, "hdr_format_compatibility": None}, "PQ"),
        ({**HDR10, "hdr_format": None, "maximum_content_light_level": "1000 cd/m2"}, "HDR10"),
        (
            {
                **HDR10,
                "hdr_format": "SMPTE ST 2094 App 4 / SMPTE ST 2086",
                "hdr_format_compatibility": "HDR10+ Profile A / HDR10",
            },
            "HDR10Plus",
        ),
        ({**HDR10, "transfer_characteristics": "HLG", "hdr_format": None}, "HLG"),
        ({**HDR10, "bit_depth": 8}, ""),
        (
            {**HDR10, "hdr_format": "Dolby Vision / SMPTE ST 2086", "hdr_format_compatibility": "HDR10"},
            "DV HDR10",
        ),
        (
            {
                **HDR10,
                "hdr_format": "Dolby Vision / SMPTE ST 2094 App 4 / SMPTE ST 2086",
                "hdr_format_compatibility": "HDR10 / HDR10+ Profile B / HDR10",
            },
            "DV HDR10Plus",
        ),
        (
            {**HDR10, "hdr_format": "Dolby Vision / SMPTE ST 2086", "hdr_format_compatibility": "Blu-ray"},
            "DV HDR10",
        ),
        (
            {
                "bit_depth": 10,
                "hdr_format": "Dolby Vision",
                "color_primaries": "BT.2020",
                "transfer_characteristics": "HLG",
                "hdr_format_compatibility": "HLG",
            },
            "DV HLG",
        ),
        ({"bit_depth": 10, "hdr_format": "Dolby Vision", "hdr_format_profile": "dvhe.05"}, "DV"),
    ],
)
def test_dynamic_range(fields: dict[str, Any], range_type: str) -> None:
    assert format_dynamic_range_type(with_video(format="HEVC", **fields)) == range_type


def test_languages_are_iso_639_2_bibliographic_codes() -> None:
    french = {**AUDIO, "language": "fr", "other_language": ["French", "French", "fr", "fra", "fr"]}
    german = {**AUDIO, "language": "de", "other_language": None}
    unnamed = {**AUDIO, "language": None, "other_language": None}
    subtitle = {"track_type": "Text", "format": "UTF-8", "language": "es", "other_language": ["Spanish"]}
    captions = {"track_type": "Text", "format": "EIA-608"}
    info = read(GENERAL, VIDEO, AUDIO, french, german, unnamed, subtitle, captions)
    assert info.audio_languages == ("eng", "fre", "ger")
    assert info.audio_stream_count == 4
    assert info.subtitles == ("spa",)


def test_cover_art_is_not_the_video() -> None:
    cover = {"track_type": "Video", "format": "JPEG", "width": 600, "height": 900}
    info = read(GENERAL, cover, VIDEO, AUDIO)
    assert (info.width, info.height) == (1920, 1080)


def test_runtime_falls_back_to_audio_then_container() -> None:
    silent_video = {**VIDEO, "duration": None}
    assert read(GENERAL, silent_video, {**AUDIO, "duration": "5000.5"}).run_time == timedelta(
        milliseconds=5000.5
    )
    assert read(GENERAL, silent_video, AUDIO).run_time == timedelta(milliseconds=7200000)


def test_audio_only_file_has_no_video() -> None:
    info = read(GENERAL, AUDIO)
    assert info.video_format is None
    assert format_video_codec(info) is None


def test_nothing_to_read_is_none() -> None:
    assert from_mediainfo_tracks([GENERAL]) is None
    assert from_mediainfo_tracks([]) is None


def test_missing_scan_type_is_progressive() -> None:
    assert with_video(scan_type=None).scan_type == "Progressive"
    assert with_video(scan_type="Interlaced").scan_type == "Interlaced"


def test_title_tag_is_kept() -> None:
    info = read({**GENERAL, "title": "Movie.2019.1080p.BluRay.x264-GRP"}, VIDEO, AUDIO)
    assert info.title == "Movie.2019.1080p.BluRay.x264-GRP"


@pytest.mark.parametrize(("fields", "views"), [({"multiview_count": "2"}, 2), ({}, 1)])
def test_the_multiview_count_marks_a_3d_video(fields: dict[str, Any], views: int) -> None:
    assert with_video(**fields).video_multi_view_count == views
