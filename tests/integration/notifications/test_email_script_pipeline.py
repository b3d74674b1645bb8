"""A grab through a usenet blackhole and its import, told by Email and CustomScript through the real
pipeline (SQLite and PostgreSQL): Radarr's emails, and the script's `radarr_*` variables compared with
what the API shows of the film, the grab and the imported file."""

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
from tests.fixtures.smtp.server import SmtpServers, smtp
from tests.integration.movies.conftest import Library
from tests.integration.notifications.test_custom_script_events import dotnet_date, movie_vars
from tests.integration.notifications.test_email_events import email_fields
from tests.support.library_api import add_movie, run_command
from tests.support.notification_forms import add_notification
from tests.support.notifications import add_blackhole
from tests.support.scripts import EnvDumpScript

__all__ = ["smtp"]

TITLE = "The.Matrix.1999.1080p.BluRay.x264-GROUP"
SIZE = 8 * 1024**3
LINE = "The Matrix (1999) [Bluray-1080p] https://www.imdb.com/title/tt0133093/"


def media_vars(api: dict[str, Any]) -> dict[str, str]:
    """The media info variables of a file whose mediaInfo /api/v3/moviefile shows."""
    width, height = api["resolution"].split("x")
    languages = " / ".join(v for v in api["audioLanguages"].split("/") if v)
    prefix = "radarr_moviefile_mediainfo_"
    return {
        f"{prefix}audiochannels": f"{api['audioChannels']:g}",
        f"{prefix}audiocodec": api["audioCodec"],
        f"{prefix}audiolanguages": languages,
        f"{prefix}languages": languages,
        f"{prefix}height": height,
        f"{prefix}width": width,
        f"{prefix}subtitles": " / ".join(v for v in api["subtitles"].split("/") if v),
        f"{prefix}videocodec": api["videoCodec"],
        f"{prefix}videodynamicrangetype": api["videoDynamicRangeType"],
    }


async def _grab_and_import(
    library: Library, indexer_server: IndexerFixtureServer, sample_media: SampleMedia, tmp_path: Path
) -> tuple[dict[str, Any], Path]:
    """Add the film, grab its release into a blackhole, drop the download in the watch folder and
    import it; the film and the folder the download was in."""
    client = library.server.client
    nzbs, watch = tmp_path / "nzbs", tmp_path / "watch"
    nzbs.mkdir()
    watch.mkdir()
    await add_blackhole(client, nzbs, watch)
    indexer_server.site("torznab").releases = []
    release = FixtureRelease(
        TITLE, SIZE, timedelta(hours=5), imdb_id=133093, tmdb_id=603, published=fixture_now()
    )
    indexer_server.site("newznab").releases = [release]
    added = await client.post("/api/v3/indexer", json=nab_resource(indexer_server, "newznab", name="Usenet"))
    assert added.status_code == 201, added.text
    movie = await add_movie(library)
    command = await run_command(library, "MoviesSearch", movieIds=[movie["id"]])
    assert "grabbed 1" in command["message"], command
    job = watch / TITLE
    job.mkdir()
    (job / f"{TITLE}.mkv").write_bytes(sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes())
    then = time.time() - 120
    os.utime(job / f"{TITLE}.mkv", (then, then))
    os.utime(job, (then, then))
    done = await run_command(library, "RefreshMonitoredDownloads")
    assert "1 imported" in done["message"], done
    return movie, job


async def test_a_grab_and_its_import_are_emailed_and_run_the_script(
    library: Library,
    indexer_server: IndexerFixtureServer,
    sample_media: SampleMedia,
    smtp: SmtpServers,
    tmp_path: Path,
) -> None:
    client = library.server.client
    mail_server = smtp.start()
    switches = ("onGrab", "onDownload")
    await add_notification(client, "Email", email_fields(mail_server), switches=switches)
    script = EnvDumpScript(tmp_path)
    await add_notification(client, "CustomScript", {"path": str(script.path)}, switches=switches)
    movie, job = await _grab_and_import(library, indexer_server, sample_media, tmp_path)

    grabbed = await mail_server.mail("Radarr - Movie Grabbed")
    assert grabbed.body == f"{LINE} sent to queue."
    imported_mail = await mail_server.mail("Radarr - Movie Downloaded")
    assert imported_mail.body == f"{LINE} Downloaded and sorted."

    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    dates = {
        "radarr_movie_in_cinemas_date": dotnet_date(film.get("inCinemas")),
        "radarr_movie_physical_release_date": dotnet_date(film.get("physicalRelease")),
        "radarr_movie_overview": film["overview"],
    }
    film_vars = movie_vars(film)
    base = {"radarr_instancename": "Reelarr", "radarr_applicationurl": ""}
    grab = await script.run_of("Grab")
    assert grab == {
        "radarr_eventtype": "Grab",
        **base,
        **{k: v for k, v in film_vars.items() if k != "radarr_movie_path"},  # Radarr gives no path
        **dates,
        "radarr_release_title": TITLE,
        "radarr_release_indexer": "Usenet",
        "radarr_release_size": str(SIZE),
        "radarr_release_releasegroup": "GROUP",
        "radarr_release_quality": "Bluray-1080p",
        "radarr_release_qualityversion": "1",
        "radarr_indexerflags": "0",
        "radarr_download_client": "Blackhole",
        "radarr_download_client_type": "Usenet Blackhole",
        "radarr_download_id": "",
        "radarr_release_customformat": "",
        "radarr_release_customformatscore": "0",
    }

    file = film["movieFile"]
    history = (await client.get("/api/v3/history/movie", params={"movieId": movie["id"]})).json()
    imported = next(e for e in history if e["eventType"] == "downloadFolderImported")
    download = await script.run_of("Download")
    assert download == {
        "radarr_eventtype": "Download",
        **base,
        "radarr_isupgrade": "False",
        **film_vars,
        **dates,
        "radarr_moviefile_id": str(file["id"]),
        "radarr_moviefile_relativepath": file["relativePath"],
        "radarr_moviefile_path": file["path"],
        "radarr_moviefile_quality": "Bluray-1080p",
        "radarr_moviefile_qualityversion": "1",
        "radarr_moviefile_releasegroup": "GROUP",
        "radarr_moviefile_scenename": TITLE,
        "radarr_moviefile_sourcepath": str(job / f"{TITLE}.mkv"),
        "radarr_moviefile_sourcefolder": str(job),
        "radarr_download_client": "Blackhole",
        "radarr_download_client_type": "Usenet Blackhole",
        "radarr_download_id": imported["downloadId"],
        **media_vars(file["mediaInfo"]),
        "radarr_moviefile_customformat": "",
        "radarr_moviefile_customformatscore": "0",
        # As in Radarr, a blackhole's import finds no grab under its id: no release to tell of.
        "radarr_release_indexer": "",
        "radarr_release_size": "0",
        "radarr_release_title": "",
    }
