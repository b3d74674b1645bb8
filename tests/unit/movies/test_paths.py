"""Where a movie's folder may be: inside a root folder, never the same as or nested in another film's."""

from __future__ import annotations

import pytest

from reelarr.movies.paths import FolderIndex, movie_path_failures, root_folder_of

ROOTS = ["/media/movies", "/media/movies/4k/", "/"]


@pytest.mark.parametrize(
    ("path", "root"),
    [
        ("/media/movies/Heat (1995)", "/media/movies"),
        ("/media/movies/4k/Heat (1995)", "/media/movies/4k"),  # the deepest root
        ("/media/movies4k/Heat (1995)", "/"),  # a longer name is not inside /media/movies
        ("/media//movies/./Heat (1995)/", "/media/movies"),
        ("/media/movies", "/"),
        ("/", None),
    ],
)
def test_the_root_folder_of_a_path_is_the_deepest_holding_it(path: str, root: str | None) -> None:
    assert root_folder_of(path, ROOTS) == root


@pytest.mark.parametrize(
    ("path", "others", "message"),
    [
        ("/media/movies/Heat (1995)", ["/media/movies/Heat"], None),
        ("/media/movies/Heat (1995)", ["/media/movies/Heat (1995)/"], "is already used by another movie"),
        ("/media/movies/Heat (1995)/Extras", ["/media/movies/Heat (1995)"], "overlaps another movie's"),
        ("/media/movies/Heat", ["/media/movies/Heat/Heat (1995)"], "overlaps another movie's"),
        ("/elsewhere/Heat", [], "must be inside a root folder"),
        ("media/movies/Heat", [], "must be an absolute folder path"),
    ],
)
@pytest.mark.parametrize("indexed", [False, True], ids=["listed", "indexed"])
def test_a_movie_folder_must_be_its_own(
    path: str, others: list[str], message: str | None, indexed: bool
) -> None:
    failures = movie_path_failures(
        path,
        root_folders=["/media/movies"],
        other_movie_paths=FolderIndex(others) if indexed else others,
        check_disk=False,
    )
    if message is None:
        assert failures == []
    else:
        [failure] = failures
        assert message in failure.error_message


def test_a_folder_index_names_the_folder_a_path_overlaps() -> None:
    index = FolderIndex(["/media/movies/Heat (1995)", "/media/movies/Ran/"])
    index.add("/media/movies/Alien (1979)")

    assert index.conflict("/media/movies/Alien (1979)") is not None
    inside = index.conflict("/media/movies/Ran/Extras")
    holding = index.conflict("/media/movies")
    assert inside is not None
    assert "'/media/movies/Ran'" in inside.error_message
    assert holding is not None
    assert "overlaps another movie's folder '/media/movies/" in holding.error_message
    assert index.conflict("/media/movies/Ran 2") is None
    assert index.conflict("/media/mov") is None


def test_films_added_one_after_another_through_the_index_are_checked_against_each_other() -> None:
    # How fast is bench/radarrimport's to say (the index keeps a 10,000-film import's lock short).
    index = FolderIndex()
    for i in range(2_000):
        path = f"/media/movies/Film {i} (2001)"
        assert (
            movie_path_failures(
                path, root_folders=["/media/movies"], other_movie_paths=index, check_disk=False
            )
            == []
        )
        index.add(path)
    again = movie_path_failures(
        "/media/movies/Film 1999 (2001)",
        root_folders=["/media/movies"],
        other_movie_paths=index,
        check_disk=False,
    )
    inside = movie_path_failures(
        "/media/movies/Film 7 (2001)/Extras",
        root_folders=["/media/movies"],
        other_movie_paths=index,
        check_disk=False,
    )
    assert again
    assert inside


def test_a_set_of_thousands_of_folders_is_checked_as_the_index_is() -> None:
    taken = {f"/media/movies/Film {i} (2001)" for i in range(10_000)}
    index = FolderIndex(sorted(taken))
    for path in (
        "/media/movies/New 1",
        "/media/movies/Film 12 (2001)",
        "/media/movies/Film 12 (2001)/x",
        "/media",
    ):
        by_set = movie_path_failures(
            path, root_folders=["/media/movies"], other_movie_paths=taken, check_disk=False
        )
        by_index = movie_path_failures(
            path, root_folders=["/media/movies"], other_movie_paths=index, check_disk=False
        )
        assert bool(by_set) == bool(by_index), path
