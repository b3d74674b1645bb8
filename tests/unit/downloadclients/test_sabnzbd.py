"""SABnzbd's settings rules and Radarr's reading of its queue and history (no SABnzbd needed)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from reelarr.downloadclients.base import DownloadStatus
from reelarr.downloadclients.sabnzbd.jobs import (
    category_folder,
    history_item,
    history_status,
    output_path,
    parse_timeleft,
    parse_version,
    queue_item,
    queue_status,
    sorting_for,
)
from reelarr.downloadclients.sabnzbd.settings import SabnzbdSettings


def failures(**values: Any) -> list[tuple[str, str, str]]:
    found = SabnzbdSettings.model_validate({"apiKey": "key", **values}).check()
    return [(f.property_name, f.severity, f.error_message) for f in found]


@pytest.mark.parametrize(
    ("status", "priority", "queue_paused", "expected"),
    [
        ("Queued", "Normal", False, DownloadStatus.QUEUED),
        ("Grabbing", "Normal", False, DownloadStatus.QUEUED),
        ("Propagating", "High", False, DownloadStatus.QUEUED),
        ("Downloading", "Normal", False, DownloadStatus.DOWNLOADING),
        ("Fetching", "Normal", False, DownloadStatus.DOWNLOADING),
        ("Checking", "Normal", False, DownloadStatus.DOWNLOADING),
        ("Paused", "Normal", False, DownloadStatus.PAUSED),
        ("Paused", "Force", False, DownloadStatus.PAUSED),
        ("Downloading", "Normal", True, DownloadStatus.PAUSED),
        ("Downloading", "Force", True, DownloadStatus.DOWNLOADING),
        ("Queued", "2", True, DownloadStatus.QUEUED),
    ],
)
def test_a_queue_slots_status(
    status: str, priority: str, queue_paused: bool, expected: DownloadStatus
) -> None:
    assert queue_status({"status": status, "priority": priority}, queue_paused=queue_paused) is expected


@pytest.mark.parametrize(
    ("status", "message", "expected"),
    [
        ("Completed", "", DownloadStatus.COMPLETED),
        ("Failed", "Repair failed, not enough repair blocks", DownloadStatus.FAILED),
        ("Failed", "Unpacking failed, write error or disk is full?", DownloadStatus.WARNING),
        ("Failed", "unpacking failed, WRITE error or disk is full?", DownloadStatus.WARNING),
        ("Failed", "", DownloadStatus.FAILED),
        *(
            (s, "", DownloadStatus.DOWNLOADING)
            for s in ("Extracting", "Verifying", "Repairing", "Moving", "Running")
        ),
        ("QuickCheck", "", DownloadStatus.DOWNLOADING),
    ],
)
def test_a_history_slots_status(status: str, message: str, expected: DownloadStatus) -> None:
    assert history_status({"status": status, "fail_message": message}) is expected


def test_a_queue_slot_becomes_an_item() -> None:
    slot = {
        "nzo_id": "SABnzbd_nzo_abc",
        "filename": "ENCRYPTED / Movie.2020.1080p",
        "cat": "movies",
        "status": "Downloading",
        "priority": "Normal",
        "mb": "1024.00",
        "mbleft": "256.50",
        "timeleft": "0:10:05",
    }
    found = queue_item(slot, queue_paused=False)
    assert found.download_id == "SABnzbd_nzo_abc"
    assert found.title == "Movie.2020.1080p"
    assert (found.total_size, found.remaining_size) == (1024 * 1024 * 1024, int(256.5 * 1024 * 1024))
    assert found.remaining_time == timedelta(minutes=10, seconds=5)
    assert (found.can_move_files, found.can_be_removed) == (True, True)


def test_a_history_slot_becomes_an_item() -> None:
    slot = {
        "nzo_id": "SABnzbd_nzo_def",
        "name": "Movie.2020.1080p",
        "category": "movies",
        "status": "Failed",
        "fail_message": "Download failed",
        "bytes": 123456,
        "storage": "",
    }
    found = history_item(slot)
    assert (found.status, found.message, found.total_size, found.remaining_size) == (
        DownloadStatus.FAILED,
        "Download failed",
        123456,
        0,
    )
    assert found.remaining_time == timedelta(0)
    assert found.output_path is None


@pytest.mark.parametrize(
    ("storage", "title", "expected"),
    [
        ("/downloads/complete/movies/Movie.2020", "Movie.2020", "/downloads/complete/movies/Movie.2020"),
        (
            "/downloads/complete/Movie.2020/Movie.2020/movie.mkv",
            "Movie.2020",
            "/downloads/complete/Movie.2020",
        ),
        ("C:\\Downloads\\Movie.2020\\movie.mkv", "Movie.2020", "C:\\Downloads\\Movie.2020"),
        ("/downloads/complete/Other", "Movie.2020", "/downloads/complete/Other"),
        ("", "Movie.2020", None),
    ],
)
def test_the_output_path_is_the_jobs_folder(storage: str, title: str, expected: str | None) -> None:
    assert output_path(storage, title) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0:00:00", timedelta(0)),
        ("1:02:03", timedelta(hours=1, minutes=2, seconds=3)),
        ("2:01:02:03", timedelta(days=2, hours=1, minutes=2, seconds=3)),
        ("unknown", None),
        ("1:2", None),
    ],
)
def test_timeleft(text: str, expected: timedelta | None) -> None:
    assert parse_timeleft(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("4.3.3", (4, 3, 3)), ("3.7.x", (3, 7, 0)), ("0.7.20", (0, 7, 20)), ("develop", (3, 0, 0)), ("?", None)],
)
def test_version(text: str, expected: tuple[int, int, int] | None) -> None:
    assert parse_version(text) == expected


def test_sorting_applies_to_every_category_when_its_list_is_empty() -> None:
    config: dict[str, Any] = {"misc": {"enable_tv_sorting": True, "tv_categories": []}}
    assert sorting_for(config, "movies") == "TV"
    config["misc"]["tv_categories"] = ["tv"]
    assert sorting_for(config, "movies") is None
    assert sorting_for({"sorters": [{"is_active": True, "sort_cats": ["movies"]}]}, "movies") == "TV"


def test_default_settings_are_radarrs() -> None:
    settings = SabnzbdSettings()
    assert (settings.host, settings.port, settings.movie_category) == ("localhost", 8080, "movies")
    assert (settings.recent_movie_priority, settings.older_movie_priority) == (-100, -100)
    assert settings.api_url() == "http://localhost:8080/api"
    assert (
        SabnzbdSettings(url_base="/sabnzbd/", use_ssl=True).api_url() == "https://localhost:8080/sabnzbd/api"
    )


def test_an_api_key_or_a_username_and_password_is_needed() -> None:
    assert failures() == []
    assert failures(apiKey="", username="u", password="p") == []
    assert [f[0] for f in failures(apiKey="")] == ["apiKey", "username", "password"]


def test_no_category_is_only_a_warning_and_priorities_are_sabnzbds() -> None:
    assert failures(movieCategory="") == [("movieCategory", "warning", "A category is recommended")]
    assert failures(recentMoviePriority=5) == [("recentMoviePriority", "error", "is not one of the choices")]


@pytest.mark.parametrize(
    ("complete", "folder", "expected"),
    [
        ("/data/complete", "movies", "/data/complete/movies"),
        ("/data/complete/", "movies*", "/data/complete/movies"),
        ("/data/complete", "", "/data/complete"),
        ("/data/complete", "/srv/films", "/srv/films"),
        ("C:\\Downloads\\complete", "movies", "C:\\Downloads\\complete\\movies"),
        ("", "movies", None),
    ],
)
def test_a_categorys_folder_is_under_the_complete_folder_unless_absolute(
    complete: str, folder: str, expected: str | None
) -> None:
    config = {"misc": {"complete_dir": complete}, "categories": [{"name": "movies", "dir": folder}]}
    assert category_folder(config, "movies") == expected


def test_an_unknown_category_has_no_folder() -> None:
    config = {"misc": {"complete_dir": "/data"}, "categories": [{"name": "*", "dir": ""}]}
    assert category_folder(config, "films") is None
    assert category_folder(config, "") == "/data"
