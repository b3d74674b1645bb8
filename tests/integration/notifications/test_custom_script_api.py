"""Radarr's CustomScript through /api/v3/notification (SQLite and PostgreSQL, a real server): its form,
Radarr's rules on the path, and a test that really runs the script with the Test event."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.support.live import LiveServer
from tests.support.notification_forms import blank, field_of, notification_resource
from tests.support.scripts import EnvDumpScript
from tests.support.shared_server import delete_all, shared_server

server = shared_server(reset=delete_all("/api/v3/notification"))

ON = ("onMovieAdded",)  # a notification with no event on is saved untested and unchecked


async def test_the_schema_offers_a_custom_script_with_radarrs_fields(server: LiveServer) -> None:
    entry = await blank(server.client, "CustomScript")
    assert (entry["configContract"], entry["implementationName"]) == ("CustomScriptSettings", "Custom Script")
    assert entry["link"] == "https://wiki.servarr.com/radarr/settings#connections"
    assert entry["message"] == {
        "message": "Testing will execute the script with the EventType set to Test, ensure your script "
        "handles this correctly",
        "type": "warning",
    }
    assert [(f["name"], f["label"], f["type"]) for f in entry["fields"]] == [
        ("path", "Path", "filePath"),
        ("arguments", "Arguments", "textbox"),
    ]
    arguments = field_of(entry, "arguments")
    assert (arguments["hidden"], arguments["helpText"]) == (
        "hiddenIfNotSet",
        "Arguments to pass to the script",
    )
    supported = {k: v for k, v in entry.items() if k.startswith("supportsOn")}
    assert supported == {
        "supportsOnGrab": True,
        "supportsOnDownload": True,
        "supportsOnUpgrade": True,
        "supportsOnRename": True,
        "supportsOnMovieAdded": True,
        "supportsOnMovieDelete": True,
        "supportsOnMovieFileDelete": True,
        "supportsOnMovieFileDeleteForUpgrade": True,
        "supportsOnHealthIssue": True,
        "supportsOnHealthRestored": True,
        "supportsOnApplicationUpdate": True,
        "supportsOnManualInteractionRequired": True,
    }


async def test_a_test_runs_the_script_with_the_test_event(
    server: LiveServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="reelarr.notifications")
    script = EnvDumpScript(tmp_path)
    body = await notification_resource(server.client, "CustomScript", {"path": str(script.path)}, switches=ON)
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 200, response.text
    assert script.runs() == [
        {"radarr_eventtype": "Test", "radarr_instancename": "Reelarr", "radarr_applicationurl": ""}
    ]
    messages = [r.getMessage() for r in caplog.records]
    assert f"Executed external script: {script.path} - Status: 0" in messages
    assert "Script Output: \ntold of Test" in messages


async def test_a_script_that_exits_non_zero_fails_its_test(server: LiveServer, tmp_path: Path) -> None:
    script = EnvDumpScript(tmp_path, exit_code=3)
    body = await notification_resource(server.client, "CustomScript", {"path": str(script.path)}, switches=ON)
    response = await server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 400, response.text
    assert [(f["propertyName"], f["errorMessage"]) for f in response.json()] == [
        ("", "Script exited with code: 3")
    ]
    assert len(script.runs()) == 1


async def test_a_missing_script_is_a_400_on_path(server: LiveServer, tmp_path: Path) -> None:
    body = await notification_resource(
        server.client, "CustomScript", {"path": str(tmp_path / "nowhere.sh")}, switches=ON
    )
    response = await server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 400, response.text
    assert [(f["propertyName"], f["errorMessage"]) for f in response.json()] == [
        ("path", "File does not exist")
    ]


async def test_a_folder_is_not_a_script(server: LiveServer, tmp_path: Path) -> None:
    body = await notification_resource(server.client, "CustomScript", {"path": str(tmp_path)}, switches=ON)
    response = await server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 400, response.text
    assert response.json()[0]["errorMessage"] == "File does not exist"


@pytest.mark.parametrize(
    ("fields", "failure"),
    [
        ({"path": "relative/script.sh"}, ("path", "Invalid Path: 'relative/script.sh'")),
        ({"path": "/usr/bin/env"}, ("path", "Must not be a descendant of '/usr/bin'")),
        (
            {"path": "/tmp/script.sh", "arguments": "--all"},
            ("arguments", "Arguments are no longer supported for custom scripts"),
        ),
    ],
)
async def test_radarrs_rules_refuse_bad_settings_before_any_run(
    server: LiveServer, fields: dict[str, str], failure: tuple[str, str]
) -> None:
    body = await notification_resource(server.client, "CustomScript", fields, switches=ON)
    response = await server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 400, response.text
    assert [(f["propertyName"], f["errorMessage"]) for f in response.json()] == [failure]
