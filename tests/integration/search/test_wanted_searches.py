"""The Wanted pages' searches on SQLite and PostgreSQL: MissingMoviesSearch, CutoffUnmetMoviesSearch and
MoviesSearch of selected films each search exactly their films (a searched film has a lastSearchTime)."""

from __future__ import annotations

from tests.fixtures.media import SampleMedia
from tests.fixtures.media.plugin import sample_media
from tests.integration.movies.conftest import Library
from tests.support.library_api import run_command
from tests.support.wanted_films import (
    BLURAY_1080P,
    WEBDL_720P,
    change_profile,
    film_with_file,
    film_without_file,
)

__all__ = ["sample_media"]

MATRIX, FIGHT_CLUB, INCEPTION = 603, 550, 27205


async def _searched(library: Library) -> set[int]:
    movies = (await library.server.client.get("/api/v3/movie")).json()
    return {movie["id"] for movie in movies if movie.get("lastSearchTime")}


async def test_missing_search_searches_the_monitored_films_without_a_file(
    library: Library, sample_media: SampleMedia
) -> None:
    missing = await film_without_file(library, MATRIX)
    await film_without_file(library, FIGHT_CLUB, monitored=False)
    await film_with_file(library, sample_media, INCEPTION, WEBDL_720P)

    done = await run_command(library, "MissingMoviesSearch")

    assert done["status"] == "completed", done
    assert done["message"].startswith("Searched 1 of 1 film(s)"), done["message"]
    assert await _searched(library) == {missing}


async def test_cutoff_unmet_search_searches_the_films_below_their_cutoff(
    library: Library, sample_media: SampleMedia
) -> None:
    await change_profile(library, upgradeAllowed=True)
    below = await film_with_file(library, sample_media, MATRIX, WEBDL_720P)
    await film_with_file(library, sample_media, FIGHT_CLUB, BLURAY_1080P)
    await film_without_file(library, INCEPTION)

    done = await run_command(library, "CutoffUnmetMoviesSearch")

    assert done["status"] == "completed", done
    assert done["message"].startswith("Searched 1 of 1 film(s)"), done["message"]
    assert await _searched(library) == {below}


async def test_searching_selected_films_searches_each_of_them(library: Library) -> None:
    first = await film_without_file(library, MATRIX)
    second = await film_without_file(library, FIGHT_CLUB)
    await film_without_file(library, INCEPTION)

    done = await run_command(library, "MoviesSearch", movieIds=[first, second])

    assert done["status"] == "completed", done
    assert f"Film {first}:" in done["message"]
    assert f"Film {second}:" in done["message"]
    assert await _searched(library) == {first, second}
