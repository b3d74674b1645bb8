"""Radarr's Notifiarr: the webhook payload posted to Notifiarr's API with the key (NotifiarrProxy.cs),
how each error status is worded, and the address the installation may give it."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest

from reelarr.notifications.base import NotificationContext, NotificationFailed
from reelarr.notifications.model import RAISED_KINDS, EventKind, NotificationEvent
from reelarr.notifications.notifiarr import Notifiarr, NotifiarrSettings
from reelarr.notifications.options import NotificationOptions
from reelarr.notifications.payloads import test_payload as radarr_test_payload
from reelarr.providers.model import ProviderDefinition
from reelarr.remote import RemoteRegistry
from reelarr.settings import Settings
from tests.unit.notifications.test_discord_embeds import grab_payload
from tests.unit.notifications.test_slack import Recorder

KEY = "0f1e2d3c-s3cret-notifiarr-key"


def notifiarr(recorder: Recorder, address: str | None = None) -> tuple[Notifiarr, RemoteRegistry]:
    remote = RemoteRegistry(transport=httpx.MockTransport(recorder))
    definition = ProviderDefinition(
        id=6,
        name="Notifiarr",
        implementation="Notifiarr",
        config_contract="NotifiarrSettings",
        settings=NotifiarrSettings(api_key=KEY),
        options=NotificationOptions(on_grab=True),
    )
    urls = {"Notifiarr": address} if address else {}
    context = NotificationContext(remote, "Reelarr", "http://films.lan", service_urls=urls)
    return Notifiarr(definition, context), remote


async def test_an_event_posts_its_webhook_payload_with_the_key() -> None:
    recorder = Recorder(httpx.Response(200, json={"result": "success"}))
    provider, remote = notifiarr(recorder)
    await provider.send(NotificationEvent(kind=EventKind.GRAB, payload=grab_payload()))
    await remote.aclose()
    (request,) = recorder.sent
    assert (request.method, str(request.url)) == ("POST", "https://notifiarr.com/api/v1/notification/radarr")
    assert request.headers["x-api-key"] == KEY
    assert (request.headers["accept"], request.headers["content-type"]) == (
        "application/json",
        "application/json",
    )
    assert recorder.body() == grab_payload()


async def test_the_installation_may_point_it_elsewhere() -> None:
    recorder = Recorder(httpx.Response(200, json={}))
    provider, remote = notifiarr(recorder, "http://127.0.0.1:9/base/")
    assert await provider.test() == []
    await remote.aclose()
    (request,) = recorder.sent
    assert str(request.url) == "http://127.0.0.1:9/base/api/v1/notification/radarr"
    assert recorder.body() == radarr_test_payload("Reelarr", "http://films.lan")


def test_it_tells_of_every_event_reelarr_raises() -> None:
    assert Notifiarr.supported == RAISED_KINDS


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (401, "API key is invalid"),
        (404, "Unknown HTTP Error - Unable to send notification"),
        (500, "Unknown HTTP Error - Unable to send notification"),
        (502, "Unable to send notification. Service Unavailable"),
        (503, "Unable to send notification. Service Unavailable"),
        (504, "Unable to send notification. Service Unavailable"),
        (520, "Cloudflare Related HTTP Error - Unable to send notification"),
        (524, "Cloudflare Related HTTP Error - Unable to send notification"),
    ],
)
async def test_each_error_status_is_worded_as_radarrs_proxy_words_it(status: int, message: str) -> None:
    provider, remote = notifiarr(Recorder(httpx.Response(status, json={"result": "error"})))
    with pytest.raises(NotificationFailed) as failed:
        await provider.send(NotificationEvent(kind=EventKind.GRAB, payload=grab_payload()))
    (failure,) = await provider.test()
    await remote.aclose()
    assert str(failed.value) == message
    assert (failure.property_name, failure.error_message) == (
        "aPIKey",
        f"Unable to send test message: {message}",
    )


async def test_a_400_is_only_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="reelarr.notifications.notifiarr")
    provider, remote = notifiarr(Recorder(httpx.Response(400, json={"result": "error"})))
    await provider.send(NotificationEvent(kind=EventKind.GRAB, payload=grab_payload()))
    await remote.aclose()
    assert [r.getMessage() for r in caplog.records] == [
        "HTTP 400 - Unable to send notification. "
        "Ensure Radarr Integration is enabled & assigned a channel on Notifiarr"
    ]


async def test_an_unreachable_notifiarr_fails_without_the_key() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    provider, remote = notifiarr(Recorder(httpx.Response(200)))
    await remote.aclose()
    remote = RemoteRegistry(transport=httpx.MockTransport(refuse))
    provider.context = NotificationContext(remote, "Reelarr")
    with pytest.raises(NotificationFailed) as failed:
        await provider.send(NotificationEvent(kind=EventKind.GRAB, payload=grab_payload()))
    await remote.aclose()
    assert str(failed.value).startswith("Unable to send notification: ")
    assert KEY not in str(failed.value)


@pytest.mark.parametrize(("key", "problems"), [(KEY, []), ("", ["aPIKey"]), ("  ", ["aPIKey"])])
def test_a_key_is_required(key: str, problems: list[str]) -> None:
    assert [f.property_name for f in NotifiarrSettings(api_key=key).check()] == problems


def test_the_key_is_named_as_radarr_names_it_and_kept_out_of_reprs() -> None:
    settings = NotifiarrSettings.model_validate({"aPIKey": KEY})
    assert settings.api_key == KEY
    assert KEY not in repr(settings)
    assert settings.model_dump(by_alias=True) == {"aPIKey": KEY}


def test_the_address_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("REELARR_NOTIFIARR_URL", "http://127.0.0.1:9999")
    assert Settings(data_dir=tmp_path).notifiarr_url == "http://127.0.0.1:9999"
    monkeypatch.delenv("REELARR_NOTIFIARR_URL")
    assert Settings(data_dir=tmp_path).notifiarr_url is None
