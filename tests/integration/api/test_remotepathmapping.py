"""/api/v3/remotepathmapping as Radarr's UI uses it: add, list, change, remove, and its validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.live import LiveServer
from tests.support.shared_server import delete_all, shared_server

server = shared_server(reset=delete_all("/api/v3/remotepathmapping"))


async def _add(server: LiveServer, **fields: Any) -> dict[str, Any]:
    response = await server.client.post("/api/v3/remotepathmapping", json=fields)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def _failures(response: Any) -> list[tuple[str, str]]:
    assert response.status_code == 400, response.text
    return [(f["propertyName"], f["errorMessage"]) for f in response.json()]


async def test_a_mapping_is_kept_with_trailing_separators(server: LiveServer, tmp_path: Path) -> None:
    created = await _add(server, host="sabnzbd", remotePath="C:/Downloads/Complete", localPath=str(tmp_path))
    assert created == {
        "id": created["id"],
        "host": "sabnzbd",
        "remotePath": "C:\\Downloads\\Complete\\",
        "localPath": f"{tmp_path}/",
    }
    assert (await server.client.get("/api/v3/remotepathmapping")).json() == [created]
    assert (await server.client.get(f"/api/v3/remotepathmapping/{created['id']}")).json() == created


async def test_a_unc_remote_path_is_accepted(server: LiveServer, tmp_path: Path) -> None:
    created = await _add(server, host="nas", remotePath="\\\\nas\\media", localPath=str(tmp_path))
    assert created["remotePath"] == "\\\\nas\\media\\"


async def test_a_mapping_is_changed_and_removed(server: LiveServer, tmp_path: Path) -> None:
    created = await _add(server, host="sabnzbd", remotePath="/downloads", localPath=str(tmp_path))
    (tmp_path / "other").mkdir()
    changed = await server.client.put(
        f"/api/v3/remotepathmapping/{created['id']}",
        json={**created, "remotePath": "/data/usenet", "localPath": str(tmp_path / "other")},
    )
    assert changed.status_code == 202, changed.text
    assert changed.json()["remotePath"] == "/data/usenet/"
    assert changed.json()["localPath"] == f"{tmp_path}/other/"
    deleted = await server.client.delete(f"/api/v3/remotepathmapping/{created['id']}")
    assert deleted.status_code == 200
    assert (await server.client.get("/api/v3/remotepathmapping")).json() == []
    assert (await server.client.get(f"/api/v3/remotepathmapping/{created['id']}")).status_code == 404


async def test_the_service_translates_with_the_stored_mappings(server: LiveServer, tmp_path: Path) -> None:
    await _add(server, host="sabnzbd", remotePath="/downloads", localPath=str(tmp_path))
    mappings = server.services.remote_path_mappings
    assert await mappings.local_path("SABNZBD", "/downloads/movies/Film") == f"{tmp_path}/movies/Film"
    assert await mappings.local_path("sabnzbd", "/downloads2/Film") == "/downloads2/Film"
    assert await mappings.remote_path("sabnzbd", f"{tmp_path}/Film") == "/downloads/Film"


async def test_missing_fields_are_each_reported(server: LiveServer) -> None:
    response = await server.client.post("/api/v3/remotepathmapping", json={})
    assert _failures(response) == [
        ("host", "'Host' must not be empty."),
        ("remotePath", "'Remote Path' must not be empty."),
        ("localPath", "'Local Path' must not be empty."),
    ]


async def test_paths_must_be_absolute_and_the_local_folder_must_exist(
    server: LiveServer, tmp_path: Path
) -> None:
    relative = await server.client.post(
        "/api/v3/remotepathmapping", json={"host": "sab", "remotePath": "downloads", "localPath": "mnt/x"}
    )
    assert _failures(relative) == [
        ("remotePath", "Invalid Path: 'downloads'"),
        ("localPath", "Invalid Path: 'mnt/x'"),
    ]
    missing = str(tmp_path / "missing")
    absent = await server.client.post(
        "/api/v3/remotepathmapping", json={"host": "sab", "remotePath": "/downloads", "localPath": missing}
    )
    assert _failures(absent) == [("localPath", f"Path '{missing}' does not exist")]
    (tmp_path / "file").write_text("not a folder")
    a_file = await server.client.post(
        "/api/v3/remotepathmapping",
        json={"host": "sab", "remotePath": "/downloads", "localPath": str(tmp_path / "file")},
    )
    assert _failures(a_file)[0][0] == "localPath"


async def test_a_host_maps_a_remote_folder_once(server: LiveServer, tmp_path: Path) -> None:
    first = await _add(server, host="sab", remotePath="/downloads/", localPath=str(tmp_path))
    body = {"host": "SAB", "remotePath": "/downloads", "localPath": str(tmp_path)}
    again = await server.client.post("/api/v3/remotepathmapping", json=body)
    assert _failures(again) == [("remotePath", "Remote Path '/downloads/' is already mapped for host 'SAB'")]
    await _add(server, host="other", remotePath="/downloads", localPath=str(tmp_path))
    second = await _add(server, host="sab", remotePath="/downloads2", localPath=str(tmp_path))
    clash = await server.client.put(
        f"/api/v3/remotepathmapping/{second['id']}", json={**second, "remotePath": "/downloads"}
    )
    assert _failures(clash)[0][0] == "remotePath"
    unchanged = await server.client.put(f"/api/v3/remotepathmapping/{first['id']}", json=first)
    assert unchanged.status_code == 202


async def test_unknown_ids_are_not_found(server: LiveServer, tmp_path: Path) -> None:
    body = {"host": "sab", "remotePath": "/downloads", "localPath": str(tmp_path)}
    assert (await server.client.get("/api/v3/remotepathmapping/999")).status_code == 404
    assert (await server.client.put("/api/v3/remotepathmapping/999", json=body)).status_code == 404
    assert (await server.client.delete("/api/v3/remotepathmapping/999")).status_code == 404
    assert (await server.client.get("/api/v3/remotepathmapping/99999999999")).status_code == 404
