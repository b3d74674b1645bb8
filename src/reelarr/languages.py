"""Radarr's language catalogue: ids, display names and ISO 639 codes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Language:
    """One language as Radarr numbers and names it."""

    id: int
    name: str

    def __str__(self) -> str:
        return self.name


# (id, display name, ISO 639-1 code, ISO 639-2/3 codes, region a bare code is bound to).
# A region means "xx-YY" only resolves for that region: Radarr has no Canadian French, so
# "fr-CA" is unknown while "en-GB" or "mn-Cyrl" resolve to the bare language.
_TABLE: tuple[tuple[int, str, str, tuple[str, ...], str], ...] = (
    (-2, "Original", "", (), ""),
    (-1, "Any", "", (), ""),
    (0, "Unknown", "", (), ""),
    (1, "English", "en", ("eng",), ""),
    (2, "French", "fr", ("fra", "fre"), "fr"),
    (3, "Spanish", "es", ("spa",), "es"),
    (4, "German", "de", ("deu", "ger"), ""),
    (5, "Italian", "it", ("ita",), ""),
    (6, "Danish", "da", ("dan",), ""),
    (7, "Dutch", "nl", ("nld", "dut"), ""),
    (8, "Japanese", "ja", ("jpn",), ""),
    (9, "Icelandic", "is", ("isl", "ice"), ""),
    (10, "Chinese", "zh", ("zho", "chi"), ""),
    (11, "Russian", "ru", ("rus",), ""),
    (12, "Polish", "pl", ("pol",), ""),
    (13, "Vietnamese", "vi", ("vie",), ""),
    (14, "Swedish", "sv", ("swe",), ""),
    (15, "Norwegian", "no", ("nor", "nob", "nno"), ""),
    (16, "Finnish", "fi", ("fin",), ""),
    (17, "Turkish", "tr", ("tur",), ""),
    (18, "Portuguese", "pt", ("por",), "pt"),
    (19, "Flemish", "", (), ""),
    (20, "Greek", "el", ("ell", "gre"), ""),
    (21, "Korean", "ko", ("kor",), ""),
    (22, "Hungarian", "hu", ("hun",), ""),
    (23, "Hebrew", "he", ("heb",), ""),
    (24, "Lithuanian", "lt", ("lit",), ""),
    (25, "Czech", "cs", ("ces", "cze"), ""),
    (26, "Hindi", "hi", ("hin",), ""),
    (27, "Romanian", "ro", ("ron", "rum"), ""),
    (28, "Thai", "th", ("tha",), ""),
    (29, "Bulgarian", "bg", ("bul",), ""),
    (30, "Portuguese (Brazil)", "pt", (), "br"),
    (31, "Arabic", "ar", ("ara",), ""),
    (32, "Ukrainian", "uk", ("ukr",), ""),
    (33, "Persian", "fa", ("fas", "per"), ""),
    (34, "Bengali", "bn", ("ben",), ""),
    (35, "Slovak", "sk", ("slk", "slo"), ""),
    (36, "Latvian", "lv", ("lav",), ""),
    (37, "Spanish (Latino)", "es", (), "mx"),
    (38, "Catalan", "ca", ("cat",), "es"),
    (39, "Croatian", "hr", ("hrv",), ""),
    (40, "Serbian", "sr", ("srp",), ""),
    (41, "Bosnian", "bs", ("bos",), ""),
    (42, "Estonian", "et", ("est",), ""),
    (43, "Tamil", "ta", ("tam",), ""),
    (44, "Indonesian", "id", ("ind",), ""),
    (45, "Telugu", "te", ("tel",), ""),
    (46, "Macedonian", "mk", ("mkd", "mac"), ""),
    (47, "Slovenian", "sl", ("slv",), ""),
    (48, "Malayalam", "ml", ("mal",), ""),
    (49, "Kannada", "kn", ("kan",), ""),
    (50, "Albanian", "sq", ("sqi", "alb"), ""),
    (51, "Afrikaans", "af", ("afr",), ""),
    (52, "Marathi", "mr", ("mar",), ""),
    (53, "Tagalog", "tl", ("tgl", "fil"), ""),
    (54, "Urdu", "ur", ("urd",), ""),
    (55, "Romansh", "rm", ("roh",), ""),
    (56, "Mongolian", "mn", ("mon", "khk", "mvf"), ""),
    (57, "Georgian", "ka", ("kat", "geo"), ""),
)

ALL_LANGUAGES: tuple[Language, ...] = tuple(Language(row[0], row[1]) for row in _TABLE)
_BY_ID = {language.id: language for language in ALL_LANGUAGES}
_BY_NAME = {language.name.lower(): language for language in ALL_LANGUAGES}

ORIGINAL = _BY_ID[-2]
ANY = _BY_ID[-1]
UNKNOWN = _BY_ID[0]


def language_by_id(language_id: int) -> Language | None:
    """Return the language with this Radarr id, or None."""
    return _BY_ID.get(language_id)


def language_by_name(name: str) -> Language | None:
    """Return the language whose display name matches, ignoring case, or None."""
    return _BY_NAME.get(name.strip().lower())


def lang(name: str) -> Language:
    """Return the language with this display name; a KeyError for an unknown name is a bug."""
    return _BY_NAME[name.lower()]


@dataclass(frozen=True, slots=True)
class IsoLanguage:
    """An ISO 639 entry bound to a Radarr language."""

    two_letter: str
    three_letter: tuple[str, ...]
    region: str
    language: Language


_ISO: tuple[IsoLanguage, ...] = tuple(
    IsoLanguage(row[2], row[3], row[4], _BY_ID[row[0]]) for row in _TABLE if row[2] or row[3]
)


def find_iso_language(code: str) -> IsoLanguage | None:
    """Find the language for an ISO 639-1/639-2 code, optionally with a region ("pt-BR")."""
    parts = code.strip().lower().split("-")
    base = parts[0]
    region = parts[1] if len(parts) > 1 else None
    if len(base) == 3 and region is None:
        return next((iso for iso in _ISO if base in iso.three_letter), None)
    if len(base) != 2:
        return None
    candidates = [iso for iso in _ISO if iso.two_letter == base]
    if region is None:
        return candidates[0] if candidates else None
    exact = next((iso for iso in candidates if iso.region == region), None)
    if exact is not None:
        return exact
    return next((iso for iso in candidates if not iso.region), None)


def iso_of(language: Language) -> IsoLanguage | None:
    """The first ISO 639 entry of a language (Radarr's IsoLanguages.Get), None for one without a code."""
    return next((iso for iso in _ISO if iso.language.id == language.id), None)


def tmdb_language(language: Language) -> str | None:
    """The `language` TMDB is asked for, from a Radarr language: "en-US" for English, "pt-BR" for
    a code bound to a region, the ISO 639-1 code otherwise; None for one without such a code."""
    if language.id == 1:
        return "en-US"
    iso = iso_of(language)
    if iso is None or not iso.two_letter:
        return None
    region = iso.region.upper() if len(iso.region) == 2 and iso.region != iso.two_letter else ""
    return f"{iso.two_letter}-{region}" if region else iso.two_letter
