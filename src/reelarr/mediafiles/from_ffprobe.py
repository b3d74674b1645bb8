"""ffprobe's JSON (streams, format and the first video frame) turned into a MediaInfo."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from reelarr.mediafiles.hdr import PQ_TRANSFERS, detect_hdr_format
from reelarr.mediafiles.languages import stream_language
from reelarr.mediafiles.model import HdrFormat, MediaInfo, Reader

Json = Mapping[str, Any]

_COVER_CODECS = frozenset({"mjpeg", "png"})
_EMPTY_TAG = "[0][0][0][0]"
_CLOCK_RE = re.compile(r"^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$")
_PLANAR_DEPTH_RE = re.compile(r"p(\d{1,2})(?:le|be)$")
_PACKED_DEPTH_RE = re.compile(r"^(?:p0|gray|x2rgb|x2bgr|xyz|y)(\d{2})(?:le|be)$")
_SIXTEEN_BIT_RE = re.compile(r"^(?:rgb|bgr)(?:48|a64)|^(?:rgba|bgra)64")
_INTERLACED_ORDERS = frozenset({"tt", "bb", "tb", "bt"})
_ENCODER_LIBRARIES = {"libx264": "x264", "libx265": "x265", "libxvid": "XviD"}
_DOVI_RECORD = "DOVI configuration record"
_HDR10_PLUS = "SMPTE2094-40"
_STATIC_METADATA = ("Mastering display metadata", "Content light level metadata")


def _tag(item: Json, name: str) -> str:
    tags = item.get("tags") or {}
    for key, value in tags.items():
        if key.lower() == name.lower():
            return str(value).strip()
    return ""


def _int(value: Any) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return 0


def _seconds(value: Any) -> float:
    """Seconds from ffprobe's "2.023000" or a Matroska DURATION tag "00:00:02.006000000"."""
    text = str(value or "").strip()
    clock = _CLOCK_RE.match(text)
    if clock is not None:
        return int(clock.group(1)) * 3600 + int(clock.group(2)) * 60 + float(clock.group(3))
    try:
        return float(text)
    except ValueError:
        return 0.0


def _stream_seconds(stream: Json | None) -> float:
    if stream is None:
        return 0.0
    return _seconds(stream.get("duration")) or _seconds(_tag(stream, "DURATION"))


def _rate(value: Any) -> float:
    numerator, _, denominator = str(value or "").partition("/")
    try:
        return float(numerator) / float(denominator or 1)
    except (ValueError, ZeroDivisionError):
        return 0.0


def _bitrate(stream: Json) -> int:
    return _int(stream.get("bit_rate")) or _int(_tag(stream, "BPS")) or _int(_tag(stream, "BPS-eng"))


def pixel_format_bit_depth(pix_fmt: str) -> int:
    """The bit depth of an ffmpeg pixel format (yuv420p10le is 10, p010le is 10, nv12 is 8), 0 if unknown."""
    if not pix_fmt:
        return 0
    for pattern in (_PLANAR_DEPTH_RE, _PACKED_DEPTH_RE):
        match = pattern.search(pix_fmt)
        if match is not None:
            return int(match.group(1))
    return 16 if _SIXTEEN_BIT_RE.search(pix_fmt) else 8


def _library(stream: Json) -> str:
    encoder = _tag(stream, "ENCODER").lower()
    return next((name for key, name in _ENCODER_LIBRARIES.items() if key in encoder), "")


def _codec_tag(stream: Json) -> str:
    tag = str(stream.get("codec_tag_string") or "")
    return "" if tag == _EMPTY_TAG else tag


def primary_video_stream(streams: Sequence[Json]) -> Json | None:
    """The main video stream: the first that is not cover art (an attached picture, MJPEG or PNG)."""
    videos = [s for s in streams if s.get("codec_type") == "video"]
    for stream in videos:
        attached = (stream.get("disposition") or {}).get("attached_pic") == 1
        if not attached and stream.get("codec_name") not in _COVER_CODECS:
            return stream
    return None


def _side_data(*sources: Json | None) -> list[Json]:
    found: list[Json] = []
    for source in sources:
        if source is not None:
            found.extend(source.get("side_data_list") or ())
    return found


