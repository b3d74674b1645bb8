"""/api/v3/config/ui: Settings → UI read, saved as a client sends it back, and validated."""

from __future__ import annotations

import pytest

from tests.support.live import LiveServer
from tests.support.shared_server import restore_config, shared_server

server = shared_server(reset=restore_config("/api/v3/config/ui"))


async def test_the_defaults_are_radarrs_with_a_monday_week(server: LiveServer) -> None:
    config = (await server.client.get("/api/v3/config/ui")).json()
    assert config["id"] == 1
    assert (config["shortDateFormat"], config["timeFormat"]) == ("MMM D YYYY", "h(:mm)a")
    assert config["longDateFormat"] == "dddd, MMMM D YYYY"
    assert (config["theme"], config["firstDayOfWeek"], config["showRelativeDates"]) == ("auto", 1, True)
    assert (config["uiLanguage"], config["movieInfoLanguage"]) == (1, 1)


async def test_a_client_changes_the_theme_and_formats(server: LiveServer) -> None:
    config = (await server.client.get("/api/v3/config/ui")).json()
    config.update(theme="dark", shortDateFormat="YYYY-MM-DD", timeFormat="HH:mm", firstDayOfWeek=0)
    response = await server.client.put("/api/v3/config/ui/1", json=config)
    assert response.status_code == 202, response.text
    assert response.json() == config
    assert (await server.client.get("/api/v3/config/ui")).json() == config


@pytest.mark.parametrize(
    ("change", "property_name"),
    [
        ({"theme": "pink"}, "theme"),
        ({"firstDayOfWeek": 3}, "firstDayOfWeek"),
        ({"shortDateFormat": "%Y"}, "shortDateFormat"),
        ({"uiLanguage": 2}, "uiLanguage"),
        ({"enableColorImpairedMode": True}, "enableColorImpairedMode"),
        ({"movieInfoLanguage": 0}, "movieInfoLanguage"),  # Unknown: nothing TMDB translates into
        ({"movieInfoLanguage": 999}, "movieInfoLanguage"),
    ],
)
async def test_broken_rules_are_a_400_and_nothing_is_saved(
    server: LiveServer, change: dict[str, object], property_name: str
) -> None:
    before = (await server.client.get("/api/v3/config/ui")).json()
    response = await server.client.put("/api/v3/config/ui", json={**before, "timeFormat": "HH:mm", **change})
    assert response.status_code == 400, response.text
    assert [f["propertyName"] for f in response.json()] == [property_name]
    assert (await server.client.get("/api/v3/config/ui")).json() == before


async def test_system_routes_lists_the_api(server: LiveServer) -> None:
    routes = {r["path"]: r["methods"] for r in (await server.client.get("/api/v3/system/routes")).json()}
    assert routes["/api/v3/config/ui"] == ["GET"]
    assert "PUT" in routes["/api/v3/config/ui/{id}"]
    assert routes["/api/v3/system/restart"] == ["POST"]


async def test_update_answers_the_running_version_and_nothing_newer(server: LiveServer) -> None:
    from reelarr import __version__

    (update,) = (await server.client.get("/api/v3/update")).json()
    assert (update["version"], update["installed"], update["latest"]) == (__version__, True, True)
    assert update["installable"] is False
    assert "pip install --upgrade reelarr" in update["upgradeInstructions"]
    status = (await server.client.get("/api/v3/system/status")).json()
    assert status["packageUpdateMechanismMessage"] == update["upgradeInstructions"]
