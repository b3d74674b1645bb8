"""Movies as the rest of Reelarr sees them: plain values, no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from reelarr.languages import Language
from reelarr.metadata.models import Image, Ratings
from reelarr.quality.revision import QualityModel


class MovieStatus(StrEnum):
    """Where a film is in its life (Radarr's values)."""

    TBA = "tba"
    ANNOUNCED = "announced"
    IN_CINEMAS = "inCinemas"
    RELEASED = "released"
    DELETED = "deleted"


class MinimumAvailability(StrEnum):
    """When a wanted film may be grabbed."""

    TBA = "tba"
    ANNOUNCED = "announced"
    IN_CINEMAS = "inCinemas"
    RELEASED = "released"


class AddMethod(StrEnum):
    """How a film came into the library (Radarr's AddMovieMethod, told by MovieAdded notifications)."""

    MANUAL = "manual"
    LIST = "list"
    COLLECTION = "collection"


@dataclass(frozen=True, slots=True)
class AlternativeTitle:
    """Another title a movie is known by."""

    title: str
    clean_title: str
    country: str = ""
    source_type: str = "tmdb"
    id: int = 0


@dataclass(frozen=True, slots=True)
class MovieFile:
    """The file of a movie in its folder."""

    id: int
    movie_id: int
    relative_path: str
    size: int
    date_added: datetime
    quality: QualityModel
    languages: tuple[Language, ...]
    scene_name: str | None = None
    release_group: str | None = None
    edition: str | None = None
    media_info: dict[str, Any] | None = None
    original_file_path: str | None = None
    indexer_flags: int = 0


@dataclass(frozen=True, slots=True)
class Movie:
    """A film in the library."""

    id: int
    tmdb_id: int
    imdb_id: str | None
    title: str
    original_title: str
    sort_title: str
    clean_title: str
    year: int
    overview: str
    runtime: int
    tmdb_status: str
    original_language: Language
    monitored: bool
    minimum_availability: MinimumAvailability
    quality_profile_id: int
    path: str
    root_folder_path: str
    added: datetime
    secondary_year: int | None = None
    studio: str | None = None
    certification: str | None = None
    website: str | None = None
    youtube_trailer_id: str | None = None
    genres: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    ratings: Ratings = field(default_factory=Ratings)
    images: tuple[Image, ...] = ()
    recommendations: tuple[int, ...] = ()
    popularity: float = 0.0
    collection_tmdb_id: int | None = None
    collection_title: str | None = None
    in_cinemas: date | None = None
    digital_release: date | None = None
    physical_release: date | None = None
    release_date: date | None = None
    tags: tuple[int, ...] = ()
    last_info_sync: datetime | None = None
    last_search_time: datetime | None = None
    alternative_titles: tuple[AlternativeTitle, ...] = field(default=(), compare=False)

    @property
    def title_slug(self) -> str:
        """Radarr's slug for a movie: its TMDB id."""
        return str(self.tmdb_id)


@dataclass(frozen=True, slots=True)
class MovieKeys:
    """What a film is known by when releases are matched to it: its ids, titles and years."""

    id: int
    tmdb_id: int
    imdb_id: str | None
    title: str
    original_title: str
    clean_title: str
    year: int
    secondary_year: int | None = None
    alternative_titles: tuple[AlternativeTitle, ...] = ()
