"""Forms of a title that names use: cleaned, with its article moved, its first character (pure)."""

from __future__ import annotations

import re
import unicodedata

_ARTICLE = re.compile(r"^(The|An|A) (.*?)((?: *\([^)]+\))*)$", re.IGNORECASE)
# A lone symbol between spaces ("Free! - Iwatobi"), an apostrophe, colon, question mark or comma
# ending a word or before a contraction ("Karma's", "I'm"), and any bracket: gone from clean titles.
_CLEAN_DROP = re.compile(
    r"(?<=\s)[,<>/\\;:'\"|`’~!?@%*\-_=](?=\s)"
    r"|['`’:?,](?=(?:s|m|t|ve|ll|d|re)\s|\s|$)"
    r"|[()\[\]{}]",
    re.IGNORECASE,
)
# Letters Unicode does not decompose into a base letter and an accent.
_LIGATURES = str.maketrans(
    {"Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Ø": "O", "ø": "o", "ß": "ss", "Đ": "D", "đ": "d",
     "Ł": "L", "ł": "l", "Þ": "Th", "þ": "th", "Ð": "D", "ð": "d", "ı": "i"}
)  # fmt: skip


def remove_diacritics(text: str) -> str:
    """Accented letters as their base letter ("é" to "e", "Æ" to "AE")."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text.translate(_LIGATURES))
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", kept)


def clean_title(title: str) -> str:
    """A title as scene names write it: "&" as "and", no brackets, apostrophes or stray symbols."""
    text = title.replace("&", "and").replace("/", " ")
    return remove_diacritics(_CLEAN_DROP.sub("", text))


def title_the(title: str | None) -> str:
    """A leading article moved to the end: "The Mist" as "Mist, The" (before any bracketed tail)."""
    if title is None:
        return ""
    return _ARTICLE.sub(r"\2, \1\3", title)


def clean_title_the(title: str) -> str:
    """`title_the` of the clean title: "The Flash (2010)" as "Flash, The 2010"."""
    match = _ARTICLE.match(title)
    if match is None:
        return clean_title(title)
    article, rest, tail = match.groups()
    return f"{clean_title(rest).strip()}, {article}{clean_title(tail)}"


def first_character(title: str) -> str:
    """The letter or digit a title files under (its first or second character), else "_"."""
    for char in title[:2]:
        if char.isalnum():
            return remove_diacritics(char.upper())[0]
    return "_"
