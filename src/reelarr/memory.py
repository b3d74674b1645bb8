"""Keeps the C allocator from holding on to the big blocks the server frees (glibc; elsewhere nothing).

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
import logging

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
