"""The usenet journey through a blackhole folder, configured through the API: the grab writes the NZB
for another program, and what that program leaves in the watch folder is imported (both databases)."""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from tests.fixtures.indexers.releases import FixtureRelease, fixture_now
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command

TITLE = "The.Matrix.1999.1080p.BluRay.x264-GROUP"


async def _add_blackhole(library: Library, nzbs: Path, watch: Path) -> dict[str, Any]:
    client = library.server.client
    schema = (await client.get("/api/v3/downloadclient/schema")).json()
    body = {**next(e for e in schema if e["implementation"] == "UsenetBlackhole"), "name": "Blackhole"}
    values = {"nzbFolder": str(nzbs), "watchFolder": str(watch)}
    body["fields"] = [{**f, "value": values.get(f["name"], f.get("value"))} for f in body["fields"]]
    response = await client.post("/api/v3/downloadclient", json=body)
    assert response.status_code == 201, response.text
    added: dict[str, Any] = response.json()
    return added


async def test_an_nzb_dropped_in_the_blackhole_comes_back_imported(
    library: Library, indexer_server: IndexerFixtureServer, sample_media: SampleMedia, tmp_path: Path
) -> None:
    client = library.server.client
    nzbs, watch = tmp_path / "nzbs", tmp_path / "watch"
    nzbs.mkdir()
    watch.mkdir()
    blackhole = await _add_blackhole(library, nzbs, watch)
    fields = [{**f, "value": "/nowhere"} if f["name"] == "nzbFolder" else f for f in blackhole["fields"]]
    missing = await client.post("/api/v3/downloadclient/test", json={**blackhole, "fields": fields})
    assert missing.status_code == 400
    assert [(f["propertyName"], f["errorMessage"]) for f in missing.json()] == [
        ("nzbFolder", "Folder does not exist")
    ]

    indexer_server.site("torznab").releases = []
    release = FixtureRelease(
        TITLE, 8 * 1024**3, timedelta(hours=5), imdb_id=133093, tmdb_id=603, published=fixture_now()
    )
    indexer_server.site("newznab").releases = [release]
    added = await client.post("/api/v3/indexer", json=nab_resource(indexer_server, "newznab", name="Usenet"))
    assert added.status_code == 201, added.text
    movie = await add_movie(library)
    command = await run_command(library, "MoviesSearch", movieIds=[movie["id"]])
    assert "grabbed 1" in command["message"], command
    assert os.listdir(nzbs) == [f"{TITLE}.nzb"]

    # The usenet program finishes the job in the watch folder; it has not changed for a while.
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    job = watch / TITLE
    job.mkdir()
    (job / f"{TITLE}.mkv").write_bytes(content)
    then = time.time() - 120
    os.utime(job / f"{TITLE}.mkv", (then, then))
    os.utime(job, (then, then))
    done = await run_command(library, "RefreshMonitoredDownloads")
    assert "1 imported" in done["message"], done
    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert film["hasFile"]
    assert (Path(film["path"]) / f"{TITLE}.mkv").read_bytes() == content
    assert not (job / f"{TITLE}.mkv").exists()  # usenet downloads are moved
    history = (await client.get("/api/v3/history/movie", params={"movieId": movie["id"]})).json()
    assert {e["eventType"] for e in history} == {"grabbed", "downloadFolderImported"}
