"""Health problems told to the Webhook as Radarr's Health and HealthRestored payloads (SQLite and
PostgreSQL, a real server): a root folder that goes missing, then comes back."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import make_settings
from tests.fixtures.webhook.server import WebhookReceiver
from tests.support.live import LiveServer, live_server
from tests.support.net import free_port
from tests.support.notifications import add_webhook
from tests.support.waiting import eventually


async def _told(
    receiver: WebhookReceiver, event_type: str, which: Callable[[dict[str, Any]], bool] = lambda _p: True
) -> list[dict[str, Any]]:
    async def arrived() -> list[dict[str, Any]] | None:
        found = [r.json() for r in receiver.requests() if r.json()["eventType"] == event_type]
        return [p for p in found if which(p)] or None

    return await eventually(arrived)


async def test_a_missing_root_folder_is_told_as_a_health_issue_and_its_return_as_restored(
    server: LiveServer, receiver: WebhookReceiver, tmp_path: Path
) -> None:
    root = tmp_path / "movies"
    root.mkdir()
    response = await server.client.post("/api/v3/rootfolder", json={"path": str(root)})
    assert response.status_code == 201, response.text
    await add_webhook(server.client, receiver.url(), switches=("onHealthIssue", "onHealthRestored"))
    shutil.rmtree(root)

    problems = (await server.client.get("/api/v3/health")).json()
    problem = next(p for p in problems if p["source"] == "RootFolderCheck")
    (issue,) = await _told(receiver, "Health", lambda p: p["type"] == "RootFolderCheck")
    assert issue == {
        "eventType": "Health",
        "instanceName": "Reelarr",
        "applicationUrl": "",
        "level": "error",
        "message": problem["message"],
        "type": "RootFolderCheck",
        "wikiUrl": problem["wikiUrl"],
    }

    root.mkdir()
    await server.client.get("/api/v3/health")
    (restored,) = await _told(receiver, "HealthRestored", lambda p: p["type"] == "RootFolderCheck")
    # Radarr's HealthRestored payload has no applicationUrl.
    assert restored == {
        "eventType": "HealthRestored",
        "instanceName": "Reelarr",
        "level": "error",
        "message": problem["message"],
        "type": "RootFolderCheck",
        "wikiUrl": problem["wikiUrl"],
    }


async def test_a_health_warning_is_told_only_where_warnings_are_included(
    server: LiveServer, receiver: WebhookReceiver, tmp_path: Path
) -> None:
    client = server.client
    root = tmp_path / "gone"
    root.mkdir()
    response = await client.post("/api/v3/rootfolder", json={"path": str(root)})
    assert response.status_code == 201, response.text
    await add_webhook(client, receiver.url("/errors-only"), name="Errors", switches=("onHealthIssue",))
    await add_webhook(
        client,
        receiver.url("/with-warnings"),
        name="Warnings",
        switches=("onHealthIssue", "includeHealthWarnings"),
    )
    dead = f"http://127.0.0.1:{free_port()}/dead"
    await add_webhook(client, dead, name="Broken", switches=("onHealthIssue",), force_save=True)
    shutil.rmtree(root)
    await client.get("/api/v3/health")  # the root folder error: told to all three, Broken fails

    async def broken_reported() -> list[dict[str, Any]] | None:
        problems = (await client.get("/api/v3/health")).json()
        return [p for p in problems if p["source"] == "NotificationStatusCheck"] or None

    (warning,) = await eventually(broken_reported)
    assert warning["type"] == "warning"
    told = await _told(receiver, "Health", lambda p: p["type"] == "NotificationStatusCheck")
    assert [p["level"] for p in told] == ["warning"]

    async def by_path() -> list[tuple[str, str]] | None:
        found = [(r.path, r.json()["type"]) for r in receiver.requests() if r.json()["eventType"] == "Health"]
        return sorted(found) if len(found) >= 3 else None

    assert await eventually(by_path) == [
        ("/errors-only", "RootFolderCheck"),
        ("/with-warnings", "NotificationStatusCheck"),
        ("/with-warnings", "RootFolderCheck"),
    ]


async def test_an_issue_found_in_the_start_up_grace_is_told_once_it_has_passed(
    database_url: str, receiver: WebhookReceiver, tmp_path: Path
) -> None:
    root = tmp_path / "movies"
    root.mkdir()
    settings = make_settings(database_url, tmp_path / "data", health_notification_grace_seconds=10)
    async with live_server(settings) as server:
        response = await server.client.post("/api/v3/rootfolder", json={"path": str(root)})
        assert response.status_code == 201, response.text
        await add_webhook(server.client, receiver.url(), switches=("onHealthIssue",))
        shutil.rmtree(root)
        problems = (await server.client.get("/api/v3/health")).json()
        assert [p for p in problems if p["source"] == "RootFolderCheck"]
        # The change was seen and nothing set out to tell it: the grace holds health back.
        assert server.services.notification_dispatcher.pending == 1  # only the grace's own timer
        assert [r for r in receiver.requests() if r.json()["eventType"] == "Health"] == []
        (issue,) = await _told(receiver, "Health", lambda p: p["type"] == "RootFolderCheck")
        assert issue["level"] == "error"
