"""Schemathesis sends every operation of /api/v3/openapi.json what it can make up: no answer is a 5xx.

The server is a throwaway one (SQLite in a temporary data dir, the fixed test API key, the fixture
TMDB set in its environment so the fuzzer cannot point it elsewhere), holding a root folder, two
films, a tag and an exclusion so ids lead somewhere. Every file-system path a request names is
moved into a sandbox folder first (tests/support/fuzz_sandbox.py). The run is bounded: examples,
the coverage phase and a few fuzzed cases per operation, one worker, a timeout per request.
REELARR_FUZZ_EXAMPLES and REELARR_FUZZ_SEED change the fuzzing budget and seed.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.support.databases import copy_sqlite
from tests.support.live import API_KEY, LiveServer, live_server

__all__ = ["tmdb_fixture_server", "tmdb_server"]

HOOKS = Path(__file__).parents[2] / "support" / "fuzz_sandbox.py"
EXAMPLES = int(os.environ.get("REELARR_FUZZ_EXAMPLES", "10"))
SEED = os.environ.get("REELARR_FUZZ_SEED", "20261204")
RUN_LIMIT_SECONDS = 540


@pytest.fixture
async def seeded(
    tmp_path: Path, sqlite_template: Path, tmdb_server: TmdbFixtureServer
) -> AsyncIterator[tuple[LiveServer, Path]]:
    """A server with a root folder, two films, a tag and an exclusion; and its sandbox folder."""
    sandbox = tmp_path / "sandbox"
    root = sandbox / "movies"
    root.mkdir(parents=True)
    settings = make_settings(
        copy_sqlite(sqlite_template, tmp_path / "db" / "reelarr.db"),
        tmp_path / "data",
        tmdb_api_url=tmdb_server.api_url,
        tmdb_api_key=tmdb_server.api_key,
        tmdb_image_url=tmdb_server.image_url,
    )
    async with live_server(settings) as server:
        client = server.client
        assert (await client.post("/api/v3/rootfolder", json={"path": str(root)})).status_code == 201
        for tmdb_id in (603, 550):
            movie = {"tmdbId": tmdb_id, "qualityProfileId": 1, "rootFolderPath": str(root), "monitored": True}
            assert (await client.post("/api/v3/movie", json=movie)).status_code == 201
        assert (await client.post("/api/v3/tag", json={"label": "fuzz"})).status_code == 201
        exclusion = {"tmdbId": 155, "movieTitle": "The Dark Knight", "movieYear": 2008}
        assert (await client.post("/api/v3/exclusions", json=exclusion)).status_code == 201
        yield server, sandbox


def _tally(output: str) -> str:
    operations = re.search(r"Tested: (\d+)", output)
    cases = re.search(r"(\d+) generated", output)
    tested = operations.group(1) if operations else "?"
    return f"{tested} operations, {cases.group(1) if cases else '?'} requests"


@pytest.mark.timeout(RUN_LIMIT_SECONDS + 60)
async def test_no_operation_answers_with_a_server_error(
    seeded: tuple[LiveServer, Path], tmp_path: Path
) -> None:
    server, sandbox = seeded
    command = [
        *(sys.executable, "-m", "schemathesis.cli", "run", f"{server.url}/api/v3/openapi.json"),
        *("--header", f"X-Api-Key: {API_KEY}"),
        *("--phases", "examples,coverage,fuzzing", "--max-examples", str(EXAMPLES), "--seed", SEED),
        *("--checks", "not_a_server_error", "--workers", "1", "--request-timeout", "20"),
        *("--no-color", "--warnings", "off"),
    ]
    environment = {**os.environ, "SCHEMATHESIS_HOOKS": str(HOOKS), "REELARR_FUZZ_SANDBOX": str(sandbox)}
    started = time.monotonic()
    transcript = tmp_path / "schemathesis.log"  # a file, so that a run cut short still shows its end
    with transcript.open("wb") as out:
        process = await asyncio.create_subprocess_exec(
            *command,
            env=environment,
            cwd=tmp_path,  # schemathesis keeps its state in .schemathesis/ under the working directory
            stdout=out,
            stderr=asyncio.subprocess.STDOUT,
        )
        try:
            async with asyncio.timeout(RUN_LIMIT_SECONDS):
                await process.wait()
        except TimeoutError:
            end = transcript.read_text("utf-8", "replace")[-20000:]
            pytest.fail(f"schemathesis did not finish within {RUN_LIMIT_SECONDS} s; its output ends:\n{end}")
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    output = transcript.read_text("utf-8", "replace")
    print(f"schemathesis: {_tally(output)} in {time.monotonic() - started:.0f} s (seed {SEED})")
    assert process.returncode == 0, output[-20000:]
