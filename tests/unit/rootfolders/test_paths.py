"""Path rules for root folders: normalising, ancestry, system folders, folders that are never films."""

from __future__ import annotations

import pytest

from reelarr.rootfolders.paths import (
    best_root_folder,
    is_ignored_folder,
    normalise,
    relationship,
    system_folder_of,
)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("/movies", "/movies"),
        ("/movies/", "/movies"),
        ("//movies//films/./", "/movies/films"),
        ("/movies/../films", "/films"),
        ("/", "/"),
        ("/Films à voir/", "/Films à voir"),
        ("/ends with space ", "/ends with space "),
        ("movies", None),
        ("./movies", None),
        ("", None),
        ("   ", None),
        ("/nul\x00byte", None),
        ("C:\\Movies", None),
    ],
)
def test_normalise(given: str, expected: str | None) -> None:
    assert normalise(given) == expected


@pytest.mark.parametrize(
    ("path", "other", "expected"),
    [
        ("/a", "/a", "set to"),
        ("/a/b", "/a", "child of"),
        ("/a", "/a/b", "ancestor of"),
        ("/ab", "/a", None),
        ("/a", "/ab", None),
        ("/a", "/", "child of"),
        ("/", "/a", "ancestor of"),
    ],
)
def test_relationship(path: str, other: str, expected: str | None) -> None:
    assert relationship(path, other) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", ("set to", "/")),
        ("/proc", ("set to", "/proc")),
        ("/proc/1", ("child of", "/proc")),
        ("/var/lib/docker/volumes/x", ("child of", "/var/lib")),
        ("/usr/local/movies", ("child of", "/usr")),
        ("/var", None),
        ("/var/media", None),
        ("/etcetera", None),
        ("/mnt/media", None),
        ("/tmp/movies", None),
        ("/home/me/Movies", None),
    ],
)
def test_system_folders(path: str, expected: tuple[str, str] | None) -> None:
    assert system_folder_of(path) == expected


@pytest.mark.parametrize(
    "name",
    [
        ".hidden",
        ".grab",
        "@eaDir",
        "#recycle",
        "$RECYCLE.BIN",
        "System Volume Information",
        "lost+found",
        ".@__thumb",
        "Extras",
        "extrafanart",
        "Plex Versions",
        "@Recycle",
        "Trailers",
        ".Trash-1000",
    ],
)
def test_housekeeping_folders_are_never_movies(name: str) -> None:
    assert is_ignored_folder(name)


@pytest.mark.parametrize("name", ["Alien (1979)", "Extras (2009)", "Shorts (2009)", "Sample Movie (2000)"])
def test_film_folders_are_not_ignored(name: str) -> None:
    assert not is_ignored_folder(name)


def test_best_root_folder_is_the_deepest_that_contains_the_path() -> None:
    roots = ["/media", "/media/kids", "/films"]
    assert best_root_folder("/media/kids/Cars (2006)", roots) == "/media/kids"
    assert best_root_folder("/media/Alien (1979)/", roots) == "/media"
    assert best_root_folder("/media", roots) == "/media"
    assert best_root_folder("/mediatheque/x", roots) is None
    assert best_root_folder("relative", roots) is None
