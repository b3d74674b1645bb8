"""Prowlarr's indexer sync, replayed as Prowlarr 1.x sends it (src/NzbDrone.Core/Applications/Radarr):
test, schema, add with the forceSave retry, map back, update keeping the user's own settings, delete.

Prowlarr serves each of its indexers as a Newznab or Torznab site at `{prowlarrUrl}/{id}/api`; the
fixture indexers play that part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.fixtures.indexers.newznab import NabSite
from tests.fixtures.indexers.plugin import indexer_app, indexer_fixture_server, indexer_server
from tests.fixtures.indexers.resources import field_value
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.support.downloadclients import add_qbittorrent
from tests.support.live import LiveServer

__all__ = ["indexer_app", "indexer_fixture_server", "indexer_server"]

PROWLARR_KEY = "prowlarrkey00000000000000000000a"
SYNC_CATEGORIES = [2000, 2010, 2020, 2030, 2040, 2045, 2050, 2060, 2070, 2080, 2090]
SYNC_FIELDS = [
    "baseUrl",
    "apiPath",
    "apiKey",
    "categories",
    "minimumSeeders",
    "seedCriteria.seedRatio",
    "seedCriteria.seedTime",
    "rejectBlocklistedTorrentHashesWhileGrabbing",
]
FIRST_SYNC_FIELDS = ["multiLanguages", "removeYear", "requiredFlags", "additionalParameters"]
APP_INDEXER = re.compile(r"/(?P<indexer>\d{1,3})(?:/(?:api)?/?)?$", re.IGNORECASE)


@dataclass
class ProwlarrIndexer:
    """One of Prowlarr's indexers, as it describes it to Radarr."""

    id: int
    name: str
    torrent: bool
    categories: list[int]
    priority: int = 25
    minimum_seeders: int = 1
    seed_ratio: float | None = None
    seed_time: int | None = None


