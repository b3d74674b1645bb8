"""Collections as the rest of Reelarr sees them: plain values, no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from reelarr.metadata.models import Image, Ratings
from reelarr.movies.model import MinimumAvailability


@dataclass(frozen=True, slots=True)
class CollectionMovie:
    """A film of a collection as TMDB lists it."""

    tmdb_id: int
    title: str
    original_title: str
    sort_title: str
    overview: str
    year: int  # 0 when TMDB gives no date
    release_date: date | None = None
    images: tuple[Image, ...] = ()
    ratings: Ratings = field(default_factory=Ratings)


@dataclass(frozen=True, slots=True)
class Collection:
    """A TMDB collection with a film in the library, and how its other films are added when monitored."""

    id: int
    tmdb_id: int
    title: str
    sort_title: str
    overview: str
    monitored: bool
    quality_profile_id: int
    root_folder_path: str
    minimum_availability: MinimumAvailability
    search_on_add: bool
    added: datetime
    tags: tuple[int, ...] = ()
    images: tuple[Image, ...] = ()
    last_info_sync: datetime | None = None
    movies: tuple[CollectionMovie, ...] = ()


@dataclass(frozen=True, slots=True)
class CollectionEdit:
    """Changes to collections' options; None leaves a value as it is."""

    monitored: bool | None = None
    search_on_add: bool | None = None
    quality_profile_id: int | None = None
    root_folder_path: str | None = None
    minimum_availability: MinimumAvailability | None = None
    tags: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class NewCollection:
    """A collection first seen on a film of the library, with that film's options as its own."""

    tmdb_id: int
    title: str
    quality_profile_id: int
    root_folder_path: str
    minimum_availability: MinimumAvailability
    tags: tuple[int, ...] = ()
    monitored: bool = False
    search_on_add: bool = False
