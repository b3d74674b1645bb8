"""Transmission's settings rules and Radarr's reading of its torrents (no Transmission needed)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from reelarr.downloadclients.base import DownloadStatus
from reelarr.downloadclients.transmission.settings import TransmissionSettings
from reelarr.downloadclients.transmission.torrents import (
    SEEDING,
    STOPPED,
    SessionLimits,
    belongs,
    client_version,
    item_of,
    reached_seed_limit,
    status_of,
)

HASH = "8f5bcc243a49ef0c30d10bebe808f04c09743bc6"


def broken(**values: Any) -> list[tuple[str, str]]:
    return [(f.property_name, f.error_message) for f in TransmissionSettings.model_validate(values).check()]


def torrent(**values: Any) -> dict[str, Any]:
    """A downloading torrent as torrent-get answers, with `values` changed."""
    return {
        "hashString": HASH,
        "name": "Movie.Title.2020.1080p.WEB-DL-GRP",
        "downloadDir": "/downloads/radarr",
        "totalSize": 1000,
        "leftUntilDone": 400,
        "isFinished": False,
        "eta": 60,
        "status": 4,
        "errorString": "",
        "uploadedEver": 0,
        "downloadedEver": 600,
        "seedRatioLimit": 2,
        "seedRatioMode": 0,
        "seedIdleLimit": 30,
        "seedIdleMode": 0,
        "secondsSeeding": 0,
        "labels": [],
        **values,
    }


def test_radarrs_defaults_are_valid() -> None:
    settings = TransmissionSettings()
    assert (settings.host, settings.port, settings.url_base, settings.movie_category) == (
        "localhost",
        9091,
        "/transmission/",
        "radarr",
    )
    assert settings.check() == []


@pytest.mark.parametrize("host", ["http://transmission.lan", "nas/transmission", "two words", ""])
def test_a_host_is_a_name_or_an_address_only(host: str) -> None:
    assert [name for name, _ in broken(host=host)] == ["host"]


@pytest.mark.parametrize("category", ["movies/uhd", "films_4k", "radarr 2", "films1"])
def test_a_category_is_letters_and_dashes(category: str) -> None:
    assert broken(movieCategory=category) == [("movieCategory", "Allowed characters a-z and -")]


@pytest.mark.parametrize("category", ["", "radarr", "Films-UHD", ".hidden"])
def test_categories_radarr_accepts(category: str) -> None:
    assert broken(movieCategory=category) == []


def test_a_category_and_a_directory_do_not_go_together() -> None:
    assert broken(movieDirectory="/data/movies") == [("movieCategory", "Cannot use Category and Directory")]
    assert broken(movieDirectory="/data/movies", movieCategory="") == []


def test_a_port_out_of_range_a_whole_address_as_url_base_and_unknown_priorities() -> None:
    assert [name for name, _ in broken(port=0)] == ["port"]
    assert broken(urlBase="http://nas:9091/transmission") == [
        ("urlBase", "Must be a valid URL path (ie: '/transmission/')")
    ]
    assert [name for name, _ in broken(recentMoviePriority=2, olderMoviePriority=-1)] == [
        "recentMoviePriority",
        "olderMoviePriority",
    ]


@pytest.mark.parametrize(
    ("values", "url"),
    [
        ({}, "http://localhost:9091/transmission/rpc"),
        ({"useSsl": True, "urlBase": "tr"}, "https://localhost:9091/tr/rpc"),
        ({"host": "::1", "port": 9000, "urlBase": ""}, "http://[::1]:9000/rpc"),
    ],
)
def test_the_rpc_address(values: dict[str, Any], url: str) -> None:
    assert TransmissionSettings.model_validate(values).rpc_url() == url


@pytest.mark.parametrize(
    ("reported", "version"),
    [("3.00 (bb6b5a062e)", (3, 0)), ("4.0.5 (a6fe2a64aa)", (4, 0, 5)), ("2.40", (2, 40)), ("", ())],
)
def test_the_version_transmission_reports(reported: str, version: tuple[int, ...]) -> None:
    assert client_version(reported) == version


@pytest.mark.parametrize(
    ("values", "status"),
    [
        ({}, DownloadStatus.DOWNLOADING),
        ({"status": 3}, DownloadStatus.QUEUED),
        ({"status": 0}, DownloadStatus.DOWNLOADING),  # stopped before the end: paused, as Radarr reads it
        ({"status": 0, "leftUntilDone": 0}, DownloadStatus.COMPLETED),
        ({"status": SEEDING, "leftUntilDone": 0}, DownloadStatus.COMPLETED),
        ({"status": 5, "leftUntilDone": 0}, DownloadStatus.COMPLETED),
        ({"status": 2, "leftUntilDone": 0, "isFinished": True}, DownloadStatus.DOWNLOADING),
        ({"status": 3, "isFinished": True}, DownloadStatus.COMPLETED),
        ({"totalSize": 0, "leftUntilDone": 0}, DownloadStatus.QUEUED),  # a magnet without metadata
    ],
)
def test_status_as_radarr_reads_it(values: dict[str, Any], status: DownloadStatus) -> None:
    assert status_of(torrent(**values)) == (status, None)


def test_an_error_is_a_warning_with_transmissions_message() -> None:
    assert status_of(torrent(errorString="No data found!", leftUntilDone=0, status=0)) == (
        DownloadStatus.WARNING,
        "Transmission is reporting an error: No data found!",
    )


def test_an_item_has_the_hash_sizes_eta_ratio_and_the_content_path() -> None:
    item = item_of(
        torrent(name="Movie: The Title", uploadedEver=300),
        TransmissionSettings(),
        SessionLimits(),
        remove_completed=True,
    )
    assert item.download_id == HASH.upper()
    assert (item.category, item.total_size, item.remaining_size) == ("radarr", 1000, 400)
    assert item.remaining_time == timedelta(seconds=60)
    assert item.seed_ratio == 0.5
    assert item.output_path == "/downloads/radarr/Movie_ The Title"
    assert (item.can_be_removed, item.can_move_files) == (False, False)


@pytest.mark.parametrize("eta", [-1, -2])
def test_an_unknown_eta_is_no_remaining_time(eta: int) -> None:
    assert (
        item_of(
            torrent(eta=eta), TransmissionSettings(), SessionLimits(), remove_completed=True
        ).remaining_time
        is None
    )


def test_a_windows_download_directory_keeps_its_separator() -> None:
    item = item_of(
        torrent(downloadDir="D:\\Downloads\\radarr\\"),
        TransmissionSettings(),
        SessionLimits(),
        remove_completed=True,
    )
    assert item.output_path == "D:\\Downloads\\radarr\\Movie.Title.2020.1080p.WEB-DL-GRP"


@pytest.mark.parametrize(
    ("values", "limits", "reached"),
    [
        (
            {"status": STOPPED, "seedRatioMode": 1, "seedRatioLimit": 1.0, "uploadedEver": 600},
            SessionLimits(),
            True,
        ),
        (
            {"status": STOPPED, "seedRatioMode": 1, "seedRatioLimit": 2.0, "uploadedEver": 600},
            SessionLimits(),
            False,
        ),
        (
            {"status": SEEDING, "seedRatioMode": 1, "seedRatioLimit": 1.0, "uploadedEver": 600},
            SessionLimits(),
            False,
        ),
        (
            {"status": STOPPED, "uploadedEver": 1200},
            SessionLimits(seed_ratio_limited=True, seed_ratio_limit=2),
            True,
        ),
        (
            {"status": STOPPED, "uploadedEver": 1200},
            SessionLimits(seed_ratio_limited=False, seed_ratio_limit=2),
            False,
        ),
        (
            {"status": STOPPED, "seedRatioMode": 2, "uploadedEver": 6000},
            SessionLimits(seed_ratio_limited=True),
            False,
        ),
        (
            {"status": SEEDING, "seedIdleMode": 1, "seedIdleLimit": 10, "secondsSeeding": 601},
            SessionLimits(),
            True,
        ),
        (
            {"status": SEEDING, "seedIdleMode": 1, "seedIdleLimit": 10, "secondsSeeding": 600},
            SessionLimits(),
            False,
        ),
        ({"status": STOPPED}, SessionLimits(idle_seeding_limit_enabled=True), True),
        ({"status": SEEDING}, SessionLimits(idle_seeding_limit_enabled=True), False),
    ],
)
def test_the_seed_limit(values: dict[str, Any], limits: SessionLimits, reached: bool) -> None:
    seeded = torrent(**values)
    ratio = seeded["uploadedEver"] / seeded["downloadedEver"]
    assert reached_seed_limit(seeded, ratio, limits) is reached


def test_a_torrent_at_its_limit_may_be_removed_and_once_stopped_moved() -> None:
    at_limit = {"leftUntilDone": 0, "seedIdleMode": 1, "seedIdleLimit": 1, "secondsSeeding": 120}
    seeding = item_of(
        torrent(status=SEEDING, **at_limit), TransmissionSettings(), SessionLimits(), remove_completed=True
    )
    assert (seeding.can_be_removed, seeding.can_move_files) == (True, False)
    stopped = item_of(
        torrent(status=STOPPED, **at_limit), TransmissionSettings(), SessionLimits(), remove_completed=True
    )
    assert (stopped.can_be_removed, stopped.can_move_files) == (True, True)
    kept = item_of(
        torrent(status=STOPPED, **at_limit), TransmissionSettings(), SessionLimits(), remove_completed=False
    )
    assert (kept.can_be_removed, kept.can_move_files) == (False, False)


@pytest.mark.parametrize(
    ("settings", "download_dir", "labels", "mine"),
    [
        ({}, "/downloads/radarr", [], True),
        ({}, "/downloads/radarr/sub", [], True),
        ({}, "/downloads/radarr-old", [], False),
        ({}, "D:\\Downloads\\radarr", [], True),
        ({"movieCategory": ""}, "/anything", [], True),
        ({"movieCategory": "", "movieDirectory": "/data/movies"}, "/data/movies/uhd", [], True),
        ({"movieCategory": "", "movieDirectory": "/data/movies/"}, "/data/movies", [], True),
        ({"movieCategory": "", "movieDirectory": "/data/movies"}, "/data/movies-old", [], False),
    ],
)
def test_which_torrents_are_reelarrs_by_directory(
    settings: dict[str, Any], download_dir: str, labels: list[str], mine: bool
) -> None:
    chosen = TransmissionSettings.model_validate(settings)
    assert belongs(torrent(downloadDir=download_dir, labels=labels), chosen, labels=False) is mine


def test_labels_decide_where_transmission_has_them() -> None:
    settings = TransmissionSettings()
    assert belongs(torrent(downloadDir="/elsewhere", labels=["Radarr"]), settings, labels=True)
    assert not belongs(torrent(downloadDir="/downloads/radarr", labels=["tv"]), settings, labels=True)
    assert belongs(torrent(downloadDir="/downloads/radarr", labels=[]), settings, labels=True)
    assert belongs(torrent(downloadDir="/downloads/radarr", labels=["tv"]), settings, labels=False)
