"""Radarr's Pushover: the /1/messages.json form of each event, field by field as Radarr's PushoverProxy
builds it, its validation, and Pushover's `errors` shown when it refuses."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from reelarr.notifications.base import NotificationFailed
from reelarr.notifications.model import RAISED_KINDS, EventKind, NotificationEvent
from reelarr.notifications.pushover import Pushover, PushoverSettings
from tests.unit.notifications.hosted_support import wire
from tests.unit.notifications.test_discord_embeds import grab_payload, import_payload

API_KEY, USER_KEY = "azGDORePK8gMaC0QOYAMyEEuzJnyUi", "uQiRzpo4DXghDmr9QzzfQu27cmVRsG"
OK = httpx.Response(200, json={"status": 1, "request": "647d2300-702c-4b38-8b2f-d56326ae460b"})
MATRIX = "The Matrix (1999) [Bluray-1080p] https://www.imdb.com/title/tt0133093/"


def settings(**values: Any) -> PushoverSettings:
    return PushoverSettings(api_key=API_KEY, user_key=USER_KEY, **values)


async def test_a_grab_is_posted_as_radarrs_form() -> None:
    wired = wire(Pushover, settings(devices=["phone", "tablet"]), OK)
    await wired.notification.send(NotificationEvent(EventKind.GRAB, grab_payload()))
    await wired.remote.aclose()
    (request,) = wired.sent
    assert (request.method, str(request.url)) == ("POST", "https://api.pushover.net/1/messages.json")
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert wired.form() == [
        ("token", API_KEY),
        ("user", USER_KEY),
        ("device", "phone,tablet"),
        ("title", "Movie Grabbed"),
        ("message", MATRIX),
        ("priority", "0"),
    ]


async def test_an_upgrade_is_told_as_a_download_and_an_emergency_carries_retry_expire_and_sound() -> None:
    values = {"priority": 2, "retry": 60, "expire": 3600, "sound": "cosmic"}
    wired = wire(Pushover, settings(**values), OK)
    await wired.notification.send(NotificationEvent(EventKind.DOWNLOAD, import_payload(), is_upgrade=True))
    await wired.remote.aclose()
    assert wired.form() == [
        ("token", API_KEY),
        ("user", USER_KEY),
        ("device", ""),
        ("title", "Movie Downloaded"),
        ("message", MATRIX),
        ("priority", "2"),
        ("retry", "60"),
        ("expire", "3600"),
        ("sound", "cosmic"),
    ]


async def test_retry_and_expire_are_left_out_below_emergency() -> None:
    wired = wire(Pushover, settings(priority=1, retry=60, expire=3600), OK)
    await wired.notification.send(NotificationEvent(EventKind.HEALTH, {"message": "Disk full"}))
    await wired.remote.aclose()
    form = dict(wired.form())
    assert (form["title"], form["message"], form["priority"]) == ("Health Check Failure", "Disk full", "1")
    assert "retry" not in form
    assert "expire" not in form
    assert "sound" not in form


async def test_the_test_message_is_radarrs() -> None:
    wired = wire(Pushover, settings(), OK, service_urls={"Pushover": "http://127.0.0.1:9"})
    assert await wired.notification.test() == []
    await wired.remote.aclose()
    assert str(wired.sent[0].url) == "http://127.0.0.1:9/1/messages.json"
    form = dict(wired.form())
    assert (form["title"], form["message"]) == ("Test Notification", "This is a test message from Radarr")


async def test_a_refusal_shows_pushovers_errors_on_the_api_key() -> None:
    answer = httpx.Response(
        400, json={"status": 0, "user": "invalid", "errors": ["user identifier is invalid"]}
    )
    wired = wire(Pushover, settings(), answer)
    (failure,) = await wired.notification.test()
    with pytest.raises(NotificationFailed) as raised:
        await wired.notification.send(NotificationEvent(EventKind.GRAB, grab_payload()))
    await wired.remote.aclose()
    assert failure.property_name == "apiKey"
    assert failure.error_message == (
        "Unable to send test message: Unable to send Pushover message: user identifier is invalid"
    )
    assert str(raised.value) == "Unable to send Pushover message: user identifier is invalid"


@pytest.mark.parametrize(
    ("values", "failures"),
    [
        ({"priority": 2, "retry": 30, "expire": 86400}, []),
        ({"priority": 1, "retry": 0, "expire": 0}, []),
        ({"user_key": ""}, [("userKey", "'User Key' must not be empty.")]),
        ({"priority": 2, "retry": 29}, [("retry", "'Retry' must be greater than or equal to '30'.")]),
        (
            {"priority": 2, "retry": 86401, "expire": 86401},
            [
                ("retry", "'Retry' must be less than or equal to '86400'."),
                ("expire", "'Expire' must be less than or equal to '86400'."),
            ],
        ),
        ({"priority": 3}, [("priority", "'Priority' must be one of -2, -1, 0, 1, 2.")]),
    ],
)
def test_settings_are_checked_as_radarr_checks_them(
    values: dict[str, Any], failures: list[tuple[str, str]]
) -> None:
    checked = PushoverSettings(**{"user_key": USER_KEY, **values}).check()
    assert [(f.property_name, f.error_message) for f in checked] == failures


def test_pushover_tells_of_every_raised_event_but_a_rename() -> None:
    assert Pushover.supported == RAISED_KINDS - {EventKind.RENAME}
