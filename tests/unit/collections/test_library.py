"""The collection a film brings, and what adding a collection's films asks the library for."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from reelarr.collections.library import add_requests, new_collection_of
from reelarr.collections.model import Collection
from reelarr.languages import Language
from reelarr.movies.events import MovieAdded
from reelarr.movies.model import AddMethod, MinimumAvailability, Movie
from reelarr.movies.service import AddMovie

NOW = datetime(2026, 12, 7, tzinfo=UTC)
MATRIX = Movie(
    id=7,
    tmdb_id=603,
    imdb_id="tt0133093",
    title="The Matrix",
    original_title="The Matrix",
    sort_title="matrix",
    clean_title="matrix",
    year=1999,
    overview="",
    runtime=136,
    tmdb_status="Released",
    original_language=Language(1, "English"),
    monitored=True,
    minimum_availability=MinimumAvailability.IN_CINEMAS,
    quality_profile_id=4,
    path="/movies/The Matrix (1999)",
    root_folder_path="/movies",
    added=NOW,
    collection_tmdb_id=2344,
    collection_title="The Matrix Collection",
    tags=(2, 3),
)


def test_a_film_of_a_collection_brings_it_with_the_films_options() -> None:
    new = new_collection_of(MATRIX)

    assert new is not None
    assert (new.tmdb_id, new.title) == (2344, "The Matrix Collection")
    assert (new.quality_profile_id, new.root_folder_path) == (4, "/movies")
    assert new.minimum_availability is MinimumAvailability.IN_CINEMAS
    assert new.tags == (2, 3)


def test_a_film_of_no_collection_brings_none() -> None:
    assert new_collection_of(replace(MATRIX, collection_tmdb_id=None, collection_title=None)) is None


def test_films_of_a_collection_are_added_monitored_with_the_collections_options() -> None:
    collection = Collection(
        id=1,
        tmdb_id=2344,
        title="The Matrix Collection",
        sort_title="matrix collection",
        overview="",
        monitored=True,
        quality_profile_id=6,
        root_folder_path="/films",
        minimum_availability=MinimumAvailability.ANNOUNCED,
        search_on_add=True,
        added=NOW,
        tags=(5,),
    )

    assert add_requests(collection, [604, 605]) == [
        AddMovie(
            tmdb_id=tmdb_id,
            quality_profile_id=6,
            root_folder_path="/films",
            monitored=True,
            minimum_availability=MinimumAvailability.ANNOUNCED,
            tags=(5,),
            search_for_movie=True,
            add_method=AddMethod.COLLECTION,
        )
        for tmdb_id in (604, 605)
    ]


def test_a_film_added_with_its_collection_brings_it_monitored_searching_as_the_film_was() -> None:
    searched = new_collection_of(MATRIX, MovieAdded(movie_id=7, search=True, monitor_collection=True))
    alone = new_collection_of(MATRIX, MovieAdded(movie_id=7, search=True))

    assert searched is not None
    assert alone is not None
    assert (searched.monitored, searched.search_on_add) == (True, True)
    assert (alone.monitored, alone.search_on_add) == (False, False)
