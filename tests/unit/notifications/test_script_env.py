"""The `radarr_*` variables Radarr's CustomScript gives a script, and how .NET writes their values."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.notifications.script_env import dotnet, event_env, pascal
from tests.unit.notifications.test_discord_embeds import import_payload, movie_payload
from tests.unit.notifications.test_payloads import film

MOVIE = film(imdb_id="tt0133093", genres=("Action", "Science Fiction"), in_cinemas=date(1999, 3, 31))


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (True, "True"),
        (False, "False"),
        (None, ""),
        (5.1, "5.1"),
        (2.0, "2"),
        (8_589_934_592, "8589934592"),
        (date(1999, 3, 31), "03/31/1999 00:00:00"),
        (datetime(2024, 1, 2, 15, 4, 5, tzinfo=UTC), "01/02/2024 15:04:05"),
    ],
)
def test_values_are_written_as_dotnet_writes_them(value: object, written: str) -> None:
    assert dotnet(value) == written


def test_enum_values_are_pascal_case() -> None:
    assert [pascal(v) for v in ("manual", "missingFromDisk", "", None)] == [
        "Manual",
        "MissingFromDisk",
        "",
        "",
    ]


def test_an_upgrade_tells_of_the_files_it_replaced() -> None:
    old = {
        "relativePath": "old.mkv",
        "path": "/movies/The Matrix (1999)/old.mkv",
        "dateAdded": "2024-01-02T03:04:05Z",
    }
    payload = {
        **import_payload(upgrade=True),
        "deletedFiles": [old, {**old, "relativePath": "b.avi", "path": "/b"}],
    }
    event = NotificationEvent(EventKind.DOWNLOAD, payload, is_upgrade=True, movie=MOVIE)
    env = event_env(event, "Home", "http://home")
    assert (env["radarr_eventtype"], env["radarr_instancename"], env["radarr_applicationurl"]) == (
        "Download",
        "Home",
        "http://home",
    )
    assert env["radarr_isupgrade"] == "True"
    assert env["radarr_deletedrelativepaths"] == "old.mkv|b.avi"
    assert env["radarr_deletedpaths"] == "/movies/The Matrix (1999)/old.mkv|/b"
    assert env["radarr_deleteddateadded"] == "01/02/2024 03:04:05|01/02/2024 03:04:05"
    assert env["radarr_deletedrecyclebinpaths"] == "|"
    assert env["radarr_moviefile_mediainfo_audiochannels"] == "5.1"
    assert env["radarr_moviefile_mediainfo_audiolanguages"] == "eng / fre"
    assert env["radarr_moviefile_mediainfo_subtitles"] == "eng / spa"
    assert env["radarr_moviefile_customformat"] == "HQ"
    assert env["radarr_movie_genres"] == "Action|Science Fiction"
    assert env["radarr_movie_tags"] == "a|b|c|d|e|f"
    assert env["radarr_movie_in_cinemas_date"] == "03/31/1999 00:00:00"
    assert env["radarr_movie_physical_release_date"] == ""


def test_an_import_that_replaced_nothing_has_no_deleted_variables() -> None:
    event = NotificationEvent(EventKind.DOWNLOAD, import_payload(), movie=MOVIE)
    env = event_env(event, "Home", "")
    assert env["radarr_isupgrade"] == "False"
    assert not [name for name in env if name.startswith("radarr_deleted")]


def test_a_grab_tells_the_release_its_flags_and_formats_but_not_the_films_path() -> None:
    payload = {
        "movie": movie_payload(),
        "release": {
            "releaseTitle": "T",
            "size": 5,
            "quality": "WEBDL-1080p",
            "qualityVersion": 2,
            "indexerFlags": ["G_Freeleech", "G_Internal"],
        },
        "customFormatInfo": {
            "customFormats": [{"id": 1, "name": "HQ"}, {"id": 2, "name": "x265"}],
            "customFormatScore": 40,
        },
        "downloadClient": "qBit",
        "downloadId": "ABC",
    }
    env = event_env(NotificationEvent(EventKind.GRAB, payload, movie=MOVIE), "Home", "")
    assert "radarr_movie_path" not in env
    assert env["radarr_indexerflags"] == "G_Freeleech, G_Internal"
    assert (env["radarr_release_customformat"], env["radarr_release_customformatscore"]) == ("HQ|x265", "40")
    assert (env["radarr_release_qualityversion"], env["radarr_release_indexer"]) == ("2", "")
    assert (env["radarr_download_client"], env["radarr_download_client_type"], env["radarr_download_id"]) == (
        "qBit",
        "",
        "ABC",
    )


def test_a_deleted_film_tells_its_folder_size_only_when_its_files_were_deleted() -> None:
    payload = {"movie": movie_payload(), "deletedFiles": True, "movieFolderSize": 1234}
    env = event_env(NotificationEvent(EventKind.MOVIE_DELETE, payload, movie=MOVIE), "Home", "")
    assert (env["radarr_movie_deletedfiles"], env["radarr_movie_folder_size"]) == ("True", "1234")
    kept = {**payload, "deletedFiles": False}
    env = event_env(NotificationEvent(EventKind.MOVIE_DELETE, kept, movie=MOVIE), "Home", "")
    assert env["radarr_movie_deletedfiles"] == "False"
    assert "radarr_movie_folder_size" not in env


@pytest.mark.parametrize(
    ("method", "told"), [("manual", "Manual"), ("list", "List"), ("collection", "Collection")]
)
def test_an_added_film_tells_how_it_came(method: str, told: str) -> None:
    payload = {"movie": movie_payload(), "addMethod": method}
    env = event_env(NotificationEvent(EventKind.MOVIE_ADDED, payload, movie=MOVIE), "Home", "")
    assert env["radarr_movie_addmethod"] == told


def test_a_download_waiting_for_a_person_tells_the_download_and_its_client() -> None:
    payload = {
        "movie": movie_payload(),
        "downloadInfo": {
            "quality": "Bluray-1080p",
            "qualityVersion": 1,
            "title": "The.Matrix.1999",
            "size": 42,
        },
        "downloadClient": "Blackhole",
        "downloadClientType": "Usenet Blackhole",
        "downloadId": "ABC",
    }
    event = NotificationEvent(EventKind.MANUAL_INTERACTION_REQUIRED, payload, movie=MOVIE)
    env = event_env(event, "Home", "")
    assert env["radarr_eventtype"] == "ManualInteractionRequired"
    assert (env["radarr_movie_title"], env["radarr_movie_path"]) == (MOVIE.title, MOVIE.path)
    assert {k: v for k, v in env.items() if k.startswith("radarr_download_")} == {
        "radarr_download_client": "Blackhole",
        "radarr_download_client_type": "Usenet Blackhole",
        "radarr_download_id": "ABC",
        "radarr_download_size": "42",
        "radarr_download_title": "The.Matrix.1999",
    }


def test_a_health_warning_without_a_wiki_link() -> None:
    payload = {"level": "warning", "message": "Indexers are down", "type": "IndexerStatusCheck"}
    env = event_env(NotificationEvent(EventKind.HEALTH, payload), "Home", "")
    assert env == {
        "radarr_eventtype": "HealthIssue",
        "radarr_instancename": "Home",
        "radarr_applicationurl": "",
        "radarr_health_issue_level": "Warning",
        "radarr_health_issue_message": "Indexers are down",
        "radarr_health_issue_type": "IndexerStatusCheck",
        "radarr_health_issue_wiki": "",
    }
