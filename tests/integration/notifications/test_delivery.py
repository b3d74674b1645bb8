"""Sending never holds up the pipeline: a receiver that fails is tried again, one that is slow or down
costs the film's add nothing, and a notification that keeps failing shows in /api/v3/health (SQLite and
PostgreSQL, a real server, a local receiver)."""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest

from tests.fixtures.webhook.server import WebhookReceiver
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie
from tests.support.net import free_port
from tests.support.notifications import add_webhook
from tests.support.waiting import eventually


def _added(receiver: WebhookReceiver) -> list[dict[str, Any]]:
    return [r.json() for r in receiver.requests() if r.json()["eventType"] == "MovieAdded"]


async def _health(library: Library) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = (await library.server.client.get("/api/v3/health")).json()
    return found


async def test_a_receiver_that_fails_twice_gets_the_event_on_the_third_try(
    library: Library, receiver: WebhookReceiver
) -> None:
    hook = await add_webhook(library.server.client, receiver.url(), switches=("onMovieAdded",))
    receiver.behaviour.failures = 2
    await add_movie(library)

    async def delivered() -> list[int] | None:
        return receiver.state.answered if 200 in receiver.state.answered[1:] else None

    assert (await eventually(delivered))[1:] == [500, 500, 200]
    first, *again = _added(receiver)
    assert again == [first, first]
    assert first["movie"]["tmdbId"] == 603

    async def recovered() -> bool:
        # The success is recorded just after the receiver answers: poll for it.
        stored = (await library.server.client.get(f"/api/v3/notification/{hook['id']}")).json()
        healthy = not [h for h in await _health(library) if h["source"] == "NotificationStatusCheck"]
        return "status" not in stored and healthy

    assert await eventually(recovered)


async def test_a_slow_receiver_does_not_slow_the_add(library: Library, receiver: WebhookReceiver) -> None:
    await add_webhook(library.server.client, receiver.url(), switches=("onMovieAdded",))
    receiver.behaviour.delay = 6.0
    started = time.monotonic()
    await add_movie(library)
    # Well under the receiver's delay, with room for an add on a loaded machine (2.4 s seen on CI).
    assert time.monotonic() - started < 4.0
    assert await eventually(lambda: _async(_added(receiver)), within=30)


async def _async(value: Any) -> Any:
    return value


async def test_a_receiver_that_is_down_is_tried_again_and_shows_in_health(
    library: Library, receiver: WebhookReceiver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="reelarr.notifications")
    client = library.server.client
    hook = await add_webhook(client, receiver.url("/hook-secret-path"), switches=("onMovieAdded",))
    receiver.stop()
    started = time.monotonic()
    await add_movie(library)
    assert time.monotonic() - started < 2.0

    async def failing() -> list[dict[str, Any]] | None:
        found = [h for h in await _health(library) if h["source"] == "NotificationStatusCheck"]
        return found or None

    (problem,) = await eventually(failing)
    assert problem["type"] == "error"
    assert problem["message"] == "All notifications are unavailable due to failures"
    assert problem["wikiUrl"].endswith("#notifications-are-unavailable-due-to-failures")

    async def tried_thrice() -> list[str] | None:
        found = [r.getMessage() for r in caplog.records if "to Hook (attempt" in r.getMessage()]
        return found if len(found) >= 3 else None

    tries = await eventually(tried_thrice)
    assert [t.split("(attempt ")[1][:6] for t in tries] == ["1 of 3", "2 of 3", "3 of 3"]
    assert not any("hook-secret-path" in t for t in tries)
    stored = (await client.get(f"/api/v3/notification/{hook['id']}")).json()
    assert "Unable to post to webhook" in stored["status"]["lastError"]
    assert "hook-secret-path" not in stored["status"]["lastError"]


async def test_a_failing_notification_beside_a_working_one_is_a_warning_naming_it(
    library: Library, receiver: WebhookReceiver
) -> None:
    client = library.server.client
    await add_webhook(client, receiver.url("/fine"), name="Fine", switches=("onMovieAdded",))
    nowhere = f"http://127.0.0.1:{free_port()}/broken"
    await add_webhook(client, nowhere, name="Broken", switches=("onMovieAdded",), force_save=True)
    await add_movie(library)

    async def failing() -> list[dict[str, Any]] | None:
        found = [h for h in await _health(library) if h["source"] == "NotificationStatusCheck"]
        return found or None

    (problem,) = await eventually(failing)
    assert problem["type"] == "warning"
    assert problem["message"].startswith("Notifications unavailable due to failures: Broken (")
    assert "Fine" not in problem["message"]
    told = await eventually(lambda: _async(_added(receiver)))
    assert [p["movie"]["tmdbId"] for p in told] == [603]
    assert [r.path for r in receiver.requests() if r.json()["eventType"] == "MovieAdded"] == ["/fine"]
