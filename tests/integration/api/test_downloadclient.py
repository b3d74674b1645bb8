"""/api/v3/downloadclient: Radarr's provider resource for download clients, against a real qBittorrent
and a real Transmission, on SQLite and PostgreSQL (the `server` fixture)."""

from __future__ import annotations

from typing import Any

from tests.support.downloadclients import qbittorrent_resource, transmission_resource
from tests.support.live import LiveServer
from tests.support.net import free_port
from tests.support.qbittorrent import QBittorrentServer, qbittorrent_api
from tests.support.shared_server import delete_all, shared_server
from tests.support.transmission import TransmissionServer
from tests.support.waiting import checked_health

server = shared_server(reset=delete_all("/api/v3/downloadclient"))

MASK = "********"


def field(resource: dict[str, Any], name: str) -> Any:
    return next(f["value"] for f in resource["fields"] if f["name"] == name)


async def blank(server: LiveServer, implementation: str = "QBittorrent") -> dict[str, Any]:
    schema = (await server.client.get("/api/v3/downloadclient/schema")).json()
    return next(entry for entry in schema if entry["implementation"] == implementation)


async def resource(server: LiveServer, qbit: QBittorrentServer, **values: Any) -> dict[str, Any]:
    """A qBittorrent resource as Radarr's UI sends it: the blank one from the schema, filled in."""
    return await qbittorrent_resource(server.client, qbit, **values)


async def test_the_schema_offers_qbittorrent_with_radarrs_fields_and_defaults(server: LiveServer) -> None:
    entry = await blank(server)
    assert entry["configContract"] == "QBittorrentSettings"
    assert entry["implementationName"] == "qBittorrent"
    assert (entry["protocol"], entry["enable"], entry["priority"]) == ("torrent", True, 1)
    assert (entry["removeCompletedDownloads"], entry["removeFailedDownloads"]) == (True, True)
    assert [f["name"] for f in entry["fields"]] == [
        "host",
        "port",
        "useSsl",
        "urlBase",
        "username",
        "password",
        "movieCategory",
        "movieImportedCategory",
        "recentMoviePriority",
        "olderMoviePriority",
        "initialState",
        "sequentialOrder",
        "firstAndLast",
        "contentLayout",
    ]
    assert (field(entry, "host"), field(entry, "port"), field(entry, "movieCategory")) == (
        "localhost",
        8080,
        "radarr",
    )
    password = next(f for f in entry["fields"] if f["name"] == "password")
    assert (password["type"], password["privacy"]) == ("password", "password")
    states = next(f for f in entry["fields"] if f["name"] == "initialState")["selectOptions"]
    assert [o["name"] for o in states] == ["Started", "Force Started", "Stopped"]


async def test_a_client_is_tested_then_kept_with_its_password_masked(
    server: LiveServer, qbittorrent: QBittorrentServer
) -> None:
    body = await resource(server, qbittorrent, movieCategory="reelarr-api")
    created = await server.client.post("/api/v3/downloadclient", json=body)
    assert created.status_code == 201, created.text
    kept = created.json()
    assert field(kept, "password") == MASK
    assert "reelarr-api" in qbittorrent_api(qbittorrent).torrents_categories()  # the test made it
    listed = (await server.client.get("/api/v3/downloadclient")).json()
    assert [(c["name"], c["protocol"]) for c in listed] == [("qBittorrent", "torrent")]

    kept["priority"] = 5
    updated = await server.client.put(f"/api/v3/downloadclient/{kept['id']}", json=kept)
    assert updated.status_code == 202, updated.text  # the masked password sent back still logs in
    assert updated.json()["priority"] == 5
    tested = await server.client.post("/api/v3/downloadclient/testall")
    assert tested.json() == [{"id": kept["id"], "isValid": True, "validationFailures": []}]


async def test_a_wrong_password_is_refused_unless_forced(
    server: LiveServer, qbittorrent: QBittorrentServer
) -> None:
    body = await resource(server, qbittorrent, password="not the password")
    refused = await server.client.post("/api/v3/downloadclient", json=body)
    assert refused.status_code == 400
    assert [f["propertyName"] for f in refused.json()] == ["username"]
    forced = await server.client.post("/api/v3/downloadclient", json=body, params={"forceSave": "true"})
    assert forced.status_code == 201
    tested = await server.client.post("/api/v3/downloadclient/test", json=forced.json())
    assert tested.status_code == 400


async def test_bad_settings_are_a_validation_error(
    server: LiveServer, qbittorrent: QBittorrentServer
) -> None:
    body = await resource(server, qbittorrent, host="http://127.0.0.1", movieCategory="/movies")
    refused = await server.client.post("/api/v3/downloadclient", json=body)
    assert refused.status_code == 400
    assert {f["propertyName"] for f in refused.json()} == {"host", "movieCategory"}


async def test_health_says_when_no_client_is_there_or_one_cannot_be_reached(
    server: LiveServer, qbittorrent: QBittorrentServer
) -> None:
    async def download_client_health(level: str) -> dict[str, dict[str, Any]]:
        # A health run under way when the client changed reports what it found before: wait for one
        # that began after.
        await server.client.post("/api/v3/command", json={"name": "CheckHealth"})
        return await checked_health(server, "DownloadClientCheck", level)

    nothing = await download_client_health("warning")
    assert nothing["DownloadClientCheck"]["message"] == "No download client is available"

    body = await resource(server, qbittorrent, port=free_port())
    body["name"] = "Gone"
    gone = await server.client.post("/api/v3/downloadclient", json=body, params={"forceSave": "true"})
    assert gone.status_code == 201
    problems = await download_client_health("error")
    assert problems["DownloadClientCheck"]["message"].startswith(
        "Unable to communicate with Gone. Unable to connect"
    )
    status = (await server.client.get(f"/api/v3/downloadclient/{gone.json()['id']}")).json()
    assert status.get("status", {}).get("lastError", "").startswith("Unable to connect")


