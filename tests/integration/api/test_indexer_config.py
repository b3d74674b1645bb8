"""/api/v3/config/indexer: Radarr's indexer options, read, saved and validated."""

from __future__ import annotations

import pytest

from tests.support.live import LiveServer
from tests.support.shared_server import restore_config, shared_server

server = shared_server(reset=restore_config("/api/v3/config/indexer"))


async def test_the_defaults_are_radarrs(server: LiveServer) -> None:
    response = await server.client.get("/api/v3/config/indexer")
    assert response.status_code == 200
    assert response.json() == {
        "id": 1,
        "minimumAge": 0,
        "maximumSize": 0,
        "retention": 0,
        "rssSyncInterval": 30,
        "preferIndexerFlags": False,
        "availabilityDelay": 0,
        "allowHardcodedSubs": False,
        "whitelistedHardcodedSubs": "",
    }


async def test_options_are_saved_as_a_client_edits_them(server: LiveServer) -> None:
    config = (await server.client.get("/api/v3/config/indexer")).json()
    config.update(minimumAge=60, retention=3000, maximumSize=50000, rssSyncInterval=15)
    config.update(preferIndexerFlags=True)
    config.update(availabilityDelay=-2, allowHardcodedSubs=True, whitelistedHardcodedSubs="korsub,subbed")
    response = await server.client.put("/api/v3/config/indexer/1", json=config)
    assert response.status_code == 202
    assert response.json() == config
    assert (await server.client.get("/api/v3/config/indexer")).json() == config
    assert (await server.services.indexer_config.get()).whitelisted_hardcoded_subs == "korsub,subbed"


async def test_fields_left_out_keep_their_values(server: LiveServer) -> None:
    await server.client.put("/api/v3/config/indexer", json={"id": 1, "retention": 1000})
    await server.client.put("/api/v3/config/indexer", json={"id": 1, "minimumAge": 5})
    config = (await server.client.get("/api/v3/config/indexer/1")).json()
    assert (config["retention"], config["minimumAge"]) == (1000, 5)


@pytest.mark.parametrize(
    ("change", "property_name"),
    [
        ({"minimumAge": -1}, "minimumAge"),
        ({"retention": -5}, "retention"),
        ({"maximumSize": -1}, "maximumSize"),
        ({"rssSyncInterval": 5}, "rssSyncInterval"),
        ({"rssSyncInterval": 121}, "rssSyncInterval"),
        ({"retention": 2**40}, "retention"),
        ({"preferIndexerFlags": "perhaps"}, "preferIndexerFlags"),
    ],
)
async def test_broken_rules_are_a_400_and_nothing_is_saved(
    server: LiveServer, change: dict[str, object], property_name: str
) -> None:
    response = await server.client.put("/api/v3/config/indexer/1", json={"id": 1, "minimumAge": 9, **change})
    assert response.status_code == 400
    assert property_name in [f["propertyName"] for f in response.json()]
    assert (await server.client.get("/api/v3/config/indexer")).json()["minimumAge"] == 0


async def test_rss_sync_can_be_turned_off(server: LiveServer) -> None:
    response = await server.client.put("/api/v3/config/indexer/1", json={"id": 1, "rssSyncInterval": 0})
    assert response.status_code == 202
    assert response.json()["rssSyncInterval"] == 0
