"""Each kind is imported in one transaction: a kind that fails half way leaves none of its rows, the
kinds before it stay, nobody hears of the rows rolled back, and running the import again carries on."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from reelarr.db.engine import normalise_url
from reelarr.radarrimport.client import ImportFailed
from reelarr.radarrimport.run import ImportOptions, import_radarr
from reelarr.settings import Settings
from tests.fixtures.radarr import data
from tests.fixtures.radarr.server import RadarrServer
from tests.integration.radarrimport.reading import installation


def _spirited_on_disk(library: Path) -> None:
    folder = library / "movies-4k" / "Spirited Away (2001)"
    folder.mkdir(parents=True)
    (folder / data.SPIRITED_FILE).write_bytes(b"\0" * 4096)


def _spirited_file_broken(radarr: RadarrServer) -> None:
    """The Matrix's file first, as Radarr sends it; then Spirited Away's with a garbled field."""
    movies: list[dict[str, Any]] = radarr.state.resources["movie"]
    assert [m["tmdbId"] for m in movies[:2]] == [603, 129]
    movies[1]["movieFile"]["indexerFlags"] = "G_Freeleech"


async def test_a_kind_failing_half_way_writes_none_of_its_rows_and_a_rerun_finishes_it(
    settings: Settings, options: ImportOptions, radarr: RadarrServer, library: Path
) -> None:
    _spirited_on_disk(library)
    _spirited_file_broken(radarr)

    with pytest.raises(ImportFailed, match=r"Importing movie files failed: .*G_Freeleech") as failed:
        await import_radarr(settings, options)

    assert "none of movie files was written; tags, root folders," in str(failed.value)
    assert "movies were imported before it" in str(failed.value)
    async with installation(settings) as reelarr:
        movies = await reelarr.movies.all()
        assert sorted(m.tmdb_id for m in movies) == [129, 603, 987654]  # the kind before: whole
        assert await reelarr.movies.files([m.id for m in movies]) == {}  # The Matrix's file: rolled back
        assert {t.label for t in await reelarr.tags.all()} == {"4k", "kids"}

    radarr.state.reset()
    summary = await import_radarr(settings, options)

    kinds = {r.kind: r for r in summary.results}
    assert summary.failures == 0, summary.lines()
    assert (len(kinds["movies"].added), kinds["movies"].unchanged) == (0, 3)
    assert len(kinds["movie files"].added) == 2
    async with installation(settings) as reelarr:
        by_tmdb = await reelarr.movies.by_tmdb_ids([603, 129])
        files = await reelarr.movies.files([m.id for m in by_tmdb.values()])
        recorded = sorted(f.relative_path for f in files.values())
        assert recorded == sorted([data.MATRIX_FILE, data.SPIRITED_FILE])


async def test_the_first_kind_failing_half_way_leaves_nothing(
    settings: Settings, options: ImportOptions, radarr: RadarrServer
) -> None:
    radarr.state.resources["tag"] = [*data.tags(), {"label": "no-id"}]  # a row cut short, after two good

    with pytest.raises(ImportFailed, match=r"Importing tags failed: 'id'; none of tags was written \("):
        await import_radarr(settings, options)

    async with installation(settings) as reelarr:
        assert await reelarr.tags.all() == []


async def test_a_running_server_on_postgresql_never_hears_of_rows_rolled_back(
    postgres_database_url: str, options: ImportOptions, radarr: RadarrServer, library: Path, tmp_path: Path
) -> None:
    from reelarr.events import EventBus
    from reelarr.events_postgres import PostgresEventBridge, asyncpg_dsn
    from reelarr.movies.events import MovieAdded, MovieFileAdded

    settings = Settings(data_dir=tmp_path / "data", database_url=postgres_database_url, log_file=None)
    server_bus = EventBus()
    films: list[int] = []
    files: list[int] = []
    both_files = asyncio.Event()

    async def on_film(event: MovieAdded) -> None:
        films.append(event.movie_id)

    async def on_file(event: MovieFileAdded) -> None:
        files.append(event.movie_file_id)
        if len(files) >= 2:
            both_files.set()

    server_bus.subscribe(MovieAdded, on_film, remote=True)
    server_bus.subscribe(MovieFileAdded, on_file, remote=True)
    dsn = asyncpg_dsn(normalise_url(postgres_database_url))
    bridge = PostgresEventBridge(dsn, server_bus, origin="server")
    await bridge.start()
    try:
        _spirited_on_disk(library)
        _spirited_file_broken(radarr)
        with pytest.raises(ImportFailed, match="Importing movie files failed"):
            await import_radarr(settings, options)
        radarr.state.reset()
        await import_radarr(settings, options)
        # A file event of the failed run, had one been sent, would have come before these.
        await asyncio.wait_for(both_files.wait(), timeout=10)
    finally:
        await bridge.stop()

    async with installation(settings) as reelarr:
        movies = await reelarr.movies.all()
        recorded = await reelarr.movies.files([m.id for m in movies])
    assert sorted(films) == sorted(m.id for m in movies)
    assert sorted(files) == sorted(f.id for f in recorded.values())


async def test_an_import_killed_in_the_middle_of_a_kind_leaves_none_of_it(
    postgres_database_url: str, options: ImportOptions, radarr: RadarrServer, library: Path, tmp_path: Path
) -> None:
    """The process dies (SIGKILL) while writing movie files: The Matrix's is written, Spirited Away's
    waits for a lock this test holds (the per-film lock the file writer takes; films get ids 1, 2, 3
    in Radarr's order on a fresh database)."""
    import hashlib
    import os
    import sys

    import asyncpg

    from reelarr.events_postgres import asyncpg_dsn
    from tests.support.processes import REPO_ROOT

    _spirited_on_disk(library)
    settings = Settings(data_dir=tmp_path / "data", database_url=postgres_database_url, log_file=None)
    dsn = asyncpg_dsn(normalise_url(postgres_database_url))
    lock_key = int.from_bytes(hashlib.sha256(b"movie-files-2").digest()[:8], "big", signed=True)
    holder = await asyncpg.connect(dsn)
    await holder.execute("select pg_advisory_lock($1)", lock_key)
    argv = ["-m", "reelarr", "import-radarr", "--url", options.url, "--api-key", options.api_key]
    for mapping in options.mappings:
        argv += ["--map-path", f"{mapping.source}={mapping.target}"]
    environment = {
        **os.environ,
        "REELARR_DATABASE_URL": postgres_database_url,
        "REELARR_DATA_DIR": str(settings.data_dir),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, *argv, cwd=REPO_ROOT, env=environment, stdout=asyncio.subprocess.DEVNULL
    )
    try:
        for _ in range(600):  # until the import waits for the lock, in the middle of movie files
            waiting = await holder.fetchval(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                "and wait_event = 'advisory' and datname = current_database()"
            )
            if waiting or process.returncode is not None:
                break
            await asyncio.sleep(0.1)
        assert waiting == 1, f"the import never reached Spirited Away's file (exit {process.returncode})"
    finally:
        if process.returncode is None:
            process.kill()
        await process.wait()
        await holder.close()

    async with installation(settings) as reelarr:
        movies = await reelarr.movies.all()
        assert len(movies) == 3  # the kind before: committed
        assert await reelarr.movies.files([m.id for m in movies]) == {}  # The Matrix's: gone with the process

    summary = await import_radarr(settings, options)

    kinds = {r.kind: r for r in summary.results}
    assert (len(kinds["movie files"].added), kinds["movies"].unchanged, summary.failures) == (2, 3, 0)
