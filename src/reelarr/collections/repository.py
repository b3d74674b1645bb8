"""Collection rows to values and back."""

from __future__ import annotations

from datetime import datetime

from reelarr.collections.model import Collection, CollectionMovie, NewCollection
from reelarr.collections.tables import CollectionMovieRow, CollectionRow
from reelarr.metadata.models import CollectionMetadata, MovieSearchResult
from reelarr.movies.model import MinimumAvailability
from reelarr.movies.naming import sort_title
from reelarr.movies.repository import images_from_json, images_to_json, ratings_from_json, ratings_to_json
from reelarr.parsing.clean import clean_title


def to_collection(row: CollectionRow, movies: list[CollectionMovieRow]) -> Collection:
    """A stored collection with its films, oldest first."""
    return Collection(
        id=row.id,
        tmdb_id=row.tmdb_id,
        title=row.title,
        sort_title=row.sort_title,
        overview=row.overview,
        monitored=row.monitored,
        quality_profile_id=row.quality_profile_id,
        root_folder_path=row.root_folder_path,
        minimum_availability=MinimumAvailability(row.minimum_availability),
        search_on_add=row.search_on_add,
        added=row.added,
        tags=tuple(row.tags),
        images=images_from_json(row.images),
        last_info_sync=row.last_info_sync,
        movies=tuple(to_collection_movie(m) for m in sorted(movies, key=_release_order)),
    )


def _release_order(row: CollectionMovieRow) -> tuple[bool, str, int]:
    return (row.release_date is None, row.release_date.isoformat() if row.release_date else "", row.tmdb_id)


def to_collection_movie(row: CollectionMovieRow) -> CollectionMovie:
    """A stored film of a collection."""
    return CollectionMovie(
        tmdb_id=row.tmdb_id,
        title=row.title,
        original_title=row.original_title,
        sort_title=row.sort_title,
        overview=row.overview,
        year=row.year,
        release_date=row.release_date,
        images=images_from_json(row.images),
        ratings=ratings_from_json(row.ratings),
    )


def new_row(new: NewCollection, now: datetime) -> CollectionRow:
    """The row of a collection first seen on a film; TMDB fills the rest when it is refreshed."""
    return CollectionRow(
        tmdb_id=new.tmdb_id,
        title=new.title,
        clean_title=clean_title(new.title),
        sort_title=sort_title(new.title),
        overview="",
        images=[],
        monitored=new.monitored,
        quality_profile_id=new.quality_profile_id,
        root_folder_path=new.root_folder_path,
        minimum_availability=new.minimum_availability.value,
        search_on_add=new.search_on_add,
        tags=list(new.tags),
        added=now,
        last_info_sync=None,
    )


def apply_collection_metadata(row: CollectionRow, info: CollectionMetadata, now: datetime) -> None:
    """Take TMDB's title, overview and images; the user's options stay."""
    row.title = info.name or row.title
    row.clean_title = clean_title(row.title)
    row.sort_title = sort_title(row.title)
    row.overview = info.overview
    row.images = images_to_json(info.images)
    row.last_info_sync = now


def movie_row(collection_id: int, part: MovieSearchResult) -> CollectionMovieRow:
    """The row of one film TMDB lists in a collection."""
    return CollectionMovieRow(
        collection_id=collection_id,
        tmdb_id=part.tmdb_id,
        title=part.title,
        original_title=part.original_title,
        sort_title=sort_title(part.title),
        overview=part.overview,
        year=part.year or 0,
        release_date=part.release_date,
        images=images_to_json(part.images),
        ratings=ratings_to_json(part.ratings),
    )
