"""What the UI hears over /ws when indexers change, fail or the indexer options are saved; and the
indexer facts the decision engine reads."""

from __future__ import annotations

import json
from typing import Any

import websockets
from websockets.asyncio.client import ClientConnection

from reelarr.releases.model import DownloadProtocol, IndexerFlags
from reelarr.releases.search import MovieSearch
from tests.fixtures.indexers.plugin import indexer_app, indexer_fixture_server, indexer_server
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.support.downloadclients import add_qbittorrent
from tests.support.live import API_KEY, LiveServer

__all__ = ["indexer_app", "indexer_fixture_server", "indexer_server"]


async def _next(ws: ClientConnection, name: str) -> dict[str, Any]:
    while True:
        message = json.loads(await ws.recv(decode=True))
        if message["name"] == name:
            return message  # type: ignore[no-any-return]


async def test_indexer_changes_failures_and_options_reach_the_ui(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    url = indexer_app.url.replace("http://", "ws://") + f"/ws?access_token={API_KEY}"
    async with websockets.connect(url, open_timeout=10) as ws:
        created = (await indexer_app.client.post("/api/v3/indexer", json=nab_resource(indexer_server))).json()
        assert (await _next(ws, "indexer")) == {
            "name": "indexer",
            "action": "created",
            "resource": {"id": created["id"]},
        }
        await indexer_app.client.delete(f"/api/v3/indexer/{created['id']}")
        assert (await _next(ws, "indexer"))["action"] == "deleted"
        await indexer_app.client.post("/api/v3/indexer", json=nab_resource(indexer_server, name="Again"))
        indexer_server.fail("status", status=500)
        await indexer_app.services.indexers.search(MovieSearch(imdb_id="tt0133093", titles=("x",), year=1999))
        assert (await _next(ws, "health"))["action"] == "sync"
        await indexer_app.client.put("/api/v3/config/indexer", json={"id": 1, "retention": 10})
        assert (await _next(ws, "config/indexer"))["action"] == "sync"


async def _download_client(app: LiveServer, *, enable: bool = True) -> int:
    """A qBittorrent client kept without a test (nothing needs to answer for an indexer to name it)."""
    return int((await add_qbittorrent(app.client, name="Client", enable=enable))["id"])


async def test_the_decision_engine_reads_an_indexers_rules(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    fields = {
        "minimumSeeders": 5,
        "seedCriteria.seedRatio": 1.5,
        "seedCriteria.seedTime": 60,
        "requiredFlags": [1, 8],
    }
    client_id = await _download_client(indexer_app)
    body = nab_resource(indexer_server, fields=fields, priority=7, downloadClientId=client_id)
    created = (await indexer_app.client.post("/api/v3/indexer", json=body)).json()
    info = (await indexer_app.services.indexers.infos())[created["id"]]
    assert (info.name, info.protocol, info.priority, info.download_client_id) == (
        "Fixture",
        DownloadProtocol.TORRENT,
        7,
        client_id,
    )
    assert (info.minimum_seeders, info.seed_ratio, info.seed_time) == (5, 1.5, 60)
    assert info.required_flags == IndexerFlags.G_FREELEECH | IndexerFlags.PTP_GOLDEN
