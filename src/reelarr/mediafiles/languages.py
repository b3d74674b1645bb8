"""Stream language tags as Radarr keeps them: ISO 639-2 codes, bibliographic where there are two."""

from __future__ import annotations

from reelarr.languages import find_iso_language

# ISO 639-2 has a terminology (T) and a bibliographic (B) code for these languages; Matroska files,
# and so Radarr's media info, carry the bibliographic one.
_BIBLIOGRAPHIC = {
    "sqi": "alb",
    "hye": "arm",
    "eus": "baq",
    "mya": "bur",
    "zho": "chi",
    "ces": "cze",
    "nld": "dut",
    "fra": "fre",
    "kat": "geo",
    "deu": "ger",
    "ell": "gre",
    "isl": "ice",
    "mkd": "mac",
    "mri": "mao",
    "msa": "may",
    "fas": "per",
    "ron": "rum",
    "slk": "slo",
    "bod": "tib",
    "cym": "wel",
}
_UNDETERMINED = "und"


def stream_language(code: str) -> str:
    """Normalise a stream's language tag ("fr", "fra", "fre", "fr-CA") to a three-letter code, or ""."""
    tag = code.strip().lower().replace("_", "-")
    base = tag.split("-", 1)[0]
    if len(base) == 3 and base.isalpha():
        return _BIBLIOGRAPHIC.get(base, base)
    if len(base) == 2 and base.isalpha():
        found = find_iso_language(base)
        if found is not None and found.three_letter:
            three = found.three_letter[0]
            return _BIBLIOGRAPHIC.get(three, three)
        return _UNDETERMINED
    return ""
