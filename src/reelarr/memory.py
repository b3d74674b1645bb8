"""The process's memory: the C allocator's big blocks, and pauses of Python's cycle collector.

The C allocator (glibc; elsewhere nothing) is kept from holding on to the big blocks the server frees.
glibc serves a big allocation (argon2's 19 MiB, a rendered segment of the movie list, a compressed
answer) with a mapping of its own and unmaps it when freed, until the first such block is freed: it
then raises its threshold to that block's size, and later blocks of that size come from the heap of
the thread that asked and stay there once freed. With a thread pool, each of up to 8 heaps per core
kept its own copy: a burst of logins left the server 40-80 MB bigger for good. A fixed threshold
keeps big blocks mapped on their own, and two heaps are plenty for one event loop and its helpers.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import threading
from types import TracebackType

log = logging.getLogger(__name__)
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
MMAP_THRESHOLD = 256 * 1024
ARENAS = 2


def return_big_blocks(threshold: int = MMAP_THRESHOLD, arenas: int = ARENAS) -> bool:
    """Give freed big blocks back to the system at once, from any thread; False where not glibc."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        mallopt = libc.mallopt if libc is not None else None
    except (OSError, AttributeError):
        mallopt = None
    if mallopt is None or not hasattr(libc, "gnu_get_libc_version"):
        return False
    done = bool(mallopt(_M_MMAP_THRESHOLD, threshold)) and bool(mallopt(_M_ARENA_MAX, arenas))
    if not done:
        log.debug("mallopt refused the memory settings")
    return done


class _CollectorPauses:
    """How many blocks want the cycle collector off now, in any thread or task of the process.

    The collector is one switch for the whole interpreter, so this is the one place that flips it:
    the first pause turns it off, the last one to end turns it back on, and only if it was on
    before the first (a caller or test that turned it off itself keeps it off). The one
    module-level state of the package, as the switch it guards is process-wide.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._resume = False

    def enter(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._resume = gc.isenabled()
                gc.disable()
            self._depth += 1

    def leave(self) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._resume:
                gc.enable()

    @property
    def depth(self) -> int:
        return self._depth


_PAUSES = _CollectorPauses()


class collector_paused:
    """Hold off Python's cycle collector while a long list of values is built.

    10,000 movies or releases are hundreds of thousands of new containers: enough to set off
    several full collections of the whole process (a third of the CPU of building them), though none
    of them is garbage. Nested and overlapping pauses (two tasks, two threads) are counted: the
    collector comes back when the last one ends, by an exception or a cancellation too, and stays
    off if it was off before the first. Keep a pause around CPU-bound work, not across a long
    await: requests that run meanwhile have their cycles collected only once it ends.
    """

    __slots__ = ()

    def __enter__(self) -> None:
        _PAUSES.enter()

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        _PAUSES.leave()


def collector_pauses() -> int:
    """How many pauses of the collector are in force (for tests and diagnostics)."""
    return _PAUSES.depth
