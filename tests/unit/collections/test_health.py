"""The collections' root folder check: which folders are missing, said in Radarr's words."""

from __future__ import annotations

from datetime import UTC, datetime

from reelarr.collections.health import missing_roots, missing_roots_message
from reelarr.collections.model import Collection
from reelarr.movies.model import MinimumAvailability


def _collection(title: str, root: str) -> Collection:
    return Collection(
        id=1,
        tmdb_id=1,
        title=title,
        sort_title=title.lower(),
        overview="",
        monitored=True,
        quality_profile_id=1,
        root_folder_path=root,
        minimum_availability=MinimumAvailability.RELEASED,
        search_on_add=False,
        added=datetime(2026, 12, 7, tzinfo=UTC),
    )


def test_a_root_folder_that_is_not_the_librarys_or_not_on_disk_is_missing() -> None:
    collections = [
        _collection("Matrix", "/movies"),
        _collection("Dark Knight", "/gone"),
        _collection("Avatar", "/unplugged"),
        _collection("Alien", "/gone/"),
    ]

    missing = missing_roots(collections, ["/movies", "/unplugged/"], existing={"/movies", "/gone", "/gone/"})

    assert missing == {"/gone": ["Dark Knight"], "/unplugged": ["Avatar"], "/gone/": ["Alien"]}


def test_the_message_names_each_folder_with_its_collections() -> None:
    assert missing_roots_message({}) is None
    assert missing_roots_message({"/gone": ["Matrix", "Alien"]}) == (
        "Missing root folder for movie collection: /gone (Matrix, Alien)"
    )
    assert missing_roots_message({"/a": ["Matrix"], "/b": ["Alien"]}) == (
        "Multiple root folders are missing for movie collections: /a (Matrix) | /b (Alien)"
    )
