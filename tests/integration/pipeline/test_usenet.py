"""Usenet through SABnzbd (its fixture server): a finished job is moved into the library; a failed one
is blocklisted, written to history, and the film searched again (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

from tests.fixtures.indexers.releases import FixtureRelease, fixture_now
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.media import MediaKind, SampleMedia
from tests.fixtures.sabnzbd.server import SabnzbdFixtureServer, sabnzbd
from tests.integration.movies.conftest import Library
from tests.support.downloadclients import add_sabnzbd
from tests.support.library_api import add_movie, run_command
from tests.support.waiting import eventually

__all__ = ["sabnzbd"]
TITLE = "The.Matrix.1999.1080p.BluRay.x264-GROUP"


async def _grab_from_usenet(
    library: Library, indexer_server: IndexerFixtureServer, sab: SabnzbdFixtureServer
) -> tuple[dict[str, Any], str]:
    """A film whose one release is on the fixture Newznab, grabbed to SABnzbd: the film and the job id."""
    client = library.server.client
    indexer_server.site("torznab").releases = []
    posted = fixture_now() - timedelta(hours=5)
    release = FixtureRelease(
        TITLE, 8 * 1024**3, timedelta(hours=5), imdb_id=133093, tmdb_id=603, published=posted
    )
    indexer_server.site("newznab").releases = [release]
    added = await client.post("/api/v3/indexer", json=nab_resource(indexer_server, "newznab", name="Usenet"))
    assert added.status_code == 201, added.text
    await add_sabnzbd(client, sab)
    movie = await add_movie(library)
    releases = (await client.get("/api/v3/release", params={"movieId": movie["id"]})).json()
    [chosen] = [r for r in releases if r["approved"]]
    assert chosen["protocol"] == "usenet"
    grabbed = await client.post(
        "/api/v3/release", json={"guid": chosen["guid"], "indexerId": chosen["indexerId"]}
    )
    assert grabbed.status_code == 200, grabbed.text
    [job] = sab.state.queue
    return movie, job.nzo_id


def _names(folder: str) -> list[str]:
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


async def test_a_finished_job_is_moved_into_the_library(
    library: Library,
    indexer_server: IndexerFixtureServer,
    sabnzbd: SabnzbdFixtureServer,
    sample_media: SampleMedia,
) -> None:
    movie, job = await _grab_from_usenet(library, indexer_server, sabnzbd)
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    folder = sabnzbd.state.complete(job, {f"{TITLE}.mkv": content, f"{TITLE}.nfo": b"info"})

    async def imported() -> dict[str, Any] | None:
        # The download watcher may import it before this check does: either way it is imported once.
        await run_command(library, "RefreshMonitoredDownloads")
        found: dict[str, Any] = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
        return found if found["hasFile"] else None

    film = await eventually(imported, within=30, every=0.5)
    assert (Path(film["path"]) / f"{TITLE}.mkv").read_bytes() == content
    assert not (folder / f"{TITLE}.mkv").exists()  # usenet downloads are moved
    assert not folder.exists()  # and the folder goes, only an .nfo being left (Radarr's ShouldDeleteFolder)
    history = (
        await library.server.client.get("/api/v3/history/movie", params={"movieId": movie["id"]})
    ).json()
    [event] = [e for e in history if e["eventType"] == "downloadFolderImported"]
    assert (event["downloadId"], event["data"]["downloadClient"]) == (job, "Sabnzbd")


async def test_a_failed_job_is_blocklisted_and_the_film_searched_again(
    library: Library, indexer_server: IndexerFixtureServer, sabnzbd: SabnzbdFixtureServer
) -> None:
    client = library.server.client
    movie, job = await _grab_from_usenet(library, indexer_server, sabnzbd)
    sabnzbd.state.fail(job, "Aborted, cannot be completed - https://sabnzbd.org/not-complete")
    await run_command(library, "RefreshMonitoredDownloads")

    history = (await client.get("/api/v3/history/movie", params={"movieId": movie["id"]})).json()
    failed = next(e for e in history if e["eventType"] == "downloadFailed")
    assert failed["downloadId"] == job
    [entry] = (await client.get("/api/v3/blocklist")).json()["records"]
    assert (entry["movieId"], entry["sourceTitle"], entry["protocol"]) == (movie["id"], TITLE, "usenet")
    assert sabnzbd.state.history == []  # removeFailedDownloads: gone from SABnzbd

    async def searched_again() -> bool:
        commands = (await client.get("/api/v3/command")).json()
        return any(c["name"] == "MoviesSearch" and c["status"] == "completed" for c in commands)

    await eventually(searched_again, within=30)
    releases = (await client.get("/api/v3/release", params={"movieId": movie["id"]})).json()
    [again] = releases
    assert not again["approved"]
    assert "Release is blocklisted" in again["rejections"]
    assert sabnzbd.state.queue == []  # the search found nothing else to grab
