"""Big blocks freed in any thread go back to the system, so a burst of logins leaves no lasting bulk."""

from __future__ import annotations

import asyncio
import gc
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest

from reelarr.memory import collector_paused, collector_pauses, return_big_blocks

# Hashes one password in each of four threads, one after the other (as logins go through a thread
# pool), and prints how much more resident the process is afterwards, in KiB.
_AFTER_HASHES_IN_THREADS = """
import sys, threading
from argon2 import PasswordHasher
from reelarr.auth.passwords import Passwords
from reelarr.memory import return_big_blocks

def resident_kib() -> int:
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")

if sys.argv[1] == "on":
    assert return_big_blocks()
hasher = Passwords()._hasher
stored = hasher.hash("correct horse battery")
before = resident_kib()
for _ in range(4):
    thread = threading.Thread(target=hasher.verify, args=(stored, "correct horse battery"))
    thread.start()
    thread.join()
print(resident_kib() - before)
"""


def _growth_kib(setting: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _AFTER_HASHES_IN_THREADS, setting], capture_output=True, text=True, check=True
    )
    return int(done.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_hashes_in_other_threads_leave_no_lasting_bulk() -> None:
    assert _growth_kib("on") < 8 * 1024


def test_it_says_whether_it_applied() -> None:
    assert return_big_blocks() is sys.platform.startswith("linux")


@pytest.fixture
def collector_on() -> Iterator[None]:
    """The collector on, as a server runs, and back as it was after the test."""
    was = gc.isenabled()
    gc.enable()
    yield
    assert collector_pauses() == 0
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collector_on")
def test_the_collector_is_off_inside_a_pause_and_on_after() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_an_exception_inside_a_pause_turns_the_collector_back_on() -> None:
    with pytest.raises(ValueError, match="broken feed"), collector_paused():
        raise ValueError("broken feed")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_a_cancelled_task_turns_the_collector_back_on() -> None:
    async def scenario() -> None:
        inside = asyncio.Event()

        async def paused_forever() -> None:
            with collector_paused():
                inside.set()
                await asyncio.Event().wait()

        task = asyncio.create_task(paused_forever())
        await inside.wait()
        assert not gc.isenabled()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(scenario())
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_a_nested_pause_leaves_the_collector_off_until_the_outer_one_ends() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_overlapping_pauses_of_two_tasks_end_with_the_last_one() -> None:
    async def scenario() -> None:
        first_in, first_may_end, first_done = asyncio.Event(), asyncio.Event(), asyncio.Event()

        async def first() -> None:
            with collector_paused():
                first_in.set()
                await first_may_end.wait()
            first_done.set()

        async def second() -> None:
            await first_in.wait()
            with collector_paused():
                first_may_end.set()
                await first_done.wait()
                assert not gc.isenabled()  # the first one has ended, this one still holds

        await asyncio.gather(first(), second())

    asyncio.run(scenario())
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_overlapping_pauses_of_two_threads_end_with_the_last_one() -> None:
    entered, may_leave = threading.Event(), threading.Event()

    def other() -> None:
        with collector_paused():
            entered.set()
            may_leave.wait(timeout=10)

    thread = threading.Thread(target=other)
    with collector_paused():
        thread.start()
        entered.wait(timeout=10)
    assert not gc.isenabled()  # the other thread's pause still holds
    may_leave.set()
    thread.join()
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with collector_paused(), collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
