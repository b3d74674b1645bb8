"""/api/v3/downloadclient with SABnzbd: Radarr's schema entry, and a client tested against the fixture
SABnzbd before it is kept, on SQLite and PostgreSQL (the `server` fixture)."""

from __future__ import annotations

from typing import Any

from tests.fixtures.sabnzbd.server import SabnzbdFixtureServer, sabnzbd
from tests.support.live import LiveServer
from tests.support.shared_server import delete_all, shared_server

server = shared_server(reset=delete_all("/api/v3/downloadclient"))

__all__ = ["sabnzbd"]
MASK = "********"


async def blank(server: LiveServer) -> dict[str, Any]:
    schema = (await server.client.get("/api/v3/downloadclient/schema")).json()
    entry: dict[str, Any] = next(e for e in schema if e["implementation"] == "Sabnzbd")
    return entry


async def resource(server: LiveServer, sab: SabnzbdFixtureServer, **values: Any) -> dict[str, Any]:
    body = await blank(server)
    settings = sab.settings(**values)
    for entry in body["fields"]:
        if entry["name"] in settings:
            entry["value"] = settings[entry["name"]]
    return {**body, "name": "SABnzbd"}


async def test_the_schema_offers_sabnzbd_with_radarrs_fields_and_defaults(server: LiveServer) -> None:
    entry = await blank(server)
    assert (entry["configContract"], entry["implementationName"]) == ("SabnzbdSettings", "SABnzbd")
    assert entry["protocol"] == "usenet"
    assert [f["name"] for f in entry["fields"]] == [
        "host",
        "port",
        "useSsl",
        "urlBase",
        "apiKey",
        "username",
        "password",
        "movieCategory",
        "recentMoviePriority",
        "olderMoviePriority",
    ]
    defaults = {f["name"]: f.get("value") for f in entry["fields"]}
    assert (defaults["host"], defaults["port"], defaults["movieCategory"]) == ("localhost", 8080, "movies")
    assert (defaults["recentMoviePriority"], defaults["olderMoviePriority"]) == (-100, -100)
    api_key = next(f for f in entry["fields"] if f["name"] == "apiKey")
    assert api_key["privacy"] == "apiKey"
    priorities = next(f for f in entry["fields"] if f["name"] == "olderMoviePriority")["selectOptions"]
    assert [(o["value"], o["name"]) for o in priorities] == [
        (-100, "Default"),
        (-2, "Paused"),
        (-1, "Low"),
        (0, "Normal"),
        (1, "High"),
        (2, "Force"),
    ]


async def test_sabnzbd_is_tested_then_kept_with_its_api_key_masked(
    server: LiveServer, sabnzbd: SabnzbdFixtureServer
) -> None:
    created = await server.client.post("/api/v3/downloadclient", json=await resource(server, sabnzbd))
    assert created.status_code == 201, created.text
    kept = created.json()
    assert next(f["value"] for f in kept["fields"] if f["name"] == "apiKey") == MASK
    assert sabnzbd.state.api_key not in created.text
    tested = await server.client.post("/api/v3/downloadclient/testall")
    assert tested.json() == [{"id": kept["id"], "isValid": True, "validationFailures": []}]


async def test_a_wrong_api_key_is_a_400_on_the_key(server: LiveServer, sabnzbd: SabnzbdFixtureServer) -> None:
    body = await resource(server, sabnzbd, apiKey="0123456789abcdef0123456789abcdef")
    refused = await server.client.post("/api/v3/downloadclient", json=body)
    assert refused.status_code == 400
    assert [(f["propertyName"], f["errorMessage"]) for f in refused.json()] == [
        ("apiKey", "API Key Incorrect")
    ]
    assert (await server.client.get("/api/v3/downloadclient")).json() == []
