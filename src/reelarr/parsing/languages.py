"""Read the audio languages a release title names, and the language of a subtitle file."""

from __future__ import annotations

import re

from reelarr.languages import ALL_LANGUAGES, ORIGINAL, UNKNOWN, Language, find_iso_language, lang

_I = re.IGNORECASE

# Words that name a language wherever they appear (substring match on the lower-cased title).
_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("spanish",), "Spanish"),
    (("danish",), "Danish"),
    (("dutch",), "Dutch"),
    (("japanese",), "Japanese"),
    (("icelandic",), "Icelandic"),
    (("mandarin", "cantonese", "chinese"), "Chinese"),
    (("korean",), "Korean"),
    (("russian",), "Russian"),
    (("polish",), "Polish"),
    (("vietnamese",), "Vietnamese"),
    (("swedish",), "Swedish"),
    (("norwegian",), "Norwegian"),
    (("finnish",), "Finnish"),
    (("turkish",), "Turkish"),
    (("portuguese",), "Portuguese"),
    (("hungarian",), "Hungarian"),
    (("hebrew",), "Hebrew"),
    (("arabic",), "Arabic"),
    (("hindi",), "Hindi"),
    (("malayalam",), "Malayalam"),
    (("ukrainian",), "Ukrainian"),
    (("bulgarian",), "Bulgarian"),
    (("slovak",), "Slovak"),
    (("brazilian", "dublado"), "Portuguese (Brazil)"),
    (("latino",), "Spanish (Latino)"),
    (("latvian",), "Latvian"),
    (("persian", "farsi"), "Persian"),
    (("bengali",), "Bengali"),
    (("catala", "català", "catalá"), "Catalan"),
    (("tamil",), "Tamil"),
    (("telugu",), "Telugu"),
    (("kannada",), "Kannada"),
    (("albanian",), "Albanian"),
    (("afrikaans",), "Afrikaans"),
    (("marathi",), "Marathi"),
    (("tagalog", "filipino"), "Tagalog"),
    (("mongolian",), "Mongolian"),
    (("lithuanian",), "Lithuanian"),
    (("czech",), "Czech"),
    (("croatian",), "Croatian"),
    (("serbian",), "Serbian"),
    (("bosnian",), "Bosnian"),
    (("estonian",), "Estonian"),
    (("indonesian",), "Indonesian"),
    (("macedonian",), "Macedonian"),
    (("slovenian", "slovene"), "Slovenian"),
    (("icelandic",), "Icelandic"),
)

# Tags matched as words, ignoring case. A tag followed only by other tags and then "sub(s)" names a
# subtitle track, not audio, and does not count.
_TAGS: tuple[tuple[str, str], ...] = (
    ("English", r"\b(?:ing|eng|en)\b"),
    ("Italian", r"\b(?:ita|italian)\b"),
    ("German", r"(?:swiss)?german\b|videomann|ger[. ]dub|\bger\b"),
    ("Flemish", r"flemish"),
    ("Greek", r"greek"),
    ("French", r"(?:_|\b)(?:FR|VF|VF2|VFF|VFI|VFQ|TRUEFRENCH|FRENCH|FRE|FRA)(?:_|\b)"),
    ("Russian", r"\b(?:rus|ru)\b"),
    ("Hungarian", r"\b(?:HUNDUB|HUN)\b"),
    ("Hebrew", r"\bHebDub(?:bed)?\b"),
    ("Polish", r"\b(?:PL\W?DUB|DUB\W?PL|LEK\W?PL|PL\W?LEK)\b"),
    ("Chinese", r"\[(?:CH[ST]|BIG5|GB)\]|简|繁|字幕|国语音轨"),
    ("Bulgarian", r"\bbg\W?audio\b"),
    ("Spanish", r"\b(?:español|castellano|esp|spa(?!\(Latino\)))\b"),
    ("Ukrainian", r"\b(?:\dx?)?ukr"),
    ("Thai", r"\bTHAI\b"),
    ("Romanian", r"\b(?:RoDubbed|ROMANIAN)\b"),
    ("Catalan", r"[-,. ]cat[. ](?:DD|subs)"),
    ("Latvian", r"\b(?:lat|lav|lv)\b"),
    ("Turkish", r"\btur\b"),
    ("Urdu", r"\burdu\b"),
    ("Romansh", r"\b(?:romansh|rumantsch|romansch)\b"),
    ("Georgian", r"\b(?:geo|ka|kat|georgian)\b"),
    ("Japanese", r"\(JA\)|JAP|JPN"),
    ("Portuguese", r"[_. ]por[_. ]"),
    ("Portuguese (Brazil)", r"\bpt[-_. ]?br\b"),
    ("Korean", r"\bkor\b"),
    ("Vietnamese", r"\bVIE\b"),
    ("Telugu", r"\btel\b"),
    ("Original", r"\b(?:orig|original)\b"),
)
_TAG_BODY = "|".join(f"(?P<t{i}>{body})" for i, (_, body) in enumerate(_TAGS))
_TAG_ANY = "|".join(f"(?:{body})" for _, body in _TAGS)
_TAG_RE = re.compile(f"(?:{_TAG_BODY})(?!(?:[-_. ](?:{_TAG_ANY}))*[-_. ]subs?)", _I)
_TAG_LANGUAGES = tuple(lang(name) for name, _ in _TAGS)

# Short upper-case codes: only as written in capitals, not next to "SUB", and "ES" not as in "DTS-ES".
_CAPS: tuple[tuple[str, str], ...] = (
    ("LT", "Lithuanian"),
    ("CZ", "Czech"),
    ("PL", "Polish"),
    ("BG", "Bulgarian"),
    ("SK", "Slovak"),
    ("DE", "German"),
    ("ES", "Spanish"),
)
_CAPS_CODES = "|".join(code for code, _ in _CAPS)
_SUB = "[Ss][Uu][Bb]"
_CAPS_RE = re.compile(rf"(?<!{_SUB}[-_. ])(?<!DTS[-_. ])\b(?P<code>{_CAPS_CODES})\b(?![-_. ]{_SUB})")
_CAPS_LANGUAGES = {code: lang(name) for code, name in _CAPS}

_GERMAN = lang("German")
_ENGLISH = lang("English")
_GERMAN_DL_RE = re.compile(r"(?<!WEB[-_. ])(?<!WEB)\bDL\b", _I)
_GERMAN_ML_RE = re.compile(r"\bML\b", _I)

_WORD_LANGUAGES = tuple((words, lang(name)) for words, name in _WORDS)


def parse_languages(title: str) -> list[Language]:
    """Return the languages a release title names, in Radarr's order; [Unknown] when it names none."""
    lower = title.lower()
    found: list[Language] = [
        language for words, language in _WORD_LANGUAGES if any(w in lower for w in words)
    ]
    for match in _CAPS_RE.finditer(title):
        found.append(_CAPS_LANGUAGES[match.group("code")])
    for match in _TAG_RE.finditer(title):
        if match.lastgroup is not None:
            found.append(_TAG_LANGUAGES[int(match.lastgroup[1:])])
    if "english" in lower:
        found.append(_ENGLISH)
    if not found:
        return [UNKNOWN]
    if len(found) == 1 and found[0] == _GERMAN:
        if _GERMAN_DL_RE.search(title):
            found.append(ORIGINAL)
        elif _GERMAN_ML_RE.search(title):
            found.extend((ORIGINAL, _ENGLISH))
    unique: list[Language] = []
    for language in found:
        if language not in unique:
            unique.append(language)
    return unique


__all__ = ["ALL_LANGUAGES", "find_iso_language", "parse_languages"]
