"""What a metadata source says about a film: typed, immutable, independent of TMDB's JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum, StrEnum


class CoverType(StrEnum):
    """Image kinds, named as Radarr's `coverType`."""

    POSTER = "poster"
    FANART = "fanart"
    CLEARLOGO = "clearlogo"
    HEADSHOT = "headshot"


class ReleaseType(IntEnum):
    """TMDB's release types."""

    PREMIERE = 1
    THEATRICAL_LIMITED = 2
    THEATRICAL = 3
    DIGITAL = 4
    PHYSICAL = 5
    TV = 6


@dataclass(frozen=True, slots=True)
class Image:
    """One image; `remote_url` is where the metadata source serves it."""

    cover_type: CoverType
    remote_url: str


@dataclass(frozen=True, slots=True)
class Rating:
    """An average score and how many votes it comes from."""

    value: float
    votes: int


@dataclass(frozen=True, slots=True)
class Ratings:
    """Scores by source; IMDb's is None when the source does not give it (TMDB does not)."""

    tmdb: Rating | None = None
    imdb: Rating | None = None


@dataclass(frozen=True, slots=True)
class AlternativeTitle:
    """Another title the film is known by; `country` is ISO 3166-1 ("" when unknown)."""

    title: str
    country: str = ""
    note: str = ""  # TMDB's `type`, e.g. "working title", "short title"


@dataclass(frozen=True, slots=True)
class ReleaseDate:
    """One dated release in one country."""

    country: str  # ISO 3166-1
    type: ReleaseType
    date: date
    certification: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class CollectionRef:
    """The collection a film belongs to."""

    tmdb_id: int
    name: str
    images: tuple[Image, ...] = ()


@dataclass(frozen=True, slots=True)
class CastMember:
    """An actor and the part played."""

    tmdb_person_id: int
    name: str
    character: str
    order: int
    image: str | None = None  # headshot URL
    credit_id: str = ""  # TMDB's id of this credit


@dataclass(frozen=True, slots=True)
class CrewMember:
    """Someone behind the camera and their job."""

    tmdb_person_id: int
    name: str
    department: str
    job: str
    image: str | None = None
    credit_id: str = ""


@dataclass(frozen=True, slots=True)
class MovieMetadata:
    """Everything Reelarr keeps about a film from its metadata source."""

    tmdb_id: int
    imdb_id: str | None
    title: str
    original_title: str
    original_language: str  # ISO 639-1, e.g. "en", "ja"
    overview: str
    year: int | None
    runtime: int  # minutes; 0 when unknown
    status: str  # TMDB's: Rumored, Planned, In Production, Post Production, Released, Canceled
    release_date: date | None  # TMDB's primary release date
    in_cinemas: date | None
    digital_release: date | None
    physical_release: date | None
    certification: str | None
    studio: str | None
    genres: tuple[str, ...] = ()
    ratings: Ratings = Ratings()
    alternative_titles: tuple[AlternativeTitle, ...] = ()
    release_dates: tuple[ReleaseDate, ...] = ()
    images: tuple[Image, ...] = ()
    collection: CollectionRef | None = None
    cast: tuple[CastMember, ...] = ()
    crew: tuple[CrewMember, ...] = ()
    recommendations: tuple[int, ...] = ()  # TMDB ids
    keywords: tuple[str, ...] = ()
    popularity: float = 0.0
    youtube_trailer_id: str | None = None
    website: str | None = None
    tagline: str = ""
    adult: bool = False


@dataclass(frozen=True, slots=True)
class MovieSearchResult:
    """One hit of a search or a find: enough to show and to pick, not the whole film."""

    tmdb_id: int
    title: str
    original_title: str
    original_language: str
    overview: str
    year: int | None
    release_date: date | None
    popularity: float = 0.0
    ratings: Ratings = Ratings()
    images: tuple[Image, ...] = ()
    adult: bool = False


@dataclass(frozen=True, slots=True)
class MovieSearchPage:
    """One page of search results."""

    page: int
    total_pages: int
    total_results: int
    results: tuple[MovieSearchResult, ...] = ()


@dataclass(frozen=True, slots=True)
class CollectionMetadata:
    """A collection and the films in it, oldest first."""

    tmdb_id: int
    name: str
    overview: str
    images: tuple[Image, ...] = ()
    parts: tuple[MovieSearchResult, ...] = ()
