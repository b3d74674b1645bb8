"""A server with the fixture TMDB, a root folder, and sample videos."""

from tests.fixtures.media.plugin import sample_media
from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.integration.movies.conftest import indexer_fixture_server, indexer_server, library

__all__ = [
    "indexer_fixture_server",
    "indexer_server",
    "library",
    "sample_media",
    "tmdb_fixture_server",
    "tmdb_server",
]
