"""A rename SIGKILLed after each of its steps leaves the file in exactly one place once a live server
recovers, and the database agreeing with the disk (a real process, SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from tests.fixtures.media import SampleMedia
from tests.integration.movies.conftest import Library
from tests.integration.renaming.test_rename import NAMED, RAW, _film_with_file, _set_quality
from tests.support.library_api import run_command


async def _crash(library: Library, database_url: str, movie_id: int, step: str) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.support.crashing_rename",
        database_url,
        str(library.root.parent / "crash-data"),
        str(movie_id),
        step,
        stderr=asyncio.subprocess.PIPE,
    )
    _out, errors = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == -signal.SIGKILL, errors.decode()


@pytest.mark.parametrize(
    ("step", "kept"),
    [("link_new", RAW), ("set_relative_path", NAMED), ("drop_old", NAMED), ("record_history", NAMED)],
)
async def test_a_rename_killed_mid_way_is_finished_or_undone_with_the_file_in_one_place(
    library: Library, database_url: str, sample_media: SampleMedia, step: str, kept: str
) -> None:
    client = library.server.client
    film = await _film_with_file(library, sample_media)
    folder = Path(film["path"])
    file_id = film["movieFile"]["id"]
    await _set_quality(library, file_id)
    content = (folder / RAW).read_bytes()

    await _crash(library, database_url, film["id"], step)
    renames = library.server.services.renames
    assert await renames.recover() == 1
    assert await renames.recover() == 0  # the journal is clear

    assert sorted(os.listdir(folder)) == [kept]
    assert (folder / kept).read_bytes() == content
    assert (await client.get(f"/api/v3/moviefile/{file_id}")).json()["relativePath"] == kept
    history = (await client.get("/api/v3/history/movie", params={"movieId": film["id"]})).json()
    renamed = [e for e in history if e["eventType"] == "movieFileRenamed"]
    # A finished rename is in history exactly once, whether or not the crash came before it was written.
    assert len(renamed) == (0 if kept == RAW else 1)
    if kept == RAW:  # undone: a rename afterwards does it whole
        command = await run_command(library, "RenameFiles", movieId=film["id"], files=[file_id])
        assert command["status"] == "completed"
        assert sorted(os.listdir(folder)) == [NAMED]
