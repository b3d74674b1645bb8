"""IMDb and TMDb ids written into release titles, and IMDb id normalisation."""

from __future__ import annotations

import re

_IMDB_RE = re.compile(r"tt(\d{7,8})", re.IGNORECASE)
_TMDB_RE = re.compile(r"tmdb(?:id)?-(\d+)", re.IGNORECASE)


def parse_imdb_id(title: str) -> str | None:
    """Return the first IMDb id ("tt1234567") written in a title, or None."""
    match = _IMDB_RE.search(title)
    return match.group(0) if match is not None else None


def parse_tmdb_id(title: str) -> int:
    """Return the TMDb id written in a title as "tmdb-123" or "tmdbid-123", or 0."""
    match = _TMDB_RE.search(title)
    if match is None:
        return 0
    value = int(match.group(1))
    return value if value <= 2**31 - 1 else 0


def normalize_imdb_id(imdb_id: str) -> str | None:
    """Turn "123", "1234567" or "tt1234567" into "tt" plus at least seven digits; None if not an id."""
    digits = imdb_id[2:] if imdb_id.startswith("tt") else imdb_id
    if not (1 <= len(digits) <= 10 and digits.isascii() and digits.isdigit()):
        return None
    if len(imdb_id) <= 2:
        return None
    return "tt" + digits.zfill(7)
