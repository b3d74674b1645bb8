"""Radarr's media info of a file as Reelarr's: whole from radarr.db's MediaInfo column (the same
ffprobe values Reelarr reads), and from the API's formatted `mediaInfo` what it still tells."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from typing import Any

from reelarr.mediafiles.formatting import format_audio_codec, format_video_codec
from reelarr.mediafiles.model import HdrFormat, MediaInfo, Reader

Json = dict[str, Any]

# radarr.db keeps VideoHdrFormat as its enum's camelCase name (or, written by older versions, its number).
_HDR_NAMES = (
    ("none", HdrFormat.NONE),
    ("pq10", HdrFormat.PQ10),
    ("hdr10", HdrFormat.HDR10),
    ("hdr10Plus", HdrFormat.HDR10_PLUS),
    ("hlg10", HdrFormat.HLG10),
    ("dolbyVision", HdrFormat.DOLBY_VISION),
    ("dolbyVisionHdr10", HdrFormat.DOLBY_VISION_HDR10),
    ("dolbyVisionSdr", HdrFormat.DOLBY_VISION_SDR),
    ("dolbyVisionHlg", HdrFormat.DOLBY_VISION_HLG),
    ("dolbyVisionHdr10Plus", HdrFormat.DOLBY_VISION_HDR10_PLUS),
)
_HDR_BY_NAME = {name.lower(): hdr for name, hdr in _HDR_NAMES}
# .NET's TimeSpan.ToString(): [-][d.]hh:mm:ss[.fffffff]
_TIMESPAN_RE = re.compile(r"^(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.(\d+))?$")
_CLOCK_RE = re.compile(r"^(?:(\d+):)?(\d+):(\d+)$")  # the API's runTime: 2:16:17, 42:07
_RESOLUTION_RE = re.compile(r"^(\d+)x(\d+)$")

# The ffprobe values behind each label of the API, fewest assumptions first: the first that Radarr's
# rule formats back to the label (with the file's scene name) is kept. A label missing here is
# ffprobe's own codec name, which Radarr shows as it is.
_VIDEO_SOURCES: dict[str, tuple[Json, ...]] = {
    "x264": ({"video_format": "h264"}, {"video_format": "h264", "video_codec_id": "x264"}),
    "AVC": ({"video_format": "h264"},),
    "h264": ({"video_format": "h264"},),
    "x265": ({"video_format": "hevc"}, {"video_format": "hevc", "video_codec_id": "x265"}),
    "HEVC": ({"video_format": "hevc"},),
    "h265": ({"video_format": "hevc"},),
    "XviD": ({"video_format": "mpeg4", "video_codec_id": "XVID"},),
    "DivX": ({"video_format": "mpeg4", "video_codec_id": "DIVX"},),
    "MPEG2": ({"video_format": "mpeg2video"},),
    "MPEG": ({"video_format": "mpeg1video"},),
    "VC1": ({"video_format": "vc1"},),
    "AV1": ({"video_format": "av1"},),
    "VP6": ({"video_format": "vp6"},),
    "VP7": ({"video_format": "vp7"},),
    "VP8": ({"video_format": "vp8"},),
    "VP9": ({"video_format": "vp9"},),
    "WMV": ({"video_format": "wmv3"},),
}
_AUDIO_SOURCES: dict[str, tuple[Json, ...]] = {
    "AAC": ({"audio_format": "aac"},),
    "HE-AAC": ({"audio_format": "aac", "audio_profile": "HE-AAC"},),
    "xHE-AAC": ({"audio_format": "aac", "audio_profile": "xHE-AAC"},),
    "AC3": ({"audio_format": "ac3"},),
    "EAC3": ({"audio_format": "eac3"},),
    "EAC3 Atmos": ({"audio_format": "eac3", "audio_profile": "Dolby Digital Plus + Dolby Atmos"},),
    "TrueHD": ({"audio_format": "truehd"},),
    "TrueHD Atmos": ({"audio_format": "truehd", "audio_profile": "Dolby TrueHD + Dolby Atmos"},),
    "DTS": ({"audio_format": "dts"},),
    "DTS-X": ({"audio_format": "dts", "audio_profile": "DTS-HD MA + DTS:X"},),
    "FLAC": ({"audio_format": "flac"},),
    "MP3": ({"audio_format": "mp3"},),
    "MP2": ({"audio_format": "mp2"},),
    "Opus": ({"audio_format": "opus"},),
    "Vorbis": ({"audio_format": "vorbis"},),
    **{
        profile: ({"audio_format": "dts", "audio_profile": profile},)
        for profile in ("DTS-HD MA", "DTS-ES", "DTS-HD HRA", "DTS Express", "DTS 96/24")
    },
    # "PCM" and "WMA" name families (pcm_s16le, pcm_s24le, ...; wmav1, wmav2, wmapro): which one the
    # file holds is not said, so the label itself is kept until the rescan reads the file.
}


def _int(value: Any) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    if isinstance(value, str):
        try:
            return int(float(value))
        except ValueError:
            return 0
    return 0


def _float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return 0.0
    try:
        return float(value)
    except ValueError:
        return 0.0


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value if isinstance(v, str) and v) if isinstance(value, list) else ()


def _timespan(value: Any) -> timedelta:
    """.NET's TimeSpan text ("01:30:00", "1.02:03:04.5000000") as a timedelta; zero when unreadable."""
    match = _TIMESPAN_RE.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        return timedelta(0)
    days, hours, minutes, seconds, fraction = match.groups()
    return timedelta(
        days=int(days or 0),
        hours=int(hours),
        minutes=int(minutes),
        seconds=int(seconds),
        microseconds=int((fraction or "0")[:6].ljust(6, "0")),
    )


