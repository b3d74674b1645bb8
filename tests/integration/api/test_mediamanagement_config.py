"""/api/v3/config/mediamanagement: how files are imported and kept, read, saved as Recyclarr edits it,
and validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.live import LiveServer
from tests.support.shared_server import restore_config, shared_server

server = shared_server(reset=restore_config("/api/v3/config/mediamanagement"))


async def test_the_defaults_are_radarrs(server: LiveServer) -> None:
    config = (await server.client.get("/api/v3/config/mediamanagement")).json()
    assert config["id"] == 1
    assert config["copyUsingHardlinks"] is True
    assert config["recycleBin"] == ""
    assert config["recycleBinCleanupDays"] == 7
    assert config["downloadPropersAndRepacks"] == "preferAndUpgrade"
    assert config["minimumFreeSpaceWhenImporting"] == 100
    assert (config["fileDate"], config["rescanAfterRefresh"]) == ("none", "always")
    assert config["extraFileExtensions"] == "srt"


async def test_a_client_edits_a_few_fields_and_sends_the_whole_object_back(
    server: LiveServer, tmp_path: Path
) -> None:
    config = (await server.client.get("/api/v3/config/mediamanagement")).json()
    config.update(downloadPropersAndRepacks="doNotPrefer", recycleBin=str(tmp_path), copyUsingHardlinks=False)
    response = await server.client.put("/api/v3/config/mediamanagement/1", json=config)
    assert response.status_code == 202, response.text
    assert response.json() == config
    assert (await server.client.get("/api/v3/config/mediamanagement")).json() == config
    assert (await server.services.media_management.get()).proper_policy.value == "doNotPrefer"


@pytest.mark.parametrize(
    ("change", "property_name"),
    [
        ({"minimumFreeSpaceWhenImporting": 99}, "minimumFreeSpaceWhenImporting"),
        ({"recycleBinCleanupDays": -1}, "recycleBinCleanupDays"),
        ({"recycleBin": "/no/such/folder"}, "recycleBin"),
        ({"recycleBin": "relative/folder"}, "recycleBin"),
        ({"setPermissionsLinux": True, "chmodFolder": "999"}, "chmodFolder"),
        ({"setPermissionsLinux": True, "chmodFolder": "644"}, "chmodFolder"),  # the owner needs 700
        ({"useScriptImport": True, "scriptImportPath": "relative/script.sh"}, "scriptImportPath"),
    ],
)
async def test_broken_rules_are_a_400_and_nothing_is_saved(
    server: LiveServer, change: dict[str, object], property_name: str
) -> None:
    response = await server.client.put("/api/v3/config/mediamanagement", json={"id": 1, **change})
    assert response.status_code == 400
    assert [f["propertyName"] for f in response.json()] == [property_name]
    assert (await server.client.get("/api/v3/config/mediamanagement")).json()["recycleBin"] == ""


async def test_an_unknown_choice_is_a_400(server: LiveServer) -> None:
    response = await server.client.put(
        "/api/v3/config/mediamanagement", json={"id": 1, "fileDate": "tomorrow"}
    )
    assert response.status_code == 400
