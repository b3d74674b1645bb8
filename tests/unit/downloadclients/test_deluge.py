"""Deluge's settings rules, Radarr's reading of its torrents and deluge-web's error texts (no Deluge
needed)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from reelarr.downloadclients.base import DownloadStatus
from reelarr.downloadclients.deluge.rpc import error_message
from reelarr.downloadclients.deluge.settings import DelugeSettings
from reelarr.downloadclients.deluge.torrents import item_of, output_path, status_of, usable

HASH = "8f5bcc243a49ef0c30d10bebe808f04c09743bc6"


def broken(**values: Any) -> list[tuple[str, str]]:
    return [(f.property_name, f.error_message) for f in DelugeSettings.model_validate(values).check()]


def torrent(**values: Any) -> dict[str, Any]:
    """A downloading torrent as web.update_ui answers, with `values` changed."""
    return {
        "hash": HASH,
        "name": "Movie.Title.2020.1080p.WEB-DL-GRP",
        "state": "Downloading",
        "progress": 60.0,
        "eta": 60,
        "message": "OK",
        "is_finished": False,
        "save_path": "/downloads",
        "total_size": 1000,
        "total_done": 600,
        "ratio": 0.0,
        "is_auto_managed": True,
        "stop_at_ratio": False,
        "remove_at_ratio": False,
        "stop_ratio": 2.0,
        "label": "radarr",
        **values,
    }


def test_radarrs_defaults_are_valid() -> None:
    settings = DelugeSettings()
    assert (settings.host, settings.port, settings.password, settings.movie_category) == (
        "localhost",
        8112,
        "deluge",
        "radarr",
    )
    assert settings.check() == []
    assert settings.json_url() == "http://localhost:8112/json"
    assert (
        DelugeSettings(use_ssl=True, url_base="/deluge/").json_url() == "https://localhost:8112/deluge/json"
    )


def test_labels_are_lower_case_letters_digits_and_dashes() -> None:
    assert broken(movieCategory="Radarr", movieImportedCategory="done_4k") == [
        ("movieCategory", "Allowed characters a-z, 0-9 and -"),
        ("movieImportedCategory", "Allowed characters a-z, 0-9 and -"),
    ]
    assert broken(movieCategory="radarr-4k", movieImportedCategory="") == []


def test_the_host_port_and_priorities_are_checked() -> None:
    assert [name for name, _ in broken(host="http://x", port=0, recentMoviePriority=5)] == [
        "host",
        "port",
        "recentMoviePriority",
    ]


@pytest.mark.parametrize(
    ("values", "status"),
    [
        ({}, DownloadStatus.DOWNLOADING),
        ({"state": "Queued"}, DownloadStatus.QUEUED),
        ({"state": "Paused"}, DownloadStatus.PAUSED),
        ({"state": "Seeding", "is_finished": True}, DownloadStatus.COMPLETED),
        ({"state": "Paused", "is_finished": True}, DownloadStatus.COMPLETED),
        ({"state": "Checking", "is_finished": True}, DownloadStatus.DOWNLOADING),
        ({"state": "Error", "is_finished": True}, DownloadStatus.WARNING),
    ],
)
def test_status_as_radarr_reads_it(values: dict[str, Any], status: DownloadStatus) -> None:
    assert status_of(torrent(**values))[0] is status


def test_an_error_says_what_deluge_says() -> None:
    assert status_of(torrent(state="Error", message="No such file")) == (
        DownloadStatus.WARNING,
        "Deluge is reporting an error: No such file",
    )


def test_an_item_has_its_sizes_path_and_time() -> None:
    found = item_of(torrent(), "radarr", remove_completed=True)
    assert (found.download_id, found.category, found.total_size, found.remaining_size) == (
        HASH.upper(),
        "radarr",
        1000,
        400,
    )
    assert found.output_path == "/downloads/Movie.Title.2020.1080p.WEB-DL-GRP"
    assert found.remaining_time == timedelta(seconds=60)
    assert item_of(torrent(ratio=-1.0), "", remove_completed=True).seed_ratio is None
    assert item_of(torrent(), "", remove_completed=True).category is None


def test_a_windows_save_path_keeps_its_separator() -> None:
    assert (
        output_path(torrent(save_path="C:\\Downloads\\"))
        == "C:\\Downloads\\Movie.Title.2020.1080p.WEB-DL-GRP"
    )


@pytest.mark.parametrize(
    ("values", "remove_completed", "done"),
    [
        ({"state": "Paused", "is_finished": True, "stop_at_ratio": True, "ratio": 2.0}, True, True),
        ({"state": "Paused", "is_finished": True, "stop_at_ratio": True, "ratio": 2.0}, False, False),
        ({"state": "Seeding", "is_finished": True, "stop_at_ratio": True, "ratio": 2.0}, True, False),
        ({"state": "Paused", "is_finished": True, "stop_at_ratio": True, "ratio": 1.0}, True, False),
        ({"state": "Paused", "is_finished": True, "stop_at_ratio": False, "ratio": 2.0}, True, False),
        (
            {
                "state": "Paused",
                "is_finished": True,
                "stop_at_ratio": True,
                "ratio": 2,
                "is_auto_managed": False,
            },
            True,
            False,
        ),
    ],
)
def test_removable_once_deluge_paused_it_at_its_ratio(
    values: dict[str, Any], remove_completed: bool, done: bool
) -> None:
    found = item_of(torrent(**values), "radarr", remove_completed=remove_completed)
    assert (found.can_be_removed, found.can_move_files) == (done, done)


def test_torrents_without_a_hash_or_name_are_ignored() -> None:
    assert usable(torrent())
    assert not usable(torrent(hash=""))
    assert not usable(torrent(name=None))


def test_deluges_error_texts_lose_their_traceback() -> None:
    twisted = (
        "Failure: [Failure instance: Traceback (failure with no frames): "
        "<class 'deluge.error.AddTorrentError'>: Torrent already in session (abc).\n]"
    )
    assert error_message({"message": twisted, "code": 4}) == "Torrent already in session (abc)."
    wrapped = "Failure: <class 'deluge.error.WrappedException'>: Unknown Label\nTraceback (most recent...)"
    assert error_message({"message": wrapped, "code": 4}) == "Unknown Label"
    assert error_message({"message": "Not authenticated", "code": 1}) == "Not authenticated"
    assert error_message({"code": 3}) == "Unknown error"
