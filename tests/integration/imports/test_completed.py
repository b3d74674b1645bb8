"""Completed download handling end to end: a release grabbed from the fixture Torznab finishes in the
session's real qBittorrent (its content is already in the save path, so qBittorrent checks it and
seeds), then RefreshMonitoredDownloads imports it into the library (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

from tests.fixtures.indexers.releases import FixtureRelease
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library, imported_category
from tests.support.library_api import add_movie, run_command
from tests.support.qbittorrent import QBittorrentServer, qbittorrent_api
from tests.support.torrentfiles import make_torrent
from tests.support.waiting import eventually

TITLE = "The.Matrix.1999.1080p.BluRay.x264-GROUP"
GIGABYTE = 1024**3


def _offer(
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    content: bytes,
    title: str = TITLE,
    **release_values: Any,
) -> str:
    """List one release of `content` on the fixture Torznab (`release_values` for its other fields)
    and put its file where qBittorrent will find it already downloaded; the torrent's info hash."""
    torrent, info_hash = make_torrent(f"{title}.mkv", content)
    (qbittorrent.save_path / f"{title}.mkv").write_bytes(content)
    release = FixtureRelease(
        title,
        8 * GIGABYTE,
        timedelta(hours=3),
        imdb_id=133093,
        tmdb_id=603,
        torrent=torrent,
        **release_values,
    )
    indexer_server.site("torznab").releases = [release]
    return info_hash


def _names(folder: str) -> list[str]:
    """The names in a film's folder (none when it was never made)."""
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


async def _grab(library: Library, movie_id: int) -> dict[str, Any]:
    client = library.server.client
    releases = (await client.get("/api/v3/release", params={"movieId": movie_id})).json()
    chosen = next(r for r in releases if r["approved"])
    grabbed = await client.post(
        "/api/v3/release", json={"guid": chosen["guid"], "indexerId": chosen["indexerId"]}
    )
    assert grabbed.status_code == 200, grabbed.text
    result: dict[str, Any] = grabbed.json()
    return result


async def _until_imported(library: Library, movie_id: int) -> dict[str, Any]:
    """Check the clients until the film has a file (qBittorrent first checks what it was given)."""

    async def imported() -> dict[str, Any] | None:
        await run_command(library, "RefreshMonitoredDownloads")
        movie: dict[str, Any] = (await library.server.client.get(f"/api/v3/movie/{movie_id}")).json()
        return movie if movie.get("hasFile") else None

    return await eventually(imported, within=60, every=0.5)


async def _queue(library: Library) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = (await library.server.client.get("/api/v3/queue")).json()["records"]
    return records


async def _history(library: Library, movie_id: int) -> list[dict[str, Any]]:
    found = await library.server.client.get("/api/v3/history/movie", params={"movieId": movie_id})
    events: list[dict[str, Any]] = found.json()
    return events


async def test_a_finished_torrent_is_hardlinked_into_the_library_under_its_clean_name(
    library: Library,
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    sample_media: SampleMedia,
) -> None:
    naming = (await library.server.client.get("/api/v3/config/naming")).json()
    renamed = await library.server.client.put(
        "/api/v3/config/naming/1", json={**naming, "renameMovies": True}
    )
    assert renamed.status_code == 202, renamed.text
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    info_hash = _offer(indexer_server, qbittorrent, content)
    movie = await add_movie(library)
    await _grab(library, movie["id"])
    imported = await _until_imported(library, movie["id"])

    placed = Path(imported["path"]) / "The Matrix (1999) Bluray-1080p.mkv"
    source = qbittorrent.save_path / f"{TITLE}.mkv"
    assert placed.read_bytes() == content
    assert os.stat(placed).st_ino == os.stat(source).st_ino  # hard-linked: the torrent keeps seeding
    file = imported["movieFile"]
    assert (file["relativePath"], file["sceneName"]) == ("The Matrix (1999) Bluray-1080p.mkv", TITLE)
    assert file["quality"]["quality"]["name"] == "Bluray-1080p"
    assert file["mediaInfo"]["audioStreamCount"] == 1
    torrents = await asyncio.to_thread(qbittorrent_api(qbittorrent).torrents_info, torrent_hashes=info_hash)
    assert [t.category for t in torrents] == [library.category]  # still there: seeding goals not met
    events = {e["eventType"]: e for e in await _history(library, movie["id"])}
    assert set(events) == {"grabbed", "downloadFolderImported"}
    imported_event = events["downloadFolderImported"]
    assert imported_event["downloadId"] == info_hash
    assert imported_event["data"]["importedPath"] == str(placed)
    assert imported_event["data"]["droppedPath"] == str(source)
    assert await _queue(library) == []
    # A later pass does not import it again.
    again = await run_command(library, "RefreshMonitoredDownloads")
    assert "0 imported" in again["message"], again
    assert len(await _history(library, movie["id"])) == 2


