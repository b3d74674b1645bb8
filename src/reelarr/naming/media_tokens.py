"""The `{MediaInfo ...}` tokens: codecs, channels, bit depth, HDR, 3D and languages (pure)."""

from __future__ import annotations

from collections.abc import Iterable

from reelarr.mediafiles.formatting import (
    format_audio_channels,
    format_audio_codec,
    format_dynamic_range,
    format_dynamic_range_type,
    format_video_codec,
)
from reelarr.mediafiles.model import MediaInfo
from reelarr.naming.iso639 import TWO_LETTER
from reelarr.naming.tokens import Handler, TokenMatch, token_key

# Codes ISO 639-1 has no letter pair for, shown as the language they belong to (as Radarr does).
_BELONGS_TO = {"gsw": "de", "khk": "mn", "mvf": "mn"}


def _language_code(code: str) -> str:
    lowered = code.lower()
    two = _BELONGS_TO.get(lowered) or TWO_LETTER.get(lowered)
    if two is None and len(lowered) == 2 and lowered in TWO_LETTER.values():
        two = lowered
    return two.upper() if two else code


def languages_token(codes: Iterable[str], format: str | None, *, skip_english_only: bool) -> str:
    """Languages as `[EN+DE]`: `:DE+NL` keeps those (in that order), `:-EN` drops those, and a
    trailing `+` adds `-` when some were left out."""
    found = list(dict.fromkeys(_language_code(c.strip()) for c in codes if c.strip() and c != "und"))
    kept = found
    if format:
        if format.startswith("-"):
            dropped = set(format.split("-"))
            kept = [code for code in found if code not in dropped]
        else:
            kept = [code for code in dict.fromkeys(format.split("+")) if code in found]
        if format.endswith("+") and len(kept) != len(found):
            kept = [*kept, "--"]
    if skip_english_only and kept == ["EN"]:
        return ""
    return f"[{'+'.join(kept)}]" if kept else ""


def media_info_handlers(info: MediaInfo, scene_name: str) -> dict[str, Handler]:
    """The MediaInfo tokens' values for a file's media info."""
    video = format_video_codec(info, scene_name) or ""
    audio = format_audio_codec(info, scene_name) or ""
    channels = format_audio_channels(info)
    audio_languages = info.audio_languages
    subtitles = info.subtitles

    def audio_langs(m: TokenMatch) -> str:
        return languages_token(audio_languages, m.format, skip_english_only=True)

    def subtitle_langs(m: TokenMatch) -> str:
        return languages_token(subtitles, m.format, skip_english_only=False)

    values: dict[str, Handler] = {
        "MediaInfo Video": lambda m: video,
        "MediaInfo VideoCodec": lambda m: video,
        "MediaInfo VideoBitDepth": lambda m: str(info.video_bit_depth if info.video_bit_depth > 0 else 8),
        "MediaInfo Audio": lambda m: audio,
        "MediaInfo AudioCodec": lambda m: audio,
        "MediaInfo AudioChannels": lambda m: f"{channels:.1f}" if channels > 0 else "",
        "MediaInfo AudioLanguages": audio_langs,
        "MediaInfo AudioLanguagesAll": lambda m: languages_token(
            audio_languages, m.format, skip_english_only=False
        ),
        "MediaInfo SubtitleLanguages": subtitle_langs,
        "MediaInfo SubtitleLanguagesAll": subtitle_langs,
        "MediaInfo 3D": lambda m: "3D" if info.video_multi_view_count > 1 else "",
        "MediaInfo Simple": lambda m: f"{video} {audio}",
        "MediaInfo Full": lambda m: f"{video} {audio}{audio_langs(m)} {subtitle_langs(m)}",
        "MediaInfo VideoDynamicRange": lambda m: format_dynamic_range(info),
        "MediaInfo VideoDynamicRangeType": lambda m: format_dynamic_range_type(info),
    }
    return {token_key(name): handler for name, handler in values.items()}
