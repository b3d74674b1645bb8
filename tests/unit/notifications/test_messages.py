"""Radarr's titles and one-line messages of each event, as its text notifications send them."""

from typing import Any

from reelarr.notifications.messages import message_of, title_of
from reelarr.notifications.model import EventKind, NotificationEvent

MOVIE = {"title": "The Matrix", "year": 1999, "imdbId": "tt0133093"}


def _event(kind: EventKind, *, is_upgrade: bool = False, **fields: Any) -> NotificationEvent:
    return NotificationEvent(kind=kind, payload={"movie": MOVIE, **fields}, is_upgrade=is_upgrade)


def test_a_grab_names_the_film_its_quality_and_its_imdb_page() -> None:
    event = _event(EventKind.GRAB, release={"quality": "Bluray-1080p", "qualityVersion": 1})
    assert message_of(event) == "The Matrix (1999) [Bluray-1080p] https://www.imdb.com/title/tt0133093/"


def test_a_proper_says_so_after_the_quality() -> None:
    event = _event(EventKind.DOWNLOAD, movieFile={"quality": "WEBDL-2160p", "qualityVersion": 2})
    assert message_of(event) == "The Matrix (1999) [WEBDL-2160p Proper] https://www.imdb.com/title/tt0133093/"


def test_an_upgrading_import_is_titled_movie_upgraded() -> None:
    event = _event(EventKind.DOWNLOAD, is_upgrade=True, movieFile={"quality": "HDTV-720p"})
    assert title_of(event) == "Movie Upgraded"
    assert title_of(_event(EventKind.DOWNLOAD, movieFile={})) == "Movie Downloaded"


def test_titles_carry_the_app_and_instance_names_when_asked() -> None:
    event = _event(EventKind.GRAB, release={})
    assert title_of(event, branded=True, instance_name="Films") == "Radarr - Movie Grabbed - Films"


def test_deletes_say_whether_files_went_with_the_film() -> None:
    gone = message_of(_event(EventKind.MOVIE_DELETE, deletedFiles=True))
    kept = message_of(_event(EventKind.MOVIE_DELETE, deletedFiles=False))
    assert gone == "The Matrix - Movie removed and all files were deleted"
    assert kept == "The Matrix - Movie removed, files were not deleted"


def test_health_messages_are_the_checks_own_words() -> None:
    failing = NotificationEvent(kind=EventKind.HEALTH, payload={"message": "No indexers"})
    restored = NotificationEvent(kind=EventKind.HEALTH_RESTORED, payload={"message": "No indexers"})
    assert message_of(failing) == "No indexers"
    assert message_of(restored) == "The following issue is now resolved: No indexers"


def test_a_download_waiting_for_a_person_names_the_film_and_the_downloads_quality() -> None:
    event = _event(
        EventKind.MANUAL_INTERACTION_REQUIRED, downloadInfo={"quality": "WEBDL-1080p", "title": "x"}
    )
    assert message_of(event) == "The Matrix (1999) [WEBDL-1080p] https://www.imdb.com/title/tt0133093/"
    assert title_of(event) == "Manual Interaction"
