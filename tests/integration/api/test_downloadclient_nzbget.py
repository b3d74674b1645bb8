"""/api/v3/downloadclient with NZBGet: Radarr's schema entry, and a client tested against a real NZBGet
before it is kept, on SQLite and PostgreSQL (the `server` fixture)."""

from __future__ import annotations

from typing import Any

from tests.support.live import LiveServer
from tests.support.net import free_port
from tests.support.nzbget import NzbgetServer
from tests.support.shared_server import delete_all, shared_server

server = shared_server(reset=delete_all("/api/v3/downloadclient"))

MASK = "********"


async def blank(server: LiveServer) -> dict[str, Any]:
    schema = (await server.client.get("/api/v3/downloadclient/schema")).json()
    entry: dict[str, Any] = next(e for e in schema if e["implementation"] == "Nzbget")
    return entry


async def resource(server: LiveServer, nzb: NzbgetServer, **values: Any) -> dict[str, Any]:
    body = await blank(server)
    settings = nzb.settings(**values)
    for entry in body["fields"]:
        if entry["name"] in settings:
            entry["value"] = settings[entry["name"]]
    return {**body, "name": "NZBGet"}


async def test_the_schema_offers_nzbget_with_radarrs_fields_and_defaults(server: LiveServer) -> None:
    entry = await blank(server)
    assert (entry["configContract"], entry["implementationName"]) == ("NzbgetSettings", "NZBGet")
    assert entry["protocol"] == "usenet"
    assert [f["name"] for f in entry["fields"]] == [
        "host",
        "port",
        "useSsl",
        "urlBase",
        "username",
        "password",
        "movieCategory",
        "recentMoviePriority",
        "olderMoviePriority",
        "addPaused",
    ]
    defaults = {f["name"]: f.get("value") for f in entry["fields"]}
    assert (defaults["host"], defaults["port"], defaults["movieCategory"]) == ("localhost", 6789, "Movies")
    assert (defaults["username"], defaults["addPaused"]) == ("nzbget", False)
    assert (defaults["recentMoviePriority"], defaults["olderMoviePriority"]) == (0, 0)
    password = next(f for f in entry["fields"] if f["name"] == "password")
    assert (password["type"], password["privacy"]) == ("password", "password")
    priorities = next(f for f in entry["fields"] if f["name"] == "recentMoviePriority")["selectOptions"]
    assert [(o["value"], o["name"]) for o in priorities] == [
        (-100, "VeryLow"),
        (-50, "Low"),
        (0, "Normal"),
        (50, "High"),
        (100, "VeryHigh"),
        (900, "Force"),
    ]


async def test_nzbget_is_tested_then_kept_with_its_password_masked(
    server: LiveServer, nzbget: NzbgetServer
) -> None:
    created = await server.client.post("/api/v3/downloadclient", json=await resource(server, nzbget))
    assert created.status_code == 201, created.text
    kept = created.json()
    assert next(f["value"] for f in kept["fields"] if f["name"] == "password") == MASK
    assert nzbget.password not in created.text
    tested = await server.client.post("/api/v3/downloadclient/testall")
    assert tested.json() == [{"id": kept["id"], "isValid": True, "validationFailures": []}]
    changed = {
        **kept,
        "fields": [{**f, "value": 100} if f["name"] == "olderMoviePriority" else f for f in kept["fields"]],
    }
    updated = await server.client.put(f"/api/v3/downloadclient/{kept['id']}", json=changed)
    assert updated.status_code == 202, updated.text
    assert next(f["value"] for f in updated.json()["fields"] if f["name"] == "olderMoviePriority") == 100
    assert (await server.client.delete(f"/api/v3/downloadclient/{kept['id']}")).status_code == 200
    assert (await server.client.get("/api/v3/downloadclient")).json() == []


async def test_what_nzbget_refuses_is_a_400_on_the_field(server: LiveServer, nzbget: NzbgetServer) -> None:
    cases = [
        ({"password": "not-the-password"}, [("username", "Authentication Failure")]),
        ({"movieCategory": "Films"}, [("movieCategory", "Category does not exist")]),
    ]
    for values, expected in cases:
        refused = await server.client.post(
            "/api/v3/downloadclient", json=await resource(server, nzbget, **values)
        )
        assert refused.status_code == 400, refused.text
        assert [(f["propertyName"], f["errorMessage"]) for f in refused.json()] == expected
    closed = await server.client.post(
        "/api/v3/downloadclient/test", json=await resource(server, nzbget, port=free_port())
    )
    assert closed.status_code == 400
    [failure] = closed.json()
    assert failure["propertyName"] == "host"
    assert failure["errorMessage"].startswith("Unable to connect to NZBGet")
    assert (await server.client.get("/api/v3/downloadclient")).json() == []
