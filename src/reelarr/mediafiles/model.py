"""What reading a video file yields: the media info Radarr keeps for a movie file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import timedelta
from enum import Enum
from typing import Any


class HdrFormat(Enum):
    """A video's HDR format; the value is how Radarr names it in `videoDynamicRangeType`."""

    NONE = ""
    PQ10 = "PQ"
    HDR10 = "HDR10"
    HDR10_PLUS = "HDR10Plus"
    HLG10 = "HLG"
    DOLBY_VISION = "DV"
    DOLBY_VISION_HDR10 = "DV HDR10"
    DOLBY_VISION_HDR10_PLUS = "DV HDR10Plus"
    DOLBY_VISION_HLG = "DV HLG"
    DOLBY_VISION_SDR = "DV SDR"


class Reader(Enum):
    """Which tool read the file."""

    MEDIAINFO = "mediainfo"
    FFPROBE = "ffprobe"


@dataclass(frozen=True, slots=True)
class MediaInfo:
    """A video file's real properties, in ffprobe's vocabulary whichever tool read them.

    Codec and format names are ffprobe's (`h264`, `hevc`, `eac3`, `dts`, `truehd`), audio profiles are
    ffprobe's (`DTS-HD MA`, `Dolby TrueHD + Dolby Atmos`), colours are ffprobe's (`bt2020`, `smpte2084`)
    and languages are ISO 639-2 codes, so Radarr's display rules apply to either reader's result.
    """

    reader: Reader
    container_format: str = ""
    title: str = ""
    run_time: timedelta = timedelta(0)
    video_format: str | None = None
    video_codec_id: str = ""
    video_codec_library: str = ""
    video_profile: str = ""
    video_bitrate: int = 0
    video_bit_depth: int = 0
    video_color_primaries: str = ""
    video_transfer_characteristics: str = ""
    hdr_format: HdrFormat = HdrFormat.NONE
    width: int = 0
    height: int = 0
    video_fps: float = 0.0
    scan_type: str = ""
    video_multi_view_count: int = 0  # 2 or more: a 3D (stereoscopic) video
    audio_format: str | None = None
    audio_codec_id: str = ""
    audio_profile: str = ""
    audio_bitrate: int = 0
    audio_channels: int = 0
    audio_channel_positions: str = ""
    audio_stream_count: int = 0
    audio_languages: tuple[str, ...] = ()
    subtitles: tuple[str, ...] = ()

    @property
    def resolution(self) -> str:
        """Width by height as Radarr writes it ("1920x1080")."""
        return f"{self.width}x{self.height}"

    @property
    def is_hdr(self) -> bool:
        """Whether the video is HDR of any kind (Dolby Vision included)."""
        return self.hdr_format is not HdrFormat.NONE


# Bump when a reader starts filling a field differently, so stored media info can be read again.
SCHEMA_REVISION = 2


def media_info_to_json(info: MediaInfo) -> dict[str, Any]:
    """A JSON-ready dict of media info, for storing with a movie file."""
    stored: dict[str, Any] = {field.name: getattr(info, field.name) for field in fields(info)}
    stored["reader"] = info.reader.value
    stored["hdr_format"] = info.hdr_format.value
    stored["run_time"] = info.run_time.total_seconds()
    stored["audio_languages"] = list(info.audio_languages)
    stored["subtitles"] = list(info.subtitles)
    stored["schema_revision"] = SCHEMA_REVISION
    return stored


def media_info_from_json(stored: Mapping[str, Any]) -> MediaInfo:
    """Media info back from `media_info_to_json`'s dict; unknown keys are ignored."""
    known = {field.name for field in fields(MediaInfo)}
    values = {key: value for key, value in stored.items() if key in known}
    values["reader"] = Reader(values["reader"])
    values["hdr_format"] = HdrFormat(values.get("hdr_format", ""))
    values["run_time"] = timedelta(seconds=float(values.get("run_time", 0)))
    values["audio_languages"] = tuple(values.get("audio_languages", ()))
    values["subtitles"] = tuple(values.get("subtitles", ()))
    return MediaInfo(**values)
