"""ffprobe's JSON read into Radarr's media info: streams, side data, durations, pixel formats."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from reelarr.mediafiles.formatting import format_audio_channels, format_audio_codec, format_video_codec
from reelarr.mediafiles.from_ffprobe import from_ffprobe, needs_frame_probe, pixel_format_bit_depth
from reelarr.mediafiles.model import HdrFormat, MediaInfo, Reader

VIDEO = {
    "index": 0,
    "codec_name": "hevc",
    "codec_type": "video",
    "codec_tag_string": "[0][0][0][0]",
    "profile": "Main 10",
    "width": 3840,
    "height": 2160,
    "pix_fmt": "yuv420p10le",
    "color_primaries": "bt2020",
    "color_transfer": "smpte2084",
    "avg_frame_rate": "24000/1001",
    "r_frame_rate": "24000/1001",
    "field_order": "progressive",
    "tags": {"DURATION": "01:59:58.123000000", "BPS": "45000000"},
}
AUDIO = {
    "index": 1,
    "codec_name": "truehd",
    "codec_type": "audio",
    "codec_tag_string": "[0][0][0][0]",
    "profile": "Dolby TrueHD + Dolby Atmos",
    "channels": 8,
    "channel_layout": "7.1",
    "tags": {"language": "eng"},
}
FORMAT = {"format_name": "matroska,webm", "duration": "7198.200000", "tags": {"title": "Movie"}}
MASTERING = {"side_data_type": "Mastering display metadata"}
LIGHT_LEVEL = {"side_data_type": "Content light level metadata", "max_content": 1000}
HDR10_PLUS = {"side_data_type": "HDR Dynamic Metadata SMPTE2094-40 (HDR10+)"}


def dovi(compatibility: int) -> dict[str, Any]:
    return {
        "side_data_type": "DOVI configuration record",
        "dv_profile": 8,
        "dv_bl_signal_compatibility_id": compatibility,
    }


def probe(*streams: dict[str, Any], container: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"streams": list(streams), "format": FORMAT if container is None else container}


def read(data: dict[str, Any], frame_side_data: list[dict[str, Any]] | None = None) -> MediaInfo:
    frames = None if frame_side_data is None else {"frames": [{"side_data_list": frame_side_data}]}
    info = from_ffprobe(data, frames)
    assert info is not None
    return info


def test_a_uhd_remux() -> None:
    info = read(probe(VIDEO, AUDIO), [MASTERING, LIGHT_LEVEL])
    assert info.reader is Reader.FFPROBE
    assert info.container_format == "matroska,webm"
    assert info.title == "Movie"
    assert info.run_time == timedelta(hours=1, minutes=59, seconds=58.123)
    assert (info.width, info.height, info.video_bit_depth, info.video_bitrate) == (3840, 2160, 10, 45_000_000)
    assert info.video_fps == pytest.approx(23.976, abs=1e-3)
    assert info.hdr_format is HdrFormat.HDR10
    assert format_audio_codec(info) == "TrueHD Atmos"
    assert format_audio_channels(info) == 7.1
    assert info.audio_languages == ("eng",)


@pytest.mark.parametrize(
    ("stream_side_data", "frame_side_data", "expected"),
    [
        ([], [], HdrFormat.PQ10),
        ([], [MASTERING], HdrFormat.HDR10),
        ([], [LIGHT_LEVEL], HdrFormat.HDR10),
        ([], [MASTERING, HDR10_PLUS], HdrFormat.HDR10_PLUS),
        ([dovi(1)], [MASTERING], HdrFormat.DOLBY_VISION_HDR10),
        ([dovi(1)], [MASTERING, HDR10_PLUS], HdrFormat.DOLBY_VISION_HDR10_PLUS),
        ([dovi(6)], [], HdrFormat.DOLBY_VISION_HDR10),
        ([dovi(0)], [], HdrFormat.DOLBY_VISION),
        ([dovi(2)], [], HdrFormat.DOLBY_VISION_SDR),
        ([dovi(4)], [], HdrFormat.DOLBY_VISION_HLG),
    ],
)
def test_hdr_from_stream_and_frame_side_data(
    stream_side_data: list[dict[str, Any]], frame_side_data: list[dict[str, Any]], expected: HdrFormat
) -> None:
    video = {**VIDEO, "side_data_list": stream_side_data}
    assert read(probe(video, AUDIO), frame_side_data).hdr_format is expected


def test_hlg_needs_no_frame() -> None:
    video = {**VIDEO, "color_transfer": "arib-std-b67"}
    assert not needs_frame_probe(probe(video))
    assert read(probe(video)).hdr_format is HdrFormat.HLG10


def test_pq_needs_a_frame_to_tell_hdr10_from_pq() -> None:
    assert needs_frame_probe(probe(VIDEO))
    assert not needs_frame_probe(probe({**VIDEO, "color_transfer": "bt709"}))


def test_cover_art_before_the_video_is_passed_over() -> None:
    cover = {"index": 0, "codec_type": "video", "codec_name": "mjpeg", "width": 600, "height": 900}
    attached_png = {
        "index": 1,
        "codec_type": "video",
        "codec_name": "h264",
        "width": 300,
        "height": 300,
        "disposition": {"attached_pic": 1},
    }
    info = read(probe(cover, attached_png, {**VIDEO, "index": 2}, AUDIO))
    assert (info.width, info.height) == (3840, 2160)


@pytest.mark.parametrize(
    ("encoder", "codec_tag", "label"),
    [
        ("Lavc59.37.100 libx264", "[0][0][0][0]", "x264"),
        ("", "[0][0][0][0]", "h264"),
        ("", "avc1", "h264"),
        ("", "x264", "x264"),
    ],
)
def test_x264_from_encoder_or_codec_tag(encoder: str, codec_tag: str, label: str) -> None:
    video = {**VIDEO, "codec_name": "h264", "codec_tag_string": codec_tag, "tags": {"ENCODER": encoder}}
    assert format_video_codec(read(probe(video)), "Movie.2019.1080p.WEB-DL") == label


@pytest.mark.parametrize(
    ("field_order", "scan_type"),
    [("progressive", "Progressive"), (None, "Progressive"), ("tt", "Interlaced"), ("bb", "Interlaced")],
)
def test_scan_type_from_field_order(field_order: str | None, scan_type: str) -> None:
    assert read(probe({**VIDEO, "field_order": field_order})).scan_type == scan_type


def test_runtime_prefers_video_then_audio_then_container() -> None:
    untimed_video = {**VIDEO, "tags": {}}
    timed_audio = {**AUDIO, "duration": "100.5"}
    assert read(probe(untimed_video, timed_audio)).run_time == timedelta(seconds=100.5)
    assert read(probe(untimed_video, AUDIO)).run_time == timedelta(seconds=7198.2)


def test_languages_and_subtitles() -> None:
    french = {**AUDIO, "index": 2, "tags": {"language": "fra"}}
    unnamed = {**AUDIO, "index": 3, "tags": {}}
    undetermined = {**AUDIO, "index": 4, "tags": {"language": "und"}}
    subtitles = [
        {"index": 5, "codec_type": "subtitle", "codec_name": "subrip", "tags": {"language": "eng"}},
        {"index": 6, "codec_type": "subtitle", "codec_name": "dvd_subtitle", "tags": {"LANGUAGE": "ger"}},
        {"index": 7, "codec_type": "subtitle", "codec_name": "subrip"},
    ]
    info = read(probe(VIDEO, AUDIO, french, unnamed, undetermined, *subtitles))
    assert info.audio_languages == ("eng", "fre", "und")
    assert info.audio_stream_count == 4
    assert info.subtitles == ("eng", "ger")


@pytest.mark.parametrize(
    ("pix_fmt", "depth"),
    [
        ("yuv420p", 8),
        ("nv12", 8),
        ("yuv420p10le", 10),
        ("yuv422p10be", 10),
        ("yuv444p12le", 12),
        ("yuva444p16le", 16),
        ("gbrp10le", 10),
        ("p010le", 10),
        ("p016le", 16),
        ("gray10le", 10),
        ("rgb48le", 16),
        ("bgr24", 8),
        ("", 0),
    ],
)
def test_bit_depth_of_pixel_formats(pix_fmt: str, depth: int) -> None:
    assert pixel_format_bit_depth(pix_fmt) == depth


def test_bit_depth_falls_back_to_raw_sample_bits() -> None:
    video = {**VIDEO, "pix_fmt": None, "bits_per_raw_sample": "10"}
    assert read(probe(video)).video_bit_depth == 10


def test_nothing_to_read_is_none() -> None:
    subtitle_only = {"index": 0, "codec_type": "subtitle", "codec_name": "subrip"}
    assert from_ffprobe(probe(subtitle_only)) is None
    assert from_ffprobe({}) is None


@pytest.mark.parametrize(("tags", "views"), [({"stereo_mode": "left_right"}, 2), ({}, 1)])
def test_a_stereo_mode_tag_marks_a_3d_video(tags: dict[str, str], views: int) -> None:
    assert read(probe({**VIDEO, "tags": tags})).video_multi_view_count == views
