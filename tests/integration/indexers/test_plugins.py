"""Indexers from plugins: registered through the plugin host, listed, stored and used like built-in ones."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from tests.fixtures.indexers.plugin import indexer_fixture_server, indexer_server
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.support.live import LiveServer, live_server

__all__ = ["indexer_fixture_server", "indexer_server"]


@pytest.fixture
async def app_with_plugin(database_url: str, tmp_path: Path) -> AsyncIterator[LiveServer]:
    """A Reelarr that loads the test indexer plugin."""
    settings = make_settings(
        database_url,
        tmp_path / "data",
        plugins=["tests.plugins.indexer_plugin"],
        indexer_request_interval_seconds=0,
    )
    async with live_server(settings) as live:
        yield live


async def test_a_plugin_indexer_is_offered_saved_and_read(
    app_with_plugin: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    schema = {
        s["implementation"]: s for s in (await app_with_plugin.client.get("/api/v3/indexer/schema")).json()
    }
    assert schema["PluginFeed"]["configContract"] == "PluginFeedSettings"
    assert schema["PluginFeed"]["implementationName"] == "Plugin Feed"
    assert schema["PluginFeed"]["enableRss"] is False  # its blank settings are not valid yet
    site = indexer_server.site("torznab")
    feed = f"{indexer_server.site_url('torznab')}/api?t=search&cat=2000&apikey={site.api_key}"
    body = {
        "name": "From a plugin",
        "implementation": "PluginFeed",
        "configContract": "PluginFeedSettings",
        "enableRss": True,
        "fields": [{"name": "feedUrl", "value": feed}],
    }
    response = await app_with_plugin.client.post("/api/v3/indexer", json=body)
    assert response.status_code == 201, response.text
    outcome = await app_with_plugin.services.indexers.rss()
    assert outcome.failures == []
    assert {r.title for r in outcome.releases} == {r.title for r in site.releases}
