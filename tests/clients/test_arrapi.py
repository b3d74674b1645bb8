"""arrapi 1.5.1, Kometa's Radarr client (API-COMPAT §6.1 suite D), against a live server.

Kometa adds a collection's films in one `POST /movie/import` after looking each one up
(`tmdb:`/`imdb:` terms), honours the import exclusions (read page by page), edits and deletes in
bulk through `/movie/editor`, names profiles and root folders as the API lists them, and sends the
key as `?apikey=`. arrapi is synchronous (requests), so its calls run in a thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from arrapi import RadarrAPI
from arrapi.exceptions import ArrException, NotFound

from tests.clients.conftest import HD_1080P, Library, add_film
from tests.support.live import API_KEY

T = TypeVar("T")


async def call(method: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run one (blocking) arrapi call off the event loop the server runs in."""
    return await asyncio.to_thread(method, *args, **kwargs)


@pytest.fixture
async def radarr(library: Library) -> RadarrAPI:
    """arrapi's client; connecting reads /system/status and takes the v4+ code path."""
    client = await call(RadarrAPI, library.server.url, API_KEY)
    assert client._raw.v4, "the version's major number must read as Radarr 4 or later"
    return client


async def _root(library: Library) -> str:
    [folder] = (await library.server.client.get("/api/v3/rootfolder")).json()
    path: str = folder["path"]
    return path


async def test_a_wrong_key_is_refused(library: Library) -> None:
    # Radarr's 401 has an empty body, so arrapi reports it as a plain ArrException with the status.
    with pytest.raises(ArrException, match="401"):
        await call(RadarrAPI, library.server.url, "0" * 32)


async def test_kometa_adds_a_collection_in_one_import(library: Library, radarr: RadarrAPI) -> None:
    await add_film(library, 550)  # already in the library
    await call(radarr._raw.add_exclusion, "The Matrix Revolutions", 605, 2003)
    await call(radarr.respect_list_exclusions_when_adding)
    assert radarr.exclusions == [605]

    added, existing, invalid, excluded = await call(
        radarr.add_multiple_movies,
        [603, 604, 605, 550, 999999999, "tt0133093"],
        await _root(library),
        "HD-1080p",
        search=False,
        minimum_availability="released",
        tags=["Kometa"],
    )

    assert sorted(m.title for m in added) == ["The Matrix", "The Matrix Reloaded"]
    assert [m.tmdbId for m in existing] == [550]
    assert invalid == [999999999]
    assert sorted(excluded) == [603, 605], "the excluded film, and The Matrix asked for twice (by IMDb id)"
    [tag] = await call(radarr.all_tags)
    assert tag.label == "kometa"
    for movie in added:
        assert movie.id
        assert (movie.qualityProfileId, movie.monitored, movie.minimumAvailability) == (
            HD_1080P,
            True,
            "released",
        )
        assert movie.tagsIds == [tag.id]
        assert movie.path.startswith(await _root(library))
    library_ids = {m.tmdbId for m in await call(radarr.all_movies)}
    assert library_ids == {550, 603, 604}


async def test_a_film_that_cannot_be_added_does_not_stop_the_rest_of_the_batch(
    library: Library, radarr: RadarrAPI
) -> None:
    root = await _root(library)
    shared = f"{root}/The Matrix"
    added, existing, invalid, excluded = await call(
        radarr.add_multiple_movies,
        [(603, shared), (604, shared), 155],  # Reloaded points at the folder The Matrix takes
        root,
        "HD-1080p",
        search=False,
    )
    assert sorted(m.tmdbId for m in added) == [155, 603]
    assert (existing, invalid, excluded) == ([], [], [])
    assert {m.tmdbId for m in await call(radarr.all_movies)} == {155, 603}


async def test_kometa_edits_and_deletes_in_bulk(library: Library, radarr: RadarrAPI) -> None:
    for tmdb_id in (603, 604, 155):
        await add_film(library, tmdb_id)

    edited, not_found = await call(
        radarr.edit_multiple_movies,
        [603, "tt0234215", 27205],
        monitored=False,
        quality_profile="Ultra-HD",
        tags=["4k"],
        apply_tags="add",
    )
    assert not_found == [27205], "a film not in the library is reported, not edited"
    assert sorted(m.tmdbId for m in edited) == [603, 604]
    [four_k] = [t for t in await call(radarr.all_tags) if t.label == "4k"]
    [ultra_hd] = [p.id for p in await call(radarr.quality_profile) if p.name == "Ultra-HD"]
    for movie in edited:
        # (only plain fields here: arrapi's lazy objects would call the server from this thread)
        assert movie.monitored is False
        assert movie.qualityProfileId == ultra_hd
        assert four_k.id in movie.tagsIds
    untouched = await call(radarr.get_movie, tmdb_id=155)
    assert untouched.monitored is True

    missing = await call(radarr.delete_multiple_movies, [604, 27205], addImportExclusion=True)
    assert missing == [27205]
    assert {m.tmdbId for m in await call(radarr.all_movies)} == {603, 155}
    await call(radarr.respect_list_exclusions_when_adding)
    assert radarr.exclusions == [604]


async def test_one_movie_by_id_edit_and_calendar(library: Library, radarr: RadarrAPI) -> None:
    await add_film(library, 603)
    matrix = await call(radarr.get_movie, tmdb_id=603)
    assert (matrix.title, matrix.year, matrix.imdbId) == ("The Matrix", 1999, "tt0133093")
    assert matrix.collection_tmdbId == 2344  # (Radarr 5+ names it `title`; arrapi reads an older `name`)

    await call(matrix.edit, minimum_availability="inCinemas", tags=["kometa"])
    again = await call(radarr.get_movie, movie_id=matrix.id)
    assert again.minimumAvailability == "inCinemas"
    [kometa] = await call(radarr.all_tags)
    assert (kometa.label, again.tagsIds) == ("kometa", [kometa.id])

    [shown] = await call(radarr.calendar, start="1999-09-01", end="1999-09-30")
    assert shown.tmdbId == 603

    with pytest.raises(NotFound):
        await call(radarr.get_movie, movie_id=999)
