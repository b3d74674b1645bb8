"""Home Assistant's radarr integration, replayed through aiopyarr 23.4.0 (API-COMPAT §6.1 suite C).

Home Assistant (homeassistant/components/radarr) talks to Radarr only through aiopyarr's
`RadarrClient`, configured with a URL and a key. Its config flow reads the system status; one
coordinator each polls status (start-time sensor, device sw_version), root folders (one disk
sensor per folder: free GB of the folder named by the path's last part), health (a problem
sensor when a download-client or indexer check fails), the movie list (a count sensor; the
`get_movies` service reads id, title, year, tmdbId, imdbId, status, monitored, hasFile,
sizeOnDisk, path and images), the queue (`totalRecords` of a 20-item page) and the calendar
(one day at a time; each item's closest release date and its type become an event).

aiopyarr sends every GET with `Content-Type: application/json` and the body `null`, booleans as
`True`/`False`, dates as `yyyy-mm-dd`, and turns each answer into its models (ciso8601 for
dates): a test passes only if the wire format and the model parsing both work. Any exception
other than ArrConnectionException or ArrAuthenticationException escapes HA's coordinator, which
then fails its first refresh, and with it the whole integration's setup.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import aiohttp
import pytest
from aiopyarr import Health, RadarrCalendarItem, RadarrMovie, RadarrMovieFile, RootFolder, SystemStatus
from aiopyarr.exceptions import ArrAuthenticationException, ArrException
from aiopyarr.radarr_client import RadarrClient

from tests.clients.conftest import Library, add_film, add_film_with_file, aiopyarr_for
from tests.fixtures.media import SampleMedia

# The problem sensor's sources (homeassistant/components/radarr/const.py HEALTH_ISSUES).
HEALTH_ISSUES = ("DownloadClientCheck", "DownloadClientStatusCheck", "IndexerRssCheck", "IndexerSearchCheck")
# The queue coordinator's page size (const.py DEFAULT_MAX_RECORDS).
DEFAULT_MAX_RECORDS = 20


async def _day(client: RadarrClient, day: date) -> list[RadarrCalendarItem]:
    """The calendar coordinator's request for one day."""
    items = await client.async_get_calendar(start_date=day, end_date=day + timedelta(days=1))
    assert isinstance(items, list)
    return items


# --- config flow and status -------------------------------------------------------------------


async def test_config_flow_validation_reads_the_system_status(aiopyarr_client: RadarrClient) -> None:
    status = await aiopyarr_client.async_get_system_status()
    assert isinstance(status, SystemStatus)
    assert status.appName == "Radarr"
    assert status.version.count(".") == 3
    assert isinstance(status.buildTime, datetime)


async def test_start_time_sensor_is_a_utc_timestamp_of_the_server_start(
    aiopyarr_client: RadarrClient,
) -> None:
    status = await aiopyarr_client.async_get_system_status()
    started = status.startTime.replace(tzinfo=UTC)
    assert datetime.now(UTC) - timedelta(minutes=5) < started <= datetime.now(UTC)


async def test_wrong_key_raises_the_authentication_error_that_starts_reauth(library: Library) -> None:
    async with aiohttp.ClientSession() as session:
        client = aiopyarr_for(library, session, api_key="f" * 32)
        with pytest.raises(ArrAuthenticationException):
            await client.async_get_system_status()


async def test_setup_without_a_key_fails_with_an_aiopyarr_error_and_reveals_no_key(library: Library) -> None:
    async with aiohttp.ClientSession() as session:
        client = aiopyarr_for(library, session, api_key="")
        with pytest.raises(ArrException):
            await client.async_try_zeroconf()


# --- disk space sensors -----------------------------------------------------------------------


async def test_disk_space_coordinator_gets_one_root_folder_per_sensor(
    aiopyarr_client: RadarrClient, library: Library
) -> None:
    folders = await aiopyarr_client.async_get_root_folders()
    assert isinstance(folders, list)
    [folder] = folders
    assert isinstance(folder, RootFolder)
    assert folder.path == str(library.root)
    assert folder.unmappedFolders == []
    sensor_name = folder.path.rsplit("/")[-1].rsplit("\\")[-1]
    assert sensor_name == "movies"
    free_gb = [f.freeSpace / 1024**3 for f in folders if sensor_name in f.path]
    assert float(f"{free_gb[0]:.2f}") > 0


async def test_unmapped_folders_parse_as_aiopyarr_folder_models(
    aiopyarr_client: RadarrClient, library: Library
) -> None:
    (library.root / "Alien (1979)").mkdir()
    [folder] = await aiopyarr_client.async_get_root_folders()
    assert [(f.name, f.path) for f in folder.unmappedFolders] == [
        ("Alien (1979)", str(library.root / "Alien (1979)"))
    ]


# --- health problem sensor --------------------------------------------------------------------


async def test_health_sensor_is_off_for_a_healthy_server(aiopyarr_client: RadarrClient) -> None:
    health = await aiopyarr_client.async_get_failed_health_checks()
    assert health == []


async def test_health_problems_parse_and_only_download_or_indexer_checks_turn_the_sensor_on(
    aiopyarr_client: RadarrClient, library: Library
) -> None:
    library.tmdb.down()
    await library.server.client.get("/api/v3/movie/lookup", params={"term": "tmdb:550"})
    health = await aiopyarr_client.async_get_failed_health_checks()
    library.tmdb.up()
    assert all(isinstance(h, Health) for h in health)
    assert [(h.source, h.type) for h in health] == [("TmdbCheck", "error")]
    assert health[0].message
    assert not any(h.source in HEALTH_ISSUES for h in health)


# --- movies sensor and get_movies service -----------------------------------------------------


