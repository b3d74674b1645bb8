"""Radarr's display forms of media info (codecs, channels, HDR, runtime) and its `mediaInfo` resource."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from reelarr.mediafiles.model import MediaInfo
from reelarr.parsing.extensions import remove_media_extension

_LEADING_LAYOUT_RE = re.compile(r"^(\d\.\d)")

_DTS_PROFILES = {
    "DTS-HD MA": "DTS-HD MA",
    "DTS-ES": "DTS-ES",
    "DTS-HD HRA": "DTS-HD HRA",
    "DTS Express": "DTS Express",
    "DTS 96/24": "DTS 96/24",
}
_SIMPLE_AUDIO = {
    "flac": "FLAC",
    "ac3": "AC3",
    "mp3": "MP3",
    "mp2": "MP2",
    "opus": "Opus",
    "vorbis": "Vorbis",
    "wmav1": "WMA",
    "wmav2": "WMA",
    "wmapro": "WMA",
}
_SIMPLE_VIDEO = {
    "mpeg2video": "MPEG2",
    "mpeg1video": "MPEG",
    "vc1": "VC1",
    "av1": "AV1",
    "vp7": "VP7",
    "vp8": "VP8",
    "vp9": "VP9",
    "wmv1": "WMV",
    "wmv2": "WMV",
    "wmv3": "WMV",
}
# Formats Radarr shows as an empty codec rather than a name nobody would recognise.
_BLANK_VIDEO = frozenset({"qtrle", "rpza", "rv10", "rv20", "rv30", "rv40", "cinepak", "rawvideo", "msvideo1"})


def _scene_token(scene_name: str, *tokens: str) -> str:
    """The first token the release name mentions, else the last token (the default)."""
    name = remove_media_extension(scene_name).lower() if scene_name.strip() else ""
    return next((token for token in tokens if token.lower() in name), tokens[-1])


def format_video_codec(info: MediaInfo, scene_name: str = "") -> str | None:
    """Radarr's video codec label (x264, h264, x265, h265, AV1, VC1, MPEG2, XviD, DivX, ...)."""
    if info.video_format is None:
        return None
    video_format = info.video_format.strip()
    if not video_format:
        return video_format
    codec_id = info.video_codec_id.upper()
    library = info.video_codec_library.lower()
    if codec_id == "X264" or library.startswith("x264"):
        return "x264"
    if video_format == "h264":
        return _scene_token(scene_name, "AVC", "x264", "h264")
    if codec_id == "X265" or library.startswith("x265"):
        return "x265"
    if video_format == "hevc":
        return _scene_token(scene_name, "HEVC", "x265", "h265")
    if video_format == "mpeg4" or "msmpeg4" in video_format:
        if codec_id == "XVID" or library.startswith("xvid"):
            return "XviD"
        if codec_id in ("DIV3", "DIVX", "DX50") or library.startswith("divx"):
            return "DivX"
        return ""
    if "vp6" in video_format:
        return "VP6"
    if video_format in _BLANK_VIDEO:
        return ""
    return _SIMPLE_VIDEO.get(video_format, video_format)


def format_audio_codec(info: MediaInfo, scene_name: str = "") -> str | None:
    """Radarr's audio codec label (AAC, AC3, EAC3, EAC3 Atmos, DTS-HD MA, TrueHD Atmos, FLAC, PCM, ...)."""
    audio_format = info.audio_format
    if audio_format is None:
        return None
    codec_id = info.audio_codec_id
    profile = info.audio_profile
    if not audio_format:
        return ""
    if codec_id == "thd+" or (audio_format == "truehd" and "Atmos" in profile):
        return "TrueHD Atmos"
    if audio_format == "truehd":
        return "TrueHD"
    if audio_format == "dts":
        # ffmpeg names DTS:X "DTS-HD MA + DTS:X" (and "... IMAX"); any of them is DTS-X.
        return "DTS-X" if "DTS:X" in profile else _DTS_PROFILES.get(profile, "DTS")
    if codec_id == "ec+3" or (audio_format == "eac3" and "Atmos" in profile):
        return "EAC3 Atmos"
    if audio_format == "eac3":
        return "EAC3"
    if audio_format == "aac":
        if codec_id == "A_AAC/MPEG4/LC/SBR" or profile == "HE-AAC":
            return "HE-AAC"
        return "xHE-AAC" if profile == "xHE-AAC" else "AAC"
    if audio_format.startswith(("pcm_", "adpcm_")):
        return "PCM"
    return _SIMPLE_AUDIO.get(audio_format, audio_format)


def format_audio_channels(info: MediaInfo) -> float:
    """Channels as Radarr shows them: 5.1 and 7.1 from the layout, else the plain count (2.0)."""
    match = _LEADING_LAYOUT_RE.match(info.audio_channel_positions)
    if match is not None and float(match.group(1)) > 0:
        return float(match.group(1))
    return float(info.audio_channels)


def format_dynamic_range(info: MediaInfo) -> str:
    """`HDR` for any HDR video (Dolby Vision included), empty for SDR, as Radarr's API says it."""
    return "HDR" if info.is_hdr else ""


def format_dynamic_range_type(info: MediaInfo) -> str:
    """The HDR type Radarr shows (HDR10, HDR10Plus, HLG, PQ, DV, DV HDR10, ...), empty for SDR."""
    return info.hdr_format.value


def format_runtime(run_time: timedelta) -> str:
    """A runtime as Radarr writes it: `1:30:00` from an hour up, `42:07` below."""
    total = max(int(run_time.total_seconds()), 0)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02}:{seconds:02}"
    return f"{minutes}:{seconds:02}"


def media_info_resource(info: MediaInfo, scene_name: str = "") -> dict[str, Any]:
    """Radarr's `mediaInfo` object of a movie file (camelCase keys); `scene_name` picks x264 or h264."""
    return {
        "audioBitrate": info.audio_bitrate,
        "audioChannels": format_audio_channels(info),
        "audioCodec": format_audio_codec(info, scene_name),
        "audioLanguages": "/".join(info.audio_languages),
        "audioStreamCount": info.audio_stream_count,
        "videoBitDepth": info.video_bit_depth,
        "videoBitrate": info.video_bitrate,
        "videoCodec": format_video_codec(info, scene_name),
        "videoDynamicRange": format_dynamic_range(info),
        "videoDynamicRangeType": format_dynamic_range_type(info),
        "videoFps": round(info.video_fps, 3),
        "resolution": info.resolution,
        "runTime": format_runtime(info.run_time),
        "scanType": info.scan_type,
        "subtitles": "/".join(info.subtitles),
    }
