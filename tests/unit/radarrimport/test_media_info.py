"""Radarr's media info as Reelarr's: radarr.db's MediaInfoModel whole, the API's formatted form as far
as it goes, and either shown again exactly as Radarr showed it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from reelarr.mediafiles.formatting import media_info_resource
from reelarr.mediafiles.model import HdrFormat, Reader
from reelarr.radarrimport.media_info import from_model, from_resource
from tests.fixtures.radarr import data

MATRIX_SCENE = "The.Matrix.1999.1080p.BluRay.x264-GRP"


def test_the_database_form_arrives_field_by_field() -> None:
    info = from_model(data.MEDIA_INFO_MODELS[42])

    assert info is not None
    assert info.reader is Reader.FFPROBE
    assert (info.container_format, info.video_format, info.video_codec_id, info.video_profile) == (
        "matroska,webm",
        "hevc",
        "[0][0][0][0]",
        "Main 10",
    )
    assert (info.video_bitrate, info.video_bit_depth, info.video_multi_view_count) == (58_300_000, 10, 0)
    assert (info.video_color_primaries, info.video_transfer_characteristics) == ("bt2020", "smpte2084")
    assert (info.hdr_format, info.width, info.height, info.video_fps, info.scan_type) == (
        HdrFormat.HDR10,
        3840,
        2160,
        23.976,
        "Progressive",
    )
    assert (info.audio_format, info.audio_codec_id, info.audio_profile, info.audio_bitrate) == (
        "truehd",
        "[0][0][0][0]",
        "Dolby TrueHD + Dolby Atmos",
        4_200_000,
    )
    assert (info.audio_channels, info.audio_channel_positions, info.audio_stream_count) == (8, "7.1", 3)
    assert (info.audio_languages, info.subtitles) == (("jpn", "eng", "eng"), ("eng",))
    assert info.run_time == timedelta(hours=2, minutes=4, seconds=41, microseconds=123000)


@pytest.mark.parametrize(("file_id", "scene_name"), [(41, MATRIX_SCENE), (42, "")])
def test_either_form_is_shown_as_radarr_showed_it(file_id: int, scene_name: str) -> None:
    shown = data.MEDIA_INFO_RESOURCES[file_id]
    from_db = from_model(data.MEDIA_INFO_MODELS[file_id])
    from_api = from_resource(shown, scene_name)

    assert from_db is not None
    assert from_api is not None
    assert media_info_resource(from_db, scene_name) == shown
    assert media_info_resource(from_api, scene_name) == shown


@pytest.mark.parametrize(
    ("value", "days_hours_minutes_seconds"),
    [("01:30:00", (0, 1, 30, 0)), ("1.02:03:04.5000000", (1, 2, 3, 4.5)), ("00:42:07", (0, 0, 42, 7))],
)
def test_dotnet_timespans_are_read(value: str, days_hours_minutes_seconds: tuple[float, ...]) -> None:
    days, hours, minutes, seconds = days_hours_minutes_seconds
    info = from_model({"schemaRevision": 14, "runTime": value})
    assert info is not None
    assert info.run_time == timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


@pytest.mark.parametrize(
    ("stored", "hdr"),
    [
        ("dolbyVisionHdr10", HdrFormat.DOLBY_VISION_HDR10),
        (3, HdrFormat.HDR10_PLUS),
        ("nonsense", HdrFormat.NONE),
    ],
)
def test_the_hdr_format_is_read_by_name_or_number(stored: object, hdr: HdrFormat) -> None:
    info = from_model({"schemaRevision": 14, "videoHdrFormat": stored})
    assert info is not None
    assert info.hdr_format is hdr


def test_a_file_radarr_never_read_has_no_media_info() -> None:
    assert from_model({}) is None
    assert from_model(None) is None
    assert from_resource(None, "") is None


VIDEO_LABELS = ["x264", "AVC", "h264", "x265", "HEVC", "h265", "XviD", "DivX", "MPEG2", "MPEG", "VC1"]
VIDEO_LABELS += ["AV1", "VP6", "VP9", "WMV", "", "theora"]
AUDIO_LABELS = ["AAC", "HE-AAC", "xHE-AAC", "AC3", "EAC3", "EAC3 Atmos", "TrueHD", "TrueHD Atmos", "DTS"]
AUDIO_LABELS += ["DTS-X", "DTS-HD MA", "DTS-ES", "DTS-HD HRA", "DTS Express", "DTS 96/24", "FLAC", "MP3"]
AUDIO_LABELS += ["Opus", "Vorbis", "PCM", "WMA", "", "alac"]


# A scene name naming AVC or x265 wins over the plain names: Radarr never shows those with it.
NAMING_THE_CODEC = {"Film.2020.1080p.BluRay.AVC-GRP": {"h264"}, "Film.2020.2160p.x265-GRP": {"HEVC", "h265"}}
VIDEO_CASES = [
    (label, scene)
    for scene in ["", *NAMING_THE_CODEC]
    for label in VIDEO_LABELS
    if label not in NAMING_THE_CODEC.get(scene, set())
]


@pytest.mark.parametrize(("label", "scene_name"), VIDEO_CASES)
def test_every_video_codec_label_is_kept(label: str, scene_name: str) -> None:
    info = from_resource({"videoCodec": label}, scene_name)
    assert info is not None
    assert media_info_resource(info, scene_name)["videoCodec"] == label


@pytest.mark.parametrize("label", AUDIO_LABELS)
def test_every_audio_codec_label_is_kept(label: str) -> None:
    info = from_resource({"audioCodec": label}, "")
    assert info is not None
    assert media_info_resource(info, "")["audioCodec"] == label


@pytest.mark.parametrize(
    ("shown", "channels", "layout"), [(5.1, 6, "5.1"), (7.1, 8, "7.1"), (2, 2, ""), (1, 1, "")]
)
def test_channels_come_back_as_a_count_and_a_layout(shown: float, channels: int, layout: str) -> None:
    info = from_resource({"audioChannels": shown}, "")
    assert info is not None
    assert (info.audio_channels, info.audio_channel_positions) == (channels, layout)
    assert media_info_resource(info, "")["audioChannels"] == shown


def test_what_the_api_does_not_say_is_left_for_the_rescan() -> None:
    info = from_resource(data.MEDIA_INFO_RESOURCES[42], "")
    assert info is not None
    assert (info.container_format, info.video_profile, info.video_codec_id, info.audio_codec_id) == (
        "",
        "",
        "",
        "",
    )
    assert (info.video_color_primaries, info.video_transfer_characteristics) == ("", "")
    assert (info.hdr_format, info.video_format, info.audio_format) == (HdrFormat.HDR10, "hevc", "truehd")
