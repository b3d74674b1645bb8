"""What a movie search asks the indexers for."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPECIAL = re.compile(r"['.\u0060\u00b4\u2018\u2019]")
_NON_WORD = re.compile(r"\W", re.UNICODE)
_THE = re.compile(r"^the\s", re.IGNORECASE)
_PLUSES = re.compile(r"\+{2,}")


def remove_accents(text: str) -> str:
    """The text with accents dropped ("Amélie" -> "Amelie")."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def clean_scene_title(title: str) -> str:
    """A title as Radarr sends it to text searches: no leading "The", "&" as "and", words joined by "+"."""
    clean = _THE.sub("", title).replace("&", "and")
    clean = _SPECIAL.sub("", clean)
    clean = _NON_WORD.sub("+", clean)
    clean = _PLUSES.sub("+", clean)
    return remove_accents(clean).strip("+ ")


@dataclass(frozen=True, slots=True)
class MovieSearch:
    """One film to search for: its ids and the titles it may be released under."""

    tmdb_id: int = 0
    imdb_id: str | None = None  # "tt0133093"
    titles: tuple[str, ...] = ()  # the original title first, then translations and alternatives
    year: int = 0

    @property
    def clean_titles(self) -> list[str]:
        """The titles cleaned for text searches, without repeats."""
        return list(dict.fromkeys(t for t in map(clean_scene_title, self.titles) if t))

    @property
    def imdb_number(self) -> str | None:
        """The IMDb id without "tt" ("0133093"), as Newznab's `imdbid` takes it."""
        return self.imdb_id[2:] if self.imdb_id and self.imdb_id.startswith("tt") else None
