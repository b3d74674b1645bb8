"""Which library movie a release names."""

from __future__ import annotations

from datetime import UTC, datetime

from reelarr.languages import lang
from reelarr.movies.matching import best_match
from reelarr.movies.model import MinimumAvailability, Movie
from reelarr.parsing import ParsedMovieInfo, parse_title


def movie(movie_id: int, title: str, year: int, **extra: object) -> Movie:
    values: dict[str, object] = {
        "id": movie_id,
        "tmdb_id": movie_id * 10,
        "imdb_id": f"tt{movie_id:07d}",
        "title": title,
        "original_title": title,
        "sort_title": title.lower(),
        "clean_title": title.lower().replace(" ", ""),
        "year": year,
        "overview": "",
        "runtime": 100,
        "tmdb_status": "Released",
        "original_language": lang("English"),
        "monitored": True,
        "minimum_availability": MinimumAvailability.RELEASED,
        "quality_profile_id": 1,
        "path": f"/m/{movie_id}",
        "root_folder_path": "/m",
        "added": datetime(2026, 1, 1, tzinfo=UTC),
    }
    values.update(extra)
    return Movie(**values)  # type: ignore[arg-type]


def parsed(title: str) -> ParsedMovieInfo:
    info = parse_title(title)
    assert info is not None
    return info


def test_the_year_tells_remakes_apart() -> None:
    old, new = movie(1, "Dune", 1984), movie(2, "Dune", 2021)
    assert best_match(parsed("Dune.2021.2160p.WEB-DL-GRP"), [old, new]) == new
    assert best_match(parsed("Dune.1984.1080p.BluRay-GRP"), [old, new]) == old


def test_a_secondary_year_fits_too() -> None:
    film = movie(1, "Amelie", 2001, secondary_year=2002)
    assert best_match(parsed("Amelie.2002.1080p.BluRay-GRP"), [film]) == film


def test_a_wrong_year_matches_nothing() -> None:
    assert best_match(parsed("Dune.1999.1080p.BluRay-GRP"), [movie(1, "Dune", 2021)]) is None


def test_ids_in_the_release_decide() -> None:
    film = movie(7, "Whatever", 2000)
    assert best_match(parsed("Other.Name.2000.{tmdb-70}.1080p.BluRay-GRP"), [film]) == film
    assert best_match(parsed("Other.Name.2000.{tmdb-71}.1080p.BluRay-GRP"), [film]) is None
