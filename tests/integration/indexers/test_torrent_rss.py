"""A plain torrent RSS feed: where each value hides is worked out from the feed, as Radarr does."""

from __future__ import annotations

from typing import Any

import pytest

from tests.fixtures.indexers.feeds import FeedSite
from tests.fixtures.indexers.plugin import indexer_app, indexer_fixture_server, indexer_server
from tests.fixtures.indexers.releases import MB, FixtureRelease
from tests.fixtures.indexers.resources import indexer_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.support.live import LiveServer

__all__ = ["indexer_app", "indexer_fixture_server", "indexer_server"]


def _resource(server: IndexerFixtureServer, style: str, **fields: Any) -> dict[str, Any]:
    values = {"baseUrl": f"{server.site_url(f'rss-{style}')}/rss", **fields}
    return indexer_resource("TorrentRssIndexer", values, name=f"Feed {style}", enableAutomaticSearch=False,
                            enableInteractiveSearch=False)  # fmt: skip


async def _releases(app: LiveServer, server: IndexerFixtureServer, style: str, **fields: Any) -> list[Any]:
    response = await app.client.post("/api/v3/indexer", json=_resource(server, style, **fields))
    assert response.status_code == 201, response.text
    outcome = await app.services.indexers.rss()
    assert outcome.failures == []
    return sorted(outcome.releases, key=lambda r: r.title)


@pytest.mark.parametrize("style", ["enclosure", "size_element", "description", "ezrss", "magnet"])
async def test_each_kind_of_feed_gives_titles_sizes_and_downloads(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer, style: str
) -> None:
    site: FeedSite = indexer_server.site(f"rss-{style}")
    releases = await _releases(indexer_app, indexer_server, style)
    expected = sorted(site.releases, key=lambda r: r.title)
    assert [r.title for r in releases] == [r.title for r in expected]
    for release, source in zip(releases, expected, strict=True):
        if style in ("description", "magnet"):
            assert abs(release.size - source.size) <= source.size * 0.01  # "10.00 GB" is rounded
        else:
            assert release.size == source.size
        assert release.publish_date == release.publish_date.astimezone()
        if style != "ezrss":
            assert (release.seeders, release.peers) == (source.seeders, source.seeders + source.leechers)
    if style == "ezrss":
        assert [r.info_hash for r in releases] == [r.info_hash for r in expected]
        assert all(r.magnet_url for r in releases)
    if style == "magnet":
        assert all(r.download_url.startswith("magnet:") for r in releases)
        assert [r.info_hash for r in releases] == [r.info_hash for r in expected]


async def test_the_feed_cannot_search(indexer_app: LiveServer) -> None:
    schema = {s["implementation"]: s for s in (await indexer_app.client.get("/api/v3/indexer/schema")).json()}
    feed = schema["TorrentRssIndexer"]
    assert (feed["implementationName"], feed["configContract"]) == (
        "Torrent RSS Feed",
        "TorrentRssIndexerSettings",
    )
    assert (feed["supportsRss"], feed["supportsSearch"]) == (True, False)
    assert [f["name"] for f in feed["fields"]][:3] == ["baseUrl", "cookie", "allowZeroSize"]


async def test_a_feed_without_sizes_is_refused_unless_allowed(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    response = await indexer_app.client.post("/api/v3/indexer", json=_resource(indexer_server, "no_size"))
    assert response.status_code == 400
    assert "Feed doesn't contain the release content size" in response.json()[0]["errorMessage"]
    releases = await _releases(indexer_app, indexer_server, "no_size", allowZeroSize=True)
    assert {r.size for r in releases} == {0}


async def test_a_feed_of_tiny_sizes_is_refused(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    site: FeedSite = indexer_server.site("rss-enclosure")
    site.releases = [
        FixtureRelease(f"Tiny.Film.{i}.2020.720p-X", MB // 2, site.releases[0].age) for i in range(3)
    ]
    response = await indexer_app.client.post("/api/v3/indexer", json=_resource(indexer_server, "enclosure"))
    assert response.status_code == 400
    # Radarr falls back from the enclosure's length to size elements and the description, finds no
    # real size in either, and says so.
    assert "Feed doesn't contain the release content size" in response.json()[0]["errorMessage"]


async def test_a_private_feed_is_read_with_its_login_cookie(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    site: FeedSite = indexer_server.site("rss-enclosure")
    site.cookie = "uid=42; pass=abcdef"
    response = await indexer_app.client.post("/api/v3/indexer", json=_resource(indexer_server, "enclosure"))
    assert response.status_code == 400
    assert "html content" in response.json()[0]["errorMessage"]
    indexer_server.controls.reset()
    releases = await _releases(indexer_app, indexer_server, "enclosure", cookie="uid=42; pass=abcdef")
    assert len(releases) == len(site.releases)
    assert all(
        r.headers.get("cookie") == "uid=42; pass=abcdef"
        for r in indexer_server.requests_to("/rss-enclosure/")
    )


async def test_an_empty_feed_cannot_be_checked(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    indexer_server.site("rss-enclosure").releases = []
    response = await indexer_app.client.post("/api/v3/indexer", json=_resource(indexer_server, "enclosure"))
    assert response.status_code == 400
    assert "Empty feed" in response.json()[0]["errorMessage"]