async def test_the_grabbed_release_s_indexer_flags_are_kept_on_the_imported_file(
    library: Library,
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    sample_media: SampleMedia,
) -> None:
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    _offer(indexer_server, qbittorrent, content, download_factor=0.0, tags=("internal",))
    movie = await add_movie(library)
    grabbed = await _grab(library, movie["id"])
    imported = await _until_imported(library, movie["id"])

    freeleech_internal = 1 | 32  # Radarr's G_Freeleech and G_Internal
    assert {"G_Freeleech", "G_Internal"} <= set(grabbed["indexerFlags"])
    assert imported["movieFile"]["indexerFlags"] == freeleech_internal


async def test_the_post_import_category_is_set_once_imported(
    library: Library,
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    sample_media: SampleMedia,
) -> None:
    client = library.server.client
    [definition] = (await client.get("/api/v3/downloadclient")).json()
    for field in definition["fields"]:
        if field["name"] == "movieImportedCategory":
            field["value"] = imported_category(library.category)
    saved = await client.put(f"/api/v3/downloadclient/{definition['id']}", json=definition)
    assert saved.status_code == 202, saved.text
    info_hash = _offer(
        indexer_server, qbittorrent, sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    )
    movie = await add_movie(library)
    await _grab(library, movie["id"])
    await _until_imported(library, movie["id"])

    async def recategorised() -> bool:
        api = qbittorrent_api(qbittorrent)
        torrents = await asyncio.to_thread(api.torrents_info, torrent_hashes=info_hash)
        return [t.category for t in torrents] == [imported_category(library.category)]

    # The client is told once the file is recorded; the test may look in between.
    await eventually(recategorised, within=10, every=0.1)


async def test_a_sample_is_not_imported_and_the_queue_says_why(
    library: Library,
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    sample_media: SampleMedia,
) -> None:
    _offer(indexer_server, qbittorrent, sample_media.path(MediaKind.SAMPLE_CLIP).read_bytes())
    movie = await add_movie(library)
    await _grab(library, movie["id"])

    async def blocked() -> dict[str, Any] | None:
        await run_command(library, "RefreshMonitoredDownloads")
        records = await _queue(library)
        return records[0] if records and records[0]["trackedDownloadState"] == "importBlocked" else None

    record = await eventually(blocked, within=60, every=0.5)
    assert record["trackedDownloadStatus"] == "warning"
    assert record["status"] == "completed"
    reasons = [m for s in record["statusMessages"] for m in s["messages"]]
    assert reasons == ["Sample"]
    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert not film["hasFile"]
    assert _names(film["path"]) == []


