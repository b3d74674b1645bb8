"""Searching Newznab and Torznab sites through the indexer service: ids as the caps allow, titles as a
fallback, RSS paging back to the last sync, results capped, indexers chosen by use and tags."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from reelarr.releases.model import DownloadProtocol
from reelarr.releases.search import MovieSearch
from tests.fixtures.indexers.newznab import NabSite
from tests.fixtures.indexers.plugin import indexer_app, indexer_fixture_server, indexer_server
from tests.fixtures.indexers.releases import FixtureRelease, numbered_releases
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.support.live import LiveServer

__all__ = ["indexer_app", "indexer_fixture_server", "indexer_server"]
MATRIX = MovieSearch(tmdb_id=603, imdb_id="tt0133093", titles=("The Matrix",), year=1999)


async def _add(app: LiveServer, server: IndexerFixtureServer, site: str = "torznab", **top: Any) -> int:
    response = await app.client.post("/api/v3/indexer", json=nab_resource(server, site, **top))
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def _searches(server: IndexerFixtureServer, site: str) -> list[dict[str, str]]:
    return [r.params for r in server.requests_to(f"/{site}/api") if r.params.get("t") in ("search", "movie")]


async def test_a_film_is_found_by_its_ids_in_one_query(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _add(indexer_app, indexer_server)
    indexer_server.controls.reset()
    outcome = await indexer_app.services.indexers.search(MATRIX)
    assert outcome.failures == []
    assert {r.title for r in outcome.releases} == {
        r.title for r in indexer_server.site("torznab").releases if r.tmdb_id == 603
    }
    assert all(r.protocol == DownloadProtocol.TORRENT for r in outcome.releases)
    (query,) = _searches(indexer_server, "torznab")
    assert (query["t"], query["tmdbid"], query["imdbid"]) == ("movie", "603", "0133093")


async def test_titles_are_tried_when_the_ids_find_nothing(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    site: NabSite = indexer_server.site("newznab")
    site.releases = [FixtureRelease("The.Matrix.1999.1080p.WEB-DL-NOIDS", 10**9, timedelta(hours=1))]
    await _add(indexer_app, indexer_server, "newznab")
    indexer_server.controls.reset()
    outcome = await indexer_app.services.indexers.search(MATRIX)
    assert [r.title for r in outcome.releases] == ["The.Matrix.1999.1080p.WEB-DL-NOIDS"]
    assert [(q["t"], q.get("q")) for q in _searches(indexer_server, "newznab")] == [
        ("movie", None),
        ("search", "Matrix 1999"),
    ]


async def test_a_site_without_id_search_is_asked_by_title_and_year(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    indexer_server.site("torznab").movie_params = "q"
    await _add(indexer_app, indexer_server)
    indexer_server.controls.reset()
    outcome = await indexer_app.services.indexers.search(MATRIX)
    assert len(outcome.releases) == 3
    assert [(q["t"], q["q"]) for q in _searches(indexer_server, "torznab")] == [("search", "Matrix 1999")]


async def test_every_enabled_indexer_is_searched_at_once_and_answers_together(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    first = await _add(indexer_app, indexer_server, name="Torrents")
    second = await _add(indexer_app, indexer_server, "newznab", name="Usenet")
    outcome = await indexer_app.services.indexers.search(MATRIX, interactive=True)
    assert sorted(outcome.searched) == sorted([first, second])
    assert {r.protocol for r in outcome.releases} == {DownloadProtocol.TORRENT, DownloadProtocol.USENET}
    assert {r.indexer for r in outcome.releases} == {"Torrents", "Usenet"}


async def test_indexers_are_chosen_by_use_and_by_tags(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    tag = (await indexer_app.client.post("/api/v3/tag", json={"label": "4k"})).json()["id"]
    tagged = await _add(indexer_app, indexer_server, name="Tagged", tags=[tag])
    untagged = await _add(
        indexer_app, indexer_server, "newznab", name="Untagged", enableAutomaticSearch=False
    )
    service = indexer_app.services.indexers
    assert [d.id for d in await service.enabled_for("automatic")] == [tagged]
    assert sorted(d.id for d in await service.enabled_for("interactive")) == sorted([tagged, untagged])
    assert [d.id for d in await service.enabled_for("interactive", tags=[])] == [untagged]
    assert sorted(d.id for d in await service.enabled_for("interactive", tags=[tag])) == sorted(
        [tagged, untagged]
    )


async def test_rss_pages_back_to_where_the_last_sync_stopped(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    site: NabSite = indexer_server.site("torznab")
    site.default_limit = site.max_limit = 50
    site.releases = numbered_releases(300)[150:]  # the older half
    await _add(indexer_app, indexer_server)
    indexer_server.controls.reset()
    first = await indexer_app.services.indexers.rss()
    assert len(first.releases) == 50  # no earlier sync: the first page is all Radarr reads
    site.releases = numbered_releases(300)  # 150 newer releases appeared
    indexer_server.controls.reset()
    second = await indexer_app.services.indexers.rss()
    offsets = [q["offset"] for q in _searches(indexer_server, "torznab")]
    assert offsets == ["0", "50", "100", "150"]  # the fourth page reaches the newest release seen before
    titles = {r.title for r in second.releases}
    assert {r.title for r in numbered_releases(300)[:150]} <= titles


async def test_a_search_stops_at_a_thousand_results(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    site: NabSite = indexer_server.site("torznab")
    site.movie_params = "q"
    site.releases = [
        FixtureRelease(f"The.Matrix.1999.Copy.{i:04d}.1080p-G", 10**9, timedelta(minutes=i))
        for i in range(1500)
    ]
    await _add(indexer_app, indexer_server)
    indexer_server.controls.reset()
    outcome = await indexer_app.services.indexers.search(MATRIX)
    assert len(outcome.releases) == 1000
    assert len(_searches(indexer_server, "torznab")) == 10


async def test_a_multi_release_without_languages_takes_the_indexers_multi_languages(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _add(indexer_app, indexer_server, fields={"multiLanguages": [2, 1]})
    outcome = await indexer_app.services.indexers.search(
        MovieSearch(tmdb_id=27205, imdb_id="tt1375666", titles=("Inception",), year=2010)
    )
    multi = next(r for r in outcome.releases if "MULTi" in r.title)
    assert multi.languages == (2, 1)
