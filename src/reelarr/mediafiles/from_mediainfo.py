"""MediaInfo's tracks (as pymediainfo gives them) turned into a MediaInfo in ffprobe's vocabulary."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from reelarr.mediafiles.hdr import detect_hdr_format
from reelarr.mediafiles.languages import stream_language
from reelarr.mediafiles.model import MediaInfo, Reader

Track = Mapping[str, Any]

_CONTAINERS = {
    "matroska": "matroska,webm",
    "webm": "matroska,webm",
    "mpeg-4": "mov,mp4,m4a,3gp,3g2,mj2",
    "quicktime": "mov,mp4,m4a,3gp,3g2,mj2",
    "avi": "avi",
    "mpeg-ts": "mpegts",
    "bdav": "mpegts",
    "mpeg-ps": "mpeg",
    "windows media": "asf",
    "flash video": "flv",
    "ogg": "ogg",
    "realmedia": "rm",
}
_VIDEO_CODECS = {
    "avc": "h264",
    "hevc": "hevc",
    "av1": "av1",
    "vc-1": "vc1",
    "mpeg-4 visual": "mpeg4",
    "vp6": "vp6",
    "vp7": "vp7",
    "vp8": "vp8",
    "vp9": "vp9",
    "wmv1": "wmv1",
    "wmv2": "wmv2",
    "prores": "prores",
    "realvideo 4": "rv40",
}
_PRIMARIES = {"bt.2020": "bt2020", "bt.709": "bt709", "bt.601 ntsc": "smpte170m", "bt.601 pal": "bt470bg"}
_TRANSFERS = {
    "pq": "smpte2084",
    "hlg": "arib-std-b67",
    "bt.709": "bt709",
    "bt.2020 (10-bit)": "bt2020-10",
    "bt.601": "smpte170m",
}
_DOVI_COMPATIBILITY = {"hdr10": 1, "sdr": 2, "hlg": 4, "blu-ray": 6}
_COVER_FORMATS = frozenset({"jpeg", "png"})
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


def _text(track: Track, key: str) -> str:
    value = track.get(key)
    return "" if value is None else str(value).strip()


def _number(track: Track, key: str) -> float:
    """The first number in a field ("2000.000000", 6, "8 / 6"), 0 when there is none."""
    value = track.get(key)
    if isinstance(value, int | float):
        return float(value)
    match = _NUMBER_RE.search(str(value or ""))
    return float(match.group(0)) if match else 0.0


def _video_codec(track: Track) -> str:
    name = _text(track, "format").lower()
    if name == "mpeg video":
        return "mpeg1video" if _text(track, "format_version") == "Version 1" else "mpeg2video"
    if name == "vc-1" and _text(track, "codec_id").upper() == "WMV3":
        return "wmv3"
    return _VIDEO_CODECS.get(name, name)


def _audio_codec(track: Track) -> tuple[str, str]:
    """ffprobe's codec name and profile for an audio track."""
    name = _text(track, "format").lower()
    features = _text(track, "format_additionalfeatures")
    commercial = _text(track, "commercial_name")
    if name == "mlp fba":
        atmos = "16-ch" in features or "Atmos" in commercial
        return "truehd", "Dolby TrueHD + Dolby Atmos" if atmos else ""
    if name == "e-ac-3":
        atmos = "JOC" in features or "Atmos" in commercial
        return "eac3", "Dolby Digital Plus + Dolby Atmos" if atmos else ""
    if name == "dts":
        return "dts", _dts_profile(features, commercial)
    if name == "aac":
        if "HE-AAC" in features or "SBR" in features:
            return "aac", "HE-AACv2" if "PS" in features or "v2" in features else "HE-AAC"
        return "aac", "LC"
    if name == "usac":
        return "aac", "xHE-AAC"
    if name == "mpeg audio":
        layer = _text(track, "format_profile")
        return {"Layer 3": "mp3", "Layer 2": "mp2", "Layer 1": "mp1"}.get(layer, "mp3"), ""
    if name == "pcm":
        depth = int(_number(track, "bit_depth")) or 16
        return f"pcm_s{depth}{'be' if _text(track, 'format_settings__endianness') == 'Big' else 'le'}", ""
    if name == "wma":
        return ("wmapro" if "Pro" in _text(track, "format_profile") else "wmav2"), ""
    aliases = {"ac-3": "ac3", "mlp": "mlp", "adpcm": "adpcm_ms"}
    return aliases.get(name, name), ""


def _dts_profile(features: str, commercial: str) -> str:
    if "XLL X" in features or "DTS:X" in commercial:
        return "DTS-HD MA + DTS:X"
    if "XLL" in features or "Master Audio" in commercial:
        return "DTS-HD MA"
    if "XBR" in features or "High Resolution" in commercial:
        return "DTS-HD HRA"
    if "LBR" in features or "Express" in commercial:
        return "DTS Express"
    if features.startswith("ES") or "DTS-ES" in commercial:
        return "DTS-ES"
    if "96/24" in features or "96/24" in commercial:
        return "DTS 96/24"
    return "DTS"


