"""/api/v3/collection: the TMDB collections of the library's films, as Radarr's CollectionResource."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Annotated

from fastapi import Body, Depends, Query
from pydantic import BeforeValidator, Field

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.api.v3.mediacover import MediaCoverResource
from reelarr.collections.model import Collection, CollectionEdit, CollectionMovie
from reelarr.collections.sync import missing_count, part_status
from reelarr.metadata.models import Image, Ratings
from reelarr.movies.availability import movie_status
from reelarr.movies.model import MinimumAvailability, Movie, MovieStatus
from reelarr.movies.naming import sort_title
from reelarr.parsing.clean import clean_title
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/collection", tags=["Collection"])
ServicesDep = Annotated[Services, Depends(get_services)]


class RatingResource(Resource):
    """A score and its votes, from one source."""

    votes: int = 0
    value: float = 0.0
    type: str = "user"


class RatingsResource(Resource):
    """Scores by source."""

    imdb: RatingResource | None = None
    tmdb: RatingResource | None = None


class CollectionMovieResource(Resource):
    """A film of a collection, in the library (`isExisting`) or not."""

    tmdb_id: int
    imdb_id: str | None = None
    title: str
    clean_title: str
    sort_title: str
    status: MovieStatus
    overview: str
    runtime: int = 0
    images: list[MediaCoverResource] = Field(default_factory=list)
    year: int
    ratings: RatingsResource = Field(default_factory=RatingsResource)
    genres: list[str] = Field(default_factory=list)
    folder: str | None = None
    is_existing: bool
    is_excluded: bool


class CollectionResource(Resource):
    """A collection: its TMDB data, the options its films are added with, and its films."""

    id: int
    title: str
    sort_title: str
    tmdb_id: int
    images: list[MediaCoverResource] = Field(default_factory=list)
    overview: str
    monitored: bool
    root_folder_path: str
    quality_profile_id: int
    search_on_add: bool
    minimum_availability: MinimumAvailability
    movies: list[CollectionMovieResource] = Field(default_factory=list)
    missing_movies: int = 0
    tags: list[int] = Field(default_factory=list)


def _availability(value: object) -> object:
    """Radarr reads its enums whatever their case ("InCinemas", "released")."""
    if isinstance(value, str):
        for option in MinimumAvailability:
            if option.value.lower() == value.lower():
                return option.value
    return value


Availability = Annotated[MinimumAvailability | None, BeforeValidator(_availability)]


class CollectionInput(Resource):
    """A changed collection (PUT /collection/{id}); the options left out stay as they are."""

    monitored: bool | None = None
    search_on_add: bool | None = None
    quality_profile_id: int | None = None
    root_folder_path: str | None = None
    minimum_availability: Availability = None
    tags: list[int] | None = None


class CollectionUpdateResource(Resource):
    """Radarr's collection editor: options set on several collections at once."""

    collection_ids: list[int] = Field(default_factory=list)
    monitored: bool | None = None
    monitor_movies: bool | None = None
    search_on_add: bool | None = None
    quality_profile_id: int | None = None
    root_folder_path: str | None = None
    minimum_availability: Availability = None


def _ratings(ratings: Ratings) -> RatingsResource:
    found = {
        source: RatingResource(votes=rating.votes, value=rating.value)
        for source in ("imdb", "tmdb")
        if (rating := getattr(ratings, source)) is not None
    }
    return RatingsResource(**found)


def _images(services: Services, images: Iterable[Image]) -> list[MediaCoverResource]:
    return [MediaCoverResource(**link) for link in services.media_covers.links(None, images)]


def _library_status(movie: Movie, today: date) -> MovieStatus:
    return movie_status(
        in_cinemas=movie.in_cinemas,
        digital=movie.digital_release,
        physical=movie.physical_release,
        tmdb_status=movie.tmdb_status,
        today=today,
    )


