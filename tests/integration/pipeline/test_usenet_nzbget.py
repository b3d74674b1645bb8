"""Usenet through a real NZBGet reading a real INN: a release whose articles are on the server is
searched, grabbed, downloaded and moved renamed into the library; one whose articles are missing fails,
is blocklisted and the film searched again (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.indexers.releases import FixtureRelease, fixture_now
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library
from tests.support.downloadclients import add_nzbget
from tests.support.inn import InnServer, unposted_nzb
from tests.support.library_api import add_movie, run_command
from tests.support.nzbget import NzbgetServer
from tests.support.waiting import eventually

TITLE = "The.Matrix.1999.1080p.BluRay.x264-GROUP"


@pytest.fixture(autouse=True)
def empty_nzbget(nzbget: NzbgetServer) -> None:
    """Each journey starts with an NZBGet holding nothing of other tests'."""
    nzbget.forget_everything()


async def _grab_from_usenet(
    library: Library, indexer_server: IndexerFixtureServer, nzbget: NzbgetServer, nzb: bytes
) -> tuple[dict[str, Any], str]:
    """A film whose one release (`nzb`) is on the fixture Newznab, searched for and grabbed to NZBGet:
    the film and the download id."""
    client = library.server.client
    indexer_server.site("torznab").releases = []
    posted = fixture_now() - timedelta(hours=5)
    release = FixtureRelease(
        TITLE, 1024**2, timedelta(hours=5), imdb_id=133093, tmdb_id=603, published=posted, nzb=nzb
    )
    indexer_server.site("newznab").releases = [release]
    added = await client.post("/api/v3/indexer", json=nab_resource(indexer_server, "newznab", name="Usenet"))
    assert added.status_code == 201, added.text
    await add_nzbget(client, nzbget)
    movie = await add_movie(library)
    searched = await run_command(library, "MoviesSearch", movieIds=[movie["id"]])
    assert searched["status"] == "completed", searched
    history = (await client.get("/api/v3/history/movie", params={"movieId": movie["id"]})).json()
    grabbed = next(e for e in history if e["eventType"] == "grabbed")
    assert grabbed["sourceTitle"] == TITLE
    return movie, grabbed["downloadId"]


def _left_nzbget(nzbget: NzbgetServer, download_id: str) -> bool:
    """Whether NZBGet is done with the download (it is in its history)."""
    return any(
        any(p["Name"] == "drone" and p["Value"] == download_id for p in entry["Parameters"])
        for entry in nzbget.history()
    )


async def test_a_downloaded_release_is_moved_renamed_into_the_library(
    library: Library,
    indexer_server: IndexerFixtureServer,
    nzbget: NzbgetServer,
    inn: InnServer,
    sample_media: SampleMedia,
) -> None:
    client = library.server.client
    naming = (await client.get("/api/v3/config/naming")).json()
    renamed = await client.put("/api/v3/config/naming/1", json={**naming, "renameMovies": True})
    assert renamed.status_code == 202, renamed.text
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    nzb = inn.post_nzb({f"{TITLE}.mkv": content, f"{TITLE}.nfo": b"info"})
    movie, download_id = await _grab_from_usenet(library, indexer_server, nzbget, nzb)

    async def downloaded() -> bool:
        return _left_nzbget(nzbget, download_id)

    await eventually(downloaded, within=30, every=0.2)
    folder = nzbget.complete_dir / TITLE

    async def imported() -> dict[str, Any] | None:
        # The download watcher may import it before this check does: either way it is imported once.
        await run_command(library, "RefreshMonitoredDownloads")
        found: dict[str, Any] = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
        return found if found["hasFile"] else None

    film = await eventually(imported, within=30, every=0.5)
    assert [n for n in os.listdir(film["path"]) if n.endswith(".mkv")] == [
        "The Matrix (1999) Bluray-1080p.mkv"
    ]
    assert (Path(film["path"]) / "The Matrix (1999) Bluray-1080p.mkv").read_bytes() == content
    assert not (folder / f"{TITLE}.mkv").exists()  # usenet downloads are moved
    history = (await client.get("/api/v3/history/movie", params={"movieId": movie["id"]})).json()
    [event] = [e for e in history if e["eventType"] == "downloadFolderImported"]
    assert (event["downloadId"], event["data"]["downloadClient"]) == (download_id, "Nzbget")
    await run_command(library, "RefreshMonitoredDownloads")  # the next check removes what was imported
    assert not _left_nzbget(nzbget, download_id)
    assert not folder.exists()


async def test_a_release_with_missing_articles_fails_is_blocklisted_and_searched_again(
    library: Library, indexer_server: IndexerFixtureServer, nzbget: NzbgetServer, sample_media: SampleMedia
) -> None:
    client = library.server.client
    content = sample_media.path(MediaKind.FEATURE_90MIN).read_bytes()
    nzb = unposted_nzb(f"{TITLE}.mkv", content)
    movie, download_id = await _grab_from_usenet(library, indexer_server, nzbget, nzb)

    async def failed_in_nzbget() -> bool:
        return _left_nzbget(nzbget, download_id)

    await eventually(failed_in_nzbget, within=30, every=0.2)
    await run_command(library, "RefreshMonitoredDownloads")

    history = (await client.get("/api/v3/history/movie", params={"movieId": movie["id"]})).json()
    failed = next(e for e in history if e["eventType"] == "downloadFailed")
    assert failed["downloadId"] == download_id
    assert "Delete Status: HEALTH" in failed["data"]["message"]
    [entry] = (await client.get("/api/v3/blocklist")).json()["records"]
    assert (entry["movieId"], entry["sourceTitle"], entry["protocol"]) == (movie["id"], TITLE, "usenet")
    assert not _left_nzbget(nzbget, download_id)  # removeFailedDownloads: gone from NZBGet

    async def searched_again() -> bool:
        commands = (await client.get("/api/v3/command")).json()
        return sum(c["name"] == "MoviesSearch" and c["status"] == "completed" for c in commands) >= 2

    await eventually(searched_again, within=30)
    releases = (await client.get("/api/v3/release", params={"movieId": movie["id"]})).json()
    [again] = releases
    assert not again["approved"]
    assert "Release is blocklisted" in again["rejections"]
    assert [g for g in nzbget.queue() if g["NZBName"] == TITLE] == []  # nothing else was grabbed
