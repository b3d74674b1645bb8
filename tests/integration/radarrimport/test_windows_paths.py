"""A Radarr on Windows: its `C:\\Movies\\...` folders arrive under `--map-path 'C:\\Movies=/mnt/movies'`,
from its API and from its radarr.db, exactly as a Radarr on Linux's `/movies/...` do."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Any

from reelarr.radarrimport.paths import PathMapping
from reelarr.radarrimport.run import ImportOptions, import_radarr
from reelarr.settings import Settings
from tests.fixtures.radarr import data
from tests.fixtures.radarr.radarrdb import build_radarr_db
from tests.fixtures.radarr.server import RadarrServer
from tests.fixtures.radarr.windows import build_windows_radarr_db, windows_installation
from tests.integration.radarrimport.reading import installation
from tests.integration.radarrimport.test_from_file import _state


def _windows_options(options: ImportOptions, library: Path) -> ImportOptions:
    """The mappings a person types for the Windows Radarr, in a case of their own (Windows ignores it)."""
    return replace(
        options,
        mappings=(
            PathMapping("c:\\movies", str(library / "movies")),
            PathMapping("D:\\UHD MOVIES", str(library / "movies-4k")),
            PathMapping("C:\\Downloads", str(library / "downloads")),
        ),
    )


async def _folders(settings: Settings) -> dict[str, Any]:
    """Every folder the import wrote, field by field."""
    async with installation(settings) as reelarr:
        movies = {m.tmdb_id: m for m in await reelarr.movies.all()}
        files = await reelarr.movies.files([m.id for m in movies.values()])
        [import_list] = await reelarr.import_lists.lists.providers.all()
        return {
            "root folders": sorted(await reelarr.root_folders.paths()),
            "movie folders": {t: m.path for t, m in movies.items()},
            "file relative paths": [f.relative_path for f in files.values()],
            "recycle bin": (await reelarr.media_management.get()).recycle_bin,
            "remote path mappings": [
                (m.host, m.remote_path, m.local_path) for m in await reelarr.remote_path_mappings.all()
            ],
            "import list root folder": import_list.options.root_folder_path,
            "collection root folders": sorted(
                c.root_folder_path for c in await reelarr.collections.collections.all()
            ),
        }


def _expected(library: Path) -> dict[str, Any]:
    """The folders as the mappings put them here."""
    movies, uhd = str(library / "movies"), str(library / "movies-4k")
    return {
        "root folders": sorted([movies, uhd]),
        "movie folders": {
            603: f"{movies}/The Matrix (1999)",
            129: f"{uhd}/Spirited Away (2001)",
        },
        "file relative paths": [data.MATRIX_FILE],
        "recycle bin": f"{movies}/.recycle",
        "remote path mappings": [("qbittorrent", "/downloads/", f"{library / 'downloads'}/complete/")],
        "import list root folder": movies,
        "collection root folders": [uhd],
    }


async def test_a_windows_radarr_db_arrives_as_a_linux_one(
    settings: Settings, options: ImportOptions, library: Path, tmp_path: Path
) -> None:
    windows_db = build_windows_radarr_db(tmp_path / "windows-radarr.db")
    summary = await import_radarr(
        settings, replace(_windows_options(options, library), url="", api_key="", source_file=windows_db)
    )
    assert summary.failures == 0, "\n".join(summary.lines())

    reference = Settings(
        data_dir=tmp_path / "ref", database_url=f"sqlite:///{tmp_path / 'ref.db'}", log_file=None
    )
    posix_db = build_radarr_db(tmp_path / "radarr.db")
    await import_radarr(reference, replace(options, url="", api_key="", source_file=posix_db))
    mine, theirs = await _state(settings), await _state(reference)
    for kind in theirs:
        assert mine[kind] == theirs[kind], kind
    folders = await _folders(settings)
    assert folders == await _folders(reference)
    expected = _expected(library)
    assert {**folders, "movie folders": {}} == {**expected, "movie folders": {}}
    assert {t: folders["movie folders"][t] for t in expected["movie folders"]} == expected["movie folders"]


async def test_a_windows_radarr_api_arrives_as_a_linux_one(
    settings: Settings, options: ImportOptions, library: Path, radarr: RadarrServer, tmp_path: Path
) -> None:
    reference = Settings(
        data_dir=tmp_path / "ref", database_url=f"sqlite:///{tmp_path / 'ref.db'}", log_file=None
    )
    await import_radarr(reference, options)
    with radarr.state.lock:
        radarr.state.resources = windows_installation()

    summary = await import_radarr(settings, _windows_options(options, library))

    assert summary.failures == 0, "\n".join(summary.lines())
    mine, theirs = await _state(settings), await _state(reference)
    for kind in theirs:
        assert mine[kind] == theirs[kind], kind
    assert await _folders(settings) == await _folders(reference)
    again = await import_radarr(settings, _windows_options(options, library))
    assert (again.changes, again.failures) == (0, 0), again.lines()


async def test_a_file_in_a_subfolder_of_the_film_keeps_its_relative_path_written_with_slashes(
    settings: Settings, options: ImportOptions, library: Path, tmp_path: Path
) -> None:
    windows_db = build_windows_radarr_db(tmp_path / "windows-radarr.db")
    with closing(sqlite3.connect(windows_db)) as db:
        db.execute("""UPDATE "MovieFiles" SET "RelativePath" = 'Feature\\' || "RelativePath" """)
        db.commit()
    film = library / "movies" / "The Matrix (1999)"
    (film / "Feature").mkdir()
    (film / data.MATRIX_FILE).rename(film / "Feature" / data.MATRIX_FILE)

    summary = await import_radarr(
        settings, replace(_windows_options(options, library), url="", api_key="", source_file=windows_db)
    )

    assert summary.failures == 0, "\n".join(summary.lines())
    assert (await _folders(settings))["file relative paths"] == [f"Feature/{data.MATRIX_FILE}"]