async def test_an_upgrade_replaces_the_old_file_which_goes_to_the_recycle_bin(
    library: Library,
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    sample_media: SampleMedia,
    tmp_path: Path,
) -> None:
    client = library.server.client
    recycle_bin = tmp_path / "recycle"
    recycle_bin.mkdir()
    media = (await client.get("/api/v3/config/mediamanagement")).json()
    saved = await client.put(
        "/api/v3/config/mediamanagement/1", json={**media, "recycleBin": str(recycle_bin)}
    )
    assert saved.status_code == 202, saved.text
    profile = (await client.get("/api/v3/qualityprofile/4")).json()
    saved = await client.put("/api/v3/qualityprofile/4", json={**profile, "upgradeAllowed": True})
    assert saved.status_code == 202, saved.text
    movie = await add_movie(library)
    old_name = "The.Matrix.1999.1080p.WEB-DL.DD5.1.H.264-FLUX.mkv"
    old = sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, Path(movie["path"]) / old_name)
    old_bytes = old.read_bytes()
    rescanned = await run_command(library, "RescanMovie", movieId=movie["id"])
    assert rescanned["status"] == "completed", rescanned

    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    before = film["movieFile"]
    assert before["quality"]["quality"]["name"] == "WEBDL-1080p"

    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes() + b"\0" * 1024
    _offer(indexer_server, qbittorrent, content)
    await _grab(library, movie["id"])

    async def upgraded() -> dict[str, Any] | None:
        await run_command(library, "RefreshMonitoredDownloads")
        film: dict[str, Any] = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
        return film if film["movieFile"]["id"] != before["id"] else None

    film = await eventually(upgraded, within=60, every=0.5)
    assert film["movieFile"]["quality"]["quality"]["name"] == "Bluray-1080p"
    # Renaming is off by default, as in Radarr: the file keeps the release's name.
    assert _names(film["path"]) == [f"{TITLE}.mkv"]
    kept = recycle_bin / Path(film["path"]).name / old_name
    assert kept.read_bytes() == old_bytes
    events = [e["eventType"] for e in await _history(library, movie["id"])]
    assert sorted(events) == ["downloadFolderImported", "grabbed", "movieFileDeleted"]


async def test_a_remote_path_mapping_says_where_the_clients_download_is_here(
    library: Library,
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    sample_media: SampleMedia,
    tmp_path: Path,
) -> None:
    # The client's folder as this machine mounts it elsewhere: the same file under another path.
    mounted = tmp_path / "mounted"
    mounted.mkdir()
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    _offer(indexer_server, qbittorrent, content)
    os.link(qbittorrent.save_path / f"{TITLE}.mkv", mounted / f"{TITLE}.mkv")
    mapping = {
        "host": qbittorrent.host,
        "remotePath": f"{qbittorrent.save_path}/",
        "localPath": f"{mounted}/",
    }
    added = await library.server.client.post("/api/v3/remotepathmapping", json=mapping)
    assert added.status_code == 201, added.text
    movie = await add_movie(library)
    await _grab(library, movie["id"])
    await _until_imported(library, movie["id"])
    events = {e["eventType"]: e for e in await _history(library, movie["id"])}
    assert events["downloadFolderImported"]["data"]["droppedPath"] == str(mounted / f"{TITLE}.mkv")


async def test_a_download_is_imported_within_seconds_of_finishing_without_waiting_for_the_minute(
    library: Library,
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    sample_media: SampleMedia,
) -> None:
    client = library.server.client
    options = (await client.get("/api/v3/config/downloadclient")).json()
    # The scheduled check far away: only the watcher of active downloads can import it in time.
    slow = await client.put(
        "/api/v3/config/downloadclient/1", json={**options, "checkForFinishedDownloadInterval": 120}
    )
    assert slow.status_code == 202, slow.text
    _offer(indexer_server, qbittorrent, sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes())
    movie = await add_movie(library)
    await _grab(library, movie["id"])

    async def imported() -> bool:
        film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
        return bool(film.get("hasFile"))

    await eventually(imported, within=15, every=0.25)
    commands = (await client.get("/api/v3/command")).json()
    refreshes = [c for c in commands if c["name"] == "RefreshMonitoredDownloads"]
    assert refreshes
    assert all(c["trigger"] == "scheduled" for c in refreshes)