def _movie(
    services: Services, part: CollectionMovie, movie: Movie | None, excluded: set[int], today: date
) -> CollectionMovieResource:
    """A film of a collection; one in the library shows the library's fuller data."""
    common = {
        "tmdb_id": part.tmdb_id,
        "is_existing": movie is not None,
        "is_excluded": part.tmdb_id in excluded,
    }
    if movie is not None:
        return CollectionMovieResource(
            **common,
            imdb_id=movie.imdb_id,
            title=movie.title,
            clean_title=movie.clean_title,
            sort_title=movie.sort_title,
            status=_library_status(movie, today),
            overview=movie.overview,
            runtime=movie.runtime,
            images=_images(services, movie.images),
            year=movie.year,
            ratings=_ratings(movie.ratings),
            genres=list(movie.genres),
            folder=os.path.basename(movie.path),
        )
    return CollectionMovieResource(
        **common,
        title=part.title,
        clean_title=clean_title(part.title),
        sort_title=sort_title(part.title),
        status=part_status(part, today),
        overview=part.overview,
        images=_images(services, part.images),
        year=part.year,
        ratings=_ratings(part.ratings),
    )


async def collection_resources(
    services: Services, collections: Sequence[Collection]
) -> list[CollectionResource]:
    """The API view of collections, each film marked in the library or excluded."""
    in_library = await services.movies.by_tmdb_ids(m.tmdb_id for c in collections for m in c.movies)
    excluded = await services.exclusions.excluded_ids()
    today = services.clock().date()
    return [
        CollectionResource(
            id=c.id,
            title=c.title,
            sort_title=c.sort_title,
            tmdb_id=c.tmdb_id,
            images=_images(services, c.images),
            overview=c.overview,
            monitored=c.monitored,
            root_folder_path=c.root_folder_path,
            quality_profile_id=c.quality_profile_id,
            search_on_add=c.search_on_add,
            minimum_availability=c.minimum_availability,
            movies=[_movie(services, m, in_library.get(m.tmdb_id), excluded, today) for m in c.movies],
            missing_movies=missing_count(c.movies, in_library, excluded),
            tags=list(c.tags),
        )
        for c in collections
    ]


async def _refresh_monitored(services: Services, collections: Sequence[Collection]) -> None:
    """A monitored collection adds its missing films now, as Radarr's editor does."""
    monitored = [c.id for c in collections if c.monitored]
    if monitored:
        await services.commands.enqueue("RefreshCollections", {"collectionIds": monitored})


@router.get("")
async def list_collections(
    services: ServicesDep, tmdb_id: Annotated[int | None, Query(alias="tmdbId")] = None
) -> list[CollectionResource]:
    """Every collection, or the one with this TMDB id (none when the library has no such collection)."""
    library = services.collections.collections
    if tmdb_id is None:
        found = await library.all()
    else:
        one = await library.find_by_tmdb_id(tmdb_id)
        found = [one] if one is not None else []
    return await collection_resources(services, found)


@router.get("/{id}")
async def get_collection(id: int, services: ServicesDep) -> CollectionResource:
    """One collection."""
    [resource] = await collection_resources(services, [await services.collections.collections.get(id)])
    return resource


@router.put("/{id}", status_code=202)
async def update_collection(
    id: int, services: ServicesDep, body: Annotated[CollectionInput, Body()]
) -> CollectionResource:
    """Change a collection's options; monitoring it adds its missing films."""
    library = services.collections.collections
    before = await library.get(id)
    edit = CollectionEdit(
        monitored=body.monitored,
        search_on_add=body.search_on_add,
        quality_profile_id=body.quality_profile_id,
        root_folder_path=body.root_folder_path,
        minimum_availability=body.minimum_availability,
        tags=tuple(body.tags) if body.tags is not None else None,
    )
    [after] = await library.update_many([id], edit)
    if after.monitored and not before.monitored:
        await _refresh_monitored(services, [after])
    [resource] = await collection_resources(services, [after])
    return resource


@router.put("", status_code=202)
async def update_collections(
    services: ServicesDep, body: Annotated[CollectionUpdateResource, Body()]
) -> list[CollectionResource]:
    """Set options on several collections (a blank root folder is left as it is); `monitorMovies`
    monitors or unmonitors their films in the library."""
    library = services.collections.collections
    root = body.root_folder_path if body.root_folder_path and body.root_folder_path.strip() else None
    edit = CollectionEdit(
        monitored=body.monitored,
        search_on_add=body.search_on_add,
        quality_profile_id=body.quality_profile_id,
        root_folder_path=root,
        minimum_availability=body.minimum_availability,
    )
    updated = await library.update_many(body.collection_ids, edit)
    if body.monitor_movies is not None:
        films = await services.movies.by_tmdb_ids(m.tmdb_id for c in updated for m in c.movies)
        await services.movies.set_monitored([movie.id for movie in films.values()], body.monitor_movies)
    await _refresh_monitored(services, updated)
    return await collection_resources(services, updated)
