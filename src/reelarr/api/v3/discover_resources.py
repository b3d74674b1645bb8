"""Radarr's ImportListMoviesResource: one film Discover offers (from the lists, recommended by TMDB for
the library, or on TMDB's trending or popular charts), with its details when TMDB gave them, and
whether it is excluded or in the library."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from reelarr.api.resource import Resource
from reelarr.api.v3.movie_resources import (
    ResourceContext,
    lookup_resource_from_metadata,
    lookup_resource_from_search,
)
from reelarr.importlists.model import OfferedMovie
from reelarr.metadata.models import MovieMetadata, MovieSearchResult
from reelarr.movies.naming import sort_title
from reelarr.naming.subject import NamedMovie


class ImportListMoviesResource(Resource):
    """A film the lists offer or TMDB recommends, with which lists offer it."""

    tmdb_id: int
    imdb_id: str | None = None
    title: str
    sort_title: str = ""
    original_title: str | None = None
    original_language: dict[str, Any] | None = None
    status: str | None = None
    overview: str = ""
    in_cinemas: str | None = None
    physical_release: str | None = None
    digital_release: str | None = None
    images: list[dict[str, Any]] = Field(default_factory=list)
    website: str | None = None
    remote_poster: str | None = None
    year: int
    you_tube_trailer_id: str | None = None
    studio: str | None = None
    runtime: int = 0
    folder: str | None = None
    certification: str | None = None
    popularity: float = 0.0
    genres: list[str] = Field(default_factory=list)
    ratings: dict[str, Any] = Field(default_factory=dict)
    collection: dict[str, Any] | None = None
    is_excluded: bool
    is_existing: bool
    is_recommendation: bool = False
    is_trending: bool = False
    is_popular: bool = False
    lists: list[int] = Field(default_factory=list)


def discover_resource(
    tmdb_id: int,
    offered: OfferedMovie | None,
    details: MovieMetadata | None,
    ctx: ResourceContext,
    *,
    lists: list[int],
    excluded: bool,
    existing: bool,
    recommended: bool,
    trending: bool = False,
    popular: bool = False,
    charted: MovieSearchResult | None = None,
) -> ImportListMoviesResource:
    """One film's resource: from TMDB's details when there are some, else from what its chart or its
    list says."""
    flags = {
        "isExcluded": excluded,
        "isExisting": existing,
        "isRecommendation": recommended,
        "isTrending": trending,
        "isPopular": popular,
        "lists": lists,
    }
    if details is not None:
        return ImportListMoviesResource.model_validate(lookup_resource_from_metadata(details, ctx) | flags)
    if charted is not None:
        return ImportListMoviesResource.model_validate(lookup_resource_from_search(charted, ctx) | flags)
    assert offered is not None, "a recommendation is only offered with TMDB's details"
    named = NamedMovie(title=offered.title, year=offered.year, tmdb_id=tmdb_id, imdb_id=offered.imdb_id)
    return ImportListMoviesResource.model_validate(
        {
            "tmdbId": tmdb_id,
            "imdbId": offered.imdb_id,
            "title": offered.title,
            "sortTitle": sort_title(offered.title),
            "year": offered.year,
            "folder": ctx.folder_name(named),
        }
        | flags
    )
