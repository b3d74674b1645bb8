"""A server with the fixture TMDB, a root folder, a fixture Torznab indexer and the session's qBittorrent;
sample videos for the films' files."""

from tests.fixtures.indexers.plugin import indexer_fixture_server, indexer_server
from tests.fixtures.media.plugin import sample_media
from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.integration.movies.conftest import library

__all__ = [
    "indexer_fixture_server",
    "indexer_server",
    "library",
    "sample_media",
    "tmdb_fixture_server",
    "tmdb_server",
]
