"""Which files beside a video are extras, what their names say, and the names they get (pure)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from reelarr.languages import ALL_LANGUAGES, UNKNOWN, Language, find_iso_language, iso_of
from reelarr.parsing import clean_title, parse_title

# Radarr's SubtitleFileExtensions.
SUBTITLE_EXTENSIONS = frozenset(
    {
        ".aqt",
        ".ass",
        ".idx",
        ".jss",
        ".psb",
        ".rt",
        ".smi",
        ".srt",
        ".ssa",
        ".sub",
        ".sup",
        ".txt",
        ".utf",
        ".utf8",
        ".utf-8",
        ".vtt",
    }
)
_TAGS = frozenset({"forced", "foreign", "default", "cc", "psdh", "sdh"})
_SEPARATORS_RE = re.compile(r"[-_. ]")
_CODE_RE = re.compile(r"^[a-z]{2,3}$", re.IGNORECASE)


def wanted_extensions(setting: str) -> frozenset[str]:
    """The extensions of Media Management's `extraFileExtensions` ("srt, .nfo" -> {".srt", ".nfo"})."""
    parts = (part.strip(" .").lower() for part in setting.split(","))
    return frozenset("." + part for part in parts if part)


def extension_of(path: str) -> str:
    """A file's extension, lower case with its dot ("" for none)."""
    return os.path.splitext(path)[1].lower()


def is_subtitle(path: str) -> bool:
    """Whether a file is a subtitle by its extension."""
    return extension_of(path) in SUBTITLE_EXTENSIONS


def subtitle_language(path: str) -> tuple[Language, tuple[str, ...]]:
    """The language and tags (forced, sdh, ...) a subtitle's name gives (Radarr's LanguageParser):
    a two- or three-letter code at the end of the name, with tags on either side of it."""
    stem = os.path.splitext(os.path.basename(path))[0]
    tokens = _SEPARATORS_RE.split(stem)
    after: list[str] = []
    while len(tokens) > 1 and tokens[-1].lower() in _TAGS:
        after.insert(0, tokens.pop().lower())
    if len(tokens) > 1 and _CODE_RE.match(tokens[-1]):
        iso = find_iso_language(tokens.pop())
        before: list[str] = []
        while len(tokens) > 1 and tokens[-1].lower() in _TAGS:
            before.insert(0, tokens.pop().lower())
        return (iso.language if iso is not None else UNKNOWN), tuple(dict.fromkeys(before + after))
    lower = stem.lower()
    named = next((lang for lang in ALL_LANGUAGES if lang.id > 0 and lower.endswith(lang.name.lower())), None)
    return (named or UNKNOWN), ()


def subtitle_suffix(
    language: Language,
    tags: Iterable[str],
    *,
    copy: int = 0,
    multiple: bool = False,
    title: str | None = None,
) -> str:
    """What follows the video's name in a subtitle's ("'.en'", "'.2.en.forced'"; Radarr's GetSuffix)."""
    suffix = ""
    if title is not None:
        suffix += "." + title + (f" - {copy}" if multiple else "")
    elif multiple:
        suffix += f".{copy}"
    iso = iso_of(language) if language.id > 0 else None
    if iso is not None and iso.two_letter:
        suffix += "." + iso.two_letter
    tags = list(tags)
    if tags:
        suffix += "." + ".".join(tags)
    return suffix


def extra_path(video_relative_path: str, suffix: str, extension: str) -> str:
    """An extra file's path in the film's folder: the video's name, the suffix, the extension."""
    folder, name = os.path.split(video_relative_path)
    return os.path.join(folder, os.path.splitext(name)[0] + suffix + extension)


def same_path(first: str, second: str) -> bool:
    """Whether two paths name the same place, as written."""
    return os.path.normpath(first) == os.path.normpath(second)


def belongs_to(video_path: str, candidate: str) -> bool:
    """Whether a file goes with a video: its name starts with the video's (any case), or it names the
    same film and year ("The.Matrix.1999.en.srt" beside "The.Matrix.1999.1080p.WEB-DL.mkv")."""
    video_stem = _stem(video_path)
    return _stem(candidate).lower().startswith(video_stem.lower()) or same_film(video_stem, _stem(candidate))


def same_film(first: str, second: str) -> bool:
    """Whether two names parse to the same film: a title in common (cleaned) and the same year."""
    left, right = parse_title(first), parse_title(second)
    if left is None or right is None or not left.year or left.year != right.year:
        return False
    cleaned = {clean_title(title) for title in left.titles or (left.title,)}
    return (
        any(clean_title(title) in cleaned for title in right.titles or (right.title,)) and "" not in cleaned
    )


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]
