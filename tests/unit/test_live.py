"""The live hub fans messages out and lets go of clients that stop reading."""

from __future__ import annotations

import orjson

from reelarr.live import LiveHub


def test_a_message_reaches_every_client() -> None:
    hub = LiveHub()
    first, second = hub.connect(), hub.connect()
    hub.broadcast("movie", "updated", {"id": 7})
    for queue in (first, second):
        data = queue.get_nowait()
        assert data is not None
        assert orjson.loads(data) == {"name": "movie", "action": "updated", "resource": {"id": 7}}


def test_a_client_that_falls_behind_is_dropped_and_told_to_go() -> None:
    hub = LiveHub(queue_limit=3)
    slow = hub.connect()
    for n in range(4):
        hub.broadcast("movie", "updated", {"id": n})
    assert hub.client_count == 0
    assert slow.get_nowait() is None, "the slow client's next message is the goodbye"


def test_disconnected_clients_get_nothing_more() -> None:
    hub = LiveHub()
    queue = hub.connect()
    hub.disconnect(queue)
    hub.broadcast("health", "sync")
    assert queue.empty()
