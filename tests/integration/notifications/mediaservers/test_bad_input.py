"""Bad settings of the media servers are 400s in Radarr's validation shape, never 500s, and nothing is
sent to the server (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.fixtures.mediaservers.kodi import KodiServer
from tests.integration.notifications.mediaservers.steps import create
from tests.support.live import LiveServer
from tests.support.shared_server import delete_all, shared_server

server = shared_server(reset=delete_all("/api/v3/notification"))


@pytest.mark.parametrize(
    ("implementation", "values", "property_name"),
    [
        ("Xbmc", {"host": "http://kodi.lan"}, "host"),
        ("Xbmc", {"displayTime": 1}, "displayTime"),
        ("Xbmc", {"port": 70000}, "port"),
        ("Xbmc", {"urlBase": "http://kodi.lan/jsonrpc"}, "urlBase"),
        ("MediaBrowser", {"apiKey": ""}, "apiKey"),
        ("MediaBrowser", {"apiKey": "k", "mapFrom": "/movies"}, "mapTo"),
        ("PlexServer", {"port": 0}, "port"),
        ("PlexServer", {"host": ""}, "host"),
        ("PlexServer", {"mapTo": "/data"}, "mapFrom"),
    ],
)
async def test_bad_settings_are_a_400_naming_the_field(
    server: LiveServer, kodi: KodiServer, implementation: str, values: dict[str, Any], property_name: str
) -> None:
    body = {"host": "127.0.0.1", "port": kodi.port, **values}
    response = await create(server.client, implementation, body)
    assert response.status_code == 400, response.text
    failures = response.json()
    assert [f["propertyName"] for f in failures] == [property_name]
    assert {"propertyName", "errorMessage", "attemptedValue", "severity"} <= set(failures[0])
    assert kodi.requests() == []


@pytest.mark.parametrize("implementation", ["Xbmc", "MediaBrowser", "PlexServer"])
async def test_a_port_that_is_not_a_number_is_a_400(server: LiveServer, implementation: str) -> None:
    response = await create(server.client, implementation, {"host": "127.0.0.1", "port": "x", "apiKey": "k"})
    assert response.status_code == 400, response.text
