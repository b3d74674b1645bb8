"""The film's journey through the other torrent clients, for real: a film search finds a release the
seeding qBittorrent holds, Reelarr grabs it to the session's Transmission, Deluge or rTorrent, which
downloads it on 127.0.0.1, imports it renamed and records its history; Deluge's and rTorrent's
torrents then carry the post-import label (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import random
import string
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library
from tests.support.deluge import DelugeServer
from tests.support.downloadclients import deluge_resource, rtorrent_resource, transmission_resource
from tests.support.library_api import add_movie, run_command
from tests.support.qbittorrent import QBittorrentServer
from tests.support.rtorrent import RTorrentServer
from tests.support.seeding import reach_peer, seed, seeding
from tests.support.transmission import TransmissionServer
from tests.support.waiting import eventually

WEB = "The.Matrix.1999.1080p.WEB-DL.DD5.1.H.264-FLUX"
RENAMED = "The Matrix (1999) WEBDL-1080p.mkv"


@dataclass
class Downloader:
    """The client under test, as the journey needs it."""

    resource: dict[str, Any]  # what Radarr's UI posts to add it
    peer_port: int  # where it takes peers
    torrent: Callable[[str], dict[str, Any] | None]  # what the client says of a torrent now
    remove: Callable[[str], None]  # forget a torrent and its data (the daemon is shared)
    after_import: Callable[[dict[str, Any]], bool]  # whether the torrent shows the import happened


def _letters() -> str:
    return "".join(random.choices(string.ascii_lowercase, k=10))


async def _transmission(library: Library, server: TransmissionServer) -> Downloader:
    category = f"reelarr-{_letters()}"  # Transmission's categories are letters and "-" only

    def torrent(info_hash: str) -> dict[str, Any] | None:
        return server.torrent(info_hash, "percentDone", "status", "downloadDir")

    def remove(info_hash: str) -> None:
        server.rpc("torrent-remove", ids=[info_hash.lower()], **{"delete-local-data": True})

    return Downloader(
        await transmission_resource(library.server.client, server, movieCategory=category),
        int(server.rpc("session-get")["peer-port"]),
        torrent,
        remove,
        # Transmission 3 has no labels: the torrent stays in the category's directory, seeding (6).
        lambda found: found["status"] == 6 and found["downloadDir"].endswith(f"/{category}"),
    )


async def _deluge(library: Library, server: DelugeServer) -> Downloader:
    label = f"reelarr-{_letters()}"
    values = {"movieCategory": label, "movieImportedCategory": f"{label}-imported"}

    def torrent(info_hash: str) -> dict[str, Any] | None:
        return server.torrent(info_hash, "progress", "state", "label")

    def remove(info_hash: str) -> None:
        server.call("core.remove_torrent", info_hash.lower(), True)

    return Downloader(
        await deluge_resource(library.server.client, server, **values),
        server.peer_port,
        torrent,
        remove,
        lambda found: found["label"] == f"{label}-imported" and found["state"] == "Seeding",
    )


async def _rtorrent(library: Library, server: RTorrentServer) -> Downloader:
    label = f"reelarr-{_letters()}"
    values = {"movieCategory": label, "movieImportedCategory": f"{label}-imported"}
    return Downloader(
        await rtorrent_resource(library.server.client, server, **values),
        server.peer_port,
        server.torrent,
        server.remove,
        lambda found: found["label"] == f"{label}-imported" and found["complete"] == 1,
    )


MAKERS: dict[str, Callable[[Library, Any], Awaitable[Downloader]]] = {
    "transmission": _transmission,
    "deluge": _deluge,
    "rtorrent": _rtorrent,
}


async def _use_only(library: Library, downloader: Downloader) -> None:
    """Replace the library's qBittorrent by the client under test (tested by the API as it is added)."""
    client = library.server.client
    for existing in (await client.get("/api/v3/downloadclient")).json():
        assert (await client.delete(f"/api/v3/downloadclient/{existing['id']}")).status_code == 200
    added = await client.post("/api/v3/downloadclient", json=downloader.resource)
    assert added.status_code == 201, added.text


@pytest.mark.parametrize("name", list(MAKERS))
async def test_search_grab_download_and_import_through_the_client(
    name: str,
    request: pytest.FixtureRequest,
    library: Library,
    indexer_server: IndexerFixtureServer,
    seeder: QBittorrentServer,
    sample_media: SampleMedia,
) -> None:
    downloader = await MAKERS[name](library, request.getfixturevalue(name))
    await _use_only(library, downloader)
    client = library.server.client
    naming = (await client.get("/api/v3/config/naming")).json()
    assert (
        await client.put("/api/v3/config/naming/1", json={**naming, "renameMovies": True})
    ).status_code == 202
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes() + os.urandom(64)
    release, info_hash = seed(seeder, WEB, content)
    await seeding(seeder, info_hash)
    indexer_server.site("torznab").releases = [release]
    try:
        movie = await add_movie(library)
        searched = await run_command(library, "MoviesSearch", movieIds=[movie["id"]])
        assert searched["status"] == "completed", searched
        await eventually(lambda: _async(downloader.torrent(info_hash)), within=30, every=0.1)
        await reach_peer(seeder, info_hash, downloader.peer_port)

        async def imported() -> dict[str, Any] | None:
            film: dict[str, Any] = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
            return film if film.get("hasFile") else None

        film = await eventually(imported, within=60, every=0.25)
        folder = Path(library.root) / "The Matrix (1999)"
        assert film["path"] == str(folder)
        assert sorted(os.listdir(folder)) == [RENAMED]
        assert (folder / RENAMED).read_bytes() == content

        async def recorded() -> list[dict[str, Any]] | None:
            # The import's history entry is written beside the film's file, not before it shows.
            found = (await client.get("/api/v3/history/movie", params={"movieId": movie["id"]})).json()
            return found if len(found) == 2 else None

        history = await eventually(recorded, within=10, every=0.1)
        assert sorted(e["eventType"] for e in history) == ["downloadFolderImported", "grabbed"]
        assert {e["downloadId"] for e in history} == {info_hash}
        assert {e["data"].get("downloadClient") for e in history if e["eventType"] == "grabbed"} == {
            downloader.resource["implementation"]
        }

        async def marked() -> bool:
            found = downloader.torrent(info_hash)
            return found is not None and downloader.after_import(found)

        await eventually(marked, within=20, every=0.1)  # it keeps seeding, marked as imported

        async def queue_empty() -> bool:
            return (await client.get("/api/v3/queue")).json()["records"] == []

        await eventually(queue_empty, within=20, every=0.25)
    finally:
        downloader.remove(info_hash)


async def _async(value: Any) -> Any:
    return value
