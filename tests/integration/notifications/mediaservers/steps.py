"""Steps of the media-server tests: a notification of the schema created, a film imported, health read."""

from __future__ import annotations

from typing import Any

import httpx

from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command

MATRIX_FOLDER = "The.Matrix.1999.1080p.BluRay.x264-GRP"
SWITCHES = ("onGrab", "onDownload", "onUpgrade", "onRename", "onMovieDelete", "onMovieFileDelete")


def field(resource: dict[str, Any], name: str) -> Any:
    """The field of a resource by name."""
    return next(f for f in resource["fields"] if f["name"] == name)


async def schema_entry(client: httpx.AsyncClient, implementation: str) -> dict[str, Any]:
    """The blank notification of the schema."""
    schema = (await client.get("/api/v3/notification/schema")).json()
    entry: dict[str, Any] = next(e for e in schema if e["implementation"] == implementation)
    return entry


async def create(
    client: httpx.AsyncClient, implementation: str, values: dict[str, Any], *, force_save: bool = False
) -> httpx.Response:
    """POST the schema's blank with these field values and the media-server switches on."""
    body = await schema_entry(client, implementation)
    for item in body["fields"]:
        if item["name"] in values:
            item["value"] = values[item["name"]]
    body = {**body, "name": implementation, **dict.fromkeys(SWITCHES, True)}
    params = {"forceSave": "true"} if force_save else {}
    return await client.post("/api/v3/notification", json=body, params=params)


async def import_the_matrix(library: Library, sample_media: SampleMedia, downloads: Any) -> dict[str, Any]:
    """Add The Matrix and import a download of it (DownloadedMoviesScan); the film as the API shows it."""
    movie = await add_movie(library)
    folder = downloads / MATRIX_FOLDER
    sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / f"{MATRIX_FOLDER}.mkv")
    done = await run_command(library, "DownloadedMoviesScan", path=str(folder))
    assert "The Matrix (1999): imported" in done["message"], done
    film: dict[str, Any] = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    return film


async def notification_problems(library: Library) -> list[dict[str, Any]] | None:
    """NotificationStatusCheck's entries of /api/v3/health, None while there is none."""
    found = (await library.server.client.get("/api/v3/health")).json()
    return [h for h in found if h["source"] == "NotificationStatusCheck"] or None
