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

# Tags matched as words, ignoring case, each with the substrings it cannot match without (a cheap
# pre-check). A tag followed only by other tags and then "sub(s)" names a subtitle track, not audio.
_TAGS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("English", r"(?<!\w)(?:ing|eng|en)\b", ("en", "ing")),
    ("Italian", r"(?<!\w)(?:ita|italian)\b", ("ita",)),
    ("German", r"(?:swiss)?german\b|videomann|ger[. ]dub|\bger\b", ("ger", "videomann")),
    ("Flemish", r"flemish", ("flemish",)),
    ("Greek", r"greek", ("greek",)),
    ("French", r"(?:_|\b)(?:FR|VF|VF2|VFF|VFI|VFQ|TRUEFRENCH|FRENCH|FRE|FRA)(?:_|\b)", ("fr", "vf")),
    ("Russian", r"(?<!\w)(?:rus|ru)\b", ("ru",)),
    ("Hungarian", r"(?<!\w)(?:HUNDUB|HUN)\b", ("hun",)),
    ("Hebrew", r"(?<!\w)HebDub(?:bed)?\b", ("hebdub",)),
    ("Polish", r"(?<!\w)(?:PL\W?DUB|DUB\W?PL|LEK\W?PL|PL\W?LEK)\b", ("pl",)),
    ("Chinese", r"\[(?:CH[ST]|BIG5|GB)\]|简|繁|字幕|国语音轨", ("[", "简", "繁", "字幕", "国语音轨")),
    ("Bulgarian", r"(?<!\w)bg\W?audio\b", ("bg",)),
    (
        "Spanish",
        r"(?<!\w)(?:español|castellano|esp|spa(?!\(Latino\)))\b",
        ("español", "castellano", "esp", "spa"),
    ),
    ("Ukrainian", r"(?<!\w)(?:\dx?)?ukr", ("ukr",)),
    ("Thai", r"(?<!\w)THAI\b", ("thai",)),
    ("Romanian", r"(?<!\w)(?:RoDubbed|ROMANIAN)\b", ("rodubbed", "romanian")),
    ("Catalan", r"[-,. ]cat[. ](?:DD|subs)", ("cat",)),
    ("Latvian", r"(?<!\w)(?:lat|lav|lv)\b", ("lat", "lav", "lv")),
    ("Turkish", r"(?<!\w)tur\b", ("tur",)),
    ("Urdu", r"(?<!\w)urdu\b", ("urdu",)),
    ("Romansh", r"(?<!\w)(?:romansh|rumantsch|romansch)\b", ("roman", "rumantsch")),
    ("Georgian", r"(?<!\w)(?:geo|ka|kat|georgian)\b", ("geo", "ka")),
    ("Japanese", r"\(JA\)|JAP|JPN", ("(ja)", "jap", "jpn")),
    ("Portuguese", r"[_. ]por[_. ]", ("por",)),
    ("Portuguese (Brazil)", r"(?<!\w)pt[-_. ]?br\b", ("pt",)),
    ("Korean", r"(?<!\w)kor\b", ("kor",)),
    ("Vietnamese", r"(?<!\w)VIE\b", ("vie",)),
    ("Telugu", r"(?<!\w)tel\b", ("tel",)),
    ("Original", r"(?<!\w)(?:orig|original)\b", ("orig",)),
)
_TAG_RULES = tuple((lang(name), re.compile(body, _I), gates) for name, body, gates in _TAGS)

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
_GERMAN_ML_RE = re.compile(r"(?<!\w)ML\b", _I)

_WORD_LANGUAGES = tuple(lang(name) for _, name in _WORDS)
_WORD_RULES: dict[str, list[int]] = {}
for _index, (_words, _) in enumerate(_WORDS):
    for _word in _words:
        _WORD_RULES.setdefault(_word, []).append(_index)
# One scan finds every language word; rules then apply in their own order, as Radarr's checks do.
_ANY_WORD_RE = re.compile("|".join(re.escape(word) for word in sorted(_WORD_RULES, key=len, reverse=True)))
_GATE_RULES: dict[str, list[int]] = {}
for _index, (_, _, _gates) in enumerate(_TAGS):
    for _gate in _gates:
        _GATE_RULES.setdefault(_gate, []).append(_index)
_ANY_GATE_RE = re.compile("|".join(re.escape(gate) for gate in sorted(_GATE_RULES, key=len, reverse=True)))


def _audio_tags(title: str, lower: str) -> list[Language]:
    """Language tags in title order, except those that only name subtitles ("ENG.ITA.Subs")."""
    rules = sorted({index for gate in _ANY_GATE_RE.findall(lower) for index in _GATE_RULES[gate]})
    matches = sorted(
        (match.start(), match.end(), _TAG_RULES[index][0])
        for index in rules
        for match in _TAG_RULES[index][1].finditer(title)
    )
    by_start = {start: index for index, (start, _, _) in enumerate(matches)}
    subtitle_only = [False] * len(matches)
    for index in range(len(matches) - 1, -1, -1):
        end = matches[index][1]
        if end < len(title) and title[end] in "-_. ":
            if title[end + 1 : end + 4].lower() == "sub":
                subtitle_only[index] = True
            elif end + 1 in by_start:
                subtitle_only[index] = subtitle_only[by_start[end + 1]]
    return [language for (_, _, language), sub in zip(matches, subtitle_only, strict=True) if not sub]


def parse_languages(title: str) -> list[Language]:
    """Return the languages a release title names, in Radarr's order; [Unknown] when it names none."""
    lower = title.lower()
    word_rules = sorted({index for word in _ANY_WORD_RE.findall(lower) for index in _WORD_RULES[word]})
    found: list[Language] = [_WORD_LANGUAGES[index] for index in word_rules]
    for match in _CAPS_RE.finditer(title):
        found.append(_CAPS_LANGUAGES[match.group("code")])
    found.extend(_audio_tags(title, lower))
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
