"""Radarr's Pushover through /api/v3/notification on SQLite and PostgreSQL (the `server` fixture), the
fixture Pushover API standing in for api.pushover.net through REELARR_PUSHOVER_API_URL."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qsl

import pytest

from tests.fixtures.notify.pushover import PushoverFixture
from tests.support.hosted_notifications import add_notification, field_of, notification_resource
from tests.support.live import LiveServer

API_KEY, USER_KEY = "aFixtureAppT0kenS3cret000000000", "uFixtureUserKey0000000000000000"


@pytest.fixture
def pushover() -> Iterator[PushoverFixture]:
    with PushoverFixture(API_KEY, USER_KEY) as fixture:
        yield fixture


@pytest.fixture(autouse=True)
def _pushover_address(pushover: PushoverFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    # Autouse: set before the `server` fixture reads its settings.
    monkeypatch.setenv("REELARR_PUSHOVER_API_URL", pushover.url)


async def test_the_schema_offers_pushover_with_radarrs_fields(server: LiveServer) -> None:
    schema = (await server.client.get("/api/v3/notification/schema")).json()
    entry = next(e for e in schema if e["implementation"] == "Pushover")
    assert (entry["configContract"], entry["implementationName"]) == ("PushoverSettings", "Pushover")
    assert entry["link"] == "https://pushover.net/"
    shown = [(f["name"], f["label"], f["type"], f.get("value")) for f in entry["fields"]]
    assert shown == [
        ("apiKey", "API Key", "textbox", ""),
        ("userKey", "User Key", "textbox", ""),
        ("devices", "Devices", "tag", []),
        ("priority", "Priority", "select", 0),
        ("retry", "Retry", "textbox", 0),
        ("expire", "Expire", "textbox", 0),
        ("sound", "Sound", "textbox", ""),
    ]
    assert (field_of(entry, "apiKey")["privacy"], field_of(entry, "userKey")["privacy"]) == (
        "apiKey",
        "userName",
    )
    assert field_of(entry, "devices")["placeholder"] == "device1"
    options = field_of(entry, "priority")["selectOptions"]
    assert [(o["value"], o["name"], o["order"]) for o in options] == [
        (-2, "Silent", -2),
        (-1, "Quiet", -1),
        (0, "Normal", 0),
        (1, "High", 1),
        (2, "Emergency", 2),
    ]
    assert entry["supportsOnRename"] is False
    assert entry["supportsOnGrab"] is entry["supportsOnHealthRestored"] is True


async def test_test_posts_radarrs_test_message_to_the_users_devices(
    server: LiveServer, pushover: PushoverFixture
) -> None:
    fields = {"apiKey": API_KEY, "userKey": USER_KEY, "devices": ["phone", "tv"], "sound": "magic"}
    body = await notification_resource(server.client, "Pushover", fields, onGrab=True)
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 200, response.text
    (sent,) = pushover.requests()
    assert (sent.method, sent.path) == ("POST", "/1/messages.json")
    assert sent.headers["content-type"] == "application/x-www-form-urlencoded"
    assert parse_qsl(sent.body.decode(), keep_blank_values=True) == [
        ("token", API_KEY),
        ("user", USER_KEY),
        ("device", "phone,tv"),
        ("title", "Test Notification"),
        ("message", "This is a test message from Radarr"),
        ("priority", "0"),
        ("sound", "magic"),
    ]


async def test_a_wrong_user_key_is_a_400_with_pushovers_error_and_no_key(
    server: LiveServer, pushover: PushoverFixture
) -> None:
    body = await notification_resource(
        server.client, "Pushover", {"apiKey": API_KEY, "userKey": "uWrong"}, onGrab=True
    )
    response = await server.client.post("/api/v3/notification/test", json=body)
    assert response.status_code == 400, response.text
    (failure,) = response.json()
    assert failure["propertyName"] == "apiKey"
    assert failure["errorMessage"] == (
        "Unable to send test message: Unable to send Pushover message: user identifier is not a valid user, "
        "group, or subscribed user key, see https://pushover.net/api#identifiers"
    )
    assert API_KEY not in response.text


@pytest.mark.parametrize(
    ("fields", "failures"),
    [
        ({"userKey": ""}, [("userKey", "'User Key' must not be empty.")]),
        (
            {"priority": 2, "retry": 10, "expire": 90000},
            [
                ("retry", "'Retry' must be greater than or equal to '30'."),
                ("expire", "'Expire' must be less than or equal to '86400'."),
            ],
        ),
    ],
)
async def test_settings_radarr_refuses_are_a_400_naming_the_field(
    server: LiveServer, pushover: PushoverFixture, fields: dict[str, object], failures: list[tuple[str, str]]
) -> None:
    values = {"apiKey": API_KEY, "userKey": USER_KEY, **fields}
    body = await notification_resource(server.client, "Pushover", values, onGrab=True)
    response = await server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 400, response.text
    assert [(f["propertyName"], f["errorMessage"]) for f in response.json()] == failures
    assert pushover.requests() == []


async def test_an_emergency_pushover_is_saved_and_its_api_key_masked(
    server: LiveServer, pushover: PushoverFixture
) -> None:
    fields = {"apiKey": API_KEY, "userKey": USER_KEY, "priority": 2, "retry": 60, "expire": 3600}
    created = await add_notification(server.client, "Pushover", fields)
    form = dict(parse_qsl(pushover.requests()[0].body.decode()))
    assert (form["priority"], form["retry"], form["expire"]) == ("2", "60", "3600")
    again = (await server.client.get(f"/api/v3/notification/{created['id']}")).json()
    assert field_of(again, "apiKey")["value"] == "********"
    assert field_of(again, "userKey")["value"] == USER_KEY  # a user name: Radarr shows it
