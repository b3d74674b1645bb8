"""/api/v3/downloadclient with rTorrent: the schema's fields and defaults, Radarr's validation, and a
client tested against a real rTorrent (behind its HTTP bridge) before it is kept, on SQLite and
PostgreSQL."""

from __future__ import annotations

from typing import Any

from tests.support.downloadclients import rtorrent_resource
from tests.support.live import LiveServer
from tests.support.net import free_port
from tests.support.rtorrent import RTorrentServer
from tests.support.shared_server import delete_all, shared_server
from tests.support.waiting import checked_health

server = shared_server(reset=delete_all("/api/v3/downloadclient"))

MASK = "********"


def field(resource: dict[str, Any], name: str) -> Any:
    return next(f["value"] for f in resource["fields"] if f["name"] == name)


async def test_the_schema_offers_rtorrent_with_radarrs_fields_and_defaults(server: LiveServer) -> None:
    schema = (await server.client.get("/api/v3/downloadclient/schema")).json()
    entry = next(e for e in schema if e["implementation"] == "RTorrent")
    assert (entry["configContract"], entry["implementationName"]) == ("RTorrentSettings", "rTorrent")
    assert (entry["protocol"], entry["enable"], entry["priority"]) == ("torrent", True, 1)
    assert [f["name"] for f in entry["fields"]] == [
        "host",
        "port",
        "useSsl",
        "urlBase",
        "username",
        "password",
        "movieCategory",
        "movieImportedCategory",
        "movieDirectory",
        "recentMoviePriority",
        "olderMoviePriority",
        "addStopped",
    ]
    defaults = {f["name"]: f.get("value") for f in entry["fields"]}
    assert (defaults["host"], defaults["port"], defaults["urlBase"]) == ("localhost", 8080, "RPC2")
    assert (defaults["movieCategory"], defaults["addStopped"]) == ("radarr", False)
    password = next(f for f in entry["fields"] if f["name"] == "password")
    assert (password["type"], password["privacy"]) == ("password", "password")
    priorities = next(f for f in entry["fields"] if f["name"] == "recentMoviePriority")["selectOptions"]
    assert [(o["value"], o["name"]) for o in priorities] == [
        (0, "Very Low"),
        (1, "Low"),
        (2, "Normal"),
        (3, "High"),
    ]


async def test_rtorrent_is_tested_kept_updated_and_deleted(
    server: LiveServer, rtorrent: RTorrentServer
) -> None:
    body = await rtorrent_resource(server.client, rtorrent, movieCategory="reelarr-api", addStopped=True)
    tested = await server.client.post("/api/v3/downloadclient/test", json=body)
    assert tested.status_code == 200, tested.text
    created = await server.client.post("/api/v3/downloadclient", json=body)
    assert created.status_code == 201, created.text
    kept = created.json()
    assert (field(kept, "password"), field(kept, "addStopped")) == (MASK, True)
    assert rtorrent.password not in created.text
    kept["priority"] = 3
    updated = await server.client.put(f"/api/v3/downloadclient/{kept['id']}", json=kept)
    assert updated.status_code == 202, updated.text  # the masked password sent back still logs in
    assert updated.json()["priority"] == 3
    tested_all = await server.client.post("/api/v3/downloadclient/testall")
    assert tested_all.json() == [{"id": kept["id"], "isValid": True, "validationFailures": []}]
    deleted = await server.client.delete(f"/api/v3/downloadclient/{kept['id']}")
    assert deleted.status_code == 200
    assert (await server.client.get("/api/v3/downloadclient")).json() == []


async def test_rtorrent_with_a_wrong_password_is_a_400_on_username(
    server: LiveServer, rtorrent: RTorrentServer
) -> None:
    body = await rtorrent_resource(server.client, rtorrent, password="not the password")
    refused = await server.client.post("/api/v3/downloadclient", json=body)
    assert refused.status_code == 400
    [failure] = refused.json()
    assert (failure["propertyName"], failure["severity"], failure["errorMessage"]) == (
        "username",
        "error",
        "Authentication failure",
    )
    assert "not the password" not in refused.text
    assert (await server.client.get("/api/v3/downloadclient")).json() == []


async def test_rtorrent_on_a_dead_port_is_a_400_on_host(server: LiveServer, rtorrent: RTorrentServer) -> None:
    body = await rtorrent_resource(server.client, rtorrent, port=free_port())
    refused = await server.client.post("/api/v3/downloadclient/test", json=body)
    assert refused.status_code == 400
    [failure] = refused.json()
    assert failure["propertyName"] == "host"
    assert failure["errorMessage"].startswith("Unable to connect to rTorrent")


async def test_rtorrent_settings_are_validated_as_radarr_validates_them(
    server: LiveServer, rtorrent: RTorrentServer
) -> None:
    body = await rtorrent_resource(server.client, rtorrent, port=0, host="http://x/", olderMoviePriority=9)
    refused = await server.client.post("/api/v3/downloadclient", json=body)
    assert refused.status_code == 400
    assert {(f["propertyName"], f["errorMessage"]) for f in refused.json()} == {
        ("port", "'Port' must be between 1 and 65535. You entered 0."),
        ("host", "Must be a valid Host without http://"),
        ("olderMoviePriority", "is not one of the choices"),
    }


async def test_no_category_is_a_warning_that_forcing_saves_past(
    server: LiveServer, rtorrent: RTorrentServer
) -> None:
    body = await rtorrent_resource(server.client, rtorrent, movieCategory="")
    warned = await server.client.post("/api/v3/downloadclient", json=body)
    assert warned.status_code == 400
    assert [(f["propertyName"], f["severity"]) for f in warned.json()] == [("movieCategory", "warning")]
    forced = await server.client.post("/api/v3/downloadclient", json=body, params={"forceSave": "true"})
    assert forced.status_code == 201, forced.text


async def test_health_says_when_rtorrent_cannot_be_reached(
    server: LiveServer, rtorrent: RTorrentServer
) -> None:
    body = await rtorrent_resource(server.client, rtorrent, port=free_port(), name="Gone")
    gone = await server.client.post("/api/v3/downloadclient", json=body, params={"forceSave": "true"})
    assert gone.status_code == 201, gone.text
    await server.client.post("/api/v3/command", json={"name": "CheckHealth"})
    problems = await checked_health(server, "DownloadClientCheck", "error")
    assert problems["DownloadClientCheck"]["message"].startswith(
        "Unable to communicate with Gone. Unable to connect to rTorrent"
    )
