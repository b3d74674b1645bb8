"""The language, tags and title of an external subtitle file, read from its name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reelarr.languages import ALL_LANGUAGES, UNKNOWN, Language, find_iso_language

_TAG = r"(?:forced|foreign|default|cc|psdh|sdh)"
_TAG_WORDS = frozenset({"forced", "foreign", "default", "cc", "psdh", "sdh"})
# Only the end of a name can hold the language part; looking at a bounded tail keeps this linear.
_TAIL = 256

_LANGUAGE_RE = re.compile(
    rf"^.+?(?P<before>(?:[-_. ]{_TAG})*)[-_. ](?P<code>[a-z]{{2,3}})(?P<after>(?:[-_. ]{_TAG})*)$",
    re.IGNORECASE,
)
_MARK = rf"(?:\.(?:{_TAG}|[a-z]{{2,3}}))*"  # dotted tags and language codes
_TITLED_RE = re.compile(rf"^.+?(?P<pre>{_MARK})[-_. ](?P<title>[^.]*)(?P<post>{_MARK})$", re.IGNORECASE)
_COPY_RE = re.compile(r"^(?:(?P<title>.+) - )?(?<!\d)(?P<copy>\d{1,3})$")
_SPLIT_RE = re.compile(r"[-_. ]")


@dataclass(frozen=True, slots=True)
class SubtitleInfo:
    """What a subtitle file name says: language, tags (forced, sdh, ...), and an optional track title."""

    language: Language
    language_tags: tuple[str, ...] = ()
    title: str | None = None
    raw_title: str | None = None
    copy: int = 0


def _stem(file_name: str) -> str:
    base = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    dot = base.rfind(".")
    stem = base[:dot] if dot > 0 else base
    return stem[-_TAIL:]


def _language_for(code: str) -> Language:
    iso = find_iso_language(code)
    return iso.language if iso is not None else UNKNOWN


def _tags(text: str) -> list[str]:
    return [part.lower() for part in _SPLIT_RE.split(text) if part]


def parse_subtitle_language(file_name: str) -> Language:
    """Return the language of a subtitle file from its name ("Movie.en.forced.srt" is English)."""
    stem = _stem(file_name)
    match = _LANGUAGE_RE.match(stem)
    if match is not None:
        return _language_for(match.group("code"))
    lower = stem.lower()
    for language in ALL_LANGUAGES:
        if lower.endswith(language.name.lower()):
            return language
    return UNKNOWN


def _basic(file_name: str) -> SubtitleInfo:
    match = _LANGUAGE_RE.match(_stem(file_name))
    tags = _tags(match.group("before") + match.group("after")) if match is not None else []
    return SubtitleInfo(language=parse_subtitle_language(file_name), language_tags=tuple(tags))


def parse_subtitle_info(file_name: str) -> SubtitleInfo:
    """Return language, tags and track title of a subtitle file ("Movie.Commentary.eng.forced.ass")."""
    match = _TITLED_RE.match(_stem(file_name))
    if match is None:
        return _basic(file_name)
    tokens = [part.lower() for part in (match.group("pre") + match.group("post")).split(".") if part]
    codes = [token for token in tokens if token not in _TAG_WORDS]
    if len(codes) != 1:
        return _basic(file_name)
    tags = tuple(token for token in tokens if token in _TAG_WORDS)
    raw_title = match.group("title")
    copy_match = _COPY_RE.match(raw_title)
    if copy_match is not None:
        return SubtitleInfo(
            _language_for(codes[0]), tags, copy_match.group("title"), raw_title, int(copy_match.group("copy"))
        )
    return SubtitleInfo(_language_for(codes[0]), tags, raw_title, raw_title)
