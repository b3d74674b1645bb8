"""The UI hears of each grab, import and failure as it happens (its toasts), over /ws."""

from __future__ import annotations

import asyncio

import orjson

from reelarr.api.ws import LiveMessages
from reelarr.downloads.events import DownloadFailed, MovieGrabbed
from reelarr.events import EventBus
from reelarr.imports.events import MovieImported
from reelarr.live import LiveHub


def _messages(queue: asyncio.Queue[bytes | None]) -> list[dict[str, object]]:
    found = []
    while not queue.empty():
        data = queue.get_nowait()
        assert data is not None
        found.append(orjson.loads(data))
    return found


async def test_grabs_imports_and_failures_are_told_as_new_history() -> None:
    bus, hub = EventBus(), LiveHub()
    LiveMessages(bus, hub)
    queue = hub.connect()
    await bus.publish(
        MovieGrabbed(
            movie_id=7,
            download_id="ABC",
            download_client_id=1,
            download_client="qBittorrent",
            release_title="The.Matrix.1999.1080p.BluRay.x264-GRP",
            indexer="Fixture",
            quality="Bluray-1080p",
        )
    )
    await bus.publish(MovieImported(movie_id=7, movie_file_id=3, download_id="ABC", is_upgrade=True))
    await bus.publish(
        DownloadFailed(
            movie_id=7,
            download_id="ABC",
            source_title="The.Matrix.1999.1080p.BluRay.x264-GRP",
            download_client="qBittorrent",
            message="Manually marked as failed",
            quality="Bluray-1080p",
        )
    )
    history = [m for m in _messages(queue) if m["name"] == "history"]
    assert history == [
        {
            "name": "history",
            "action": "created",
            "resource": {
                "eventType": "grabbed",
                "movieId": 7,
                "sourceTitle": "The.Matrix.1999.1080p.BluRay.x264-GRP",
            },
        },
        {
            "name": "history",
            "action": "created",
            "resource": {"eventType": "downloadFolderImported", "movieId": 7, "isUpgrade": True},
        },
        {
            "name": "history",
            "action": "created",
            "resource": {
                "eventType": "downloadFailed",
                "movieId": 7,
                "sourceTitle": "The.Matrix.1999.1080p.BluRay.x264-GRP",
                "message": "Manually marked as failed",
            },
        },
    ]
