"""Radarr's Kodi through /api/v3/notification on SQLite and PostgreSQL: its schema, its test and a real
import told to a fixture Kodi over JSON-RPC, and a Kodi that is down showing in the health checks."""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.media import SampleMedia
from tests.fixtures.mediaservers.kodi import KodiServer
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
MASK = "********"


async def test_the_schema_offers_kodi_with_radarrs_fields_and_switches(server: LiveServer) -> None:
    entry = await schema_entry(server.client, "Xbmc")
    assert (entry["implementationName"], entry["configContract"], entry["link"]) == (
        "Kodi",
        "XbmcSettings",
        "https://kodi.tv/",
    )
    assert [(f["name"], f["label"], f["type"], f["advanced"]) for f in entry["fields"]] == [
        ("host", "Host", "textbox", False),
        ("port", "Port", "textbox", False),
        ("useSsl", "Use SSL", "checkbox", False),
        ("urlBase", "URL Base", "textbox", True),
        ("username", "Username", "textbox", False),
        ("password", "Password", "password", False),
        ("displayTime", "Display Time", "textbox", False),
        ("notify", "GUI Notification", "checkbox", False),
        ("updateLibrary", "Update Library", "checkbox", False),
        ("cleanLibrary", "Clean Library", "checkbox", False),
        ("alwaysUpdate", "Always Update", "checkbox", False),
    ]
    assert [field(entry, n)["value"] for n in ("port", "urlBase", "displayTime")] == [8080, "/jsonrpc", 5]
    assert (field(entry, "password")["privacy"], field(entry, "username")["privacy"]) == (
        "password",
        "userName",
    )
    supported = {k for k, v in entry.items() if k.startswith("supportsOn") and v}
    assert supported == {
        "supportsOnGrab",
        "supportsOnDownload",
        "supportsOnUpgrade",
        "supportsOnRename",
        "supportsOnMovieDelete",
        "supportsOnMovieFileDelete",
        "supportsOnMovieFileDeleteForUpgrade",
        "supportsOnHealthIssue",
        "supportsOnHealthRestored",
        "supportsOnApplicationUpdate",
    }


async def test_a_kodi_is_tested_with_radarrs_notification_and_reads_back_masked(
    server: LiveServer, kodi: KodiServer
) -> None:
    kodi.library.credentials = ("kodi", "k0di-pass")
    values = {"host": "127.0.0.1", "port": kodi.port, "username": "kodi", "password": "k0di-pass"}
    response = await create(server.client, "Xbmc", values)
    assert response.status_code == 201, response.text
    assert kodi.calls() == [
        (
            "GUI.ShowNotification",
            ["Test Notification", "Success! Kodi has been successfully configured!", ICON, 5000],
        )
    ]
    again = (await server.client.get(f"/api/v3/notification/{response.json()['id']}")).json()
    assert field(again, "password")["value"] == MASK
    assert "k0di-pass" not in str(again)


async def test_wrong_credentials_fail_the_test_as_a_400_on_the_host(
    server: LiveServer, kodi: KodiServer
) -> None:
    kodi.library.credentials = ("kodi", "right")
    values = {"host": "127.0.0.1", "port": kodi.port, "username": "kodi", "password": "wrong"}
    response = await create(server.client, "Xbmc", values)
    assert response.status_code == 400
    [failure] = response.json()
    assert failure["propertyName"] == "host"
    assert failure["errorMessage"] == "Unable to send test message: Kodi answered HTTP 401 Unauthorized"


async def test_an_import_is_shown_then_scanned_for_by_the_file_kodi_knows(
    library: Library, kodi: KodiServer, sample_media: SampleMedia, tmp_path: Path
) -> None:
    kodi_file = "smb://nas/films/The Matrix (1999)/The.Matrix.1999.mkv"
    kodi.library.movies = [
        {"movieid": 9, "label": "The Matrix", "imdbnumber": "tt0133093", "file": kodi_file}
    ]
    values = {
        "host": "127.0.0.1",
        "port": kodi.port,
        "notify": True,
        "updateLibrary": True,
        "cleanLibrary": True,
    }
    assert (await create(library.server.client, "Xbmc", values)).status_code == 201
    kodi.recorder.clear()

    film = await import_the_matrix(library, sample_media, tmp_path / "downloads")
    assert film["imdbId"] == "tt0133093"
    quality = film["movieFile"]["quality"]["quality"]["name"]

    async def scanned() -> list[tuple[str, object]] | None:
        calls = kodi.calls()
        return calls if any(m == "VideoLibrary.Scan" for m, _ in calls) else None

    assert await eventually(scanned) == [
        (
            "GUI.ShowNotification",
            [
                "Radarr - Downloaded",
                f"The Matrix (1999) [{quality}] https://www.imdb.com/title/tt0133093/",
                ICON,
                5000,
            ],
        ),
        ("Player.GetActivePlayers", []),
        ("VideoLibrary.GetMovies", [["file", "imdbnumber"]]),
        ("VideoLibrary.Scan", [kodi_file]),
    ]


async def test_a_kodi_that_is_down_shows_in_the_health_checks(
    library: Library, kodi: KodiServer, sample_media: SampleMedia, tmp_path: Path
) -> None:
    values = {"host": "127.0.0.1", "port": kodi.port, "updateLibrary": True}
    assert (await create(library.server.client, "Xbmc", values)).status_code == 201
    kodi.stop()
    await import_the_matrix(library, sample_media, tmp_path / "downloads")

    (problem,) = await eventually(lambda: notification_problems(library), within=60)
    assert problem["message"] == "All notifications are unavailable due to failures"


async def test_a_film_deleted_with_its_files_is_shown_and_cleaned_after_a_full_scan(
    library: Library, kodi: KodiServer, sample_media: SampleMedia, tmp_path: Path
) -> None:
    values = {
        "host": "127.0.0.1",
        "port": kodi.port,
        "notify": True,
        "updateLibrary": True,
        "cleanLibrary": True,
    }
    assert (await create(library.server.client, "Xbmc", values)).status_code == 201
    film = await import_the_matrix(library, sample_media, tmp_path / "downloads")

    async def scanned() -> bool:
        return any(m == "VideoLibrary.Scan" for m, _ in kodi.calls())

    await eventually(scanned)
    kodi.recorder.clear()
    response = await library.server.client.delete(
        f"/api/v3/movie/{film['id']}", params={"deleteFiles": "true"}
    )
    assert response.status_code == 200, response.text

    async def cleaned() -> list[tuple[str, object]] | None:
        calls = kodi.calls()
        return calls if any(m == "VideoLibrary.Clean" for m, _ in calls) else None

    calls = await eventually(cleaned)
    shown = [p for m, p in calls if m == "GUI.ShowNotification"]
    assert shown == [
        ["Radarr - Deleted", "The Matrix - Movie removed and all files were deleted", ICON, 5000]
    ]
    # Kodi does not know the film (its library is empty): the whole library is scanned, then cleaned.
    assert [(m, p) for m, p in calls if m.startswith("VideoLibrary.S") or m.endswith("Clean")] == [
        ("VideoLibrary.Scan", []),
        ("VideoLibrary.Clean", []),
    ]
