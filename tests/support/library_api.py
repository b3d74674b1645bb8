"""Steps a test takes through the API of a `Library` server: add a film, run a command to its end."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.support.waiting import eventually

if TYPE_CHECKING:
    from tests.integration.movies.conftest import Library

HD_1080P = 4  # the "HD-1080p" quality profile


async def add_movie(library: Library, tmdb_id: int = 603, **values: Any) -> dict[str, Any]:
    """Add a monitored film of the fixture TMDB to the library's root folder, without a search."""
    body = {
        "tmdbId": tmdb_id,
        "qualityProfileId": HD_1080P,
        "rootFolderPath": str(library.root),
        "monitored": True,
        "minimumAvailability": "released",
        **values,
    }
    response = await library.server.client.post("/api/v3/movie", json=body)
    assert response.status_code == 201, response.text
    added: dict[str, Any] = response.json()
    return added


async def run_command(library: Library, name: str, within: float = 60, **body: Any) -> dict[str, Any]:
    """Queue a command and wait until it completed or failed; the finished command."""
    client = library.server.client
    response = await client.post("/api/v3/command", json={"name": name, **body})
    assert response.status_code == 201, response.text
    queued = response.json()

    async def finished() -> dict[str, Any] | None:
        command: dict[str, Any] = (await client.get(f"/api/v3/command/{queued['id']}")).json()
        return command if command["status"] in ("completed", "failed") else None

    return await eventually(finished, within=within)


async def refreshed(library: Library, within: float = 30) -> None:
    """Wait until every RefreshMovie queued (as adding a film queues one) has finished."""
    client = library.server.client

    async def done() -> bool:
        commands = (await client.get("/api/v3/command")).json()
        refreshes = [c for c in commands if c["name"] == "RefreshMovie"]
        return bool(refreshes) and all(c["status"] in ("completed", "failed") for c in refreshes)

    await eventually(done, within=within)
