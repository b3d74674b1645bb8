"""Lookup terms Radarr's import screen sends: a library folder's name, ids and release names included."""

from __future__ import annotations

import pytest

from reelarr.movies.lookup import LookupTerm, parse_term


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Spirited Away (2001) {tmdb-129}", LookupTerm(tmdb_id=129)),
        ("Leon [imdbid-tt0110413]", LookupTerm(imdb_id="tt0110413")),
        ("Inception.2010.1080p.BluRay.x264-GRP", LookupTerm(title="Inception", year=2010)),
        ("Amélie (2001) [1080p]", LookupTerm(title="Amélie", year=2001)),
        ("The Matrix (1999)", LookupTerm(title="The Matrix", year=1999)),
        ("2001 A Space Odyssey", LookupTerm(title="2001 A Space Odyssey")),
        ("the matrix", LookupTerm(title="the matrix")),
        ("Inception", LookupTerm(title="Inception")),
    ],
)
def test_folder_names_as_lookup_terms(term: str, expected: LookupTerm) -> None:
    assert parse_term(term) == expected
