"""Radarr's ntfy: one POST per topic with the query Radarr's NtfyProxy builds, its authorization, its
validation, and how refusals are read."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from reelarr.notifications.base import NotificationFailed
from reelarr.notifications.model import RAISED_KINDS, EventKind, NotificationEvent
from reelarr.notifications.ntfy import Ntfy, NtfySettings
from tests.unit.notifications.hosted_support import wire
from tests.unit.notifications.test_discord_embeds import grab_payload, import_payload

OK = httpx.Response(200, json={"id": "sPs1bJ9gjjN2", "event": "message", "topic": "films"})
MATRIX = "The Matrix (1999) [Bluray-1080p] https://www.imdb.com/title/tt0133093/"


def query(request: httpx.Request) -> list[tuple[str, str]]:
    return parse_qsl(request.url.query.decode(), keep_blank_values=True)


async def test_a_grab_is_published_to_each_topic_on_the_public_server_by_default() -> None:
    settings = NtfySettings(
        topics=["films", "alerts"], tags=["movie_camera", "tada"], click_url="https://r.example"
    )
    wired = wire(Ntfy, settings, OK)
    await wired.notification.send(NotificationEvent(EventKind.GRAB, grab_payload()))
    await wired.remote.aclose()
    assert [(r.method, r.url.copy_with(query=None).path, r.url.host) for r in wired.sent] == [
        ("POST", "/films", "ntfy.sh"),
        ("POST", "/alerts", "ntfy.sh"),
    ]
    for request in wired.sent:
        assert query(request) == [
            ("title", "Radarr - Movie Grabbed"),
            ("message", MATRIX),
            ("priority", "3"),
            ("tags", "movie_camera,tada"),
            ("click", "https://r.example"),
        ]
        assert request.content == b""
        assert "authorization" not in request.headers


async def test_an_upgrade_is_a_download_and_a_token_goes_before_a_password() -> None:
    settings = NtfySettings(
        server_url="https://ntfy.example/",
        topics=["films"],
        access_token="tk_s3cret",
        user_name="u",
        password="p",
    )
    wired = wire(Ntfy, settings, OK)
    await wired.notification.send(NotificationEvent(EventKind.DOWNLOAD, import_payload(), is_upgrade=True))
    await wired.remote.aclose()
    (request,) = wired.sent
    assert str(request.url).startswith("https://ntfy.example/films?")
    assert query(request) == [("title", "Radarr - Movie Downloaded"), ("message", MATRIX), ("priority", "3")]
    assert request.headers["authorization"] == "Bearer tk_s3cret"


async def test_a_user_and_password_are_sent_as_basic_authorization() -> None:
    wired = wire(Ntfy, NtfySettings(topics=["films"], user_name="me", password="pw"), OK)
    await wired.notification.send(NotificationEvent(EventKind.HEALTH, {"message": "Disk full"}))
    await wired.remote.aclose()
    (request,) = wired.sent
    assert request.headers["authorization"] == "Basic bWU6cHc="  # base64 of "me:pw"
    assert dict(query(request))["title"] == "Radarr - Health Check Failure"


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"access_token": "tk"}, "accessToken", "Access Token is invalid"),
        ({"user_name": "me", "password": "pw"}, "userName", "Invalid username or password"),
        ({}, "accessToken", "Authorization is required"),
    ],
)
async def test_a_refused_authorization_blames_the_credentials(
    values: dict[str, Any], field: str, message: str
) -> None:
    answer = httpx.Response(403, json={"code": 40301, "http": 403, "error": "forbidden"})
    wired = wire(Ntfy, NtfySettings(topics=["a", "b"], **values), answer)
    (failure,) = await wired.notification.test()
    await wired.remote.aclose()
    assert (failure.property_name, failure.error_message) == (field, message)
    assert len(wired.sent) == 1  # Radarr stops at a refused authorization


async def test_a_topic_that_fails_does_not_keep_the_others_from_their_message() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/bad":
            return httpx.Response(400, json={"code": 40001, "http": 400, "error": "invalid request"})
        return OK

    wired = wire(Ntfy, NtfySettings(topics=["bad", "good"]), answer)
    with pytest.raises(NotificationFailed) as raised:
        await wired.notification.send(NotificationEvent(EventKind.GRAB, grab_payload()))
    await wired.remote.aclose()
    assert [r.url.path for r in wired.sent] == ["/bad", "/good"]
    assert str(raised.value) == (
        "Unable to send Ntfy notifications to all topics (bad: HTTP 400 Bad Request: invalid request)"
    )


@pytest.mark.parametrize(
    ("values", "failures"),
    [
        ({"topics": ["films"]}, []),
        ({"topics": []}, [("topics", "'Topics' must not be empty.")]),
        (
            {"topics": ["x"], "priority": 6},
            [("priority", "'Priority' must be between 1 and 5. You entered 6.")],
        ),
        ({"topics": ["x"], "server_url": "ntfy"}, [("serverUrl", "Invalid Url: 'ntfy'")]),
        ({"topics": ["x"], "password": "pw"}, [("userName", "'User Name' must not be empty.")]),
        ({"topics": ["x"], "user_name": "me"}, [("password", "'Password' must not be empty.")]),
        ({"topics": ["x"], "user_name": "me", "access_token": "tk"}, []),
        (
            {"topics": ["stats", "!!"]},
            [("topics", "Invalid topic"), ("topics", "'Topics' is not in the correct format.")],
        ),
    ],
)
def test_settings_are_checked_as_radarr_checks_them(
    values: dict[str, Any], failures: list[tuple[str, str]]
) -> None:
    assert [(f.property_name, f.error_message) for f in NtfySettings(**values).check()] == failures


def test_ntfy_tells_of_every_raised_event_but_a_rename() -> None:
    assert Ntfy.supported == RAISED_KINDS - {EventKind.RENAME}
