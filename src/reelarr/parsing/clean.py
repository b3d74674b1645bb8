"""Title cleaning for matching, URL slugs, and the noise stripped from release names before parsing."""

from __future__ import annotations

import re
import unicodedata

_I = re.IGNORECASE

# A leading "[www.site.tld] -", "(site.tld)" or "site.tld - " that names where the release came from.
_SITE_PREFIX_RE = re.compile(
    r"^(?:[\[(]\s*)?(?:www\.)?[-a-z0-9]{1,256}\.(?:[a-z]{2,6}\.[a-z]{2,6}|xn--[a-z0-9-]{4,}|[a-z]{2,})\b"
    r"(?:\s*[\])]|[ -]{2,})[ -]*",
    _I,
)
_SITE_SUFFIX_RE = re.compile(
    r"(?:\[\s*)?(?:www\.)?[-a-z0-9]{1,256}\.(?:xn--[a-z0-9-]{4,}|[a-z]{2,6})\b\s*\]$", _I
)
_TORRENT_SUFFIX_RE = re.compile(r"\[(?:ettv|rartv|rarbg|cttv|publichd)\]$", _I)

_SPACE_RE = re.compile(r"\s")
_NOT_SLUG_RE = re.compile(r"[^a-z0-9\s\-_]")
_COMMON_WORDS = frozenset({"a", "an", "the", "and", "or", "of"})
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_WORD_RE = re.compile(r"[^\W_]+|[\W_]")


def strip_site_prefix(title: str) -> str:
    """Remove a leading website tag such as "[www.site.com] - "."""
    if not title or (title[0] not in "[(wW" and "." not in title[:64]):
        return title
    return _SITE_PREFIX_RE.sub("", title, count=1)


def strip_site_suffix(title: str) -> str:
    """Remove a trailing "[www.site.com]" tag."""
    if not title.endswith("]"):
        return title
    cut = max(0, len(title) - 300)  # the tag is anchored at the end and its label is bounded
    return title[:cut] + _SITE_SUFFIX_RE.sub("", title[cut:], count=1)


def strip_torrent_suffix(title: str) -> str:
    """Remove a trailing tracker tag such as "[rarbg]"."""
    return _TORRENT_SUFFIX_RE.sub("", title) if title.endswith("]") else title


def remove_accents(text: str) -> str:
    """Drop the accents of accented letters ("é" to "e"); letters without a base form stay."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _is_separator(ch: str) -> bool:
    return not (ch.isalnum() or ch in "_'")


def _is_single_letter_word(tokens: list[str], index: int) -> bool:
    """A one-letter word between separators, as in the "N" of "a.N.K.L.E" acronyms."""
    if len(tokens[index]) != 1 or index == 0 or index + 1 >= len(tokens):
        return False
    return _is_separator(tokens[index - 1][-1]) and _is_separator(tokens[index + 1][0])


def clean_title(title: str) -> str:
    """Reduce a movie title to its matching key: lower-case letters and digits, common words dropped."""
    stripped = title.strip()
    if stripped and (stripped.isdigit() or (stripped[0] in "+-" and stripped[1:].isdigit())):
        return title
    tokens = _WORD_RE.findall(title)
    kept = [
        token
        for index, token in enumerate(tokens)
        if token[0].isalnum() and not (token.lower() in _COMMON_WORDS and _is_removable(tokens, index))
    ]
    return remove_accents("".join(kept).lower().translate(_UMLAUTS))


def _is_removable(tokens: list[str], index: int) -> bool:
    """A common word goes unless it starts or ends the title or sits inside an acronym ("a.N.K.L.E")."""
    if index == 0 or index == len(tokens) - 1:
        return False
    if index >= 2 and _is_single_letter_word(tokens, index - 2) and _is_separator(tokens[index - 1]):
        return False
    if tokens[index].lower() == "a" and index + 2 < len(tokens):
        return not (_is_separator(tokens[index + 1]) and _is_single_letter_word(tokens, index + 2))
    return True


def url_slug(
    value: str,
    invalid_dash_replacement: bool = False,
    trim_end_chars: str | None = "-_",
    deduplicate_chars: str | None = "-_",
) -> str:
    """Turn a title into a URL slug: lower-case ASCII letters and digits joined by dashes."""
    value = _SPACE_RE.sub("-", remove_accents(value.lower()))
    value = _NOT_SLUG_RE.sub("-" if invalid_dash_replacement else "", value)
    if trim_end_chars:
        value = value.strip(trim_end_chars)
    if deduplicate_chars:
        value = _collapse_runs(value, deduplicate_chars)
    return value


def _collapse_runs(value: str, chars: str) -> str:
    """Replace each run of two or more of these characters by the run's last character."""
    out: list[str] = []
    for ch in value:
        if out and ch in chars and out[-1] in chars:
            out[-1] = ch
        else:
            out.append(ch)
    return "".join(out)
