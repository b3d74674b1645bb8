"""One fixture Radarr for the module; each test gets it with the installation as `data` describes it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reelarr.radarrimport.paths import PathMapping
from reelarr.radarrimport.run import ImportOptions
from reelarr.settings import Settings
from tests.fixtures.radarr import data
from tests.fixtures.radarr.server import RadarrServer


@pytest.fixture(scope="module")
def radarr_server() -> Iterator[RadarrServer]:
    """The fixture Radarr, listening for the whole module."""
    server = RadarrServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def radarr(radarr_server: RadarrServer) -> RadarrServer:
    """The fixture Radarr, every path answering as `data` describes."""
    radarr_server.state.reset()
    return radarr_server


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """Where Radarr's /movies and /movies-4k are mounted here (and its recycle bin), with The Matrix's
    file in its folder (Spirited Away's is not on disk here)."""
    for folder in ("movies/.recycle", "movies-4k", "downloads/complete", "movies/The Matrix (1999)"):
        (tmp_path / "library" / folder).mkdir(parents=True)
    matrix = tmp_path / "library" / "movies" / "The Matrix (1999)" / data.MATRIX_FILE
    matrix.write_bytes(b"\0" * data.MATRIX_FILE_SIZE)
    return tmp_path / "library"


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    """The installation imported into: a fresh database of each dialect."""
    return Settings(data_dir=tmp_path / "data", database_url=database_url, log_file=None)


@pytest.fixture
def options(radarr: RadarrServer, library: Path) -> ImportOptions:
    """Import from the fixture with Radarr's folders mapped into `library`."""
    return ImportOptions(
        url=radarr.url,
        api_key=data.API_KEY,
        mappings=(
            PathMapping("/movies", str(library / "movies")),
            PathMapping("/movies-4k", str(library / "movies-4k")),
            PathMapping("/downloads", str(library / "downloads")),
        ),
    )
