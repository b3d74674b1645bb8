"""/api/v3/config/downloadclient: completed and failed download handling, read, saved and validated."""

from __future__ import annotations

import pytest

from tests.support.live import LiveServer


async def test_the_defaults_are_radarrs(server: LiveServer) -> None:
    response = await server.client.get("/api/v3/config/downloadclient")
    assert response.status_code == 200
    assert response.json() == {
        "id": 1,
        "downloadClientWorkingFolders": "_UNPACK_|_FAILED_",
        "enableCompletedDownloadHandling": True,
        "checkForFinishedDownloadInterval": 1,
        "autoRedownloadFailed": True,
        "autoRedownloadFailedFromInteractiveSearch": True,
    }


async def test_options_are_saved_and_reschedule_the_download_check(server: LiveServer) -> None:
    config = (await server.client.get("/api/v3/config/downloadclient")).json()
    config.update(enableCompletedDownloadHandling=False, checkForFinishedDownloadInterval=5)
    config.update(autoRedownloadFailed=False, downloadClientWorkingFolders="_UNPACK_")
    response = await server.client.put("/api/v3/config/downloadclient/1", json=config)
    assert response.status_code == 202, response.text
    assert response.json() == config
    assert (await server.client.get("/api/v3/config/downloadclient/1")).json() == config
    [task] = [
        t
        for t in (await server.client.get("/api/v3/system/task")).json()
        if t["taskName"] == "RefreshMonitoredDownloads"
    ]
    assert task["interval"] == 5


@pytest.mark.parametrize(
    ("change", "property_name"),
    [
        ({"checkForFinishedDownloadInterval": 0}, "checkForFinishedDownloadInterval"),
        ({"checkForFinishedDownloadInterval": 121}, "checkForFinishedDownloadInterval"),
        ({"downloadClientWorkingFolders": "/tmp/_UNPACK_"}, "downloadClientWorkingFolders"),
    ],
)
async def test_broken_rules_are_a_400_and_nothing_is_saved(
    server: LiveServer, change: dict[str, object], property_name: str
) -> None:
    response = await server.client.put("/api/v3/config/downloadclient", json={"id": 1, **change})
    assert response.status_code == 400
    assert [f["propertyName"] for f in response.json()] == [property_name]
    assert (await server.client.get("/api/v3/config/downloadclient")).json()[
        "checkForFinishedDownloadInterval"
    ] == 1
