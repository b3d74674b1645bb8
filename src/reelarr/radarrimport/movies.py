"""A Radarr MovieResource as the metadata and settings Reelarr stores for a film (no TMDB call)."""

from __future__ import annotations

from datetime import date
from typing import Any

from reelarr.metadata.models import (
    AlternativeTitle,
    CollectionRef,
    CoverType,
    Image,
    MovieMetadata,
    Rating,
    Ratings,
)
from reelarr.movies.model import MinimumAvailability

Json = dict[str, Any]

# Radarr's movie status, as the TMDB status Reelarr keeps (its own status is worked out from dates).
_TMDB_STATUS = {
    "released": "Released",
    "incinemas": "Released",
    "announced": "Planned",
    "tba": "Rumored",
    "deleted": "Deleted",
}
_COVER_TYPES = {kind.value: kind for kind in CoverType}


def _date(value: Any) -> date | None:
    """The date of Radarr's "2019-05-01T00:00:00Z"; None for a missing or unreadable one."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _rating(value: Any) -> Rating | None:
    if not isinstance(value, dict) or not value.get("votes"):
        return None
    return Rating(float(value.get("value") or 0.0), int(value.get("votes") or 0))


def _images(value: Any) -> tuple[Image, ...]:
    images = []
    for image in value if isinstance(value, list) else []:
        kind = _COVER_TYPES.get(str(image.get("coverType", "")).lower())
        url = image.get("remoteUrl") or image.get("url")
        if kind is not None and isinstance(url, str) and url.startswith("http"):
            images.append(Image(kind, url))
    return tuple(images)


def _alternative_titles(value: Any) -> tuple[AlternativeTitle, ...]:
    return tuple(
        AlternativeTitle(str(alt["title"]))
        for alt in (value if isinstance(value, list) else [])
        if isinstance(alt, dict) and alt.get("title")
    )


def _collection(value: Any) -> CollectionRef | None:
    if not isinstance(value, dict) or not value.get("tmdbId"):
        return None
    return CollectionRef(int(value["tmdbId"]), str(value.get("title") or ""))


def _language_code(value: Any) -> str:
    """Radarr sends the original language as {id, name}, ids Reelarr shares; its ISO code, English
    when unknown (a refresh sets it from TMDB)."""
    from reelarr.languages import iso_of, language_by_id

    language_id = value.get("id") if isinstance(value, dict) else None
    found = language_by_id(language_id) if isinstance(language_id, int) else None
    iso = iso_of(found) if found is not None else None
    return iso.two_letter if iso is not None and iso.two_letter else "en"


def movie_metadata(resource: Json) -> MovieMetadata:
    """What Radarr's MovieResource says about the film, in the shape a TMDB fetch gives."""
    ratings = resource.get("ratings") or {}
    year = resource.get("year")
    return MovieMetadata(
        tmdb_id=int(resource["tmdbId"]),
        imdb_id=resource.get("imdbId") or None,
        title=str(resource.get("title") or ""),
        original_title=str(resource.get("originalTitle") or resource.get("title") or ""),
        original_language=_language_code(resource.get("originalLanguage")),
        overview=str(resource.get("overview") or ""),
        year=int(year) if isinstance(year, int) and year > 0 else None,
        runtime=int(resource.get("runtime") or 0),
        status=_TMDB_STATUS.get(str(resource.get("status", "")).lower(), "Rumored"),
        release_date=_date(resource.get("releaseDate")),
        in_cinemas=_date(resource.get("inCinemas")),
        digital_release=_date(resource.get("digitalRelease")),
        physical_release=_date(resource.get("physicalRelease")),
        certification=resource.get("certification") or None,
        studio=resource.get("studio") or None,
        genres=tuple(str(g) for g in resource.get("genres") or ()),
        ratings=Ratings(tmdb=_rating(ratings.get("tmdb")), imdb=_rating(ratings.get("imdb"))),
        alternative_titles=_alternative_titles(resource.get("alternateTitles")),
        images=_images(resource.get("images")),
        collection=_collection(resource.get("collection")),
        keywords=tuple(str(k) for k in resource.get("keywords") or ()),
        popularity=float(resource.get("popularity") or 0.0),
        youtube_trailer_id=resource.get("youTubeTrailerId") or None,
        website=resource.get("website") or None,
    )


def minimum_availability(value: Any) -> MinimumAvailability:
    """Radarr's minimumAvailability ("tba", "announced", "inCinemas", "released"; "preDB" of old
    Radarrs counts as released)."""
    for choice in MinimumAvailability:
        if str(value).lower() == choice.value.lower():
            return choice
    return MinimumAvailability.RELEASED
