"""Radarr's reading of NZBGet's answers (pure): sizes in two halves, queue states, the history's
statuses, category folders, settings checks and NZB validation."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from reelarr.downloadclients.base import DownloadRejected, DownloadStatus
from reelarr.downloadclients.nzbfiles import validate_nzb
from reelarr.downloadclients.nzbget.jobs import (
    category_dirs,
    history_item,
    history_status,
    int64,
    parse_version,
    queue_items,
)
from reelarr.downloadclients.nzbget.settings import NzbgetSettings

GB = 1024**3


def test_sizes_are_joined_from_their_halves() -> None:
    assert int64({"FileSizeHi": 2, "FileSizeLo": 5}, "FileSize") == (2 << 32) + 5
    assert int64({}, "FileSize") == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [("21.0", (21, 0)), ("16.4-testing-r1234", (16, 4)), ("12", (12, 0)), ("", None), ("abc", None)],
)
def test_versions(text: str, expected: tuple[int, int] | None) -> None:
    assert parse_version(text) == expected


def group(nzbid: int, remaining: int, paused: int = 0, active: int = 0, **extra: Any) -> dict[str, Any]:
    return {
        "NZBID": nzbid,
        "NZBName": f"Movie.{nzbid}",
        "Category": "Movies",
        "FileSizeHi": 1,
        "FileSizeLo": 0,
        "RemainingSizeLo": remaining,
        "PausedSizeLo": paused,
        "ActiveDownloads": active,
        "Parameters": [{"Name": "drone", "Value": f"id{nzbid}"}],
        **extra,
    }


def test_queue_states_and_times_left_follow_radarr() -> None:
    groups = [
        group(1, 1000, active=2),
        group(2, 500),
        group(3, 300, paused=300),
        group(4, 400, paused=100, active=1),
    ]
    items = queue_items(groups, {"DownloadRate": 100, "DownloadPaused": False})
    assert [(i.download_id, i.status, i.remaining_size) for i in items] == [
        ("id1", DownloadStatus.DOWNLOADING, 1000),
        ("id2", DownloadStatus.QUEUED, 500),
        ("id3", DownloadStatus.PAUSED, 300),
        ("id4", DownloadStatus.DOWNLOADING, 300),
    ]
    # Each download waits for the ones before it.
    assert [i.remaining_time for i in items] == [
        timedelta(seconds=10),
        timedelta(seconds=15),
        None,
        timedelta(seconds=18),
    ]
    assert items[0].total_size == 1 << 32
    paused = queue_items(groups[:1], {"DownloadRate": 0, "DownloadPaused": True})
    assert paused[0].status is DownloadStatus.PAUSED


def entry(**statuses: str) -> dict[str, Any]:
    base = {"ParStatus": "NONE", "UnpackStatus": "NONE", "MoveStatus": "SUCCESS", "ScriptStatus": "NONE"}
    return {"NZBID": 7, "Name": "Movie", "Category": "Movies", "DeleteStatus": "NONE", **base, **statuses}


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ({}, DownloadStatus.COMPLETED),
        ({"ParStatus": "FAILURE"}, DownloadStatus.FAILED),
        ({"ParStatus": "REPAIR_POSSIBLE"}, DownloadStatus.FAILED),
        ({"UnpackStatus": "FAILURE"}, DownloadStatus.FAILED),
        ({"UnpackStatus": "SPACE"}, DownloadStatus.WARNING),
        ({"MoveStatus": "FAILURE"}, DownloadStatus.WARNING),
        ({"ScriptStatus": "FAILURE"}, DownloadStatus.FAILED),
        ({"DeleteStatus": "HEALTH", "MoveStatus": "NONE"}, DownloadStatus.FAILED),
        ({"DeleteStatus": "DUPE"}, DownloadStatus.FAILED),
        ({"DeleteStatus": "GOOD"}, DownloadStatus.WARNING),
        ({"DeleteStatus": "MANUAL", "MarkStatus": "BAD"}, DownloadStatus.FAILED),
        ({"DeleteStatus": "MANUAL", "MarkStatus": "NONE"}, None),
    ],
)
def test_history_statuses_follow_radarr(statuses: dict[str, str], expected: DownloadStatus | None) -> None:
    assert history_status(entry(**statuses)) is expected


def test_a_history_item_is_in_its_final_folder_else_its_destination() -> None:
    done = history_item({**entry(), "DestDir": "/dst/Movies/Movie", "FinalDir": ""})
    assert done is not None
    assert (done.download_id, done.output_path, done.remaining_size) == ("7", "/dst/Movies/Movie", 0)
    assert done.message is not None
    assert done.message.startswith("PAR Status: NONE - Unpack Status: NONE - Move Status: SUCCESS")
    moved = history_item({**entry(), "DestDir": "/dst/Movies/Movie", "FinalDir": "/films/Movie"})
    assert moved is not None
    assert moved.output_path == "/films/Movie"


def test_category_folders() -> None:
    config = {
        "MainDir": "/data",
        "DestDir": "${MainDir}/dst",
        "Category1.Name": "Movies",
        "Category1.DestDir": "",
        "Category2.Name": "Films",
        "Category2.DestDir": "/films",
    }
    assert category_dirs(config) == {"Movies": "/data/dst/Movies", "Films": "/films"}
    assert category_dirs({**config, "AppendCategoryDir": "no"})["Movies"] == "/data/dst"


def test_settings_follow_radarrs_validator() -> None:
    assert NzbgetSettings().check() == []
    found = NzbgetSettings(username="", password="secret", movie_category="", older_movie_priority=3).check()
    assert [(f.property_name, f.severity) for f in found] == [
        ("username", "error"),
        ("movieCategory", "warning"),
        ("olderMoviePriority", "error"),
    ]
    assert NzbgetSettings(username="", password="").check() == []
    assert NzbgetSettings(url_base="/nzbget").rpc_url() == "http://localhost:6789/nzbget/jsonrpc"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not xml at all", "Invalid NZB: Unable to parse [x.nzb]"),
        (
            b'<error code="100" description="Wrong API key"/>',
            "Invalid NZB: Contains indexer error: 100 - Wrong API key",
        ),
        (b"<html/>", "Invalid NZB: Unexpected root element. Expected 'nzb' found 'html' [x.nzb]"),
        (b'<nzb xmlns="http://www.newzbin.com/DTD/2003/nzb"></nzb>', "Invalid NZB: No files [x.nzb]"),
        (b'<!DOCTYPE x [<!ENTITY a "aaaa">]><nzb>&a;</nzb>', "Invalid NZB: Unable to parse [x.nzb]"),
    ],
)
def test_invalid_nzbs_are_rejected(content: bytes, message: str) -> None:
    with pytest.raises(DownloadRejected) as raised:
        validate_nzb("x.nzb", content)
    assert str(raised.value) == message


def test_a_valid_nzb_passes() -> None:
    validate_nzb("x.nzb", b'<nzb xmlns="http://www.newzbin.com/DTD/2003/nzb"><file subject="a"/></nzb>')
