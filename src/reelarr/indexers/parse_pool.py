"""Big indexer answers read in a worker process, on another core, while the server goes on.

Reading a Torznab page of 100 items (its XML, then each item into a release) costs the server
~10 ms of CPU; an RSS sync that catches up on 10 feeds reads 100 such pages, and everything else
the server does waits for them, as Python runs one thread at a time. A worker process reads them
instead: the server sends the page's bytes and gets the releases back with their titles' readings
(where each names its film: what an RSS sync matches releases to the library by), ~0.5 ms to
unpickle a page, and the next pages download meanwhile. The worker starts when the first big page
arrives (pages are read in the server until it is up), and stops when no page came for a while,
giving its memory back. A worker that dies is replaced; its page is read in the server.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import gc
import importlib
import logging
import multiprocessing
import operator
import os
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from reelarr.indexers.requests import IndexerResponse
from reelarr.memory import collector_paused
from reelarr.parsing import TitleReading, keep_reading, read_title
from reelarr.parsing.reading import ReadingValues
from reelarr.releases.model import Release

log = logging.getLogger(__name__)

# A picklable reader of one answer (a module-level function or an instance of a module-level class).
FeedParse = Callable[[IndexerResponse], list[Release]]
MIN_BYTES = 32 * 1024  # ~25 Torznab items: smaller answers cost less to read than to send
IDLE_SECONDS = 600.0
MAX_BREAKS = 3  # workers that died before this process stops starting them


def default_workers() -> int:
    """Two workers where there is a second core to run them on, else none: in an RSS catch-up the
    server's own thread mostly waits on the indexers while the pages are read, and one worker was
    what the whole fetch waited on."""
    return 2 if (os.cpu_count() or 1) > 1 else 0


def _prepare_worker() -> None:
    # Import the readers before the first page, then keep what is loaded out of the collector's walks.
    importlib.import_module("reelarr.indexers.newznab.parser")
    gc.freeze()


def _ready() -> bool:
    return True


def _read(parse: FeedParse, response: IndexerResponse) -> list[Release]:
    with collector_paused():
        return parse(response)


# A page's releases as tuples of their fields, each with its title's reading (where it names its film,
# what an RSS sync matches releases to the library by, and what parsing the title in full builds on):
# plain tuples pickle and unpickle at a fraction of the dataclasses' cost, and the readings are made
# on the worker's core.
_RELEASE_VALUES = operator.attrgetter(*(f.name for f in dataclasses.fields(Release)))
PackedPage = list[tuple[tuple[Any, ...], ReadingValues | None]]


def _read_packed(parse: FeedParse, response: IndexerResponse) -> PackedPage:
    with collector_paused():
        packed: PackedPage = []
        for release in parse(response):
            reading = read_title(release.title)
            packed.append((_RELEASE_VALUES(release), None if reading is None else reading.values()))
        return packed


def _unpack(packed: PackedPage) -> list[Release]:
    releases = []
    for values, reading in packed:
        release = Release(*values)
        keep_reading(release.title, None if reading is None else TitleReading.from_values(reading))
        releases.append(release)
    return releases


class FeedParsePool:
    """Reads big answers in `workers` worker processes (none: in this process)."""

    def __init__(
        self, workers: int, *, min_bytes: int = MIN_BYTES, idle_seconds: float = IDLE_SECONDS
    ) -> None:
        self._workers = workers
        self._min_bytes = min_bytes
        self._idle_seconds = idle_seconds
        self._executor: concurrent.futures.ProcessPoolExecutor | None = None
        self._warm: concurrent.futures.Future[bool] | None = None
        self._busy = 0
        self._idle_timer: asyncio.TimerHandle | None = None
        self.worker_pages = 0  # answers a worker read
        self._breaks = 0

    @property
    def running(self) -> bool:
        """Whether a worker process is up and reading."""
        return self._executor is not None and self._warm is not None and self._warm.done()

    async def parse(self, parse: FeedParse, response: IndexerResponse) -> list[Release]:
        """The releases of one answer, read by a worker when it is big and a worker is up."""
        if self._workers <= 0 or len(response.body) < self._min_bytes:
            return _read(parse, response)
        executor = self._ready_executor()
        if executor is None:
            return _read(parse, response)
        self._busy += 1
        try:
            packed = await asyncio.get_running_loop().run_in_executor(executor, _read_packed, parse, response)
        except BrokenProcessPool:
            self._breaks += 1
            if self._breaks >= MAX_BREAKS:
                log.warning("The feed reader's worker process stopped again; reading answers in the server")
                self._workers = 0
            else:
                log.warning("The feed reader's worker process stopped; reading this answer in the server")
            self._discard(executor)
            return _read(parse, response)
        finally:
            self._busy -= 1
            self._schedule_idle_stop()
        self.worker_pages += 1
        with collector_paused():
            return _unpack(packed)

    def _ready_executor(self) -> concurrent.futures.ProcessPoolExecutor | None:
        if self._executor is None:
            self._start()
            return None
        if self._warm is None or not self._warm.done():
            return None
        if self._warm.cancelled() or self._warm.exception() is not None:
            log.warning("The feed reader's worker process could not start; reading answers in the server")
            self._workers = 0
            self._discard(self._executor)
            return None
        return self._executor

    def _start(self) -> None:
        # spawn, not fork: the server has threads (database, thread pool) a fork would copy mid-step.
        context = multiprocessing.get_context("spawn")
        try:
            self._executor = concurrent.futures.ProcessPoolExecutor(
                max_workers=self._workers, mp_context=context, initializer=_prepare_worker
            )
            # One call per worker starts them all now (the pool starts a process per call that finds
            # none idle), not one at a time as pages queue; pages go to workers once the first is up.
            self._warm = self._executor.submit(_ready)
            for _ in range(self._workers - 1):
                self._executor.submit(_ready)
        except OSError as error:
            log.warning("Could not start the feed reader's worker process (%s); reading in the server", error)
            self._workers = 0
            self._executor = None
            return
        log.info("Started the feed reader's worker process")

    def _schedule_idle_stop(self) -> None:
        if self._idle_timer is not None:
            self._idle_timer.cancel()
        self._idle_timer = asyncio.get_running_loop().call_later(self._idle_seconds, self._stop_if_idle)

    def _stop_if_idle(self) -> None:
        self._idle_timer = None
        if self._busy == 0 and self._executor is not None:
            log.info("Stopped the feed reader's idle worker process")
            self._discard(self._executor)

    def _discard(self, executor: concurrent.futures.ProcessPoolExecutor) -> None:
        if self._executor is executor:
            self._executor = None
            self._warm = None
        executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the worker (pages being read are read in the server, by their callers' fallback)."""
        if self._idle_timer is not None:
            self._idle_timer.cancel()
            self._idle_timer = None
        if self._executor is not None:
            self._discard(self._executor)
