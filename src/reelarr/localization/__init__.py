"""The UI's strings under Radarr's keys (en.json, made by scripts/localization_strings.py): only
English exists, so every uiLanguage answers these."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

# Radarr's identifier for its language 1 (English): the only one Reelarr's UI is written in.
LANGUAGE_IDENTIFIER = "en"


@cache
def strings() -> dict[str, str]:
    """Key → English text, as the UI shows it."""
    text = files(__package__).joinpath("en.json").read_text(encoding="utf-8")
    loaded: dict[str, str] = json.loads(text)
    return loaded
