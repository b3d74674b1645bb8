"""Radarr's Plex Media Server through /api/v3/notification on SQLite and PostgreSQL: its schema, its
test listing the movie sections, a real import refreshing the film's folder in the mapped section, and a
refused token showing in the health checks; the token never in a log line."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.fixtures.media import SampleMedia
from tests.fixtures.mediaservers.plex import TOKEN, PlexFixtureServer
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


async def test_the_schema_offers_plex_with_radarrs_fields_and_switches(server: LiveServer) -> None:
    entry = await schema_entry(server.client, "PlexServer")
    assert (entry["implementationName"], entry["configContract"], entry["link"]) == (
        "Plex Media Server",
        "PlexServerSettings",
        "https://www.plex.tv/",
    )
    assert [(f["name"], f["label"], f["advanced"]) for f in entry["fields"]] == [
        ("host", "Host", False),
        ("port", "Port", False),
        ("useSsl", "Use SSL", False),
        ("urlBase", "URL Base", True),
        ("authToken", "Auth Token", True),
        ("updateLibrary", "Update Library", False),
        ("mapFrom", "Map Paths From", True),
        ("mapTo", "Map Paths To", True),
    ]
    assert (field(entry, "port")["value"], field(entry, "authToken")["privacy"]) == (32400, "apiKey")
    supported = {k for k, v in entry.items() if k.startswith("supportsOn") and v}
    assert supported == {
        "supportsOnDownload",
        "supportsOnUpgrade",
        "supportsOnRename",
        "supportsOnMovieDelete",
        "supportsOnMovieFileDelete",
        "supportsOnMovieFileDeleteForUpgrade",
    }


async def test_the_test_needs_a_movie_section_and_a_good_token(
    server: LiveServer, plex: PlexFixtureServer
) -> None:
    values = {"host": "127.0.0.1", "port": plex.port, "authToken": TOKEN}
    plex.library.sections = [(1, "show", ["/tv"])]
    response = await create(server.client, "PlexServer", values)
    assert response.status_code == 400
    assert [(f["propertyName"], f["errorMessage"]) for f in response.json()] == [
        ("host", "At least one Movie library is required")
    ]
    wrong = await create(server.client, "PlexServer", {**values, "authToken": "wrong"})
    assert [(f["propertyName"], f["errorMessage"]) for f in wrong.json()] == [
        ("authToken", "Authentication Token is invalid")
    ]
    plex.library.sections = [(1, "show", ["/tv"]), (2, "movie", ["/data/movies"])]
    created = await create(server.client, "PlexServer", values)
    assert created.status_code == 201, created.text
    assert field(created.json(), "authToken")["value"] == "********"
    assert TOKEN not in str((await server.client.get("/api/v3/notification")).json())


async def test_an_import_refreshes_the_films_folder_in_its_mapped_section(
    library: Library,
    plex: PlexFixtureServer,
    sample_media: SampleMedia,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    plex.library.sections = [(1, "show", ["/data/tv"]), (2, "movie", ["/data/other", "/data/movies"])]
    values = {
        "host": "127.0.0.1",
        "port": plex.port,
        "authToken": TOKEN,
        "mapFrom": str(library.root),
        "mapTo": "/data/movies/",
    }
    assert (await create(library.server.client, "PlexServer", values)).status_code == 201
    plex.recorder.clear()

    film = await import_the_matrix(library, sample_media, tmp_path / "downloads")

    async def refreshed() -> list[tuple[str, str]] | None:
        return plex.refreshed() or None

    folder = Path(film["path"]).name
    assert await eventually(refreshed) == [("/library/sections/2/refresh", f"/data/movies/{folder}")]
    assert [r.path for r in plex.requests()] == [
        "/identity",
        "/library/sections",
        "/library/sections/2/refresh",
    ]
    refresh = plex.requests()[-1]
    assert refresh.headers["x-plex-token"] == TOKEN
    assert "X-Plex-Token" not in refresh.query
    assert (refresh.query["X-Plex-Product"], refresh.query["X-Plex-Platform"]) == ("Radarr", "Windows")
    refresh_line = f"HTTP Request: GET http://127.0.0.1:{plex.port}/library/sections/2/refresh?"

    async def logged() -> list[str] | None:
        # httpx logs the request once its answer is in, a moment after Plex has recorded it.
        messages = [r.getMessage() for r in caplog.records]
        return messages if any(m.startswith(refresh_line) for m in messages) else None

    messages = await eventually(logged)
    assert [m for m in messages if TOKEN in m] == []


async def test_a_refused_token_shows_in_the_health_checks(
    library: Library, plex: PlexFixtureServer, sample_media: SampleMedia, tmp_path: Path
) -> None:
    plex.library.sections = [(2, "movie", [str(library.root)])]
    values = {"host": "127.0.0.1", "port": plex.port, "authToken": "revoked"}
    assert (await create(library.server.client, "PlexServer", values, force_save=True)).status_code == 201
    await import_the_matrix(library, sample_media, tmp_path / "downloads")

    (problem,) = await eventually(lambda: notification_problems(library), within=60)
    assert problem["message"] == "All notifications are unavailable due to failures"
    assert not plex.refreshed()
