"""A server with the fixture TMDB, a root folder, a fixture Torznab indexer and the session's qBittorrent,
and a second qBittorrent that seeds on 127.0.0.1."""

from collections.abc import Iterator

import pytest

from tests.fixtures.indexers.plugin import indexer_fixture_server, indexer_server
from tests.fixtures.media.plugin import sample_media
from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.integration.movies.conftest import library
from tests.support.qbittorrent import QBittorrentServer, running_qbittorrent

__all__ = [
    "indexer_fixture_server",
    "indexer_server",
    "library",
    "sample_media",
    "seeder",
    "tmdb_fixture_server",
    "tmdb_server",
]


@pytest.fixture(scope="module")
def seeder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[QBittorrentServer]:
    """Another qBittorrent, the one peer that has the releases' content."""
    with running_qbittorrent(tmp_path_factory.mktemp("seeder")) as server:
        yield server
