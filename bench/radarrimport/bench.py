"""How long `reelarr import-radarr` holds SQLite's write lock while it writes a large library.

Builds the fixture radarr.db with N more films (copies of The Matrix under other TMDB ids), imports
it into a fresh SQLite installation, and prints each kind's time and the longest transaction: a
running server's writes wait that long (at most SQLITE_BUSY_TIMEOUT_MS, 60 s, before failing).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sqlite3
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from tests.fixtures.radarr.radarrdb import build_radarr_db

from reelarr.db.engine import Database
from reelarr.radarrimport import run
from reelarr.radarrimport.paths import PathMapping
from reelarr.radarrimport.run import ImportOptions, import_radarr
from reelarr.settings import Settings


def _insert(db: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    db.executemany(
        f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
        [tuple(r[c] for c in columns) for r in rows],
    )


def build_library(path: Path, films: int) -> Path:
    """The fixture radarr.db with `films` more films in /movies."""
    build_radarr_db(path)
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    try:
        meta = dict(db.execute('SELECT * FROM "MovieMetadata" WHERE "TmdbId" = 603').fetchone())
        movie = dict(
            db.execute('SELECT * FROM "Movies" WHERE "MovieMetadataId" = ?', (meta["Id"],)).fetchone()
        )
        first_meta = db.execute('SELECT max("Id") FROM "MovieMetadata"').fetchone()[0] + 1
        first_movie = db.execute('SELECT max("Id") FROM "Movies"').fetchone()[0] + 1
        metas = [
            {
                **meta,
                "Id": first_meta + i,
                "TmdbId": 1_000_000 + i,
                "ImdbId": None,
                "Title": f"Film {i}",
                "SortTitle": f"film {i}",
                "CleanTitle": f"film{i}",
                "CollectionTmdbId": None,
                "CollectionTitle": None,
            }
            for i in range(films)
        ]
        movies = [
            {
                **movie,
                "Id": first_movie + i,
                "Path": f"/movies/Film {i} (1999)",
                "MovieFileId": 0,
                "MovieMetadataId": first_meta + i,
            }
            for i in range(films)
        ]
        _insert(db, "MovieMetadata", metas)
        _insert(db, "Movies", movies)
        db.commit()
    finally:
        db.close()
    return path


async def measure(work: Path, films: int) -> None:
    """Import the library and print the times."""
    source = build_library(work / "radarr.db", films)
    library = work / "library"
    for folder in ("movies/.recycle", "movies-4k", "downloads/complete"):
        (library / folder).mkdir(parents=True)
    kinds: dict[str, float] = {}
    transactions: list[float] = []
    import_kind, transaction = run._import_kind, Database.transaction

    async def timed_kind(*args: Any) -> Any:
        started = time.perf_counter()
        result = await import_kind(*args)
        kinds[result.kind] = time.perf_counter() - started
        return result

    @asynccontextmanager
    async def timed_transaction(self: Database) -> AsyncIterator[None]:
        started = time.perf_counter()
        async with transaction(self):
            yield
        transactions.append(time.perf_counter() - started)

    run._import_kind = timed_kind  # type: ignore[assignment]
    Database.transaction = timed_transaction  # type: ignore[assignment,method-assign]
    settings = Settings(
        data_dir=work / "data", database_url=f"sqlite:///{work / 'reelarr.db'}", log_file=None
    )
    mappings = tuple(PathMapping(f"/{f}", str(library / f)) for f in ("movies", "movies-4k", "downloads"))
    started = time.perf_counter()
    summary = await import_radarr(
        settings, ImportOptions(url="", api_key="", source_file=source, mappings=mappings)
    )
    print(f"{films} films: {time.perf_counter() - started:.1f} s in all, {summary.failures} failures")
    print(f"longest transaction (the write lock held): {max(transactions):.2f} s")
    for kind, seconds in sorted(kinds.items(), key=lambda item: -item[1])[:5]:
        print(f"  {kind:28} {seconds:7.2f} s")


def main() -> None:
    """Run the measurement in a temporary folder."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--films", type=int, default=10_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reelarr-bench-radarrimport-"))
    try:
        asyncio.run(measure(work, args.films))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
