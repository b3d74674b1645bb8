"""The rule for tag labels: Radarr's lower-casing, with a wider alphabet (API-COMPAT §7 decision 1).

Radarr allows only `a-z`, `0-9` and `-`; Reelarr also takes letters of any script, digits, spaces
and `_`, so Overseerr's per-user tags (`"1 - alice"`) work.
"""

from __future__ import annotations

import unicodedata

from reelarr.errors import ValidationFailed

MAX_LABEL_LENGTH = 100
_PUNCTUATION = frozenset(" -_")
ALLOWED = "Allowed characters: letters, digits, spaces, - and _"


def _allowed(char: str) -> bool:
    # Marks (M*) belong to letters in many scripts (Devanagari vowel signs, decomposed accents).
    return char in _PUNCTUATION or unicodedata.category(char)[0] in "LM" or unicodedata.category(char) == "Nd"


def _shown(label: str | None) -> str | None:
    # A lone surrogate cannot be written as UTF-8 JSON; echoing it would break the error answer.
    return None if label is None or any(unicodedata.category(c) == "Cs" for c in label) else label


def clean_label(label: str | None) -> str:
    """The stored form of a label (trimmed, lower-cased, NFC), or ValidationFailed on `label`."""
    text = unicodedata.normalize("NFC", (label or "").strip().lower())
    if not text:
        raise ValidationFailed.single("label", "'Label' must not be empty.", _shown(label))
    if not all(_allowed(c) for c in text):
        raise ValidationFailed.single("label", ALLOWED, _shown(label))
    if len(text) > MAX_LABEL_LENGTH:
        raise ValidationFailed.single(
            "label",
            f"The length of 'Label' must be {MAX_LABEL_LENGTH} characters or fewer. "
            f"You entered {len(text)} characters.",
            _shown(label),
        )
    return text