def _channel_layout(track: Track, channels: int) -> str:
    """An ffprobe-like layout: "5.1" when there is an LFE channel, else stereo or mono."""
    speakers = (_text(track, "channel_layout") or _text(track, "channel_positions")).replace(",", " ")
    lfe = sum(1 for speaker in speakers.split() if speaker.upper().startswith("LFE"))
    if lfe and channels > lfe:
        return f"{channels - lfe}.{lfe}"
    return {1: "mono", 2: "stereo"}.get(channels, "")


def _language(track: Track) -> str:
    for other in track.get("other_language") or ():
        text = str(other)
        if len(text) == 3 and text.isalpha() and text.islower():
            return stream_language(text)
    return stream_language(_text(track, "language"))


def _hdr_signals(track: Track) -> tuple[int | None, bool, bool]:
    """Dolby Vision compatibility (None without Dolby Vision), HDR10+ and static metadata."""
    formats = [part.strip() for part in _text(track, "hdr_format").split(" / ")]
    compat = [part.strip().lower() for part in _text(track, "hdr_format_compatibility").split(" / ")]
    dovi: int | None = None
    if any("Dolby Vision" in part for part in formats):
        index = next(i for i, part in enumerate(formats) if "Dolby Vision" in part)
        label = compat[index] if index < len(compat) else ""
        dovi = next((number for key, number in _DOVI_COMPATIBILITY.items() if key in label), 0)
    hdr10_plus = any("2094" in part for part in formats) or any("hdr10+" in part for part in compat)
    static = (
        any("2086" in part for part in formats)
        or bool(track.get("mastering_display_luminance"))
        or bool(track.get("maximum_content_light_level"))
    )
    return dovi, hdr10_plus, static


def _duration(*tracks: Track | None) -> timedelta:
    """The first non-zero duration (milliseconds in MediaInfo) of video, audio, then the container."""
    for track in tracks:
        if track is not None and (milliseconds := _number(track, "duration")) > 0:
            return timedelta(milliseconds=milliseconds)
    return timedelta(0)


def _library(track: Track) -> str:
    named = _text(track, "encoded_library_name")
    return named or _text(track, "writing_library").split(" ", 1)[0]


def _video_fields(video: Track) -> dict[str, Any]:
    bit_depth = int(_number(video, "bit_depth")) or 8
    primaries = _text(video, "color_primaries")
    transfer = _text(video, "transfer_characteristics")
    primaries = _PRIMARIES.get(primaries.lower(), primaries.lower())
    transfer = _TRANSFERS.get(transfer.lower(), transfer.lower())
    dovi, hdr10_plus, static = _hdr_signals(video)
    return {
        "video_format": _video_codec(video),
        "video_codec_id": _text(video, "codec_id"),
        "video_codec_library": _library(video),
        "video_profile": _text(video, "format_profile").split("@", 1)[0],
        "video_bitrate": int(_number(video, "bit_rate")),
        "video_bit_depth": bit_depth,
        "video_multi_view_count": int(_number(video, "multiview_count")) or 1,
        "video_color_primaries": primaries,
        "video_transfer_characteristics": transfer,
        "hdr_format": detect_hdr_format(
            bit_depth,
            primaries,
            transfer,
            dovi_compatibility=dovi,
            hdr10_plus=hdr10_plus,
            static_metadata=static,
        ),
        "width": int(_number(video, "width")),
        "height": int(_number(video, "height")),
        "video_fps": _number(video, "frame_rate"),
        "scan_type": _text(video, "scan_type") or "Progressive",
    }


def _audio_fields(audio: Track) -> dict[str, Any]:
    codec, profile = _audio_codec(audio)
    channels = int(_number(audio, "channel_s"))
    return {
        "audio_format": codec,
        "audio_codec_id": _text(audio, "codec_id"),
        "audio_profile": profile,
        "audio_bitrate": int(_number(audio, "bit_rate")),
        "audio_channels": channels,
        "audio_channel_positions": _channel_layout(audio, channels),
    }


def from_mediainfo_tracks(tracks: Sequence[Track]) -> MediaInfo | None:
    """Build MediaInfo from MediaInfo's track dicts; None when it found no video or audio stream."""
    general = next((t for t in tracks if t.get("track_type") == "General"), None)
    videos = [
        t
        for t in tracks
        if t.get("track_type") == "Video" and _text(t, "format").lower() not in _COVER_FORMATS
    ]
    audios = [t for t in tracks if t.get("track_type") == "Audio"]
    texts = [t for t in tracks if t.get("track_type") == "Text"]
    video = videos[0] if videos else None
    audio = audios[0] if audios else None
    if video is None and audio is None:
        return None
    container = _text(general, "format").lower() if general is not None else ""
    fields: dict[str, Any] = {
        "reader": Reader.MEDIAINFO,
        "container_format": _CONTAINERS.get(container, container),
        "title": (_text(general, "title") or _text(general, "movie_name")) if general is not None else "",
        "run_time": _duration(video, audio, general),
        "audio_stream_count": len(audios),
        "audio_languages": tuple(code for code in map(_language, audios) if code),
        "subtitles": tuple(code for code in map(_language, texts) if code),
    }
    if video is not None:
        fields.update(_video_fields(video))
    if audio is not None:
        fields.update(_audio_fields(audio))
    return MediaInfo(**fields)
