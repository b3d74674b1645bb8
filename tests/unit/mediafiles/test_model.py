"""Media info survives a trip through JSON, as it will when stored with a movie file."""

from __future__ import annotations

import json
from datetime import timedelta

from reelarr.mediafiles.model import (
    SCHEMA_REVISION,
    HdrFormat,
    MediaInfo,
    Reader,
    media_info_from_json,
    media_info_to_json,
)

INFO = MediaInfo(
    Reader.FFPROBE,
    container_format="matroska,webm",
    run_time=timedelta(hours=2, seconds=0.5),
    video_format="hevc",
    video_bit_depth=10,
    hdr_format=HdrFormat.DOLBY_VISION_HDR10_PLUS,
    width=3840,
    height=2160,
    video_fps=23.976,
    audio_format="truehd",
    audio_channels=8,
    audio_languages=("eng", "fre"),
    subtitles=("eng",),
)


def test_round_trip_through_json() -> None:
    stored = json.loads(json.dumps(media_info_to_json(INFO)))
    assert stored["schema_revision"] == SCHEMA_REVISION
    assert stored["hdr_format"] == "DV HDR10Plus"
    assert media_info_from_json(stored) == INFO


def test_unknown_stored_keys_are_ignored() -> None:
    stored = {**media_info_to_json(INFO), "raw_stream_data": "{}"}
    assert media_info_from_json(stored) == INFO
