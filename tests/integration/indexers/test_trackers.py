"""Radarr's other direct indexers with their settings: PassThePopcorn, FileList.io, IP Torrents, Nyaa
and TorrentPotato, against fixture trackers speaking their APIs."""

from __future__ import annotations

from typing import Any

import pytest

from reelarr.releases.model import IndexerFlags
from reelarr.releases.search import MovieSearch
from tests.fixtures.indexers.plugin import indexer_app, indexer_fixture_server, indexer_server
from tests.fixtures.indexers.resources import indexer_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.indexers.trackers import FileListSite, PotatoSite, PtpSite
from tests.support.live import LiveServer

__all__ = ["indexer_app", "indexer_fixture_server", "indexer_server"]
MATRIX = MovieSearch(tmdb_id=603, imdb_id="tt0133093", titles=("The Matrix",), year=1999)
NO_IDS = MovieSearch(titles=("The Matrix",), year=1999)
MATRIX_TITLES = {
    "The.Matrix.1999.1080p.BluRay.x264-GROUP",
    "The.Matrix.1999.2160p.UHD.BluRay.REMUX.HDR.HEVC-OTHER",
    "The.Matrix.1999.720p.WEB-DL.DD5.1.H.264-SCENE",
}


def _fields(server: IndexerFixtureServer, implementation: str) -> dict[str, Any]:
    if implementation == "PassThePopcorn":
        ptp: PtpSite = server.site("ptp")
        return {"baseUrl": server.site_url("ptp"), "aPIUser": ptp.api_user, "aPIKey": ptp.api_key}
    if implementation == "FileList":
        fl: FileListSite = server.site("filelist")
        return {"baseUrl": server.site_url("filelist"), "username": fl.username, "passkey": fl.passkey}
    if implementation == "TorrentPotato":
        potato: PotatoSite = server.site("potato")
        return {"baseUrl": f"{server.site_url('potato')}/api", "user": potato.user, "passkey": potato.passkey}
    if implementation == "IPTorrents":
        return {"baseUrl": f"{server.site_url('iptorrents')}/rss?u=1234;tp=abcdef;48;download"}
    return {"baseUrl": server.site_url("nyaa"), "additionalParameters": "&cats=1_2&filter=0"}


