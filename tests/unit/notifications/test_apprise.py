"""Radarr's Apprise: the request each event makes (Apprise.cs, AppriseProxy.cs), its validation, and
how the Apprise API's refusals become test failures."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from reelarr.notifications.apprise import TEST_POSTER, Apprise, AppriseSettings
from reelarr.notifications.base import NotificationContext, NotificationFailed
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.notifications.options import NotificationOptions
from reelarr.providers.model import ProviderDefinition
from reelarr.remote import RemoteRegistry
from tests.unit.notifications.test_discord_embeds import POSTER, grab_payload, import_payload, movie_payload
from tests.unit.notifications.test_slack import Recorder

SERVER = "http://apprise.example:8000"
STATELESS = "tgram://123456:s3cretBotT0ken/987, mailto://me:pw@example.org"
LINE = "The Matrix (1999) [Bluray-1080p] https://www.imdb.com/title/tt0133093/"


def apprise(recorder: Recorder, **settings: Any) -> tuple[Apprise, RemoteRegistry]:
    remote = RemoteRegistry(transport=httpx.MockTransport(recorder))
    values = {"server_url": SERVER + "/ ", "configuration_key": "films", **settings}
    definition = ProviderDefinition(
        id=5,
        name="Apprise",
        implementation="Apprise",
        config_contract="AppriseSettings",
        settings=AppriseSettings(**values),
        options=NotificationOptions(on_grab=True),
    )
    return Apprise(definition, NotificationContext(remote, "Reelarr")), remote


async def told(kind: EventKind, payload: dict[str, Any], upgrade: bool = False, **settings: Any) -> Recorder:
    recorder = Recorder(httpx.Response(200, json={}))
    provider, remote = apprise(recorder, **settings)
    try:
        await provider.send(NotificationEvent(kind=kind, payload=payload, is_upgrade=upgrade))
    finally:
        await remote.aclose()
    return recorder


async def test_a_grab_is_posted_to_the_configuration_keys_notify() -> None:
    recorder = await told(EventKind.GRAB, grab_payload())
    (request,) = recorder.sent
    assert (request.method, str(request.url)) == ("POST", f"{SERVER}/notify/films")
    assert (request.headers["content-type"], request.headers["accept"]) == (
        "application/json",
        "application/json",
    )
    assert "authorization" not in request.headers
    assert recorder.body() == {"title": "Movie Grabbed", "body": LINE, "type": "info"}


async def test_stateless_urls_go_in_the_body_to_notify() -> None:
    recorder = await told(EventKind.GRAB, grab_payload(), configuration_key="", stateless_urls=STATELESS)
    (request,) = recorder.sent
    assert str(request.url) == f"{SERVER}/notify"
    assert recorder.body()["urls"] == STATELESS


async def test_type_tags_poster_and_credentials_as_set() -> None:
    recorder = await told(
        EventKind.GRAB,
        grab_payload(),
        notification_type=3,
        tags=["films", "tv"],
        include_poster=True,
        auth_username="me",
        auth_password="pa55",
    )
    (request,) = recorder.sent
    assert request.headers["authorization"] == "Basic " + base64.b64encode(b"me:pa55").decode()
    assert recorder.body() == {
        "title": "Movie Grabbed",
        "body": LINE,
        "attachment": POSTER,
        "type": "failure",
        "tag": "films,tv",
    }


@pytest.mark.parametrize(
    ("kind", "payload", "upgrade", "title", "body"),
    [
        (EventKind.DOWNLOAD, import_payload(), False, "Movie Downloaded", LINE),
        (EventKind.DOWNLOAD, import_payload(upgrade=True), True, "Movie Upgraded", LINE),
        (
            EventKind.MOVIE_ADDED,
            {"movie": movie_payload()},
            False,
            "Movie Added",
            "The Matrix (1999) added to library",
        ),
        (
            EventKind.MOVIE_DELETE,
            {"movie": movie_payload(), "deletedFiles": True},
            False,
            "Movie Deleted",
            "The Matrix - Movie removed and all files were deleted",
        ),
        (
            EventKind.MANUAL_INTERACTION_REQUIRED,
            {"movie": movie_payload(), "downloadInfo": {"quality": "Bluray-1080p", "qualityVersion": 1}},
            False,
            "Manual Interaction",
            LINE,
        ),
        (
            EventKind.MOVIE_FILE_DELETE,
            {"movie": movie_payload(), "movieFile": {"quality": "Bluray-1080p", "qualityVersion": 1}},
            False,
            "Movie File Deleted",
            LINE,
        ),
    ],
)
async def test_each_film_event_is_radarrs_title_and_message_with_its_poster(
    kind: EventKind, payload: dict[str, Any], upgrade: bool, title: str, body: str
) -> None:
    recorder = await told(kind, payload, upgrade, include_poster=True)
    assert recorder.body() == {"title": title, "body": body, "attachment": POSTER, "type": "info"}


@pytest.mark.parametrize(
    ("kind", "title", "body"),
    [
        (EventKind.HEALTH, "Health Check Failure", "Disk full"),
        (
            EventKind.HEALTH_RESTORED,
            "Health Check Restored",
            "The following issue is now resolved: Disk full",
        ),
    ],
)
async def test_health_events_have_no_poster(kind: EventKind, title: str, body: str) -> None:
    payload = {"level": "error", "message": "Disk full", "type": "DiskSpaceCheck"}
    recorder = await told(kind, payload, include_poster=True)
    assert recorder.body() == {"title": title, "body": body, "type": "info"}


async def test_a_rename_is_not_told() -> None:
    with pytest.raises(NotificationFailed):
        await told(EventKind.RENAME, {"movie": movie_payload(), "renamedMovieFiles": []})


async def test_the_test_sends_radarrs_test_notification() -> None:
    recorder = Recorder(httpx.Response(200, json={}))
    provider, remote = apprise(recorder, include_poster=True)
    assert await provider.test() == []
    await remote.aclose()
    assert recorder.body() == {
        "title": "Radarr - Test Notification",
        "body": "Success! You have properly configured your apprise notification settings.",
        "attachment": TEST_POSTER,
        "type": "info",
    }


@pytest.mark.parametrize(
    ("answer", "property_name", "message"),
    [
        (
            httpx.Response(401, text=""),
            "authUsername",
            "HTTP Auth credentials are invalid: Unable to send Apprise notifications: HTTP 401 Unauthorized",
        ),
        (
            httpx.Response(424, json={"error": "One or more notification could not be sent."}),
            "",
            "Unable to send test message. Response from API: One or more notification could not be sent.",
        ),
        (
            httpx.Response(400, text="Unsupported Content-Type"),
            "",
            "Unable to send test message. Response from API: Unsupported Content-Type",
        ),
        (
            httpx.Response(404, text=""),
            "url",
            "Unable to connect to Apprise API. Server connection failed: (404) "
            "Unable to send Apprise notifications: HTTP 404 Not Found",
        ),
    ],
)
async def test_a_refused_test_is_worded_as_radarrs_proxy_words_it(
    answer: httpx.Response, property_name: str, message: str
) -> None:
    provider, remote = apprise(Recorder(answer), configuration_key="", stateless_urls=STATELESS)
    (failure,) = await provider.test()
    await remote.aclose()
    assert (failure.property_name, failure.error_message) == (property_name, message)


async def test_a_server_error_fails_the_event_without_the_stateless_tokens() -> None:
    recorder = Recorder(httpx.Response(500, text="boom"))
    provider, remote = apprise(recorder, configuration_key="", stateless_urls=STATELESS)
    with pytest.raises(NotificationFailed) as failed:
        await provider.send(NotificationEvent(kind=EventKind.GRAB, payload=grab_payload()))
    (failure,) = await provider.test()
    await remote.aclose()
    assert str(failed.value).startswith("Unable to send Apprise notifications: HTTP 500")
    assert failure.error_message.startswith(
        "Unable to connect to Apprise API. Server connection failed: (500)"
    )
    assert "s3cretBotT0ken" not in str(failed.value) + failure.error_message


EITHER = "Use either Configuration Key or Stateless URLs"


@pytest.mark.parametrize(
    ("values", "problems"),
    [
        ({"configuration_key": "films-2"}, []),
        ({"stateless_urls": STATELESS}, []),
        ({}, [("configurationKey", EITHER), ("statelessUrls", EITHER)]),
        ({"configuration_key": "Films!"}, [("configurationKey", "Allowed characters a-z, 0-9 and -")]),
        ({"configuration_key": "films", "stateless_urls": STATELESS}, [("statelessUrls", EITHER)]),
        ({"stateless_urls": STATELESS, "tags": ["a"]}, [("tags", "Stateless URLs do not support tags")]),
        ({"configuration_key": "films", "tags": ["a"]}, []),
    ],
)
def test_radarrs_validation(values: dict[str, Any], problems: list[tuple[str, str]]) -> None:
    settings = AppriseSettings(server_url=SERVER, **values)
    assert [(f.property_name, f.error_message) for f in settings.check()] == problems


def test_the_server_url_must_be_an_http_url() -> None:
    settings = AppriseSettings(server_url="apprise:8000", configuration_key="k")
    assert [f.property_name for f in settings.check()] == ["serverUrl"]


async def test_an_error_echoing_a_stateless_url_is_cut_to_its_origin() -> None:
    echoed = {"error": "Could not send to tgram://123456:s3cretBotT0ken/987"}
    provider, remote = apprise(
        Recorder(httpx.Response(424, json=echoed)), configuration_key="", stateless_urls=STATELESS
    )
    (failure,) = await provider.test()
    await remote.aclose()
    assert (
        failure.error_message == "Unable to send test message. Response from API: Could not send to <webhook>"
    )