async def test_movies_sensor_counts_the_library(aiopyarr_client: RadarrClient, library: Library) -> None:
    assert await aiopyarr_client.async_get_movies() == []
    await add_film(library, 603)
    await add_film(library, 550)
    movies = await aiopyarr_client.async_get_movies()
    assert isinstance(movies, list)
    assert len(movies) == 2


async def test_get_movies_service_reads_every_field_it_reports(
    aiopyarr_client: RadarrClient, library: Library
) -> None:
    added = await add_film(library, 603)
    [movie] = await aiopyarr_client.async_get_movies()
    assert isinstance(movie, RadarrMovie)
    assert (movie.id, movie.title, movie.year, movie.tmdbId) == (added["id"], "The Matrix", 1999, 603)
    assert movie.imdbId == "tt0133093"
    assert movie.status == "released"
    assert (movie.monitored, movie.hasFile, movie.sizeOnDisk) == (True, False, 0)
    assert movie.path == str(library.root / "The Matrix (1999)")
    assert movie.statistics["movieFileCount"] == 0
    images = {image.coverType: image for image in movie.images}
    assert images["poster"].remoteUrl.startswith("http")
    assert images["poster"].url.startswith("/MediaCover/")


async def test_movie_dates_parse_into_aiopyarr_dates(aiopyarr_client: RadarrClient, library: Library) -> None:
    await add_film(library, 603)
    [movie] = await aiopyarr_client.async_get_movies()
    assert movie.inCinemas == date(1999, 3, 31)
    assert isinstance(movie.physicalRelease, date)
    assert isinstance(movie.digitalRelease, date)
    assert isinstance(movie.added, datetime)
    assert movie.titleSlug == 603


async def test_get_movies_service_reports_the_size_of_a_film_on_disk(
    aiopyarr_client: RadarrClient, library: Library, sample_media: SampleMedia
) -> None:
    await add_film_with_file(library, sample_media, 603, "The.Matrix.1999.1080p.BluRay.x264-GRP")
    [movie] = await aiopyarr_client.async_get_movies()
    assert movie.hasFile is True
    assert isinstance(movie.movieFile, RadarrMovieFile)
    assert movie.sizeOnDisk == movie.movieFile.size > 0
    assert isinstance(movie.movieFile.dateAdded, datetime)
    assert movie.movieFile.mediaInfo.videoCodec == "x264"
    assert movie.movieFile.quality.quality.name == "Bluray-1080p"


# --- queue sensor -----------------------------------------------------------------------------


async def test_queue_sensor_reads_total_records_of_a_twenty_item_page(aiopyarr_client: RadarrClient) -> None:
    queue = await aiopyarr_client.async_get_queue(page_size=DEFAULT_MAX_RECORDS)
    assert queue.totalRecords == 0
    assert queue.records == []


async def test_queue_sensor_parses_a_real_download(aiopyarr_client: RadarrClient, library: Library) -> None:
    added = await add_film(library, 603)
    client = library.server.client
    releases = (await client.get("/api/v3/release", params={"movieId": added["id"]})).json()
    chosen = next(r for r in releases if r["approved"])
    grabbed = await client.post(
        "/api/v3/release", json={"guid": chosen["guid"], "indexerId": chosen["indexerId"]}
    )
    assert grabbed.status_code == 200, grabbed.text
    queue = await aiopyarr_client.async_get_queue(page_size=DEFAULT_MAX_RECORDS, include_movie=True)
    assert queue.totalRecords == 1
    [record] = queue.records
    assert (record.movieId, record.downloadClient) == (added["id"], "qBittorrent")
    assert record.protocol.name == "TORRENT"  # aiopyarr reads Radarr's protocol name into its enum
    assert record.title == f"{chosen['title']}.mkv"
    assert record.size > 0
    assert 0 <= record.sizeleft <= record.size
    assert record.quality.quality.name == chosen["quality"]["quality"]["name"]
    assert record.movie["title"] == "The Matrix"  # aiopyarr keeps the included movie as Radarr's JSON


# --- calendar ---------------------------------------------------------------------------------


async def test_calendar_day_of_a_streaming_release_gives_a_digital_release_event(
    aiopyarr_client: RadarrClient, library: Library
) -> None:
    await add_film(library, 545609)
    [item] = await _day(aiopyarr_client, date(2020, 4, 24))
    assert isinstance(item, RadarrCalendarItem)
    assert item.title == "Extraction"
    assert item.releaseDateType() == (date(2020, 4, 24), "digitalRelease")
    assert item.overview.replace(":", ";")


async def test_calendar_day_of_an_upcoming_cinema_release_gives_an_in_cinemas_event(
    aiopyarr_client: RadarrClient, library: Library
) -> None:
    added = await add_film(library, 216527)
    cinema_day = date.fromisoformat(added["inCinemas"][:10])
    [item] = await _day(aiopyarr_client, cinema_day)
    assert item.tmdbId == 216527
    assert item.status == "announced"
    assert item.releaseDateType() == (cinema_day, "inCinemas")


async def test_calendar_day_without_releases_is_empty(
    aiopyarr_client: RadarrClient, library: Library
) -> None:
    await add_film(library, 603)
    assert await _day(aiopyarr_client, date(1999, 3, 29)) == []
    assert [i.tmdbId for i in await _day(aiopyarr_client, date(1999, 3, 31))] == [603]


async def test_calendar_capitalised_false_leaves_unmonitored_films_out(
    aiopyarr_client: RadarrClient, library: Library
) -> None:
    await add_film(library, 545609, monitored=False)
    day = date(2020, 4, 24)
    window = {"start_date": day, "end_date": day + timedelta(days=1)}
    assert [i.tmdbId for i in await aiopyarr_client.async_get_calendar(**window)] == [545609]
    assert await aiopyarr_client.async_get_calendar(**window, unmonitored=False) == []