async def _add(
    app: LiveServer, server: IndexerFixtureServer, implementation: str, **fields: Any
) -> dict[str, Any]:
    body = indexer_resource(
        implementation, {**_fields(server, implementation), **fields}, name=implementation
    )
    response = await app.client.post("/api/v3/indexer", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


@pytest.mark.parametrize(
    ("implementation", "name", "contract", "fields"),
    [
        ("PassThePopcorn", "PassThePopcorn", "PassThePopcornSettings", ["baseUrl", "aPIUser", "aPIKey"]),
        ("FileList", "FileList.io", "FileListSettings", ["username", "passkey", "baseUrl", "categories"]),
        ("IPTorrents", "IP Torrents", "IPTorrentsSettings", ["baseUrl"]),
        ("Nyaa", "Nyaa", "NyaaSettings", ["baseUrl", "additionalParameters"]),
        ("TorrentPotato", "TorrentPotato", "TorrentPotatoSettings", ["baseUrl", "user", "passkey"]),
    ],
)
async def test_each_tracker_has_radarrs_name_contract_and_fields(
    indexer_app: LiveServer, implementation: str, name: str, contract: str, fields: list[str]
) -> None:
    schema = {s["implementation"]: s for s in (await indexer_app.client.get("/api/v3/indexer/schema")).json()}
    entry = schema[implementation]
    assert (entry["implementationName"], entry["configContract"], entry["protocol"]) == (
        name,
        contract,
        "torrent",
    )
    names = [f["name"] for f in entry["fields"]]
    assert names[: len(fields)] == fields
    assert names[len(fields) :] == [
        "minimumSeeders",
        "seedCriteria.seedRatio",
        "seedCriteria.seedTime",
        "rejectBlocklistedTorrentHashesWhileGrabbing",
        "multiLanguages",
        "failDownloads",
        "requiredFlags",
    ]


async def test_the_whole_schema_is_radarrs_nine_indexers(indexer_app: LiveServer) -> None:
    schema = (await indexer_app.client.get("/api/v3/indexer/schema")).json()
    assert sorted(s["implementation"] for s in schema) == sorted(
        ["Newznab", "Torznab", "HDBits", "PassThePopcorn", "FileList", "IPTorrents", "Nyaa", "TorrentPotato",
         "TorrentRssIndexer"]
    )  # fmt: skip


async def test_passthepopcorn_searches_by_imdb_id_with_its_api_headers(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    site: PtpSite = indexer_server.site("ptp")
    site.golden.add("The.Matrix.1999.1080p.BluRay.x264-GROUP")
    await _add(indexer_app, indexer_server, "PassThePopcorn")
    indexer_server.controls.reset()
    outcome = await indexer_app.services.indexers.search(MATRIX)
    (request,) = indexer_server.requests_to("/ptp/")
    assert request.params["searchstr"] == "tt0133093"
    assert (request.params["json"], request.params["grouping"], request.params["order_by"]) == (
        "noredirect",
        "0",
        "time",
    )
    assert (request.headers["apiuser"], request.headers["apikey"]) == (site.api_user, site.api_key)
    by_title = {r.title: r for r in outcome.releases}
    assert set(by_title) == MATRIX_TITLES
    golden = by_title["The.Matrix.1999.1080p.BluRay.x264-GROUP"]
    assert golden.indexer_flags == IndexerFlags.PTP_GOLDEN | IndexerFlags.G_FREELEECH
    assert golden.guid.startswith("PassThePopcorn-")
    assert golden.download_url.startswith(
        f"{indexer_server.site_url('ptp')}/torrents.php?action=download&id="
    )
    assert golden.imdb_id == "tt0133093"
    assert by_title["The.Matrix.1999.720p.WEB-DL.DD5.1.H.264-SCENE"].indexer_flags == (
        IndexerFlags.G_HALFLEECH | IndexerFlags.G_SCENE
    )
    assert (
        by_title["The.Matrix.1999.2160p.UHD.BluRay.REMUX.HDR.HEVC-OTHER"].indexer_flags
        == IndexerFlags.PTP_APPROVED
    )


async def test_passthepopcorn_downloads_carry_its_credentials(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    created = await _add(indexer_app, indexer_server, "PassThePopcorn")
    indexer = indexer_app.services.indexers.instance(
        await indexer_app.services.indexers.providers.get(created["id"])
    )
    request = indexer.download_request("https://passthepopcorn.me/torrents.php?action=download&id=1")
    assert request.headers["ApiUser"] == indexer_server.site("ptp").api_user


async def test_passthepopcorn_without_an_imdb_id_searches_titles_and_year(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _add(indexer_app, indexer_server, "PassThePopcorn")
    indexer_server.controls.reset()
    outcome = await indexer_app.services.indexers.search(NO_IDS)
    (request,) = indexer_server.requests_to("/ptp/")
    assert (request.params["searchstr"], request.params["year"]) == ("Matrix", "1999")
    assert {r.title for r in outcome.releases} == MATRIX_TITLES


async def test_passthepopcorn_refuses_wrong_credentials(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    fields = {**_fields(indexer_server, "PassThePopcorn"), "aPIKey": "wrong"}
    response = await indexer_app.client.post(
        "/api/v3/indexer", json=indexer_resource("PassThePopcorn", fields)
    )
    assert response.status_code == 400
    assert "401" in response.json()[0]["errorMessage"]


async def test_filelist_searches_by_imdb_id_with_basic_credentials(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    site: FileListSite = indexer_server.site("filelist")
    await _add(indexer_app, indexer_server, "FileList")
    indexer_server.controls.reset()
    outcome = await indexer_app.services.indexers.search(MATRIX)
    (request,) = indexer_server.requests_to("/filelist/")
    assert request.params == {
        "action": "search-torrents",
        "category": "1,4,19,6",
        "type": "imdb",
        "query": "tt0133093",
    }
    assert request.headers["authorization"].startswith("Basic ")
    by_title = {r.title: r for r in outcome.releases}
    assert set(by_title) == MATRIX_TITLES
    free = by_title["The.Matrix.1999.1080p.BluRay.x264-GROUP"]
    assert free.indexer_flags == IndexerFlags.G_FREELEECH
    assert free.download_url.endswith(f"&passkey={site.passkey}")
    assert (
        by_title["The.Matrix.1999.2160p.UHD.BluRay.REMUX.HDR.HEVC-OTHER"].indexer_flags
        == IndexerFlags.G_INTERNAL
    )


async def test_filelist_categories_filter_what_it_answers(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _add(indexer_app, indexer_server, "FileList", categories=[6])
    outcome = await indexer_app.services.indexers.rss()
    assert {r.title for r in outcome.releases} == {"The.Matrix.1999.2160p.UHD.BluRay.REMUX.HDR.HEVC-OTHER"}


async def test_filelist_refuses_wrong_credentials(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    fields = {**_fields(indexer_server, "FileList"), "passkey": "wrong"}
    response = await indexer_app.client.post("/api/v3/indexer", json=indexer_resource("FileList", fields))
    assert response.status_code == 400
    assert response.json()[0]["errorMessage"] == "Invalid API Key"


async def test_iptorrents_reads_its_feed_and_cannot_search(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    created = await _add(indexer_app, indexer_server, "IPTorrents", enableAutomaticSearch=False)
    assert created["supportsSearch"] is False
    outcome = await indexer_app.services.indexers.rss()
    matrix = next(r for r in outcome.releases if r.title == "The.Matrix.1999.1080p.BluRay.x264-GROUP")
    assert matrix.size == 10 * 1024**3
    assert "/download.php/" in matrix.download_url
    assert await indexer_app.services.indexers.enabled_for("automatic") == []


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://iptorrents.com/t.rss?u=1;tp=abc", "Use Direct Download Url (;download)"),
        ("https://iptorrents.com/torrents/", "'RSS URL' is not in the correct format."),
    ],
)
async def test_iptorrents_wants_a_direct_download_feed_address(
    indexer_app: LiveServer, url: str, message: str
) -> None:
    body = indexer_resource("IPTorrents", {"baseUrl": url})
    response = await indexer_app.client.post("/api/v3/indexer", json=body)
    assert response.status_code == 400
    assert message in [f["errorMessage"] for f in response.json()]


async def test_nyaa_searches_each_title_with_the_year(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _add(indexer_app, indexer_server, "Nyaa")
    indexer_server.controls.reset()
    outcome = await indexer_app.services.indexers.search(MATRIX)
    (request,) = indexer_server.requests_to("/nyaa/")
    assert request.params == {"page": "rss", "cats": "1_2", "filter": "0", "term": "The Matrix 1999"}
    by_title = {r.title: r for r in outcome.releases}
    assert set(by_title) == MATRIX_TITLES
    matrix = by_title["The.Matrix.1999.1080p.BluRay.x264-GROUP"]
    assert (matrix.seeders, matrix.peers) == (120, 125)
    assert (
        matrix.info_url
        == f"{indexer_server.site_url('nyaa')}/view/{indexer_server.site('nyaa').releases[0].id}"
    )
    assert matrix.info_hash is not None
    assert matrix.size == 10 * 1024**3


async def test_torrentpotato_searches_by_imdb_id(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _add(indexer_app, indexer_server, "TorrentPotato")
    indexer_server.controls.reset()
    outcome = await indexer_app.services.indexers.search(MATRIX)
    (request,) = indexer_server.requests_to("/potato/")
    assert request.params["imdbid"] == "tt0133093"
    by_title = {r.title: r for r in outcome.releases}
    assert set(by_title) == MATRIX_TITLES
    matrix = by_title["The.Matrix.1999.1080p.BluRay.x264-GROUP"]
    source = next(r for r in indexer_server.site("potato").releases if r.title == matrix.title)
    assert matrix.guid == f"potato-{source.info_hash.lower()}"
    assert matrix.size == source.size // 1_000_000 * 1_000_000
    assert matrix.download_url.startswith("magnet:")


async def test_torrentpotato_without_an_imdb_id_searches_title_and_year(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _add(indexer_app, indexer_server, "TorrentPotato")
    indexer_server.controls.reset()
    await indexer_app.services.indexers.search(NO_IDS)
    (request,) = indexer_server.requests_to("/potato/")
    assert request.params["search"] == "The Matrix 1999"


@pytest.mark.parametrize(
    "implementation", ["PassThePopcorn", "FileList", "TorrentPotato", "Nyaa", "IPTorrents"]
)
async def test_a_login_page_instead_of_an_answer_is_an_error(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer, implementation: str
) -> None:
    created = await _add(indexer_app, indexer_server, implementation)
    indexer_server.fail("html")
    outcome = await indexer_app.services.indexers.rss()
    (failure,) = outcome.failures
    assert failure.indexer_id == created["id"]
    assert "html" in failure.message
