"""qBittorrent's settings rules and the preference reading behind its test (no qBittorrent needed)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from reelarr.downloadclients.base import DownloadStatus
from reelarr.downloadclients.qbittorrent.client import (
    item_of,
    reached_seed_limit,
    removes_completed_downloads,
)
from reelarr.downloadclients.qbittorrent.settings import QBittorrentSettings


def broken(**values: Any) -> list[str]:
    return [f.property_name for f in QBittorrentSettings.model_validate(values).check()]


def test_radarrs_defaults_are_valid() -> None:
    settings = QBittorrentSettings()
    assert (settings.host, settings.port, settings.movie_category) == ("localhost", 8080, "radarr")
    assert settings.check() == []


@pytest.mark.parametrize("host", ["http://qbit.lan", "qbit.lan/ui", "two words", ""])
def test_a_host_is_a_name_or_an_address_only(host: str) -> None:
    assert broken(host=host) == ["host"]


@pytest.mark.parametrize("category", ["/movies", "movies/", "a//b", "a\\b"])
def test_a_category_has_no_backslash_double_slash_or_slash_at_an_end(category: str) -> None:
    assert broken(movieCategory=category, movieImportedCategory=category) == [
        "movieCategory",
        "movieImportedCategory",
    ]


def test_nested_categories_a_port_out_of_range_and_unknown_choices() -> None:
    assert broken(movieCategory="movies/uhd") == []
    assert broken(port=0) == ["port"]
    assert broken(port=65536, initialState=3, contentLayout=9) == ["port", "initialState", "contentLayout"]


@pytest.mark.parametrize(
    ("values", "url"),
    [
        ({}, "http://localhost:8080"),
        ({"useSsl": True, "urlBase": "/qbt/"}, "https://localhost:8080/qbt"),
        ({"host": "::1", "port": 9000}, "http://[::1]:9000"),
    ],
)
def test_the_web_ui_address(values: dict[str, Any], url: str) -> None:
    assert QBittorrentSettings.model_validate(values).web_ui_url() == url


@pytest.mark.parametrize(
    ("limits", "removes"),
    [
        ({"max_ratio_enabled": True, "max_ratio_act": 0}, False),
        ({"max_ratio_enabled": True, "max_ratio_act": 1}, True),
        ({"max_ratio_enabled": True, "max_ratio_act": 3}, True),
        ({"max_seeding_time_enabled": True, "max_seeding_time": 60, "max_ratio_act": 1}, True),
        ({"max_seeding_time_enabled": True, "max_seeding_time": 60 * 24 * 30, "max_ratio_act": 1}, False),
        ({"max_ratio_act": 1}, False),
    ],
)
def test_which_limits_remove_completed_downloads(limits: dict[str, Any], removes: bool) -> None:
    assert removes_completed_downloads(limits) is removes


def torrent(**values: Any) -> dict[str, Any]:
    return {
        "hash": "abcdef0123456789abcdef0123456789abcdef01",
        "name": "The.Matrix.1999.1080p.BluRay.x264-GROUP",
        "category": "radarr",
        "size": 1000,
        "amount_left": 250,
        "eta": 90,
        "state": "downloading",
        "ratio": 0.0,
        "ratio_limit": -2,
        "seeding_time_limit": -2,
        "seeding_time": 0,
        "content_path": "/downloads/The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv",
        **values,
    }


@pytest.mark.parametrize(
    ("state", "status"),
    [
        ("downloading", DownloadStatus.DOWNLOADING),
        ("forcedDL", DownloadStatus.DOWNLOADING),
        ("moving", DownloadStatus.DOWNLOADING),
        ("pausedDL", DownloadStatus.PAUSED),
        ("queuedDL", DownloadStatus.QUEUED),
        ("metaDL", DownloadStatus.QUEUED),
        ("checkingResumeData", DownloadStatus.QUEUED),
        ("stalledDL", DownloadStatus.WARNING),
        ("error", DownloadStatus.WARNING),
        ("missingFiles", DownloadStatus.WARNING),
        ("uploading", DownloadStatus.COMPLETED),
        ("stalledUP", DownloadStatus.COMPLETED),
        ("pausedUP", DownloadStatus.COMPLETED),
        ("stoppedUP", DownloadStatus.COMPLETED),
    ],
)
def test_states_read_as_radarr_reads_them(state: str, status: DownloadStatus) -> None:
    assert item_of(torrent(state=state), {}).status is status


def test_an_item_carries_the_id_sizes_time_left_and_content_path() -> None:
    item = item_of(torrent(), {})
    assert item.download_id == "ABCDEF0123456789ABCDEF0123456789ABCDEF01"
    assert (item.total_size, item.remaining_size, item.remaining_time) == (1000, 250, timedelta(seconds=90))
    assert item.output_path == "/downloads/The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv"
    assert item_of(torrent(eta=8_640_000), {}).remaining_time is None
    assert item_of(torrent(state="stalledDL"), {}).message == "The download is stalled with no connections"


def test_a_finished_torrent_may_go_once_paused_at_its_seed_goal() -> None:
    assert item_of(torrent(state="pausedUP", ratio=1.2, ratio_limit=1.0), {}).can_be_removed
    assert not item_of(torrent(state="uploading", ratio=1.2, ratio_limit=1.0), {}).can_be_removed
    assert not item_of(torrent(state="pausedUP", ratio=0.5, ratio_limit=1.0), {}).can_be_removed


def test_seed_limits_fall_back_to_qbittorrents_global_ones() -> None:
    assert reached_seed_limit(torrent(ratio=2.0), {"max_ratio_enabled": True, "max_ratio": 2.0})
    assert not reached_seed_limit(torrent(ratio=2.0), {"max_ratio_enabled": False, "max_ratio": 2.0})
    assert not reached_seed_limit(
        torrent(ratio=9.0, ratio_limit=-1), {"max_ratio_enabled": True, "max_ratio": 1}
    )
    assert reached_seed_limit(torrent(seeding_time=3600, seeding_time_limit=60), {})
    assert reached_seed_limit(
        torrent(seeding_time=7200), {"max_seeding_time_enabled": True, "max_seeding_time": 120}
    )
