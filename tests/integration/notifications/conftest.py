"""Fixtures of the notification tests: the webhook receiver, and a library (fixture TMDB, indexers,
a root folder) for the events of the pipeline."""

from tests.fixtures.indexers.plugin import indexer_fixture_server, indexer_server
from tests.fixtures.media.plugin import sample_media
from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.fixtures.webhook.server import receiver
from tests.integration.movies.conftest import library

__all__ = [
    "indexer_fixture_server",
    "indexer_server",
    "library",
    "receiver",
    "sample_media",
    "tmdb_fixture_server",
    "tmdb_server",
]