async def test_an_indexer_may_name_an_existing_download_client_only(
    server: LiveServer, qbittorrent: QBittorrentServer
) -> None:
    created = await server.client.post("/api/v3/downloadclient", json=await resource(server, qbittorrent))
    client_id = created.json()["id"]
    schema = (await server.client.get("/api/v3/indexer/schema")).json()
    indexer = next(entry for entry in schema if entry["implementation"] == "Torznab")
    indexer["name"] = "Site"
    indexer["downloadClientId"] = client_id + 1
    refused = await server.client.post("/api/v3/indexer", json=indexer, params={"forceSave": "true"})
    assert refused.status_code == 400
    assert [f["propertyName"] for f in refused.json()] == ["downloadClientId"]
    indexer["downloadClientId"] = client_id
    accepted = await server.client.post("/api/v3/indexer", json=indexer, params={"forceSave": "true"})
    assert accepted.status_code == 201, accepted.text


async def test_the_schema_offers_transmission_with_radarrs_fields_and_defaults(server: LiveServer) -> None:
    entry = await blank(server, "Transmission")
    assert (entry["configContract"], entry["implementationName"]) == ("TransmissionSettings", "Transmission")
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
        "addPaused",
    ]
    defaults = {f["name"]: f.get("value") for f in entry["fields"]}
    assert (defaults["host"], defaults["port"], defaults["urlBase"], defaults["movieCategory"]) == (
        "localhost",
        9091,
        "/transmission/",
        "radarr",
    )
    assert defaults["addPaused"] is False
    password = next(f for f in entry["fields"] if f["name"] == "password")
    assert (password["type"], password["privacy"]) == ("password", "password")
    priorities = next(f for f in entry["fields"] if f["name"] == "recentMoviePriority")["selectOptions"]
    assert [(o["value"], o["name"]) for o in priorities] == [(0, "Last"), (1, "First")]


async def test_transmission_is_tested_then_kept_with_its_password_masked(
    server: LiveServer, transmission: TransmissionServer
) -> None:
    body = await transmission_resource(server.client, transmission, addPaused=True)
    created = await server.client.post("/api/v3/downloadclient", json=body)
    assert created.status_code == 201, created.text
    kept = created.json()
    assert (field(kept, "password"), field(kept, "addPaused")) == (MASK, True)
    kept["priority"] = 3
    updated = await server.client.put(f"/api/v3/downloadclient/{kept['id']}", json=kept)
    assert updated.status_code == 202, updated.text  # the masked password sent back still logs in
    tested = await server.client.post("/api/v3/downloadclient/testall")
    assert tested.json() == [{"id": kept["id"], "isValid": True, "validationFailures": []}]


async def test_transmission_with_a_wrong_password_is_a_400_on_username(
    server: LiveServer, transmission: TransmissionServer
) -> None:
    body = await transmission_resource(server.client, transmission, password="not the password")
    refused = await server.client.post("/api/v3/downloadclient", json=body)
    assert refused.status_code == 400
    [failure] = refused.json()
    assert (failure["propertyName"], failure["severity"]) == ("username", "error")
    assert failure["errorMessage"].startswith("Authentication Failure")
    assert "not the password" not in refused.text
    assert (await server.client.get("/api/v3/downloadclient")).json() == []


async def test_transmission_settings_are_validated_as_radarr_validates_them(
    server: LiveServer, transmission: TransmissionServer
) -> None:
    body = await transmission_resource(
        server.client, transmission, host="http://127.0.0.1", movieCategory="films/uhd", port=0
    )
    refused = await server.client.post("/api/v3/downloadclient", json=body)
    assert refused.status_code == 400
    assert {(f["propertyName"], f["errorMessage"]) for f in refused.json()} >= {
        ("movieCategory", "Allowed characters a-z and -"),
        ("port", "'Port' must be between 1 and 65535. You entered 0."),
    }
    assert "host" in {f["propertyName"] for f in refused.json()}
    both = await transmission_resource(server.client, transmission, movieDirectory="/data/movies")
    refused = await server.client.post("/api/v3/downloadclient", json=both)
    assert [(f["propertyName"], f["errorMessage"]) for f in refused.json()] == [
        ("movieCategory", "Cannot use Category and Directory")
    ]


async def test_health_says_when_transmission_cannot_be_reached(
    server: LiveServer, transmission: TransmissionServer
) -> None:
    body = await transmission_resource(server.client, transmission, port=free_port(), name="Gone")
    gone = await server.client.post("/api/v3/downloadclient", json=body, params={"forceSave": "true"})
    assert gone.status_code == 201, gone.text
    await server.client.post("/api/v3/command", json={"name": "CheckHealth"})
    problems = await checked_health(server, "DownloadClientCheck", "error")
    assert problems["DownloadClientCheck"]["message"].startswith(
        "Unable to communicate with Gone. Unable to connect to Transmission"
    )
