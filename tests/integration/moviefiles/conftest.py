"""A server with the fixture TMDB and a root folder, sample videos, and helpers to lay out movie folders."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.media import MediaKind, SampleMedia
from tests.fixtures.media.plugin import sample_media
from tests.integration.movies.conftest import (
    Library,
    indexer_fixture_server,
    indexer_server,
    library,
    tmdb_fixture_server,
    tmdb_server,
)
from tests.support.waiting import eventually

__all__ = [
    "indexer_fixture_server",
    "indexer_server",
    "library",
    "sample_media",
    "tmdb_fixture_server",
    "tmdb_server",
    "two_language_feature",
]

FINISHED = {"completed", "failed", "aborted", "cancelled", "orphaned"}


@pytest.fixture(scope="session")
def two_language_feature(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An 11-minute 720p video (too long for a sample) with a French and a Japanese AAC audio track."""
    target = tmp_path_factory.mktemp("two-languages") / "two-languages.mkv"
    lavfi = ("-f", "lavfi", "-i")
    command = [
        shutil.which("ffmpeg") or "ffmpeg",
        *("-hide_banner", "-loglevel", "error", "-y", "-nostdin"),
        *(*lavfi, "color=c=black:size=1280x720:rate=1/10:duration=660"),
        *(*lavfi, "anullsrc=r=8000:cl=stereo", *lavfi, "anullsrc=r=8000:cl=mono"),
        *("-map", "0:v", "-map", "1:a", "-map", "2:a", "-t", "660"),
        *("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-crf", "51"),
        *("-c:a", "aac", "-b:a", "8k", "-metadata:s:a:0", "language=fre", "-metadata:s:a:1", "language=jpn"),
        str(target),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return target


def place(media: SampleMedia, kind: MediaKind, folder: Path, name: str) -> Path:
    """A sample video at folder/name."""
    return media.copy_to(kind, folder / name)


async def add_movie(library: Library, tmdb_id: int, folder: Path, **extra: Any) -> dict[str, Any]:
    """Add a film with `folder` as its path, and wait for the refresh (and rescan) every add queues."""
    client = library.server.client
    body = {"tmdbId": tmdb_id, "qualityProfileId": 1, "path": str(folder), "monitored": True, **extra}
    response = await client.post("/api/v3/movie", json=body)
    assert response.status_code == 201, response.text
    movie: dict[str, Any] = response.json()
    await commands_finished(library, "RefreshMovie")
    return movie


async def commands_finished(library: Library, name: str) -> list[dict[str, Any]]:
    """Wait until at least one command of this name exists and every one of them has finished."""

    async def finished() -> list[dict[str, Any]] | None:
        recent = (await library.server.client.get("/api/v3/command")).json()
        mine = [c for c in recent if c["name"] == name]
        return mine if mine and all(c["status"] in FINISHED for c in mine) else None

    return await eventually(finished, within=30)


async def run_command(library: Library, body: dict[str, Any]) -> dict[str, Any]:
    """Queue a command over the API, as clients do, and wait for it to finish."""
    client = library.server.client
    queued = await client.post("/api/v3/command", json=body)
    assert queued.status_code == 201, queued.text
    command_id = queued.json()["id"]

    async def finished() -> dict[str, Any] | None:
        command: dict[str, Any] = (await client.get(f"/api/v3/command/{command_id}")).json()
        return command if command["status"] in FINISHED else None

    return await eventually(finished, within=30)


async def get_movie(library: Library, movie_id: int) -> dict[str, Any]:
    """The movie's resource."""
    response = await library.server.client.get(f"/api/v3/movie/{movie_id}")
    assert response.status_code == 200, response.text
    movie: dict[str, Any] = response.json()
    return movie
