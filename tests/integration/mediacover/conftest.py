"""An ImageCache on a temporary folder, downloading from the fixture TMDB's image CDN."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from reelarr.mediacover import ImageCache
from reelarr.metadata import CoverType, Image
from reelarr.remote import BreakerPolicy, RemoteRegistry, RetryPolicy, ServicePolicy
from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.fixtures.tmdb.server import TmdbFixtureServer

__all__ = ["tmdb_fixture_server", "tmdb_server"]

# The Matrix (603) in the fixture data: its poster, backdrop and logo.
POSTER_FILE = "/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg"
FANART_FILE = "/ncEsesgOJDNrTUED89hYbA117wo.jpg"
LOGO_FILE = "/4GnP1X6i7VhS1qMWs4YlAmVGKML.jpg"
# Short waits so failures are quick; a breaker that stays closed so each test sees its own faults.
TEST_POLICY = ServicePolicy(
    timeout=1.0,
    connect_timeout=1.0,
    retry=RetryPolicy(attempts=2, initial_delay=0.01, max_delay=0.05, jitter=0.0),
    breaker=BreakerPolicy(failure_threshold=100, cooldown=1.0, max_cooldown=1.0),
)


class RecordingTransport(httpx.AsyncBaseTransport):
    """The real transport, remembering each request with the status it got."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.exchanges: list[tuple[httpx.Request, int]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        self.exchanges.append((request, response.status_code))
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()

    def statuses(self) -> list[int]:
        return [status for _, status in self.exchanges]


@pytest.fixture
def transport() -> RecordingTransport:
    return RecordingTransport()


@pytest.fixture
async def registry(transport: RecordingTransport) -> AsyncIterator[RemoteRegistry]:
    registry = RemoteRegistry(transport=transport)
    yield registry
    await registry.aclose()


@pytest.fixture
def cache(registry: RemoteRegistry, tmp_path: Path) -> ImageCache:
    return ImageCache.from_registry(registry, tmp_path, policy=TEST_POLICY)


@pytest.fixture
def matrix_images(tmdb_server: TmdbFixtureServer) -> tuple[Image, ...]:
    base = tmdb_server.image_url
    return (
        Image(CoverType.POSTER, base + POSTER_FILE),
        Image(CoverType.FANART, base + FANART_FILE),
        Image(CoverType.CLEARLOGO, base + LOGO_FILE),
    )
