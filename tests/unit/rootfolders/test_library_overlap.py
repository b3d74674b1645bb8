"""A download's output path that overlaps the library is refused, with the reason the queue shows."""

from __future__ import annotations

import pytest

from reelarr.rootfolders.library_overlap import library_overlap

ROOTS = ["/data/movies", "/data/kids/"]
FILMS = ["/data/movies/The Matrix (1999)", "/data/kids/Up (2009)"]


@pytest.mark.parametrize(
    "path",
    [
        "/downloads/complete/The.Matrix.1999.1080p",
        "/data/downloads/The.Matrix.1999.1080p.mkv",
        "/data/movies/downloads/The.Matrix.1999",  # inside a root folder, outside every film's folder
        "/data/movies/The Matrix (1999) extras",  # a sibling whose name starts like a film's folder
    ],
)
def test_a_download_folder_beside_the_library_is_allowed(path: str) -> None:
    assert library_overlap(path, ROOTS, FILMS) is None


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/", "root"),
        ("/data", "holds the root folder '/data/movies'"),
        ("/data/movies", "holds the root folder '/data/movies'"),
        ("/data/kids/./", "holds the root folder '/data/kids/'"),
        ("/data/movies/The Matrix (1999)", "overlaps the film folder"),
        ("/data/movies/The Matrix (1999)/Subs", "overlaps the film folder"),
        ("/data/movies/downloads/../The Matrix (1999)", "overlaps the film folder"),
        ("downloads/The.Matrix.1999", "not a valid local path"),
        ("C:\\Downloads\\The.Matrix.1999", "You may need a Remote Path Mapping"),
    ],
)
def test_a_download_folder_overlapping_the_library_is_refused(path: str, reason: str) -> None:
    refusal = library_overlap(path, ROOTS, FILMS)
    assert refusal is not None
    assert reason in refusal
