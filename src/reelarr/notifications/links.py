"""Radarr's MetadataLinkType: the film's pages (TMDb, IMDb, Trakt) a text notification may link to."""

from __future__ import annotations

from typing import Any

from reelarr.errors import ValidationFailure
from reelarr.providers.fields import SelectOption

TMDB, IMDB, TRAKT = 0, 1, 2
_LABELS = {TMDB: "TMDb", IMDB: "IMDb", TRAKT: "Trakt"}


def metadata_link_options() -> list[SelectOption]:
    """The choices as Radarr's schema lists them (each a FieldOption: hinted "(value)", order 0)."""
    return [SelectOption(value=v, name=name, order=0, hint=f"({v})") for v, name in _LABELS.items()]


def valid_metadata_links(property_name: str, links: list[int]) -> list[ValidationFailure]:
    """Radarr's rule: every link is a MetadataLinkType."""
    return [
        ValidationFailure(property_name, f"MetadataLink is not valid: {link}", link)
        for link in links
        if link not in _LABELS
    ]


def metadata_link(kind: int, movie: dict[str, Any]) -> tuple[str, str] | None:
    """The label and address of one of the film's pages (as the payload's movie names it), None when
    the film lacks the id it needs."""
    tmdb_id = movie.get("tmdbId") or 0
    imdb_id = str(movie.get("imdbId") or "").strip()
    if kind == TMDB and isinstance(tmdb_id, int) and tmdb_id > 0:
        return "TMDb", f"https://www.themoviedb.org/movie/{tmdb_id}"
    if kind == IMDB and imdb_id:
        return "IMDb", f"https://www.imdb.com/title/{imdb_id}"
    if kind == TRAKT and isinstance(tmdb_id, int) and tmdb_id > 0:
        return "Trakt", f"https://trakt.tv/search/tmdb/{tmdb_id}?id_type=movie"
    return None
