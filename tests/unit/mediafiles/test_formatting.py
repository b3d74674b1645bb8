"""Radarr's labels for codecs, channels, HDR and runtime, and the shape of its mediaInfo resource."""

from __future__ import annotations

from datetime import timedelta

import pytest

from reelarr.mediafiles.formatting import (
    format_audio_channels,
    format_audio_codec,
    format_dynamic_range,
    format_dynamic_range_type,
    format_runtime,
    format_video_codec,
    media_info_resource,
)
from reelarr.mediafiles.model import HdrFormat, MediaInfo, Reader


def video(video_format: str | None, codec_id: str = "", library: str = "") -> MediaInfo:
    return MediaInfo(
        Reader.FFPROBE, video_format=video_format, video_codec_id=codec_id, video_codec_library=library
    )


def audio(audio_format: str | None, codec_id: str = "", profile: str = "") -> MediaInfo:
    return MediaInfo(
        Reader.FFPROBE, audio_format=audio_format, audio_codec_id=codec_id, audio_profile=profile
    )


@pytest.mark.parametrize(
    ("video_format", "codec_id", "scene_name", "label"),
    [
        ("h264", "", "Movie.2019.1080p.WEB-DL.AAC2.0.H264-GRP", "h264"),
        ("h264", "", "Movie.2019.1080p.BluRay.x264-GRP.mkv", "x264"),
        ("h264", "", "Movie.2019.1080p.BluRay.AVC.REMUX-GRP", "AVC"),
        ("h264", "", "", "h264"),
        ("h264", "x264", "Movie.2019.h264", "x264"),
        ("hevc", "", "Movie.2019.2160p.WEB-DL.x265-GRP", "x265"),
        ("hevc", "", "Movie.2019.2160p.UHD.BluRay.HEVC.REMUX", "HEVC"),
        ("hevc", "", "Movie 2019 1080p 10bit WEB-DL", "h265"),
        ("hevc", "x265", "Movie.2019.h265", "x265"),
        ("av1", "", "Movie.2019.2160p.WEB-DL.AV1", "AV1"),
        ("vc1", "WVC1", "Movie.2008.720p.BluRay", "VC1"),
        ("mpeg2video", "", "Movie.1999.1080i.HDTV.MPEG2", "MPEG2"),
        ("mpeg1video", "", "Movie.1995.VCD.mpg", "MPEG"),
        ("mpeg4", "XVID", "", "XviD"),
        ("mpeg4", "xvid", "Movie.2003.DVDRip", "XviD"),
        ("mpeg4", "DX50", "", "DivX"),
        ("mpeg4", "DIV3", "Movie.divx.avi", "DivX"),
        ("mpeg4", "FMP4", "", ""),
        ("msmpeg4v3", "MP43", "", ""),
        ("vp6f", "", "Movie.flv", "VP6"),
        ("vp9", "", "Movie.webm", "VP9"),
        ("wmv3", "WMV3", "Movie.wmv", "WMV"),
        ("rawvideo", "", "", ""),
        ("prores", "apch", "", "prores"),
    ],
)
def test_video_codec_label(video_format: str, codec_id: str, scene_name: str, label: str) -> None:
    assert format_video_codec(video(video_format, codec_id), scene_name) == label


@pytest.mark.parametrize(
    ("video_format", "library", "label"),
    [
        ("h264", "x264", "x264"),
        ("hevc", "x265", "x265"),
        ("mpeg4", "XviD", "XviD"),
        ("mpeg4", "DivX", "DivX"),
    ],
)
def test_encoder_library_names_the_codec_whatever_the_file_is_called(
    video_format: str, library: str, label: str
) -> None:
    assert format_video_codec(video(video_format, library=library), "Movie.2019.1080p.h264") == label


def test_no_video_stream_has_no_video_codec() -> None:
    assert format_video_codec(video(None)) is None


@pytest.mark.parametrize(
    ("audio_format", "codec_id", "profile", "label"),
    [
        ("aac", "", "LC", "AAC"),
        ("aac", "", "HE-AAC", "HE-AAC"),
        ("aac", "A_AAC/MPEG4/LC/SBR", "", "HE-AAC"),
        ("aac", "", "xHE-AAC", "xHE-AAC"),
        ("aac", "", "HE-AACv2", "AAC"),
        ("ac3", "", "", "AC3"),
        ("eac3", "", "", "EAC3"),
        ("eac3", "", "Dolby Digital Plus + Dolby Atmos", "EAC3 Atmos"),
        ("eac3", "ec+3", "", "EAC3 Atmos"),
        ("dts", "", "", "DTS"),
        ("dts", "", "DTS", "DTS"),
        ("dts", "", "DTS-HD MA", "DTS-HD MA"),
        ("dts", "", "DTS-HD HRA", "DTS-HD HRA"),
        ("dts", "", "DTS-ES", "DTS-ES"),
        ("dts", "", "DTS Express", "DTS Express"),
        ("dts", "", "DTS 96/24", "DTS 96/24"),
        ("dts", "", "DTS:X", "DTS-X"),
        ("dts", "", "DTS-HD MA + DTS:X", "DTS-X"),
        ("dts", "", "DTS-HD MA + DTS:X IMAX", "DTS-X"),
        ("truehd", "", "", "TrueHD"),
        ("truehd", "", "Dolby TrueHD + Dolby Atmos", "TrueHD Atmos"),
        ("truehd", "thd+", "", "TrueHD Atmos"),
        ("flac", "", "", "FLAC"),
        ("opus", "", "", "Opus"),
        ("vorbis", "", "", "Vorbis"),
        ("mp3", "", "", "MP3"),
        ("mp2", "", "", "MP2"),
        ("pcm_s16le", "", "", "PCM"),
        ("pcm_s24be", "", "", "PCM"),
        ("adpcm_ms", "", "", "PCM"),
        ("wmav2", "", "", "WMA"),
        ("wmapro", "", "", "WMA"),
        ("cook", "", "", "cook"),
    ],
)
def test_audio_codec_label(audio_format: str, codec_id: str, profile: str, label: str) -> None:
    assert format_audio_codec(audio(audio_format, codec_id, profile)) == label


