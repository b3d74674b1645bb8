"""Library folder names read as films: title, year and the ids media servers write into them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reelarr.movies.folder_names import SearchTerm, parse_folder_name


@pytest.mark.parametrize(
    ("name", "title", "year"),
    [
        ("The Matrix (1999)", "The Matrix", 1999),
        ("Inception.2010.1080p.BluRay.x264-GRP", "Inception", 2010),
        ("The.Dark.Knight.2008.2160p.UHD.BluRay.REMUX-GRP", "The Dark Knight", 2008),
        ("Amélie (2001) [1080p]", "Amélie", 2001),
        ("Alien [1979]", "Alien", 1979),
        ("2001 A Space Odyssey (1968)", "2001 A Space Odyssey", 1968),
        ("Fight Club", "Fight Club", None),
        ("Random Stuff", "Random Stuff", None),
    ],
)
def test_title_and_year(name: str, title: str, year: int | None) -> None:
    parsed = parse_folder_name(name)
    assert (parsed.title, parsed.year) == (title, year)


@pytest.mark.parametrize(
    ("name", "tmdb_id", "imdb_id", "title"),
    [
        ("Spirited Away (2001) {tmdb-129}", 129, None, "Spirited Away"),
        ("Fight Club [tmdbid-550]", 550, None, "Fight Club"),
        ("Leon [imdbid-tt0110413]", None, "tt0110413", "Leon"),
        ("Parasite (2019) {imdb-tt6751668}", None, "tt6751668", "Parasite"),
        ("tt0133093", None, "tt0133093", ""),
    ],
)
def test_ids_written_into_the_name(name: str, tmdb_id: int | None, imdb_id: str | None, title: str) -> None:
    parsed = parse_folder_name(name)
    assert (parsed.tmdb_id, parsed.imdb_id, parsed.title) == (tmdb_id, imdb_id, title)


def test_a_number_at_the_end_may_be_part_of_the_title() -> None:
    assert parse_folder_name("Blade Runner 2049").searches == (
        SearchTerm("Blade Runner", 2049),
        SearchTerm("Blade Runner 2049", None),
    )


def test_the_year_in_brackets_is_the_year_even_after_a_number_in_the_title() -> None:
    assert SearchTerm("Blade Runner 2049", 2017) in parse_folder_name("Blade Runner 2049 (2017)").searches


def test_a_name_with_nothing_to_search_for() -> None:
    parsed = parse_folder_name("[2019]")
    assert parsed.searches == ()
    assert parsed.title == ""


@given(st.text(max_size=80))
def test_any_name_reads_without_raising(name: str) -> None:
    parsed = parse_folder_name(name)
    assert all(term.title for term in parsed.searches)
