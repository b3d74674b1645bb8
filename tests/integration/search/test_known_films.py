"""RSS syncs match releases against the films kept in memory since the last sync: a film added,
retitled, re-added or edited in between (alone or with the movie editor) is decided as it is now."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import timedelta

from tests.fixtures.indexers.releases import GB, FixtureRelease
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.integration.movies.conftest import Library
from tests.integration.movies.test_movie_api import _commands_done
from tests.integration.search.test_search import MATRIX_1080P, _decisions
from tests.support.library_api import add_movie, run_command
from tests.support.qbittorrent import QBittorrentServer, qbittorrent_api
from tests.support.waiting import eventually

SD = 2
FIGHT_CLUB_1080P = "Fight.Club.1999.1080p.BluRay.x264-GROUP"
PICKED = ("chosen", "grabbed")  # grabbed: chosen and sent to the download client


async def _sync(library: Library) -> str:
    done = await run_command(library, "RssSync")
    assert done["status"] == "completed", done
    message: str = done["message"]
    return message


async def test_a_film_added_between_two_syncs_is_decided_by_the_second(library: Library) -> None:
    await add_movie(library)
    await _sync(library)
    fight_club = await add_movie(library, 550, qualityProfileId=1)
    assert await _decisions(library, fight_club["id"]) == {}
    await _sync(library)
    assert (await _decisions(library, fight_club["id"]))[FIGHT_CLUB_1080P]["outcome"] in PICKED


def _empty(qbittorrent: QBittorrentServer, category: str) -> None:
    api = qbittorrent_api(qbittorrent)
    hashes = [t.hash for t in api.torrents_info(category=category)]
    api.torrents_delete(delete_files=True, torrent_hashes=hashes)


async def test_a_film_deleted_in_bulk_and_added_again_is_decided_under_its_new_id(
    library: Library, qbittorrent: QBittorrentServer
) -> None:
    first = await add_movie(library)
    await _sync(library)
    client = library.server.client
    deleted = await client.request("DELETE", "/api/v3/movie/editor", json={"movieIds": [first["id"]]})
    assert deleted.status_code == 200, deleted.text
    # The first film's grab leaves the client too, else it would still be downloading for the new one.
    await asyncio.to_thread(_empty, qbittorrent, library.category)
    await _sync(library)  # a release of a film no longer in the library is decided for none
    again = await add_movie(library)
    assert again["id"] != first["id"]
    await _sync(library)
    assert (await _decisions(library, again["id"]))[MATRIX_1080P]["outcome"] in PICKED


async def test_a_film_retitled_by_a_refresh_is_known_by_its_new_title(
    library: Library, indexer_server: IndexerFixtureServer
) -> None:
    movie = await add_movie(library)
    await eventually(lambda: _commands_done(library))  # the refresh an add queues
    # Without ids, as many indexers send them: matched by title and year alone.
    title = "The.Matrix.Redux.1999.1080p.BluRay.x264-GROUP"
    indexer_server.site("torznab").releases = [FixtureRelease(title, 8 * GB, timedelta(hours=3))]
    await _sync(library)
    assert await _decisions(library, movie["id"]) == {}
    services = library.server.services
    metadata = await services.tmdb.movie(603)
    retitled = dataclasses.replace(
        metadata, title="The Matrix Redux", original_title="The Matrix Redux", alternative_titles=()
    )
    await services.movies.refresh_metadata(movie["id"], retitled)
    await _sync(library)
    assert (await _decisions(library, movie["id"]))[title]["outcome"] in PICKED


async def test_a_bulk_edit_between_two_syncs_is_decided_with_the_films_new_settings(library: Library) -> None:
    matrix = await add_movie(library)
    fight_club = await add_movie(library, 550, qualityProfileId=1)
    await _sync(library)
    first = (await _decisions(library, matrix["id"]))[MATRIX_1080P]
    assert first["outcome"] in PICKED
    first_decided = first["decided"]
    client = library.server.client
    response = await client.put(
        "/api/v3/movie/editor", json={"movieIds": [matrix["id"], fight_club["id"]], "qualityProfileId": SD}
    )
    assert response.status_code == 202, response.text
    await _sync(library)
    kept = await _decisions(library, matrix["id"])
    assert "Bluray-1080p is not wanted in profile" in kept[MATRIX_1080P]["rejections"]
    assert kept[MATRIX_1080P]["decided"] > first_decided
