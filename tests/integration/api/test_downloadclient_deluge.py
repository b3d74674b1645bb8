"""/api/v3/downloadclient with Deluge: the schema's fields and defaults, Radarr's validation, and a
client tested against a real deluge-web before it is kept, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from tests.support.deluge import DelugeServer
from tests.support.downloadclients import deluge_resource
from tests.support.live import LiveServer
from tests.support.net import free_port
from tests.support.shared_server import delete_all, shared_server

server = shared_server(reset=delete_all("/api/v3/downloadclient"))

MASK = "********"


def field(resource: dict[str, Any], name: str) -> Any:
    return next(f["value"] for f in resource["fields"] if f["name"] == name)


async def test_the_schema_offers_deluge_with_radarrs_fields_and_defaults(server: LiveServer) -> None:
    schema = (await server.client.get("/api/v3/downloadclient/schema")).json()
    entry = next(e for e in schema if e["implementation"] == "Deluge")
    assert (entry["configContract"], entry["implementationName"]) == ("DelugeSettings", "Deluge")
    assert (entry["protocol"], entry["enable"], entry["priority"]) == ("torrent", True, 1)
    assert [f["name"] for f in entry["fields"]] == [
        "host",
        "port",
        "useSsl",
        "urlBase",
        "password",
        "movieCategory",
        "movieImportedCategory",
        "recentMoviePriority",
        "olderMoviePriority",
        "addPaused",
        "downloadDirectory",
        "completedDirectory",
    ]
    defaults = {f["name"]: f.get("value") for f in entry["fields"]}
    assert (defaults["host"], defaults["port"], defaults["movieCategory"]) == ("localhost", 8112, "radarr")
    password = next(f for f in entry["fields"] if f["name"] == "password")
    assert (password["type"], password["privacy"]) == ("password", "password")
    priorities = next(f for f in entry["fields"] if f["name"] == "olderMoviePriority")["selectOptions"]
    assert [(o["value"], o["name"]) for o in priorities] == [(0, "Last"), (1, "First")]


async def test_deluge_is_tested_kept_updated_and_deleted(server: LiveServer, deluge: DelugeServer) -> None:
    body = await deluge_resource(server.client, deluge, movieCategory="reelarr-api", addPaused=True)
    created = await server.client.post("/api/v3/downloadclient", json=body)
    assert created.status_code == 201, created.text
    kept = created.json()
    assert (field(kept, "password"), field(kept, "addPaused")) == (MASK, True)
    kept["priority"] = 3
    updated = await server.client.put(f"/api/v3/downloadclient/{kept['id']}", json=kept)
    assert updated.status_code == 202, updated.text  # the masked password sent back still logs in
    tested = await server.client.post("/api/v3/downloadclient/testall")
    assert tested.json() == [{"id": kept["id"], "isValid": True, "validationFailures": []}]
    assert "reelarr-api" in deluge.call("label.get_labels")
    deleted = await server.client.delete(f"/api/v3/downloadclient/{kept['id']}")
    assert deleted.status_code == 200
    assert (await server.client.get("/api/v3/downloadclient")).json() == []


async def test_deluge_with_a_wrong_password_is_a_400_on_password(
    server: LiveServer, deluge: DelugeServer
) -> None:
    body = await deluge_resource(server.client, deluge, password="not the password")
    refused = await server.client.post("/api/v3/downloadclient", json=body)
    assert refused.status_code == 400
    [failure] = refused.json()
    assert (failure["propertyName"], failure["severity"]) == ("password", "error")
    assert failure["errorMessage"].startswith("Authentication Failure")
    assert "not the password" not in refused.text
    tested = await server.client.post("/api/v3/downloadclient/test", json=body)
    assert tested.status_code == 400
    assert (await server.client.get("/api/v3/downloadclient")).json() == []


async def test_deluge_settings_are_validated_as_radarr_validates_them(
    server: LiveServer, deluge: DelugeServer
) -> None:
    body = await deluge_resource(
        server.client, deluge, movieCategory="Films", movieImportedCategory="done/x", port=0
    )
    refused = await server.client.post("/api/v3/downloadclient", json=body)
    assert refused.status_code == 400
    assert {(f["propertyName"], f["errorMessage"]) for f in refused.json()} == {
        ("port", "'Port' must be between 1 and 65535. You entered 0."),
        ("movieCategory", "Allowed characters a-z, 0-9 and -"),
        ("movieImportedCategory", "Allowed characters a-z, 0-9 and -"),
    }


async def test_health_says_when_deluge_cannot_be_reached(server: LiveServer, deluge: DelugeServer) -> None:
    body = await deluge_resource(server.client, deluge, port=free_port(), name="Gone")
    gone = await server.client.post("/api/v3/downloadclient", json=body, params={"forceSave": "true"})
    assert gone.status_code == 201, gone.text
    await server.client.post("/api/v3/command", json={"name": "CheckHealth"})
    problems = {p["source"]: p for p in (await server.client.get("/api/v3/health")).json()}
    assert problems["DownloadClientCheck"]["type"] == "error"
    assert problems["DownloadClientCheck"]["message"].startswith(
        "Unable to communicate with Gone. Unable to connect to Deluge"
    )
