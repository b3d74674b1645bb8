"""The Webhook told of a film's journey through the real pipeline (add, grab through a usenet
blackhole, import, rename), each payload compared field by field with what Radarr's WebhookBase builds
from the same film, file and grab as the API shows them (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tests.fixtures.indexers.releases import FixtureRelease, fixture_now
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.media import MediaKind, SampleMedia
from tests.fixtures.webhook.server import WebhookReceiver
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command
from tests.support.notifications import add_blackhole, add_webhook
from tests.support.waiting import eventually

TITLE = "The.Matrix.1999.1080p.BluRay.x264-GROUP"
SIZE = 8 * 1024**3
ENGLISH = {"id": 1, "name": "English"}


async def _payloads(receiver: WebhookReceiver, event_type: str, count: int = 1) -> list[dict[str, Any]]:
    async def arrived() -> list[dict[str, Any]] | None:
        found = [r.json() for r in receiver.requests() if r.json()["eventType"] == event_type]
        return found if len(found) >= count else None

    return await eventually(arrived)


def expected_movie(film: dict[str, Any], tags: list[str]) -> dict[str, Any]:
    """WebhookMovie of a film as /api/v3/movie shows it."""
    if film.get("physicalRelease"):
        release = film["physicalRelease"][:10]
    elif film.get("inCinemas"):
        release = (date.fromisoformat(film["inCinemas"][:10]) + timedelta(days=90)).isoformat()
    else:
        release = "9999-12-31"
    return {
        "id": film["id"],
        "title": film["title"],
        "year": film["year"],
        "releaseDate": release,
        "folderPath": film["path"],
        "tmdbId": film["tmdbId"],
        "imdbId": film["imdbId"],
        "overview": film["overview"],
        "genres": film["genres"],
        "images": [
            {"coverType": i["coverType"], "url": i["url"], "remoteUrl": i["remoteUrl"]}
            for i in film["images"]
        ],
        "tags": tags,
        "originalLanguage": film["originalLanguage"],
    }


def webhook_media_info(api: dict[str, Any]) -> dict[str, Any]:
    """WebhookMovieFileMediaInfo of a file whose mediaInfo /api/v3/moviefile shows."""
    width, height = (int(v) for v in api["resolution"].split("x"))
    return {
        "audioChannels": api["audioChannels"],
        "audioCodec": api["audioCodec"],
        "audioLanguages": [v for v in api["audioLanguages"].split("/") if v],
        "height": height,
        "width": width,
        "subtitles": [v for v in api["subtitles"].split("/") if v],
        "videoCodec": api["videoCodec"],
        "videoDynamicRange": api["videoDynamicRange"],
        "videoDynamicRangeType": api["videoDynamicRangeType"],
    }


def remote_movie(film: dict[str, Any]) -> dict[str, Any]:
    """WebhookRemoteMovie."""
    return {"tmdbId": film["tmdbId"], "imdbId": film["imdbId"], "title": film["title"], "year": film["year"]}


def without_query(payload_movie: dict[str, Any]) -> dict[str, Any]:
    """The movie with its local image links cut at "?" (their lastWrite changes when covers arrive)."""
    images = [{**i, "url": i["url"].split("?")[0]} for i in payload_movie["images"]]
    return {**payload_movie, "images": images}


async def test_a_films_journey_is_told_with_radarrs_payloads(
    library: Library,
    indexer_server: IndexerFixtureServer,
    sample_media: SampleMedia,
    receiver: WebhookReceiver,
    tmp_path: Path,
) -> None:
    client = library.server.client
    tag = (await client.post("/api/v3/tag", json={"label": "vip"})).json()
    await add_webhook(client, receiver.url(), tags=[tag["id"]])
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

    movie = await add_movie(library, tags=[tag["id"]])
    (told,) = await _payloads(receiver, "MovieAdded")
    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert told["addMethod"] == "manual"
    assert (told["instanceName"], told["applicationUrl"]) == ("Reelarr", "")
    assert without_query(told["movie"]) == without_query(expected_movie(film, ["vip"]))

    command = await run_command(library, "MoviesSearch", movieIds=[movie["id"]])
    assert "grabbed 1" in command["message"], command
    (grab,) = await _payloads(receiver, "Grab")
    history = (await client.get("/api/v3/history/movie", params={"movieId": movie["id"]})).json()
    grabbed = next(e for e in history if e["eventType"] == "grabbed")
    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert without_query(grab["movie"]) == without_query(expected_movie(film, ["vip"]))
    assert grab["remoteMovie"] == remote_movie(film)
    assert grab["release"] == {
        "quality": "Bluray-1080p",
        "qualityVersion": 1,
        "releaseGroup": "GROUP",
        "releaseTitle": TITLE,
        "indexer": "Usenet",
        "size": SIZE,
        "customFormatScore": 0,
        "customFormats": [],
        "languages": [ENGLISH],
        "indexerFlags": [],
    }
    assert grab["downloadClient"] == "Blackhole"
    assert grab["downloadClientType"] == "Usenet Blackhole"
    # A usenet blackhole gives no download id: Radarr's serializer then leaves `downloadId` out.
    assert grab.get("downloadId") == grabbed.get("downloadId")
    assert grab["customFormatInfo"] == {"customFormats": [], "customFormatScore": 0}
    assert set(grab) - {"downloadId"} == {
        "eventType",
        "instanceName",
        "applicationUrl",
        "movie",
        "remoteMovie",
        "release",
        "downloadClient",
        "downloadClientType",
        "customFormatInfo",
    }

    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    job = watch / TITLE
    job.mkdir()
    (job / f"{TITLE}.mkv").write_bytes(content)
    then = time.time() - 120
    os.utime(job / f"{TITLE}.mkv", (then, then))
    os.utime(job, (then, then))

    # The download watcher may have a check under way that began before the file was there: the one
    # asked for here then answers as that one did, so ask until the import is told.
    async def imported() -> list[dict[str, Any]] | None:
        await run_command(library, "RefreshMonitoredDownloads")
        return [r.json() for r in receiver.requests() if r.json()["eventType"] == "Download"] or None

    (download,) = await eventually(imported, within=60)
    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    file = film["movieFile"]
    assert without_query(download["movie"]) == without_query(expected_movie(film, ["vip"]))
    assert download["remoteMovie"] == remote_movie(film)
    imported = next(
        e
        for e in (await client.get("/api/v3/history/movie", params={"movieId": movie["id"]})).json()
        if e["eventType"] == "downloadFolderImported"
    )
    told_file = dict(download["movieFile"])
    assert told_file.pop("dateAdded")[:19] == file["dateAdded"][:19]
    assert told_file.pop("mediaInfo") == webhook_media_info(file["mediaInfo"])
    assert told_file == {
        "id": file["id"],
        "relativePath": file["relativePath"],
        "path": file["path"],
        "quality": "Bluray-1080p",
        "qualityVersion": 1,
        "releaseGroup": "GROUP",
        "sceneName": TITLE,
        "indexerFlags": "0",
        "size": len(content),
        "languages": imported["languages"],  # as the import recorded them
        "sourcePath": str(job / f"{TITLE}.mkv"),
    }
    assert download["isUpgrade"] is False
    assert (download["downloadClient"], download["downloadClientType"]) == ("Blackhole", "Usenet Blackhole")
    # The grab had no id (a usenet blackhole gives none); the import has the watch folder item's, and
    # as in Radarr no grab is found under it: the release is only the file's flags.
    assert download["downloadId"] == imported["downloadId"]
    assert download["customFormatInfo"] == {"customFormats": [], "customFormatScore": 0}
    assert download["release"] == {"size": 0, "indexerFlags": []}
    assert "deletedFiles" not in download

    naming = (await client.get("/api/v3/config/naming")).json()
    fmt = "{Movie Title} ({Release Year}) {Quality Full}"
    response = await client.put(
        "/api/v3/config/naming/1", json={**naming, "renameMovies": True, "standardMovieFormat": fmt}
    )
    assert response.is_success, response.text
    command = await run_command(library, "RenameFiles", movieId=film["id"], files=[file["id"]])
    assert command["status"] == "completed", command
    (rename,) = await _payloads(receiver, "Rename")
    renamed = (await client.get(f"/api/v3/moviefile/{file['id']}")).json()
    (told_file,) = rename["renamedMovieFiles"]
    assert told_file["relativePath"] == renamed["relativePath"] == "The Matrix (1999) Bluray-1080p.mkv"
    assert told_file["path"] == os.path.join(film["path"], renamed["relativePath"])
    assert (told_file["previousRelativePath"], told_file["previousPath"]) == (
        file["relativePath"],
        file["path"],
    )
    assert without_query(rename["movie"]) == without_query(expected_movie(film, ["vip"]))


async def test_a_film_without_the_notifications_tag_is_not_told(
    library: Library, receiver: WebhookReceiver
) -> None:
    client = library.server.client
    tag = (await client.post("/api/v3/tag", json={"label": "vip"})).json()
    await add_webhook(client, receiver.url(), name="Tagged", tags=[tag["id"]])
    untagged = receiver.url("/all")
    await add_webhook(client, untagged, name="Everything")
    await add_movie(library)
    (told,) = await _payloads(receiver, "MovieAdded")
    assert told["movie"]["tmdbId"] == 603
    assert [r.path for r in receiver.requests() if r.json()["eventType"] == "MovieAdded"] == ["/all"]


async def _rescanned_file(
    library: Library, media: SampleMedia, movie: dict[str, Any], name: str
) -> dict[str, Any]:
    client = library.server.client
    media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, Path(movie["path"]) / name)
    assert (await run_command(library, "RescanMovie", movieId=movie["id"]))["status"] == "completed"
    film: dict[str, Any] = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert film["movieFile"]["relativePath"] == name
    file: dict[str, Any] = film["movieFile"]
    return file


async def test_deleting_a_file_and_then_the_film_is_told_with_radarrs_payloads(
    library: Library, sample_media: SampleMedia, receiver: WebhookReceiver
) -> None:
    client = library.server.client
    await add_webhook(client, receiver.url(), switches=("onMovieDelete", "onMovieFileDelete"))
    movie = await add_movie(library)
    file = await _rescanned_file(library, sample_media, movie, "matrix.mkv")
    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()

    assert (await client.delete(f"/api/v3/moviefile/{file['id']}")).status_code == 200
    (told,) = await _payloads(receiver, "MovieFileDelete")
    assert told["deleteReason"] == "manual"
    assert without_query(told["movie"]) == without_query(expected_movie(film, []))
    told_file = dict(told["movieFile"])
    assert told_file.pop("dateAdded")[:19] == file["dateAdded"][:19]
    assert told_file.pop("mediaInfo") == webhook_media_info(file["mediaInfo"])
    assert told_file == {
        "id": file["id"],
        "relativePath": "matrix.mkv",
        "path": file["path"],
        "quality": file["quality"]["quality"]["name"],
        "qualityVersion": file["quality"]["revision"]["version"],
        "indexerFlags": "0",
        "size": file["size"],
        "languages": file["languages"],
    }

    second = await _rescanned_file(library, sample_media, movie, "matrix again.mkv")
    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    response = await client.delete(f"/api/v3/movie/{movie['id']}", params={"deleteFiles": "true"})
    assert response.status_code == 200, response.text
    (gone,) = await _payloads(receiver, "MovieDelete")
    assert without_query(gone["movie"]) == without_query(expected_movie(film, []))
    assert (gone["deletedFiles"], gone["movieFolderSize"]) == (True, second["size"])
    assert set(gone) == {
        "eventType",
        "instanceName",
        "applicationUrl",
        "movie",
        "deletedFiles",
        "movieFolderSize",
    }


async def test_a_download_that_cannot_be_imported_asks_for_a_person_once(
    library: Library,
    indexer_server: IndexerFixtureServer,
    sample_media: SampleMedia,
    receiver: WebhookReceiver,
    tmp_path: Path,
) -> None:
    client = library.server.client
    await add_webhook(client, receiver.url(), switches=("onManualInteractionRequired",))
    schema = (await client.get("/api/v3/notification/schema")).json()
    assert next(s for s in schema if s["implementation"] == "Webhook")["supportsOnManualInteractionRequired"]
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

    # What finishes is only a sample: the importer refuses it and the download waits for a person.
    job = watch / TITLE
    job.mkdir()
    clip = sample_media.path(MediaKind.SAMPLE_CLIP).read_bytes()
    (job / f"{TITLE}.mkv").write_bytes(clip)
    then = time.time() - 120
    os.utime(job / f"{TITLE}.mkv", (then, then))
    os.utime(job, (then, then))
    await run_command(library, "RefreshMonitoredDownloads")
    await run_command(library, "RefreshMonitoredDownloads")  # still blocked: told once only
    (told,) = await _payloads(receiver, "ManualInteractionRequired")
    queue = (await client.get("/api/v3/queue")).json()["records"]
    (record,) = [r for r in queue if r["trackedDownloadState"] == "importBlocked"]
    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert without_query(told["movie"]) == without_query(expected_movie(film, []))
    assert told["downloadInfo"] == {
        "quality": "Bluray-1080p",
        "qualityVersion": 1,
        "title": record["title"],
        "size": record["size"],
    }
    assert (told["downloadClient"], told["downloadClientType"]) == ("Blackhole", "Usenet Blackhole")
    assert told["downloadId"] == record["downloadId"]
    assert told["downloadStatus"] == "Warning"
    assert told["downloadStatusMessages"] == [
        {"title": m["title"], "messages": m["messages"]} for m in record["statusMessages"]
    ]
    assert told["downloadStatusMessages"], "the reasons of the block are told"
    assert told["customFormatInfo"] == {"customFormats": [], "customFormatScore": 0}
    assert told["release"] == {"size": 0, "indexerFlags": []}
    assert [r.json()["eventType"] for r in receiver.requests()].count("ManualInteractionRequired") == 1
