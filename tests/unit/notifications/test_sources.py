"""The Download payload of an upgrade whose grab history knows the release (a client with download
ids): what Radarr's BuildOnDownloadPayload puts in, from fixed lookups."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import UTC, datetime

from reelarr.history.model import HistoryEntry, HistoryEventType
from reelarr.imports.events import MovieImported
from reelarr.languages import Language
from reelarr.movies.model import Movie, MovieFile
from reelarr.notifications.dispatcher import ReplacedFiles
from reelarr.notifications.payloads import Instance
from reelarr.notifications.sources import EventSources, Lookups
from reelarr.quality.catalogue import quality_by_name
from reelarr.quality.revision import QualityModel, Revision
from tests.unit.notifications.test_payloads import film

ENGLISH = Language(1, "English")
WHEN = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
BLURAY = quality_by_name("Bluray-1080p")
assert BLURAY is not None
TITLE = "The.Matrix.1999.PROPER.1080p.BluRay.x264-GRP"

MOVIE = film(tags=(3,))
FILE = MovieFile(
    id=11,
    movie_id=7,
    relative_path="The Matrix (1999).mkv",
    size=1234,
    date_added=WHEN,
    quality=QualityModel(BLURAY, Revision(version=2)),
    languages=(ENGLISH,),
    scene_name=TITLE,
    release_group="GRP",
    indexer_flags=1,
)
GRAB = HistoryEntry(
    movie_id=7,
    event_type=HistoryEventType.GRABBED,
    source_title=TITLE,
    quality=QualityModel(BLURAY, Revision(version=2)),
    date=WHEN,
    languages=(ENGLISH,),
    download_id="HASH",
    custom_formats=("x264",),
    data={
        "Indexer": "Torznab",
        "ReleaseGroup": "GRP",
        "Size": "8589934592",
        "CustomFormatScore": "25",
        "IndexerFlags": "G_Freeleech",
        "DownloadClient": "QBittorrent",
        "DownloadClientName": "qBit",
    },
    id=1,
)
IMPORTED = HistoryEntry(
    movie_id=7,
    event_type=HistoryEventType.DOWNLOAD_FOLDER_IMPORTED,
    source_title=TITLE,
    quality=QualityModel(BLURAY, Revision(version=2)),
    date=WHEN,
    download_id="HASH",
    data={
        "FileId": "11",
        "DroppedPath": "/downloads/x/movie.mkv",
        "DownloadClient": "QBittorrent",
        "DownloadClientName": "qBit",
    },
    id=2,
)


async def _movie(_movie_id: int) -> Movie:
    return MOVIE


async def _file(_file_id: int) -> MovieFile:
    return FILE


async def _labels(ids: Iterable[int]) -> list[str]:
    return ["vip"] if 3 in set(ids) else []


async def _download_history(download_id: str) -> list[HistoryEntry]:
    return [GRAB, IMPORTED] if download_id == "HASH" else []


async def _movie_history(_movie_id: int) -> list[HistoryEntry]:
    return [IMPORTED, GRAB]


async def _formats() -> dict[str, int]:
    return {"x264": 9}


SOURCES = EventSources(
    Lookups(
        movie=_movie,
        movie_file=_file,
        tag_labels=_labels,
        images=lambda _id, _movie: [],
        history_of_download=_download_history,
        history_of_movie=_movie_history,
        format_ids=_formats,
        client_type=lambda name: {"QBittorrent": "qBittorrent"}.get(name, name),
    ),
    lambda: Instance("Home", "https://radarr.example"),
)


async def test_an_upgrade_is_a_download_with_the_grabs_release_and_formats() -> None:
    event = await SOURCES.download(
        MovieImported(movie_id=7, movie_file_id=11, download_id="HASH", is_upgrade=True)
    )
    payload = event.payload
    assert (event.is_upgrade, event.movie_tags) == (True, (3,))
    assert (payload["eventType"], payload["instanceName"], payload["applicationUrl"]) == (
        "Download",
        "Home",
        "https://radarr.example",
    )
    assert payload["movie"]["tags"] == ["vip"]
    assert payload["isUpgrade"] is True
    assert (payload["downloadClient"], payload["downloadClientType"], payload["downloadId"]) == (
        "qBit",
        "qBittorrent",
        "HASH",
    )
    assert payload["release"] == {
        "releaseTitle": TITLE,
        "indexer": "Torznab",
        "size": 8589934592,
        "indexerFlags": ["G_Freeleech"],
    }
    assert payload["customFormatInfo"] == {
        "customFormats": [{"id": 9, "name": "x264"}],
        "customFormatScore": 25,
    }
    assert payload["movieFile"] == {
        "id": 11,
        "relativePath": "The Matrix (1999).mkv",
        "path": "/movies/The Matrix (1999)/The Matrix (1999).mkv",
        "quality": "Bluray-1080p",
        "qualityVersion": 2,
        "releaseGroup": "GRP",
        "sceneName": TITLE,
        "indexerFlags": "G_Freeleech",
        "size": 1234,
        "dateAdded": "2024-05-06T07:08:09Z",
        "languages": [{"id": 1, "name": "English"}],
        "sourcePath": "/downloads/x/movie.mkv",
    }


async def test_a_grab_is_told_with_the_release_as_history_kept_it() -> None:
    from reelarr.downloads.events import MovieGrabbed

    grabbed = MovieGrabbed(
        movie_id=7,
        download_id="HASH",
        download_client_id=1,
        download_client="qBit",
        release_title=TITLE,
        indexer="Torznab",
        quality="Bluray-1080p",
    )
    payload = (await SOURCES.grab(grabbed)).payload
    assert payload["release"] == {
        "quality": "Bluray-1080p",
        "qualityVersion": 2,
        "releaseGroup": "GRP",
        "releaseTitle": TITLE,
        "indexer": "Torznab",
        "size": 8589934592,
        "customFormatScore": 25,
        "customFormats": ["x264"],
        "languages": [{"id": 1, "name": "English"}],
        "indexerFlags": ["G_Freeleech"],
    }
    assert payload["remoteMovie"] == {"tmdbId": 603, "title": "The Matrix", "year": 1999}
    assert (payload["downloadClient"], payload["downloadClientType"], payload["downloadId"]) == (
        "qBit",
        "qBittorrent",
        "HASH",
    )


async def test_an_upgrade_lists_the_files_it_replaced_as_deleted_files() -> None:
    old = MovieFile(
        id=10,
        movie_id=7,
        relative_path="old.avi",
        size=99,
        date_added=WHEN,
        quality=QualityModel(BLURAY),
        languages=(ENGLISH,),
    )
    event = MovieImported(movie_id=7, movie_file_id=11, download_id="HASH", is_upgrade=True)
    payload = (await SOURCES.download(event, (old,))).payload
    assert payload["deletedFiles"] == [
        {
            "id": 10,
            "relativePath": "old.avi",
            "path": "/movies/The Matrix (1999)/old.avi",
            "quality": "Bluray-1080p",
            "qualityVersion": 1,
            "indexerFlags": "0",
            "size": 99,
            "dateAdded": "2024-05-06T07:08:09Z",
            "languages": [{"id": 1, "name": "English"}],
        }
    ]
    assert "deletedFiles" not in (await SOURCES.download(event)).payload


def test_replaced_files_wait_for_their_films_import_and_count_only_for_an_upgrade() -> None:
    kept = ReplacedFiles(most=2)
    kept.add(FILE)
    assert kept.take(8, is_upgrade=True) == ()
    assert kept.take(7, is_upgrade=True) == (FILE,)
    assert kept.take(7, is_upgrade=True) == ()  # taken once
    kept.add(FILE)
    assert kept.take(7, is_upgrade=False) == ()
    assert kept.take(7, is_upgrade=True) == ()  # an import that was no upgrade forgets them too
    for movie_id in (1, 2, 3):
        kept.add(_file_of(movie_id))
    assert kept.take(1, is_upgrade=True) == ()  # the oldest unfinished import was let go
    assert [f.movie_id for f in kept.take(3, is_upgrade=True)] == [3]


def _file_of(movie_id: int) -> MovieFile:
    return dataclasses.replace(FILE, movie_id=movie_id)
