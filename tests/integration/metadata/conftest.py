"""The TMDB client against the fixture TMDB, with a clock the tests move by hand."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from reelarr.metadata import TmdbClient, TmdbConfig
from reelarr.remote import BreakerPolicy, RemoteRegistry, RetryPolicy, ServicePolicy
from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.fixtures.tmdb.server import TmdbFixtureServer

__all__ = ["tmdb_fixture_server", "tmdb_server"]

# TMDB's policy, minus the jitter and with a short timeout, so the tests can assert exact waits.
TEST_POLICY = ServicePolicy(
    timeout=2.0,
    connect_timeout=2.0,
    retry=RetryPolicy(attempts=3, initial_delay=0.5, max_delay=8.0, jitter=0.0, max_retry_after=30.0),
    breaker=BreakerPolicy(failure_threshold=2, cooldown=30.0, max_cooldown=600.0),
)


class FakeClock:
    """Wall-clock seconds that move only when the code sleeps or a test advances them."""

    def __init__(self) -> None:
        self.now = time.time()
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def registry(clock: FakeClock) -> AsyncIterator[RemoteRegistry]:
    registry = RemoteRegistry(clock=clock, sleep=clock.sleep)
    yield registry
    await registry.aclose()


MakeClient = Callable[..., TmdbClient]


@pytest.fixture
def make_client(registry: RemoteRegistry, tmdb_server: TmdbFixtureServer) -> MakeClient:
    """Build a TmdbClient on the fixture TMDB; keyword arguments override TmdbConfig fields."""

    def make(policy: ServicePolicy = TEST_POLICY, **overrides: Any) -> TmdbClient:
        settings: dict[str, Any] = {"api_key": tmdb_server.api_key, "api_url": tmdb_server.api_url}
        settings.update(overrides)
        return TmdbClient.from_registry(registry, TmdbConfig(**settings), policy=policy)

    return make


@pytest.fixture
def tmdb(make_client: MakeClient) -> TmdbClient:
    return make_client()