def _hdr(stream: Json, bit_depth: int, frame: Json | None) -> tuple[str, str, HdrFormat]:
    primaries = str(stream.get("color_primaries") or "")
    transfer = str(stream.get("color_transfer") or "")
    side_data = _side_data(stream, frame)
    kinds = [str(item.get("side_data_type") or "") for item in side_data]
    dovi = next((item for item in side_data if item.get("side_data_type") == _DOVI_RECORD), None)
    hdr_format = detect_hdr_format(
        bit_depth,
        primaries,
        transfer,
        dovi_compatibility=None if dovi is None else _int(dovi.get("dv_bl_signal_compatibility_id")),
        hdr10_plus=any(_HDR10_PLUS in kind for kind in kinds),
        static_metadata=any(kind in _STATIC_METADATA for kind in kinds),
    )
    return primaries, transfer, hdr_format


def needs_frame_probe(streams: Json) -> bool:
    """Whether the first video frame must be read to tell HDR10, HDR10+ and PQ apart (a PQ transfer)."""
    video = primary_video_stream(streams.get("streams") or ())
    return video is not None and video.get("color_transfer") in PQ_TRANSFERS


def _video_fields(video: Json, frame: Json | None) -> dict[str, Any]:
    bit_depth = pixel_format_bit_depth(str(video.get("pix_fmt") or "")) or (
        _int(video.get("bits_per_raw_sample")) or 8
    )
    primaries, transfer, hdr_format = _hdr(video, bit_depth, frame)
    interlaced = video.get("field_order") in _INTERLACED_ORDERS
    return {
        "video_format": str(video.get("codec_name") or ""),
        "video_codec_id": _codec_tag(video),
        "video_codec_library": _library(video),
        "video_profile": str(video.get("profile") or ""),
        "video_bitrate": _bitrate(video),
        "video_bit_depth": bit_depth,
        "video_color_primaries": "" if primaries == "unknown" else primaries,
        "video_transfer_characteristics": "" if transfer == "unknown" else transfer,
        "hdr_format": hdr_format,
        "width": _int(video.get("width")),
        "height": _int(video.get("height")),
        "video_fps": _rate(video.get("avg_frame_rate")) or _rate(video.get("r_frame_rate")),
        "scan_type": "Interlaced" if interlaced else "Progressive",
        # Matroska marks a stereoscopic video with a stereo mode; ffprobe shows it as a tag.
        "video_multi_view_count": 2 if _tag(video, "stereo_mode") else 1,
    }


def _audio_fields(audio: Json) -> dict[str, Any]:
    return {
        "audio_format": str(audio.get("codec_name") or ""),
        "audio_codec_id": _codec_tag(audio),
        "audio_profile": str(audio.get("profile") or ""),
        "audio_bitrate": _bitrate(audio),
        "audio_channels": _int(audio.get("channels")),
        "audio_channel_positions": str(audio.get("channel_layout") or ""),
    }


def _languages(streams: Sequence[Json]) -> tuple[str, ...]:
    return tuple(code for code in (stream_language(_tag(s, "language")) for s in streams) if code)


def from_ffprobe(probe: Json, frames: Json | None = None) -> MediaInfo | None:
    """Build MediaInfo from `ffprobe -show_format -show_streams` JSON (and `-show_frames` of one frame)."""
    streams: Sequence[Json] = probe.get("streams") or ()
    container: Json = probe.get("format") or {}
    video = primary_video_stream(streams)
    audios = [s for s in streams if s.get("codec_type") == "audio"]
    subtitles = [s for s in streams if s.get("codec_type") == "subtitle"]
    audio = audios[0] if audios else None
    if video is None and audio is None:
        return None
    frame_list = (frames or {}).get("frames") or ()
    seconds = _stream_seconds(video) or _stream_seconds(audio) or _seconds(container.get("duration"))
    fields: dict[str, Any] = {
        "reader": Reader.FFPROBE,
        "container_format": str(container.get("format_name") or ""),
        "title": _tag(container, "title"),
        "run_time": timedelta(seconds=seconds),
        "audio_stream_count": len(audios),
        "audio_languages": _languages(audios),
        "subtitles": _languages(subtitles),
    }
    if video is not None:
        fields.update(_video_fields(video, frame_list[0] if frame_list else None))
    if audio is not None:
        fields.update(_audio_fields(audio))
    return MediaInfo(**fields)
