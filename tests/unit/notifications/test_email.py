"""Radarr's Email: the subject and body of each event, and the addresses its rules accept."""

from __future__ import annotations

import pytest

from reelarr.notifications.base import NotificationFailed
from reelarr.notifications.email import EMAIL_KINDS, EmailSettings, is_email_address, subject_and_body
from reelarr.notifications.model import EventKind, NotificationEvent
from tests.unit.notifications.test_discord_embeds import grab_payload, import_payload, movie_payload

LINE = "The Matrix (1999) [Bluray-1080p] https://www.imdb.com/title/tt0133093/"


@pytest.mark.parametrize(
    ("event", "subject", "body"),
    [
        (
            NotificationEvent(EventKind.GRAB, grab_payload()),
            "Radarr - Movie Grabbed",
            f"{LINE} sent to queue.",
        ),
        (
            NotificationEvent(EventKind.DOWNLOAD, import_payload()),
            "Radarr - Movie Downloaded",
            f"{LINE} Downloaded and sorted.",
        ),
        (
            NotificationEvent(EventKind.DOWNLOAD, import_payload(upgrade=True), is_upgrade=True),
            "Radarr - Movie Downloaded",  # Radarr's Email has no "Upgraded" subject
            f"{LINE} Downloaded and sorted.",
        ),
        (
            NotificationEvent(EventKind.MOVIE_ADDED, {"movie": movie_payload()}),
            "Radarr - Movie Added",
            "The Matrix added to library.",
        ),
        (
            NotificationEvent(EventKind.MOVIE_FILE_DELETE, {**import_payload(), "deleteReason": "manual"}),
            "Radarr - Movie File Deleted",
            f"{LINE} deleted.",
        ),
        (
            NotificationEvent(EventKind.MOVIE_DELETE, {"movie": movie_payload(), "deletedFiles": False}),
            "Radarr - Movie Deleted",
            "The Matrix - Movie removed, files were not deleted",
        ),
        (
            NotificationEvent(EventKind.HEALTH, {"message": "Indexers are down"}),
            "Radarr - Health Check Failure",
            "Indexers are down",
        ),
        (
            NotificationEvent(EventKind.HEALTH_RESTORED, {"message": "Indexers are down"}),
            "Radarr - Health Check Restored",
            "The following issue is now resolved: Indexers are down",
        ),
    ],
)
def test_each_event_has_radarrs_subject_and_body(event: NotificationEvent, subject: str, body: str) -> None:
    assert subject_and_body(event) == (subject, body)


def test_renames_are_not_emailed() -> None:
    assert EventKind.RENAME not in EMAIL_KINDS
    with pytest.raises(NotificationFailed):
        subject_and_body(NotificationEvent(EventKind.RENAME, {"movie": movie_payload()}))


@pytest.mark.parametrize(
    ("address", "valid"),
    [
        ("me@example.org", True),
        ("a@b", True),
        ("nobody", False),
        ("@example.org", False),
        ("me@", False),
        ("a@b@c", False),
    ],
)
def test_addresses_are_checked_as_fluentvalidation_does(address: str, valid: bool) -> None:
    assert is_email_address(address) is valid


def test_a_comma_separated_string_is_a_list_of_addresses() -> None:
    settings = EmailSettings.model_validate({"to": " a@b.c, d@e.f ,", "cc": [], "from": "x@y.z"})
    assert (settings.to, settings.from_address) == (["a@b.c", "d@e.f"], "x@y.z")
