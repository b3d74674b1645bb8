"""What the world throws at an import: a full disk, a read-only library, a client that lies about
completion or names the library as its download. Each leaves the download blocked in the queue with
its reason, nothing lost or half-written, and imports once the cause is gone. Names with odd
characters import under a clean name (SQLite and PostgreSQL).

The disks are real: a small tmpfs mounted for the test (which needs the right to mount, as root).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.indexers.releases import FixtureRelease
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.media import MediaKind, SampleMedia
from tests.fixtures.sabnzbd.server import SabnzbdFixtureServer, sabnzbd
from tests.integration.imports.test_completed import TITLE, _grab, _names, _offer, _queue
from tests.integration.movies.conftest import Library
from tests.integration.pipeline.test_usenet import _grab_from_usenet
from tests.support.library_api import add_movie, run_command
from tests.support.qbittorrent import QBittorrentServer
from tests.support.torrentfiles import make_torrent
from tests.support.waiting import eventually

__all__ = ["sabnzbd"]


def _mount(*arguments: str) -> None:
    subprocess.run(["mount", *arguments], check=True, capture_output=True, timeout=30)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs of the test's own, unmounted afterwards."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    try:
        _mount("-t", "tmpfs", "-o", "size=256k,mode=0755", "tmpfs", str(mount_point))
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"cannot mount a tmpfs here: {error}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False, capture_output=True, timeout=30)


async def _film_on(library: Library, disk: Path) -> dict[str, Any]:
    client = library.server.client
    added = await client.post("/api/v3/rootfolder", json={"path": str(disk)})
    assert added.status_code == 201, added.text
    return await add_movie(library, rootFolderPath=str(disk))


async def _blocked_with(library: Library, wanted: str) -> dict[str, Any]:
    """Check the clients until the one download is import-blocked with a reason containing `wanted`."""

    async def blocked() -> dict[str, Any] | None:
        await run_command(library, "RefreshMonitoredDownloads")
        records = await _queue(library)
        if not records or records[0]["trackedDownloadState"] != "importBlocked":
            return None
        reasons = " | ".join(m for s in records[0]["statusMessages"] for m in s["messages"])
        return records[0] if wanted in reasons else None

    return await eventually(blocked, within=60, every=0.5)


async def _imported(library: Library, movie_id: int) -> dict[str, Any]:
    async def has_file() -> dict[str, Any] | None:
        await run_command(library, "RefreshMonitoredDownloads")
        film: dict[str, Any] = (await library.server.client.get(f"/api/v3/movie/{movie_id}")).json()
        return film if film["hasFile"] else None

    return await eventually(has_file, within=60, every=0.5)


async def _set_media_management(library: Library, **changes: Any) -> None:
    client = library.server.client
    config = (await client.get("/api/v3/config/mediamanagement")).json()
    saved = await client.put("/api/v3/config/mediamanagement/1", json={**config, **changes})
    assert saved.status_code == 202, saved.text


async def test_a_full_disk_blocks_the_import_until_there_is_room(
    library: Library,
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    sample_media: SampleMedia,
    small_disk: Path,
) -> None:
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    assert len(content) > 256 * 1024  # larger than the disk
    _offer(indexer_server, qbittorrent, content)
    movie = await _film_on(library, small_disk)
    await _set_media_management(library, skipFreeSpaceCheckWhenImporting=True)
    await _grab(library, movie["id"])  # the search's own free-space rule would refuse the 8 GB release

    # Radarr's rule first: the disk would keep less than the minimum free space.
    await _set_media_management(library, skipFreeSpaceCheckWhenImporting=False)
    await _blocked_with(library, "Not enough free space")
    # Without the rule the copy itself runs out of room: blocked with the error, nothing half-written.
    await _set_media_management(library, skipFreeSpaceCheckWhenImporting=True)
    record = await _blocked_with(library, "No space left on device")
    assert record["trackedDownloadStatus"] == "warning"
    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert not film["hasFile"]
    assert [name for _, _, names in os.walk(small_disk) for name in names] == []  # no partial copy
    source = qbittorrent.save_path / f"{TITLE}.mkv"
    assert source.read_bytes() == content  # the download is untouched

    _mount("-o", "remount,size=64m", str(small_disk))
    imported = await _imported(library, movie["id"])
    assert (Path(imported["path"]) / imported["movieFile"]["relativePath"]).read_bytes() == content
    assert await _queue(library) == []


async def test_a_read_only_library_blocks_the_import_until_it_is_writable(
    library: Library,
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    sample_media: SampleMedia,
    small_disk: Path,
) -> None:
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    _offer(indexer_server, qbittorrent, content)
    movie = await _film_on(library, small_disk)
    await _set_media_management(library, skipFreeSpaceCheckWhenImporting=True)
    _mount("-o", "remount,size=64m,ro", str(small_disk))
    await _grab(library, movie["id"])

    await _blocked_with(library, "Read-only file system")
    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert not film["hasFile"]
    assert (qbittorrent.save_path / f"{TITLE}.mkv").read_bytes() == content

    _mount("-o", "remount,rw", str(small_disk))
    imported = await _imported(library, movie["id"])
    assert (Path(imported["path"]) / imported["movieFile"]["relativePath"]).read_bytes() == content


async def test_a_client_that_reports_completion_before_the_files_are_there_is_waited_for(
    library: Library,
    indexer_server: IndexerFixtureServer,
    sabnzbd: SabnzbdFixtureServer,
    sample_media: SampleMedia,
) -> None:
    movie, job = await _grab_from_usenet(library, indexer_server, sabnzbd)
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    folder = sabnzbd.state.complete(job, {})  # "Completed", but the folder is still empty

    await _blocked_with(library, "No files found are eligible for import")
    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert not film["hasFile"]
    assert _names(film["path"]) == []

    (folder / f"{TITLE}.mkv").write_bytes(content)  # the files arrive after all
    imported = await _imported(library, movie["id"])
    assert (Path(imported["path"]) / imported["movieFile"]["relativePath"]).read_bytes() == content


async def test_a_client_that_names_the_library_as_its_download_is_refused(
    library: Library,
    indexer_server: IndexerFixtureServer,
    sabnzbd: SabnzbdFixtureServer,
    sample_media: SampleMedia,
) -> None:
    movie, job = await _grab_from_usenet(library, indexer_server, sabnzbd)
    # Another film's file, in the library but not (yet) known to it: a usenet import would move it.
    other = library.root / "Some Other Film (2001)"
    other.mkdir()
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    (other / "Some.Other.Film.2001.1080p.BluRay.x264-GROUP.mkv").write_bytes(content)
    sabnzbd.state.complete(job, {})
    [finished] = [j for j in sabnzbd.state.history if j.nzo_id == job]
    finished.storage = str(library.root)  # the client lies: its download is the root folder

    record = await _blocked_with(library, f"holds the root folder '{library.root}'")
    assert record["trackedDownloadStatus"] == "warning"
    assert (other / "Some.Other.Film.2001.1080p.BluRay.x264-GROUP.mkv").read_bytes() == content
    film = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert not film["hasFile"]
    assert sorted(p.name for p in library.root.iterdir()) == ["Some Other Film (2001)"]


ODD_TITLE = "The.Matrix.1999.1080p.BluRay.x264-GRÜP"
ODD_FILE = "The Matrix (1999) – 1080p BluRay [GRÜP] 100% #1 'final' & more.mkv"


async def test_names_with_odd_characters_are_imported_under_a_clean_name(
    library: Library,
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    sample_media: SampleMedia,
) -> None:
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    torrent, _hash = make_torrent(ODD_FILE, content)
    (qbittorrent.save_path / ODD_FILE).write_bytes(content)
    release = FixtureRelease(
        ODD_TITLE, 8 * 1024**3, timedelta(hours=3), imdb_id=133093, tmdb_id=603, torrent=torrent
    )
    indexer_server.site("torznab").releases = [release]
    naming = (await library.server.client.get("/api/v3/config/naming")).json()
    renamed = await library.server.client.put(
        "/api/v3/config/naming/1", json={**naming, "renameMovies": True}
    )
    assert renamed.status_code == 202, renamed.text
    movie = await add_movie(library)
    await _grab(library, movie["id"])

    imported = await _imported(library, movie["id"])
    assert _names(imported["path"]) == ["The Matrix (1999) Bluray-1080p.mkv"]
    file = imported["movieFile"]
    assert file["quality"]["quality"]["name"] == "Bluray-1080p"  # the grabbed release's
    assert file["originalFilePath"] == ODD_FILE
    assert (qbittorrent.save_path / ODD_FILE).read_bytes() == content
