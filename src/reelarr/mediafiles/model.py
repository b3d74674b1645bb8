"""What reading a video file yields: the media info Radarr keeps for a movie file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import Enum


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
