"""Metadata sources: the TMDB client and the models it returns."""

from reelarr.metadata.models import (
    AlternativeTitle,
    CastMember,
    CollectionMetadata,
    CollectionRef,
    CoverType,
    CrewMember,
    Image,
    MovieMetadata,
    MovieSearchPage,
    MovieSearchResult,
    Rating,
    Ratings,
    ReleaseDate,
    ReleaseType,
)
from reelarr.metadata.tmdb import TMDB_POLICY, TmdbClient, TmdbConfig

__all__ = [
    "TMDB_POLICY",
    "AlternativeTitle",
    "CastMember",
    "CollectionMetadata",
    "CollectionRef",
    "CoverType",
    "CrewMember",
    "Image",
    "MovieMetadata",
    "MovieSearchPage",
    "MovieSearchResult",
    "Rating",
    "Ratings",
    "ReleaseDate",
    "ReleaseType",
    "TmdbClient",
    "TmdbConfig",
]