def test_no_audio_stream_has_no_audio_codec() -> None:
    assert format_audio_codec(audio(None)) is None


@pytest.mark.parametrize(
    ("layout", "channels", "shown"),
    [
        ("5.1(side)", 6, 5.1),
        ("5.1", 6, 5.1),
        ("7.1", 8, 7.1),
        ("7.1(wide)", 8, 7.1),
        ("2.1", 3, 2.1),
        ("stereo", 2, 2.0),
        ("mono", 1, 1.0),
        ("", 6, 6.0),
        ("22.2", 24, 24.0),
        ("", 0, 0.0),
    ],
)
def test_audio_channels_come_from_the_layout_else_the_count(layout: str, channels: int, shown: float) -> None:
    info = MediaInfo(Reader.FFPROBE, audio_channels=channels, audio_channel_positions=layout)
    assert format_audio_channels(info) == shown


@pytest.mark.parametrize(
    ("hdr_format", "dynamic_range", "range_type"),
    [
        (HdrFormat.NONE, "", ""),
        (HdrFormat.PQ10, "HDR", "PQ"),
        (HdrFormat.HDR10, "HDR", "HDR10"),
        (HdrFormat.HDR10_PLUS, "HDR", "HDR10Plus"),
        (HdrFormat.HLG10, "HDR", "HLG"),
        (HdrFormat.DOLBY_VISION, "HDR", "DV"),
        (HdrFormat.DOLBY_VISION_HDR10, "HDR", "DV HDR10"),
        (HdrFormat.DOLBY_VISION_HDR10_PLUS, "HDR", "DV HDR10Plus"),
        (HdrFormat.DOLBY_VISION_HLG, "HDR", "DV HLG"),
        (HdrFormat.DOLBY_VISION_SDR, "HDR", "DV SDR"),
    ],
)
def test_dynamic_range_labels(hdr_format: HdrFormat, dynamic_range: str, range_type: str) -> None:
    info = MediaInfo(Reader.FFPROBE, hdr_format=hdr_format)
    assert (format_dynamic_range(info), format_dynamic_range_type(info)) == (dynamic_range, range_type)


@pytest.mark.parametrize(
    ("run_time", "shown"),
    [
        (timedelta(hours=1, minutes=30), "1:30:00"),
        (timedelta(hours=2, minutes=4, seconds=5, milliseconds=900), "2:04:05"),
        (timedelta(minutes=42, seconds=7), "42:07"),
        (timedelta(seconds=2.023), "0:02"),
        (timedelta(0), "0:00"),
        (timedelta(hours=25, minutes=1), "25:01:00"),
    ],
)
def test_runtime_is_written_as_radarr_writes_it(run_time: timedelta, shown: str) -> None:
    assert format_runtime(run_time) == shown


def test_media_info_resource_has_radarr_fields() -> None:
    info = MediaInfo(
        Reader.MEDIAINFO,
        run_time=timedelta(hours=1, minutes=30),
        video_format="hevc",
        video_bit_depth=10,
        video_bitrate=15_000_000,
        hdr_format=HdrFormat.DOLBY_VISION_HDR10,
        width=3840,
        height=1600,
        video_fps=23.976023976,
        scan_type="Progressive",
        audio_format="truehd",
        audio_profile="Dolby TrueHD + Dolby Atmos",
        audio_bitrate=4_000_000,
        audio_channels=8,
        audio_channel_positions="7.1",
        audio_stream_count=2,
        audio_languages=("eng", "fre"),
        subtitles=("eng", "spa", "ger"),
    )
    assert media_info_resource(info, "Movie.2019.2160p.UHD.BluRay.x265-GRP.mkv") == {
        "audioBitrate": 4_000_000,
        "audioChannels": 7.1,
        "audioCodec": "TrueHD Atmos",
        "audioLanguages": "eng/fre",
        "audioStreamCount": 2,
        "videoBitDepth": 10,
        "videoBitrate": 15_000_000,
        "videoCodec": "x265",
        "videoDynamicRange": "HDR",
        "videoDynamicRangeType": "DV HDR10",
        "videoFps": 23.976,
        "resolution": "3840x1600",
        "runTime": "1:30:00",
        "scanType": "Progressive",
        "subtitles": "eng/spa/ger",
    }