def _hdr(value: Any) -> HdrFormat:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(_HDR_NAMES):
        return _HDR_NAMES[value][1]
    return _HDR_BY_NAME.get(str(value).lower(), HdrFormat.NONE)


def from_model(model: Any) -> MediaInfo | None:
    """radarr.db's MediaInfoModel (the MovieFiles.MediaInfo JSON) field by field; None when the column
    holds none (Radarr has not read the file)."""
    if not isinstance(model, dict) or not model.get("schemaRevision"):
        return None
    return MediaInfo(
        reader=Reader.FFPROBE,  # Radarr reads files with ffprobe since v4, and converted older rows
        container_format=_text(model.get("containerFormat")),
        run_time=_timespan(model.get("runTime")),
        video_format=model["videoFormat"] if isinstance(model.get("videoFormat"), str) else None,
        video_codec_id=_text(model.get("videoCodecID")),
        video_profile=_text(model.get("videoProfile")),
        video_bitrate=_int(model.get("videoBitrate")),
        video_bit_depth=_int(model.get("videoBitDepth")),
        video_color_primaries=_text(model.get("videoColourPrimaries")),
        video_transfer_characteristics=_text(model.get("videoTransferCharacteristics")),
        hdr_format=_hdr(model.get("videoHdrFormat")),
        width=_int(model.get("width")),
        height=_int(model.get("height")),
        video_fps=_float(model.get("videoFps")),
        scan_type=_text(model.get("scanType")),
        video_multi_view_count=_int(model.get("videoMultiViewCount")),
        audio_format=model["audioFormat"] if isinstance(model.get("audioFormat"), str) else None,
        audio_codec_id=_text(model.get("audioCodecID")),
        audio_profile=_text(model.get("audioProfile")),
        audio_bitrate=_int(model.get("audioBitrate")),
        audio_channels=_int(model.get("audioChannels")),
        audio_channel_positions=_text(model.get("audioChannelPositions")),
        audio_stream_count=_int(model.get("audioStreamCount")),
        audio_languages=_strings(model.get("audioLanguages")),
        subtitles=_strings(model.get("subtitles")),
    )


def _clock(value: Any) -> timedelta:
    match = _CLOCK_RE.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        return timedelta(0)
    hours, minutes, seconds = match.groups()
    return timedelta(hours=int(hours or 0), minutes=int(minutes), seconds=int(seconds))


def _channels(value: Any) -> tuple[int, str]:
    """(channels, layout) behind Radarr's 5.1, 7.1 or 2: a ".1" is the LFE channel of a layout."""
    shown = round(_float(value), 1)
    whole, tenth = int(shown), round((shown - int(shown)) * 10)
    if tenth:
        return whole + tenth, f"{shown:.1f}"
    return whole, ""


def _split(value: Any) -> tuple[str, ...]:
    return tuple(part for part in _text(value).split("/") if part)


def _codec(
    label: Any, sources: dict[str, tuple[Json, ...]], field: str, base: MediaInfo, scene_name: str
) -> Json:
    if not isinstance(label, str):
        return {field: None}
    formats = format_video_codec if field == "video_format" else format_audio_codec
    for values in sources.get(label, ()):
        if formats(replace(base, **values), scene_name) == label:
            return values
    return {field: label}


def from_resource(resource: Any, scene_name: str) -> MediaInfo | None:
    """What the API's formatted `mediaInfo` still tells: sizes, rates, depth, run time, languages and
    HDR type as they are; channel count and layout from 5.1/7.1/2; codecs as the ffprobe values that
    Radarr's labels come from. Profiles, colours, codec tags, the container and 3D are not in it."""
    if not isinstance(resource, dict) or not resource:
        return None
    width, height = 0, 0
    if (found := _RESOLUTION_RE.match(_text(resource.get("resolution")))) is not None:
        width, height = int(found.group(1)), int(found.group(2))
    channels, layout = _channels(resource.get("audioChannels"))
    hdr = str(resource.get("videoDynamicRangeType") or "")
    base = MediaInfo(
        reader=Reader.FFPROBE,
        run_time=_clock(resource.get("runTime")),
        video_bitrate=_int(resource.get("videoBitrate")),
        video_bit_depth=_int(resource.get("videoBitDepth")),
        hdr_format=HdrFormat(hdr) if hdr in {h.value for h in HdrFormat} else HdrFormat.NONE,
        width=width,
        height=height,
        video_fps=_float(resource.get("videoFps")),
        scan_type=_text(resource.get("scanType")),
        audio_bitrate=_int(resource.get("audioBitrate")),
        audio_channels=channels,
        audio_channel_positions=layout,
        audio_stream_count=_int(resource.get("audioStreamCount")),
        audio_languages=_split(resource.get("audioLanguages")),
        subtitles=_split(resource.get("subtitles")),
    )
    video = _codec(resource.get("videoCodec"), _VIDEO_SOURCES, "video_format", base, scene_name)
    audio = _codec(resource.get("audioCodec"), _AUDIO_SOURCES, "audio_format", base, scene_name)
    return replace(base, **video, **audio)
