"""The WebSocket at /ws: small `{name, action, resource}` messages that tell the UI what to refetch."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import orjson
from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from reelarr import __version__
from reelarr.api.v3.commands import command_resource
from reelarr.autotagging.events import AutoTagsChanged
from reelarr.customformats.events import CustomFormatAdded, CustomFormatDeleted, CustomFormatUpdated
from reelarr.downloads.events import DownloadFailed, MovieGrabbed, QueueChanged
from reelarr.events import EventBus
from reelarr.extras.events import ExtraFilesChanged
from reelarr.health.service import HealthChanged
from reelarr.imports.events import MovieImported
from reelarr.indexers.events import IndexerConfigChanged
from reelarr.jobs.events import CommandUpdated, ScheduledTaskUpdated
from reelarr.jobs.serialize import command_from_json
from reelarr.live import LiveHub
from reelarr.movies.events import (
    MovieAdded,
    MovieDeleted,
    MovieFileAdded,
    MovieFileDeleted,
    MovieFileUpdated,
    MovieUpdated,
)
from reelarr.naming.events import NamingConfigChanged
from reelarr.providers.events import ProviderChanged, ProviderStatusChanged
from reelarr.rootfolders.events import RootFolderAdded, RootFolderDeleted
from reelarr.tags.events import TagsChanged

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)


class LiveMessages:
    """Turns the events of every process into the messages the UI listens for."""

    def __init__(self, bus: EventBus, hub: LiveHub) -> None:
        self.hub = hub
        bus.subscribe(CommandUpdated, self._on_command, remote=True)
        bus.subscribe(HealthChanged, self._on_health, remote=True)
        bus.subscribe(ScheduledTaskUpdated, self._on_task, remote=True)
        bus.subscribe(TagsChanged, self._on_tags, remote=True)
        bus.subscribe(AutoTagsChanged, self._on_tags, remote=True)
        bus.subscribe(MovieAdded, self._on_movie_added, remote=True)
        bus.subscribe(MovieUpdated, self._on_movie_updated, remote=True)
        bus.subscribe(MovieDeleted, self._on_movie_deleted, remote=True)
        bus.subscribe(MovieFileAdded, self._on_movie_file, remote=True)
        bus.subscribe(MovieFileUpdated, self._on_movie_file, remote=True)
        bus.subscribe(MovieFileDeleted, self._on_movie_file, remote=True)
        bus.subscribe(ExtraFilesChanged, self._on_extra_files, remote=True)
        bus.subscribe(RootFolderAdded, self._on_root_folders, remote=True)
        bus.subscribe(RootFolderDeleted, self._on_root_folders, remote=True)
        bus.subscribe(CustomFormatAdded, self._on_custom_format, remote=True)
        bus.subscribe(CustomFormatUpdated, self._on_custom_format, remote=True)
        bus.subscribe(CustomFormatDeleted, self._on_custom_format, remote=True)
        bus.subscribe(ProviderChanged, self._on_provider, remote=True)
        bus.subscribe(ProviderStatusChanged, self._on_provider_status, remote=True)
        bus.subscribe(IndexerConfigChanged, self._on_indexer_config, remote=True)
        bus.subscribe(NamingConfigChanged, self._on_naming_config, remote=True)
        bus.subscribe(QueueChanged, self._on_queue, remote=True)
        bus.subscribe(MovieGrabbed, self._on_grabbed, remote=True)
        bus.subscribe(MovieImported, self._on_imported, remote=True)
        bus.subscribe(DownloadFailed, self._on_failed, remote=True)

    async def _on_command(self, event: CommandUpdated) -> None:
        resource = command_resource(command_from_json(event.command)).dump()
        self.hub.broadcast("command", "updated", resource)

    async def _on_movie_added(self, event: MovieAdded) -> None:
        self.hub.broadcast("movie", "created", {"id": event.movie_id})

    async def _on_movie_updated(self, event: MovieUpdated) -> None:
        self.hub.broadcast("movie", "updated", {"id": event.movie_id})

    async def _on_movie_deleted(self, event: MovieDeleted) -> None:
        self.hub.broadcast("movie", "deleted", {"id": event.movie_id})

    async def _on_movie_file(self, event: MovieFileAdded | MovieFileUpdated | MovieFileDeleted) -> None:
        action = {MovieFileAdded: "created", MovieFileUpdated: "updated", MovieFileDeleted: "deleted"}[
            type(event)
        ]
        self.hub.broadcast("moviefile", action, {"id": event.movie_file_id, "movieId": event.movie_id})
        # The movie's hasFile, size and statistics changed with it.
        self.hub.broadcast("movie", "updated", {"id": event.movie_id})

    async def _on_extra_files(self, event: ExtraFilesChanged) -> None:
        self.hub.broadcast("extrafile", "updated", {"movieId": event.movie_id})

    async def _on_custom_format(
        self, event: CustomFormatAdded | CustomFormatUpdated | CustomFormatDeleted
    ) -> None:
        action = {
            CustomFormatAdded: "created",
            CustomFormatUpdated: "updated",
            CustomFormatDeleted: "deleted",
        }[type(event)]
        self.hub.broadcast("customformat", action, {"id": event.format_id})
        # Every quality profile lists every format.
        self.hub.broadcast("qualityprofile", "sync")

    async def _on_root_folders(self, _event: RootFolderAdded | RootFolderDeleted) -> None:
        self.hub.broadcast("rootfolder", "sync")

    async def _on_provider(self, event: ProviderChanged) -> None:
        # The resource is the family's: "indexer", later "downloadclient", "notification"...
        self.hub.broadcast(event.family, event.action, {"id": event.provider_id})

    async def _on_provider_status(self, _event: ProviderStatusChanged) -> None:
        # A provider failing or recovering changes what the health checks say.
        self.hub.broadcast("health", "sync")

    async def _on_indexer_config(self, _event: IndexerConfigChanged) -> None:
        self.hub.broadcast("config/indexer", "sync")

    async def _on_naming_config(self, _event: NamingConfigChanged) -> None:
        self.hub.broadcast("config/naming", "sync")

    # A new history row the UI tells the user of as it happens (its toasts), beside the refetch.
    async def _on_grabbed(self, event: MovieGrabbed) -> None:
        resource = {"eventType": "grabbed", "movieId": event.movie_id, "sourceTitle": event.release_title}
        self.hub.broadcast("history", "created", resource)

    async def _on_imported(self, event: MovieImported) -> None:
        resource = {
            "eventType": "downloadFolderImported",
            "movieId": event.movie_id,
            "isUpgrade": event.is_upgrade,
        }
        self.hub.broadcast("history", "created", resource)

    async def _on_failed(self, event: DownloadFailed) -> None:
        resource = {
            "eventType": "downloadFailed",
            "movieId": event.movie_id,
            "sourceTitle": event.source_title,
            "message": event.message,
        }
        self.hub.broadcast("history", "created", resource)

    async def _on_queue(self, _event: QueueChanged) -> None:
        self.hub.broadcast("queue", "sync")
        self.hub.broadcast("queue/status", "sync")

    async def _on_health(self, _event: HealthChanged) -> None:
        self.hub.broadcast("health", "sync")

    async def _on_task(self, _event: ScheduledTaskUpdated) -> None:
        self.hub.broadcast("system/task", "sync")

    async def _on_tags(self, _event: TagsChanged | AutoTagsChanged) -> None:
        # A rule's change changes what uses each tag (Radarr's TagController on AutoTagsUpdatedEvent).
        self.hub.broadcast("tag", "sync")


async def serve(websocket: WebSocket, hub: LiveHub) -> None:
    """Run one client's connection until it closes."""
    await websocket.accept()
    queue = hub.connect()
    reader = asyncio.create_task(_drain_incoming(websocket))
    try:
        hello = {"name": "version", "action": "sync", "resource": {"version": __version__}}
        await websocket.send_text(orjson.dumps(hello).decode())
        while True:
            getter = asyncio.create_task(queue.get())
            done, _ = await asyncio.wait({getter, reader}, return_when=asyncio.FIRST_COMPLETED)
            if reader in done:
                getter.cancel()
                break
            data = getter.result()
            if data is None:
                await websocket.close(code=1013)
                break
            await websocket.send_text(data.decode())
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        hub.disconnect(queue)
        reader.cancel()
        await asyncio.gather(reader, return_exceptions=True)


async def _drain_incoming(websocket: WebSocket) -> None:
    with contextlib.suppress(WebSocketDisconnect, RuntimeError):
        while (await websocket.receive())["type"] != "websocket.disconnect":
            continue


@router.websocket("/ws")
async def websocket_endpoint(websocket: WebSocket) -> None:
    """Live updates for the UI; the auth middleware has already checked the caller."""
    await serve(websocket, websocket.app.state.services.live)