@dataclass
class Prowlarr:
    """Prowlarr's Radarr application: its proxy (RadarrV3Proxy) and its sync logic (Radarr.cs)."""

    client: httpx.AsyncClient
    url: str
    schema: list[dict[str, Any]] = field(default_factory=list)
    mappings: dict[int, int] = field(default_factory=dict)  # Prowlarr indexer id -> Radarr indexer id
    answers: list[int] = field(default_factory=list)  # the status of each add or update sent

    async def _schema(self) -> list[dict[str, Any]]:
        if not self.schema:  # Prowlarr caches the schema for 7 days
            response = await self.client.get("/api/v3/indexer/schema")
            assert response.status_code == 200
            # Prowlarr reads fields into RadarrField: name, value, type, advanced, section, hidden.
            self.schema = [
                {
                    **entry,
                    "fields": [
                        {
                            k: f[k]
                            for k in ("name", "value", "type", "advanced", "section", "hidden")
                            if k in f
                        }
                        for f in entry["fields"]
                    ],
                }
                for entry in response.json()
            ]
        return self.schema

    async def build(self, indexer: ProwlarrIndexer, remote_id: int = 0) -> dict[str, Any]:
        """BuildRadarrIndexer: the schema's entry, its sync fields set from Prowlarr's indexer."""
        implementation = "Torznab" if indexer.torrent else "Newznab"
        schema = next(s for s in await self._schema() if s["implementation"] == implementation)
        names = SYNC_FIELDS + (FIRST_SYNC_FIELDS if remote_id == 0 else [])
        fields = [dict(f) for f in schema["fields"] if f["name"] in names]
        values = {
            "baseUrl": f"{self.url.rstrip('/')}/{indexer.id}/",
            "apiPath": "/api",
            "apiKey": PROWLARR_KEY,
            "categories": [c for c in indexer.categories if c in SYNC_CATEGORIES],
        }
        if indexer.torrent:
            values.update(
                {
                    "minimumSeeders": indexer.minimum_seeders,
                    "seedCriteria.seedRatio": indexer.seed_ratio,
                    "seedCriteria.seedTime": indexer.seed_time,
                    "rejectBlocklistedTorrentHashesWhileGrabbing": False,
                }
            )
        for f in fields:
            if f["name"] in values:
                f["value"] = values[f["name"]]
        return {
            "id": remote_id,
            "name": f"{indexer.name} (Prowlarr)",
            "enableRss": True,
            "enableAutomaticSearch": True,
            "enableInteractiveSearch": True,
            "priority": indexer.priority,
            "implementation": implementation,
            "configContract": schema["configContract"],
            "fields": fields,
            "tags": [],
        }

    async def test(self) -> str | None:
        """Radarr.Test: a Newznab indexer on Prowlarr's test endpoint `/0/`; None when all is well."""
        body = await self.build(ProwlarrIndexer(0, "Test", False, SYNC_CATEGORIES))
        response = await self.client.post("/api/v3/indexer/test", json=body)
        if response.status_code == 401:
            return "API Key is invalid"
        if response.status_code == 400:
            return "Prowlarr URL is invalid, Radarr cannot connect to Prowlarr"
        if 300 <= response.status_code < 400:
            return "Radarr URL is invalid, Prowlarr cannot connect to Radarr - are you missing a URL base?"
        version = response.headers.get("X-Application-Version")
        if version is None:
            return "Failed to fetch Radarr version"
        parts = tuple(int(p) for p in version.split("."))
        minimum = (3, 1, 1) if parts[0] == 3 else (4, 0, 4)
        return None if parts[:3] >= minimum else f"Radarr version should be at least {minimum}"

    async def _send(self, method: str, path: str, body: dict[str, Any]) -> httpx.Response:
        response = await self.client.request(method, path, json=body)
        self.answers.append(response.status_code)
        if response.status_code == 400:  # "Retrying to add indexer forcefully"
            response = await self.client.request(method, path, json=body, params={"forceSave": "true"})
            self.answers.append(response.status_code)
        assert response.status_code < 300, response.text
        return response

    async def add(self, indexer: ProwlarrIndexer) -> dict[str, Any]:
        """AddIndexer."""
        response = await self._send("POST", "/api/v3/indexer", await self.build(indexer))
        added: dict[str, Any] = response.json()
        self.mappings[indexer.id] = added["id"]
        return added

    async def mapped(self) -> dict[int, int]:
        """GetIndexerMappings: Radarr's indexers that point at this Prowlarr, by Prowlarr's id."""
        found = {}
        for remote in (await self.client.get("/api/v3/indexer")).json():
            if remote["implementation"] not in ("Newznab", "Torznab"):
                continue
            base_url = field_value(remote, "baseUrl") or ""
            if (
                not base_url.startswith(self.url.rstrip("/"))
                and field_value(remote, "apiKey") != PROWLARR_KEY
            ):
                continue
            match = APP_INDEXER.search(base_url)
            if match:
                found[int(match.group("indexer"))] = remote["id"]
        return found

    @staticmethod
    def _equal(mine: dict[str, Any], remote: dict[str, Any]) -> bool:
        """RadarrIndexer.Equals: the sync fields compared, a masked key taken as equal."""

        def value(resource: dict[str, Any], name: str) -> Any:
            return next((f.get("value") for f in resource["fields"] if f["name"] == name), None)

        same_key = value(mine, "apiKey") == value(remote, "apiKey") or value(remote, "apiKey") == "********"
        keys = (
            "enableRss",
            "enableAutomaticSearch",
            "enableInteractiveSearch",
            "name",
            "implementation",
            "priority",
            "id",
        )
        fields = (
            "baseUrl",
            "categories",
            "apiPath",
            "minimumSeeders",
            "seedCriteria.seedRatio",
            "seedCriteria.seedTime",
        )
        return (
            same_key
            and all(mine[k] == remote[k] for k in keys)
            and all(value(mine, f) == value(remote, f) for f in fields)
        )

    async def update(self, indexer: ProwlarrIndexer) -> dict[str, Any] | None:
        """UpdateIndexer: re-add when Radarr lost it; otherwise PUT when it differs, keeping the
        user's fields, tags and download client."""
        remote_id = self.mappings[indexer.id]
        mine = await self.build(indexer, remote_id)
        response = await self.client.get(f"/api/v3/indexer/{remote_id}")
        if response.status_code == 404:
            mine["id"] = 0
            return await self.add(indexer)
        remote = response.json()
        if self._equal(mine, remote):
            return None
        mine["fields"] += [
            f for f in remote["fields"] if f["name"] not in {m["name"] for m in mine["fields"]}
        ]
        mine["tags"] = sorted(set(mine["tags"]) | set(remote["tags"]))
        mine["downloadClientId"] = remote.get("downloadClientId")
        updated: dict[str, Any] = (await self._send("PUT", f"/api/v3/indexer/{remote_id}", mine)).json()
        return updated

    async def remove(self, indexer_id: int) -> None:
        """RemoveIndexer."""
        remote_id = self.mappings.pop(indexer_id)
        response = await self.client.delete(f"/api/v3/indexer/{remote_id}")
        assert response.status_code == 200


def _prowlarr(app: LiveServer, server: IndexerFixtureServer) -> Prowlarr:
    """Prowlarr at the fixture server: its indexer 1 is a Torznab site, 2 a Newznab one."""
    server.add_site("1", NabSite("torznab", api_key=PROWLARR_KEY))
    server.add_site("2", NabSite("newznab", api_key=PROWLARR_KEY))
    return Prowlarr(app.client, server.url)


