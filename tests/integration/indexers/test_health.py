"""Radarr's indexer health checks, as /api/v3/health shows them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reelarr.releases.search import MovieSearch
from tests.conftest import make_settings
from tests.fixtures.indexers.plugin import indexer_app, indexer_fixture_server, indexer_server
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.support.clock import FakeClock
from tests.support.downloadclients import add_qbittorrent
from tests.support.live import LiveServer, live_server

__all__ = ["indexer_app", "indexer_fixture_server", "indexer_server"]
MATRIX = MovieSearch(tmdb_id=603, imdb_id="tt0133093", titles=("The Matrix",), year=1999)


async def _health(app: LiveServer) -> dict[str, dict[str, Any]]:
    response = await app.client.get("/api/v3/health")
    assert response.status_code == 200
    return {p["source"]: p for p in response.json() if p["source"].startswith("Indexer")}


async def _add(app: LiveServer, server: IndexerFixtureServer, site: str = "torznab", **top: Any) -> int:
    response = await app.client.post(
        "/api/v3/indexer", json=nab_resource(server, site, **top), params={"forceSave": "true"}
    )
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


async def _download_client(app: LiveServer, *, enable: bool = True) -> int:
    """A qBittorrent client kept without a test (nothing needs to answer for an indexer to name it)."""
    return int((await add_qbittorrent(app.client, name="Client", enable=enable))["id"])


async def test_with_no_indexer_health_says_so_as_radarr_does(indexer_app: LiveServer) -> None:
    health = await _health(indexer_app)
    assert set(health) == {"IndexerRssCheck", "IndexerSearchCheck"}
    assert health["IndexerRssCheck"]["type"] == "error"
    assert health["IndexerRssCheck"]["message"] == (
        "No indexers available with RSS sync enabled, Reelarr will not grab new releases automatically"
    )
    assert health["IndexerRssCheck"]["wikiUrl"].startswith(
        "https://wiki.servarr.com/radarr/system#no-indexers"
    )
    assert health["IndexerSearchCheck"]["type"] == "warning"
    assert "Automatic Search" in health["IndexerSearchCheck"]["message"]


async def test_a_working_indexer_is_healthy(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _add(indexer_app, indexer_server)
    assert await _health(indexer_app) == {}


async def test_search_without_interactive_indexers_is_a_warning(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _add(indexer_app, indexer_server, enableInteractiveSearch=False)
    health = await _health(indexer_app)
    assert list(health) == ["IndexerSearchCheck"]
    assert "Interactive Search" in health["IndexerSearchCheck"]["message"]


async def test_an_indexer_that_cannot_search_counts_for_rss_only(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _add(indexer_app, indexer_server, enableAutomaticSearch=False, enableInteractiveSearch=False)
    assert list(await _health(indexer_app)) == ["IndexerSearchCheck"]


async def test_one_failing_indexer_is_named_with_its_error(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _add(indexer_app, indexer_server, "newznab", name="Good")
    await _add(indexer_app, indexer_server, name="Bad")
    indexer_server.fail("status", path="/torznab/", status=503)
    await indexer_app.services.indexers.search(MATRIX)
    health = await _health(indexer_app)
    assert list(health) == ["IndexerStatusCheck"]
    assert health["IndexerStatusCheck"]["type"] == "warning"
    message = health["IndexerStatusCheck"]["message"]
    assert message.startswith("Indexers unavailable due to failures: Bad (")
    assert "HTTP 503" in message


async def test_all_indexers_failing_is_an_error(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    await _add(indexer_app, indexer_server, name="Only")
    indexer_server.fail("html", path="/torznab/")
    await indexer_app.services.indexers.rss()
    health = await _health(indexer_app)
    assert health["IndexerStatusCheck"]["type"] == "error"
    assert health["IndexerStatusCheck"]["message"].startswith(
        "All indexers are unavailable due to failures: Only"
    )
    assert health["IndexerRssCheck"]["message"] == (
        "All rss-capable indexers are temporarily unavailable due to recent indexer errors"
    )
    assert "All search-capable" in health["IndexerSearchCheck"]["message"]


async def test_failing_for_more_than_six_hours_is_a_long_term_failure(
    database_url: str, tmp_path: Path, indexer_server: IndexerFixtureServer
) -> None:
    clock = FakeClock()
    settings = make_settings(database_url, tmp_path / "data", indexer_request_interval_seconds=0)
    async with live_server(settings, clock=clock) as app:
        await _add(app, indexer_server, "newznab", name="Good")
        await _add(app, indexer_server, name="Bad")
        indexer_server.fail("status", path="/torznab/", status=500)
        await app.services.indexers.search(MATRIX)
        clock.advance(hours=7)
        await app.services.indexers.search(MATRIX)
        health = await _health(app)
        assert list(health) == ["IndexerLongTermStatusCheck"]
        assert health["IndexerLongTermStatusCheck"]["message"].startswith(
            "Indexers unavailable due to failures for more than 6 hours: Bad ("
        )


async def test_an_indexer_naming_a_missing_download_client_is_a_warning(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    disabled = await _download_client(indexer_app, enable=False)
    await _add(indexer_app, indexer_server, name="Pinned", downloadClientId=disabled)
    health = await _health(indexer_app)
    assert (
        health["IndexerDownloadClientCheck"]["message"] == "Indexers with invalid download clients: Pinned."
    )


async def test_jacketts_all_endpoint_is_a_warning(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    url = "http://127.0.0.1:9117/api/v2.0/indexers/all/results/torznab"
    await _add(indexer_app, indexer_server, name="Everything", fields={"baseUrl": url})
    health = await _health(indexer_app)
    assert health["IndexerJackettAllCheck"]["message"] == (
        "Indexers using the unsupported Jackett 'all' endpoint: Everything"
    )


async def test_testing_on_jacketts_all_endpoint_warns_too(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    indexer_server.add_site("all", indexer_server.site("torznab"))
    body = nab_resource(indexer_server, fields={"baseUrl": f"{indexer_server.url}/torznab/all"})
    response = await indexer_app.client.post("/api/v3/indexer/test", json=body)
    assert response.status_code == 400
    [warning] = [f for f in response.json() if f.get("isWarning")]
    assert (
        warning["errorMessage"] == "Jackett's all endpoint is not supported, please add indexers individually"
    )
