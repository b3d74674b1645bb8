"""HDBits through its JSON API: the request body Radarr sends, the torrents it reads, its errors."""

from __future__ import annotations

from typing import Any

from reelarr.releases.model import IndexerFlags
from reelarr.releases.search import MovieSearch
from tests.fixtures.indexers.hdbits import HDBitsSite, torrent_id
from tests.fixtures.indexers.plugin import indexer_app, indexer_fixture_server, indexer_server
from tests.fixtures.indexers.resources import field_value, indexer_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.support.live import LiveServer

__all__ = ["indexer_app", "indexer_fixture_server", "indexer_server"]
MATRIX = MovieSearch(tmdb_id=603, imdb_id="tt0133093", titles=("The Matrix",), year=1999)


def _resource(server: IndexerFixtureServer, **fields: Any) -> dict[str, Any]:
    site: HDBitsSite = server.site("hdbits")
    values = {
        "baseUrl": server.site_url("hdbits"),
        "username": site.username,
        "apiKey": site.passkey,
        **fields,
    }
    return indexer_resource("HDBits", values, name="HDBits")


async def _add(app: LiveServer, server: IndexerFixtureServer, **fields: Any) -> dict[str, Any]:
    response = await app.client.post("/api/v3/indexer", json=_resource(server, **fields))
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def test_hdbits_settings_are_radarrs(indexer_app: LiveServer) -> None:
    schema = {s["implementation"]: s for s in (await indexer_app.client.get("/api/v3/indexer/schema")).json()}
    hdbits = schema["HDBits"]
    assert hdbits["configContract"] == "HDBitsSettings"
    assert [f["name"] for f in hdbits["fields"]] == [
        "baseUrl", "username", "apiKey", "categories", "codecs", "mediums", "minimumSeeders",
        "seedCriteria.seedRatio", "seedCriteria.seedTime", "rejectBlocklistedTorrentHashesWhileGrabbing",
        "multiLanguages", "failDownloads", "requiredFlags",
    ]  # fmt: skip
    assert field_value(hdbits, "baseUrl") == "https://hdbits.org"
    assert field_value(hdbits, "categories") == [1]
    codecs = next(f for f in hdbits["fields"] if f["name"] == "codecs")["selectOptions"]
    assert [(o["value"], o["name"]) for o in codecs][-1] == (5, "HEVC")
    assert hdbits["enableRss"] is False  # no API key yet: not valid, so not enabled


async def test_a_search_asks_by_imdb_id_with_radarrs_body(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _add(indexer_app, indexer_server, codecs=[1, 5], mediums=[5])
    site: HDBitsSite = indexer_server.site("hdbits")
    site.queries.clear()
    outcome = await indexer_app.services.indexers.search(MATRIX)
    assert site.queries == [
        {
            "username": site.username,
            "passkey": site.passkey,
            "imdb": {"id": 133093},
            "category": [1],
            "codec": [1, 5],
            "medium": [5],
            "limit": 100,
        }
    ]
    [remux] = outcome.releases
    assert remux.title == "The.Matrix.1999.2160p.UHD.BluRay.REMUX.HDR.HEVC-OTHER"


async def test_torrents_are_read_as_radarr_reads_them(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    created = await _add(indexer_app, indexer_server)
    outcome = await indexer_app.services.indexers.search(MATRIX)
    site: HDBitsSite = indexer_server.site("hdbits")
    by_title = {r.title: r for r in outcome.releases}
    free = by_title["The.Matrix.1999.1080p.BluRay.x264-GROUP"]
    source = next(r for r in site.releases if r.title == free.title)
    number = torrent_id(source)
    assert free.guid == f"HDBits-{number}"
    assert (
        free.download_url
        == f"{indexer_server.site_url('hdbits')}/download.php?id={number}&passkey={site.passkey}"
    )
    assert free.info_url == f"{indexer_server.site_url('hdbits')}/details.php?id={number}"
    assert (free.size, free.seeders, free.peers, free.info_hash) == (source.size, 120, 125, source.info_hash)
    assert free.imdb_id == "tt0133093"
    assert free.indexer_flags == IndexerFlags.G_FREELEECH
    assert free.indexer_id == created["id"]
    internal = by_title["The.Matrix.1999.2160p.UHD.BluRay.REMUX.HDR.HEVC-OTHER"]
    assert internal.indexer_flags == IndexerFlags.G_INTERNAL


async def test_rss_asks_for_the_newest_torrents(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _add(indexer_app, indexer_server)
    site: HDBitsSite = indexer_server.site("hdbits")
    site.queries.clear()
    outcome = await indexer_app.services.indexers.rss()
    assert "imdb" not in site.queries[0]
    assert len(outcome.releases) == len(site.releases)


async def test_a_film_without_an_imdb_id_is_not_searched(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _add(indexer_app, indexer_server)
    site: HDBitsSite = indexer_server.site("hdbits")
    site.queries.clear()
    outcome = await indexer_app.services.indexers.search(
        MovieSearch(tmdb_id=603, titles=("The Matrix",), year=1999)
    )
    assert (outcome.releases, outcome.failures, site.queries) == ([], [], [])


async def test_wrong_credentials_are_refused_in_hdbits_words(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    response = await indexer_app.client.post(
        "/api/v3/indexer", json=_resource(indexer_server, apiKey="wrong")
    )
    assert response.status_code == 400
    assert "AuthFailed: Invalid authentication credentials" in response.json()[0]["errorMessage"]


async def test_an_answer_that_is_not_hdbits_json_is_an_error(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    created = await _add(indexer_app, indexer_server)
    for fault, message in (("html", "html content"), ("bad_xml", "not JSON"), ("huge", "bytes allowed")):
        indexer_server.fail(fault, path="/hdbits/", times=1)
        await indexer_app.services.provider_statuses.record_success(created["id"])
        outcome = await indexer_app.services.indexers.search(MATRIX)
        assert message in outcome.failures[0].message, fault
