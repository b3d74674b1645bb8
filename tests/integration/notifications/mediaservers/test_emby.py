"""Radarr's Emby / Jellyfin through /api/v3/notification on SQLite and PostgreSQL: its schema, its test,
a real import told to a fixture Emby (found by id, mapped, posted as Created), and a refused API key
showing in the health checks."""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.media import SampleMedia
from tests.fixtures.mediaservers.emby import API_KEY, EmbyServer
from tests.integration.movies.conftest import Library
from tests.integration.notifications.mediaservers.steps import (
    create,
    field,
    import_the_matrix,
    notification_problems,
    schema_entry,
)
from tests.support.live import LiveServer
from tests.support.shared_server import delete_all, shared_server
from tests.support.waiting import eventually

server = shared_server(reset=delete_all("/api/v3/notification"))

ICON = "https://raw.github.com/Radarr/Radarr/develop/Logo/64.png"


async def test_the_schema_offers_emby_with_radarrs_fields_and_switches(server: LiveServer) -> None:
    entry = await schema_entry(server.client, "MediaBrowser")
    assert (entry["implementationName"], entry["configContract"], entry["link"]) == (
        "Emby / Jellyfin",
        "MediaBrowserSettings",
        "https://emby.media/",
    )
    assert [(f["name"], f["label"], f["type"], f["advanced"]) for f in entry["fields"]] == [
        ("host", "Host", "textbox", False),
        ("port", "Port", "textbox", False),
        ("useSsl", "Use SSL", "checkbox", False),
        ("urlBase", "URL Base", "textbox", True),
        ("apiKey", "API Key", "textbox", False),
        ("notify", "Send Notifications", "checkbox", False),
        ("updateLibrary", "Update Library", "checkbox", False),
        ("mapFrom", "Map Paths From", "textbox", True),
        ("mapTo", "Map Paths To", "textbox", True),
    ]
    assert (field(entry, "port")["value"], field(entry, "updateLibrary")["value"]) == (8096, True)
    assert field(entry, "apiKey")["privacy"] == "apiKey"
    supported = {k for k, v in entry.items() if k.startswith("supportsOn") and v}
    assert "supportsOnMovieAdded" not in supported
    assert {
        "supportsOnGrab",
        "supportsOnDownload",
        "supportsOnRename",
        "supportsOnHealthRestored",
    } <= supported


async def test_an_emby_is_tested_with_radarrs_notification_and_its_key_is_masked(
    server: LiveServer, emby: EmbyServer
) -> None:
    response = await create(
        server.client, "MediaBrowser", {"host": "127.0.0.1", "port": emby.port, "apiKey": API_KEY}
    )
    assert response.status_code == 201, response.text
    assert emby.posted("/Notifications/Admin") == [
        {
            "name": "Test from Radarr",
            "description": "Success! MediaBrowser has been successfully configured!",
            "imageUrl": ICON,
        }
    ]
    assert emby.requests()[0].headers["x-mediabrowser-token"] == API_KEY
    listed = (await server.client.get("/api/v3/notification")).json()
    assert API_KEY not in str(listed)


async def test_a_wrong_api_key_is_a_400_on_the_api_key(server: LiveServer, emby: EmbyServer) -> None:
    response = await create(
        server.client, "MediaBrowser", {"host": "127.0.0.1", "port": emby.port, "apiKey": "nope"}
    )
    assert response.status_code == 400
    assert [(f["propertyName"], f["errorMessage"]) for f in response.json()] == [
        ("apiKey", "API Key is invalid")
    ]


async def test_a_jellyfin_passes_the_test_without_admin_notifications(
    server: LiveServer, emby: EmbyServer
) -> None:
    emby.library.jellyfin = True
    response = await create(
        server.client, "MediaBrowser", {"host": "127.0.0.1", "port": emby.port, "apiKey": API_KEY}
    )
    assert response.status_code == 201, response.text


async def test_an_import_posts_the_films_mapped_path_as_created(
    library: Library, emby: EmbyServer, sample_media: SampleMedia, tmp_path: Path
) -> None:
    emby.library.items = [
        {
            "Name": "Heat",
            "Path": "/media/films/Heat (1995)",
            "ProviderIds": {"Tmdb": "949"},
            "ProductionYear": 1999,
        },
        {
            "Name": "Matrix",
            "Path": "/media/films/The Matrix (1999)",
            "ProviderIds": {"Tmdb": "603"},
            "ProductionYear": 1999,
        },
    ]
    values = {
        "host": "127.0.0.1",
        "port": emby.port,
        "apiKey": API_KEY,
        "notify": True,
        "mapFrom": str(library.root),
        "mapTo": "/media/films",
    }
    assert (await create(library.server.client, "MediaBrowser", values)).status_code == 201
    emby.recorder.clear()

    film = await import_the_matrix(library, sample_media, tmp_path / "downloads")
    assert Path(film["path"]).parent == library.root

    async def updated() -> list[object] | None:
        return emby.posted("/Library/Media/Updated") or None

    folder = Path(film["path"]).name
    assert await eventually(updated) == [
        {"updates": [{"path": f"/media/films/{folder}", "updateType": "Created"}]}
    ]
    [query] = [r for r in emby.requests() if r.path == "/Items"]
    assert query.query == {
        "recursive": "true",
        "includeItemTypes": "Movie",
        "fields": "Path,ProviderIds",
        "years": "1999",
    }
    [told] = emby.posted("/Notifications/Admin")
    assert told["name"] == "Radarr - Movie Downloaded"
    assert all(r.headers["x-mediabrowser-token"] == API_KEY for r in emby.requests())


async def test_a_refused_api_key_shows_in_the_health_checks(
    library: Library, emby: EmbyServer, sample_media: SampleMedia, tmp_path: Path
) -> None:
    values = {"host": "127.0.0.1", "port": emby.port, "apiKey": "revoked-key"}
    assert (await create(library.server.client, "MediaBrowser", values, force_save=True)).status_code == 201
    await import_the_matrix(library, sample_media, tmp_path / "downloads")

    (problem,) = await eventually(lambda: notification_problems(library), within=60)
    assert problem["message"] == "All notifications are unavailable due to failures"
    stored = (await library.server.client.get("/api/v3/notification")).json()
    assert "revoked-key" not in str(stored)
