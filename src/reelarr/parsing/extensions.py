"""Media file extensions, the quality each one implies, and stripping them from names."""

from __future__ import annotations

from reelarr.quality.catalogue import UNKNOWN, Quality, quality

_SDTV = quality("SDTV")
_DVD = quality("DVD")
_HDTV720 = quality("HDTV-720p")
_BLURAY720 = quality("Bluray-720p")

_SD_EXTENSIONS = [
    ".m4v",
    ".3gp",
    ".nsv",
    ".ty",
    ".strm",
    ".rm",
    ".rmvb",
    ".m3u",
    ".ifo",
    ".mov",
    ".qt",
    ".divx",
    ".xvid",
    ".bivx",
    ".nrg",
    ".pva",
    ".wmv",
    ".asf",
    ".asx",
    ".ogm",
    ".ogv",
    ".m2v",
    ".avi",
    ".bin",
    ".dat",
    ".dvr-ms",
    ".mpg",
    ".mpeg",
    ".mp4",
    ".avc",
    ".vp3",
    ".svq3",
    ".nuv",
    ".viv",
    ".dv",
    ".fli",
    ".flv",
    ".wpl",
]

MEDIA_EXTENSIONS: dict[str, Quality] = {
    ".webm": UNKNOWN,
    **dict.fromkeys(_SD_EXTENSIONS, _SDTV),
    ".img": _DVD,
    ".iso": _DVD,
    ".vob": _DVD,
    ".mkv": _HDTV720,
    ".mk3d": _HDTV720,
    ".ts": _HDTV720,
    ".wtv": _HDTV720,
    ".m2ts": _BLURAY720,
}

_STRIPPABLE = frozenset(MEDIA_EXTENSIONS) | {".par2", ".nzb"}


def extension_of(name: str) -> str:
    """Return the lower-cased extension of a file name (".mkv"), or "" when there is none."""
    dot = name.rfind(".")
    if dot < 0 or dot == len(name) - 1:
        return ""
    tail = name[dot:]
    if "/" in tail or "\\" in tail or " " in tail:
        return ""
    return tail.lower()


def quality_for_extension(extension: str) -> Quality:
    """Return the quality a media file extension implies, Unknown when it implies none."""
    return MEDIA_EXTENSIONS.get(extension.lower(), UNKNOWN)


def remove_media_extension(name: str) -> str:
    """Strip a trailing media-file (or .nzb/.par2) extension; other dotted endings stay."""
    dot = name.rfind(".")
    if dot < 0:
        return name
    tail = name[dot:]
    if 3 <= len(tail) <= 5 and tail[1:].isascii() and tail[1:].isalnum() and tail.lower() in _STRIPPABLE:
        return name[:dot]
    return name
