"""The whole pipeline, for real: a fixture Torznab lists torrents of an ffmpeg-made film that a second
qBittorrent seeds on 127.0.0.1; Reelarr, configured only through its API, finds one by a film search,
grabs it to the session's qBittorrent, which downloads it from the seeder, and imports it renamed;
then a better release appears in the RSS feed and replaces the file, the old one in the recycle bin
(SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command
from tests.support.qbittorrent import QBittorrentServer, qbittorrent_api
from tests.support.seeding import seed, seeding
from tests.support.waiting import eventually

WEB = "The.Matrix.1999.1080p.WEB-DL.DD5.1.H.264-FLUX"
BLURAY = "The.Matrix.1999.1080p.BluRay.x264-GROUP"


async def _fetch_from_seeder(
    qbittorrent: QBittorrentServer, seeder: QBittorrentServer, info_hash: str
) -> None:
    """No tracker nor DHT on loopback: tell the downloading qBittorrent where its peer is."""
    api = qbittorrent_api(qbittorrent)

    async def added() -> bool:
        return bool(await asyncio.to_thread(api.torrents_info, torrent_hashes=info_hash))

    await eventually(added, within=30, every=0.1)
    await asyncio.to_thread(
        api.torrents_add_peers, torrent_hashes=info_hash, peers=f"127.0.0.1:{seeder.torrent_port}"
    )


async def _film(library: Library, movie_id: int) -> dict[str, Any]:
    film: dict[str, Any] = (await library.server.client.get(f"/api/v3/movie/{movie_id}")).json()
    return film


async def _history(library: Library, movie_id: int, count: int) -> list[dict[str, Any]]:
    """The film's history once it has `count` entries: an import's is written just after its file."""

    async def recorded() -> list[dict[str, Any]] | None:
        params = {"movieId": movie_id}
        found: list[dict[str, Any]] = (
            await library.server.client.get("/api/v3/history/movie", params=params)
        ).json()
        return found if len(found) >= count else None

    return await eventually(recorded, within=10, every=0.1)


def _names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder)) if folder.is_dir() else []


async def test_search_grab_download_import_then_an_rss_upgrade_replaces_the_file(
    library: Library,
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    seeder: QBittorrentServer,
    sample_media: SampleMedia,
    tmp_path: Path,
) -> None:
    client = library.server.client
    naming = (await client.get("/api/v3/config/naming")).json()
    assert (
        await client.put("/api/v3/config/naming/1", json={**naming, "renameMovies": True})
    ).status_code == 202
    recycle = tmp_path / "recycle"
    recycle.mkdir()
    media = (await client.get("/api/v3/config/mediamanagement")).json()
    saved = await client.put("/api/v3/config/mediamanagement/1", json={**media, "recycleBin": str(recycle)})
    assert saved.status_code == 202, saved.text
    profile = (await client.get("/api/v3/qualityprofile/4")).json()
    assert (
        await client.put("/api/v3/qualityprofile/4", json={**profile, "upgradeAllowed": True})
    ).status_code == 202

    film_bytes = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    web_content = film_bytes + os.urandom(64)  # a torrent of this test's own
    web, web_hash = seed(seeder, WEB, web_content)
    await seeding(seeder, web_hash)
    indexer_server.site("torznab").releases = [web]

    # A film search finds the release and grabs it; the client downloads it from the seeder.
    movie = await add_movie(library)
    searched = await run_command(library, "MoviesSearch", movieIds=[movie["id"]])
    assert searched["status"] == "completed", searched
    await _fetch_from_seeder(qbittorrent, seeder, web_hash)

    async def imported() -> dict[str, Any] | None:
        film = await _film(library, movie["id"])
        return film if film.get("hasFile") else None

    film = await eventually(imported, within=60, every=0.25)
    folder = Path(library.root) / "The Matrix (1999)"
    assert film["path"] == str(folder)
    assert _names(folder) == ["The Matrix (1999) WEBDL-1080p.mkv"]
    assert (folder / "The Matrix (1999) WEBDL-1080p.mkv").read_bytes() == web_content
    [torrent] = await asyncio.to_thread(qbittorrent_api(qbittorrent).torrents_info, torrent_hashes=web_hash)
    assert float(torrent.progress) == 1.0
    assert torrent.state in ("uploading", "stalledUP", "queuedUP", "forcedUP")  # it keeps seeding
    history = await _history(library, movie["id"], 2)
    assert sorted(e["eventType"] for e in history) == ["downloadFolderImported", "grabbed"]
    assert {e["downloadId"] for e in history} == {web_hash}

    # A better release appears in the feed: the RSS sync grabs it and the import replaces the file.
    bluray_content = film_bytes + os.urandom(128)
    bluray, bluray_hash = seed(seeder, BLURAY, bluray_content)
    await seeding(seeder, bluray_hash)
    indexer_server.site("torznab").releases = [web, bluray]
    synced = await run_command(library, "RssSync")
    assert synced["status"] == "completed", synced
    await _fetch_from_seeder(qbittorrent, seeder, bluray_hash)

    async def upgraded() -> bool:
        # The new file is in place on disk a moment before the film's record names it.
        film = await _film(library, movie["id"])
        quality = (film.get("movieFile") or {}).get("quality", {}).get("quality", {}).get("name")
        return quality == "Bluray-1080p" and _names(folder) == ["The Matrix (1999) Bluray-1080p.mkv"]

    await eventually(upgraded, within=60, every=0.25)
    assert (folder / "The Matrix (1999) Bluray-1080p.mkv").read_bytes() == bluray_content
    assert (recycle / folder.name / "The Matrix (1999) WEBDL-1080p.mkv").read_bytes() == web_content
    history = await _history(library, movie["id"], 5)
    assert sorted(e["eventType"] for e in history) == [
        "downloadFolderImported",
        "downloadFolderImported",
        "grabbed",
        "grabbed",
        "movieFileDeleted",
    ]
    assert (await client.get("/api/v3/queue")).json()["records"] == []