TORRENTS = ProwlarrIndexer(
    1, "Torrents", True, [2000, 2040, 2045, 5000], priority=10, minimum_seeders=3, seed_ratio=1.5
)
USENET = ProwlarrIndexer(2, "Usenet", False, [2000, 2010, 2040])


async def test_prowlarrs_connection_test_passes_on_its_test_endpoint(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    prowlarr = _prowlarr(indexer_app, indexer_server)
    assert await prowlarr.test() is None
    assert indexer_server.requests_to("/0/api"), "the test did not reach Prowlarr"


async def test_prowlarr_adds_its_indexers_and_finds_them_again(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    prowlarr = _prowlarr(indexer_app, indexer_server)
    torrents = await prowlarr.add(TORRENTS)
    usenet = await prowlarr.add(USENET)
    assert (torrents["name"], torrents["implementation"], torrents["priority"]) == (
        "Torrents (Prowlarr)",
        "Torznab",
        10,
    )
    assert field_value(torrents, "apiKey") == "********"
    assert field_value(torrents, "categories") == [2000, 2040, 2045]
    assert (field_value(torrents, "minimumSeeders"), field_value(torrents, "seedCriteria.seedRatio")) == (
        3,
        1.5,
    )
    assert await prowlarr.mapped() == {1: torrents["id"], 2: usenet["id"]}
    outcome = await indexer_app.services.indexers.rss()
    assert outcome.failures == []
    assert {r.indexer for r in outcome.releases} == {"Torrents (Prowlarr)", "Usenet (Prowlarr)"}
    assert all(r.params["apikey"] == PROWLARR_KEY for r in indexer_server.requests_to("/1/api"))


async def test_an_indexer_that_fails_its_test_is_added_with_force_save(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    prowlarr = _prowlarr(indexer_app, indexer_server)
    indexer_server.site("1").releases = []  # "Query successful, but no results in the configured categories"
    added = await prowlarr.add(TORRENTS)
    assert prowlarr.answers == [400, 201]
    assert (await indexer_app.client.get(f"/api/v3/indexer/{added['id']}")).status_code == 200


async def test_an_unchanged_indexer_is_left_alone(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    prowlarr = _prowlarr(indexer_app, indexer_server)
    await prowlarr.add(TORRENTS)
    assert await prowlarr.update(TORRENTS) is None


async def test_an_update_keeps_the_users_own_settings(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    prowlarr = _prowlarr(indexer_app, indexer_server)
    added = await prowlarr.add(TORRENTS)
    tag = (await indexer_app.client.post("/api/v3/tag", json={"label": "uhd"})).json()["id"]
    mine = (await indexer_app.client.get(f"/api/v3/indexer/{added['id']}")).json()
    client = (await add_qbittorrent(indexer_app.client))["id"]
    mine.update(tags=[tag], downloadClientId=client, queriesPerHour=12)
    mine["fields"] = [{**f, "value": [1, 2]} if f["name"] == "multiLanguages" else f for f in mine["fields"]]
    assert (await indexer_app.client.put(f"/api/v3/indexer/{added['id']}", json=mine)).status_code == 202

    changed = ProwlarrIndexer(**{**TORRENTS.__dict__, "priority": 5, "categories": [2000, 2045]})
    updated = await prowlarr.update(changed)
    assert updated is not None
    assert (updated["priority"], field_value(updated, "categories")) == (5, [2000, 2045])
    assert updated["tags"] == [tag]
    assert updated["downloadClientId"] == client
    assert updated["queriesPerHour"] == 12  # Reelarr's own field, which Prowlarr does not send
    assert field_value(updated, "multiLanguages") == [1, 2]
    assert field_value(updated, "apiKey") == "********"
    outcome = await indexer_app.services.indexers.rss()
    assert outcome.failures == []  # the key survived the round trip


async def test_an_indexer_deleted_in_reelarr_is_added_again(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    prowlarr = _prowlarr(indexer_app, indexer_server)
    added = await prowlarr.add(USENET)
    await indexer_app.client.delete(f"/api/v3/indexer/{added['id']}")
    again = await prowlarr.update(USENET)
    assert again is not None
    assert again["id"] != added["id"]
    assert await prowlarr.mapped() == {2: again["id"]}


async def test_prowlarr_removes_its_indexers(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    prowlarr = _prowlarr(indexer_app, indexer_server)
    await prowlarr.add(TORRENTS)
    await prowlarr.add(USENET)
    await prowlarr.remove(1)
    assert await prowlarr.mapped() == {2: prowlarr.mappings[2]}
    await prowlarr.remove(2)
    assert (await indexer_app.client.get("/api/v3/indexer")).json() == []
