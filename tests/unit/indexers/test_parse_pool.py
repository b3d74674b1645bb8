"""Big feed pages read in a worker process: the same releases as in the server, errors intact, a dead
worker replaced, an idle one stopped."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from reelarr.indexers.errors import IndexerRejected, RequestLimitReached, UnsafeFeed
from reelarr.indexers.newznab.parser import LIMIT_BACKOFF, TorznabParser
from reelarr.indexers.parse_pool import MAX_BREAKS, FeedParsePool
from reelarr.indexers.requests import IndexerRequest, IndexerResponse
from reelarr.indexers.rss import ParserCall, Stamp
from reelarr.parsing import parse_title
from reelarr.parsing.movie import _reading as reading_of
from reelarr.parsing.movie import _readings as kept_readings
from reelarr.parsing.movie import forget_parses
from reelarr.releases.model import DownloadProtocol, Release
from tests.fixtures.indexers.faults import XML_BOMB
from tests.fixtures.indexers.newznab import NabSite, error_document, feed_document
from tests.fixtures.indexers.releases import GB, FixtureRelease

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
URL = "http://indexer.test/site/api?t=search&apikey=key"
STAMP = Stamp(3, "Fixture", DownloadProtocol.TORRENT, 10)
READ = ParserCall(TorznabParser, STAMP)


def _response(body: str, *, status: int = 200, content_type: str = "application/rss+xml") -> IndexerResponse:
    return IndexerResponse(IndexerRequest(URL), status, content_type, body.encode())


def _page(count: int) -> IndexerResponse:
    releases = [
        FixtureRelease(f"Film.{n}.2010.1080p.BluRay-GRP", 8 * GB + n, timedelta(hours=n + 1), (2000, 2040))
        for n in range(count)
    ]
    site = NabSite("torznab", releases=releases)
    return _response(feed_document(site, "http://indexer.test/site", {}, NOW))


class SaysWhichProcess:
    """Reads the page slowly, naming the process that read it as each release's indexer."""

    def __call__(self, response: IndexerResponse) -> list[Release]:
        time.sleep(0.1)
        return [replace(release, indexer=str(os.getpid())) for release in READ(response)]


class DiesInWorker:
    """Reads the page, but ends the worker process reading it (never the server)."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid

    def __call__(self, response: IndexerResponse) -> list[Release]:
        if os.getpid() != self.server_pid:
            os._exit(1)
        return READ(response)


async def _started(pool: FeedParsePool) -> None:
    await pool.parse(READ, _page(1))  # the first big answer starts the worker and is read here
    for _ in range(300):
        if pool.running:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the worker did not start")


@pytest.fixture(scope="module")
async def pool() -> AsyncIterator[FeedParsePool]:
    started = FeedParsePool(1, min_bytes=0)
    await _started(started)
    yield started
    started.close()


async def test_a_worker_reads_a_page_as_the_server_does(pool: FeedParsePool) -> None:
    page = _page(100)
    before = pool.worker_pages
    releases = await pool.parse(READ, page)
    assert pool.worker_pages == before + 1
    assert releases == READ(page)
    assert len(releases) == 100
    assert releases[0].indexer_id == 3


async def test_the_worker_reads_where_each_title_names_its_film_for_the_server(pool: FeedParsePool) -> None:
    forget_parses()
    releases = await pool.parse(READ, _page(100))
    kept = [kept_readings.get(r.title) for r in releases]
    assert all(found for found, _reading in kept)  # the server read none of these titles itself
    assert [reading for _found, reading in kept] == [reading_of(r.title, False) for r in releases]
    first = kept[0][1]
    assert first is not None
    assert first.names.title == "Film 0"
    built = parse_title(releases[0].title)  # on the kept reading
    forget_parses()
    assert parse_title(releases[0].title) == built


async def test_two_workers_start_together_and_read_pages_side_by_side() -> None:
    pool = FeedParsePool(2, min_bytes=0)
    try:
        await _started(pool)
        pages = await asyncio.gather(*(pool.parse(SaysWhichProcess(), _page(5)) for _ in range(8)))
        readers = {page[0].indexer for page in pages}
        assert len(readers) == 2
        assert str(os.getpid()) not in readers
    finally:
        pool.close()


async def test_errors_raised_in_the_worker_arrive_whole(pool: FeedParsePool) -> None:
    limit = _response(error_document(500, "Request limit reached"))
    with pytest.raises(RequestLimitReached) as reached:
        await pool.parse(READ, limit)
    assert reached.value.retry_after == LIMIT_BACKOFF
    with pytest.raises(IndexerRejected) as rejected:
        await pool.parse(READ, _response("<p>gone</p>" * 10, status=404, content_type="text/plain"))
    assert rejected.value.status == 404
    assert "[404]" in rejected.value.message
    with pytest.raises(UnsafeFeed):
        await pool.parse(READ, _response(XML_BOMB))


async def test_a_small_page_is_read_in_the_server_without_starting_a_worker() -> None:
    small = FeedParsePool(1, min_bytes=1_000_000)
    page = _page(3)
    assert await small.parse(READ, page) == READ(page)
    assert not small.running
    assert small.worker_pages == 0
    none = FeedParsePool(0, min_bytes=0)
    assert await none.parse(READ, page) == READ(page)
    assert not none.running


async def test_a_dead_worker_costs_no_page_and_is_replaced() -> None:
    pool = FeedParsePool(1, min_bytes=0)
    try:
        await _started(pool)
        page = _page(20)
        assert await pool.parse(DiesInWorker(os.getpid()), page) == READ(page)  # read here instead
        assert not pool.running
        await _started(pool)
        assert await pool.parse(READ, page) == READ(page)
    finally:
        pool.close()


async def test_an_idle_worker_stops() -> None:
    pool = FeedParsePool(1, min_bytes=0, idle_seconds=0.2)
    try:
        await _started(pool)
        await pool.parse(READ, _page(5))
        await asyncio.sleep(0.6)
        assert not pool.running
    finally:
        pool.close()


async def test_workers_that_keep_dying_are_given_up_for_the_server() -> None:
    pool = FeedParsePool(1, min_bytes=0)
    page = _page(5)
    try:
        for _ in range(MAX_BREAKS):
            await _started(pool)
            assert await pool.parse(DiesInWorker(os.getpid()), page) == READ(page)
        assert await pool.parse(READ, page) == READ(page)
        await asyncio.sleep(0.5)
        assert not pool.running  # no new worker was started
        assert await pool.parse(READ, page) == READ(page)
        assert not pool.running
    finally:
        pool.close()
