"""/api/v3/command and /api/v3/system/task over HTTP, as Radarr clients use them."""

from __future__ import annotations

from typing import Any

from tests.support.live import LiveServer
from tests.support.shared_server import shared_server
from tests.support.waiting import eventually

server = shared_server()


async def _finished(server: LiveServer, command_id: int) -> dict[str, Any]:
    async def probe() -> dict[str, Any] | None:
        body: dict[str, Any] = (await server.client.get(f"/api/v3/command/{command_id}")).json()
        return body if body["status"] in ("completed", "failed") else None

    return await eventually(probe)


async def test_posted_command_runs_and_reports_completion(server: LiveServer) -> None:
    response = await server.client.post("/api/v3/command", json={"name": "CheckHealth"})
    assert response.status_code == 201
    queued = response.json()
    assert queued["status"] in ("queued", "started")
    assert queued["commandName"] == "Check Health"
    assert queued["trigger"] == "manual"
    assert queued["priority"] == "normal"
    done = await _finished(server, queued["id"])
    assert done["status"] == "completed"
    assert done["result"] == "successful"
    assert done["message"].endswith("found")
    assert done["duration"].startswith("00:00:")
    assert done["ended"].endswith("Z")


async def test_command_names_match_ignoring_case(server: LiveServer) -> None:
    response = await server.client.post("/api/v3/command", json={"NAME": "checkhealth"})
    assert response.status_code == 201
    assert response.json()["name"] == "CheckHealth"


async def test_unknown_command_is_a_400_array(server: LiveServer) -> None:
    response = await server.client.post("/api/v3/command", json={"name": "LaunchRockets"})
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "name"
    assert "Unknown command" in response.json()[0]["errorMessage"]


async def test_missing_name_is_a_400_array(server: LiveServer) -> None:
    response = await server.client.post("/api/v3/command", json={"movieIds": [1]})
    assert response.status_code == 400


async def test_commands_are_listed_newest_first(server: LiveServer) -> None:
    first = (await server.client.post("/api/v3/command", json={"name": "Housekeeping"})).json()
    second = (await server.client.post("/api/v3/command", json={"name": "MessagingCleanup"})).json()
    listed = [c["id"] for c in (await server.client.get("/api/v3/command")).json()]
    assert listed[:2] == [second["id"], first["id"]]


async def test_cancelling_a_finished_command_is_a_conflict(server: LiveServer) -> None:
    queued = (await server.client.post("/api/v3/command", json={"name": "Housekeeping"})).json()
    await _finished(server, queued["id"])
    response = await server.client.delete(f"/api/v3/command/{queued['id']}")
    assert response.status_code == 409


async def test_tasks_are_listed_with_radarr_fields(server: LiveServer) -> None:
    tasks = {t["taskName"]: t for t in (await server.client.get("/api/v3/system/task")).json()}
    assert {"CheckHealth", "MessagingCleanup", "Housekeeping"} <= set(tasks)
    health = tasks["CheckHealth"]
    assert health["name"] == "Check Health"
    assert health["interval"] == 360
    assert health["nextExecution"] > health["lastExecution"]
    one = (await server.client.get(f"/api/v3/system/task/{health['id']}")).json()
    assert one["taskName"] == "CheckHealth"


async def test_running_a_task_on_demand_updates_its_last_execution(server: LiveServer) -> None:
    before = {t["taskName"]: t for t in (await server.client.get("/api/v3/system/task")).json()}[
        "Housekeeping"
    ]
    queued = (await server.client.post("/api/v3/command", json={"name": "Housekeeping"})).json()
    await _finished(server, queued["id"])
    after = {t["taskName"]: t for t in (await server.client.get("/api/v3/system/task")).json()}[
        "Housekeeping"
    ]
    assert after["lastExecution"] > before["lastExecution"]
    assert "lastDuration" in after


async def test_reset_api_key_replaces_the_key(server: LiveServer) -> None:
    queued = (await server.client.post("/api/v3/command", json={"name": "ResetApiKey"})).json()
    done = await _finished(server, queued["id"])
    # The key is fixed by the test settings (REELARR_API_KEY), so it cannot be regenerated.
    assert done["status"] == "failed"
    assert "REELARR_API_KEY" in done["exception"]
    assert (await server.client.get("/api/v3/system/status")).status_code == 200
