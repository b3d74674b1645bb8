"""Password checks run a bounded number at a time; past a queue they are refused, not piled up."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from typing import Any

import pytest
from argon2 import PasswordHasher

from reelarr.auth.passwords import HashingBusy, Passwords


class CountingHasher(PasswordHasher):
    """argon2's hasher, slowed a little and counting how many hashes run at once."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self._lock = threading.Lock()
        self.running = 0
        self.most = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        with self._lock:
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            time.sleep(0.02)
            return super().verify(hash, password)
        finally:
            with self._lock:
                self.running -= 1


async def test_no_more_hashes_run_at_once_than_allowed() -> None:
    hasher = CountingHasher()
    passwords = Passwords(hasher, in_flight=2, waiting=100)
    stored = await passwords.hash("correct horse battery")
    results = await asyncio.gather(*(passwords.verify(stored, f"guess {i}") for i in range(20)))
    assert results == [False] * 20
    assert hasher.most == 2


async def test_checks_past_the_queue_are_refused() -> None:
    passwords = Passwords(CountingHasher(), in_flight=1, waiting=3)
    stored = await passwords.hash("correct horse battery")
    outcomes: list[Any] = await asyncio.gather(
        *(passwords.verify(stored, "correct horse battery") for _ in range(10)), return_exceptions=True
    )
    assert sum(isinstance(o, HashingBusy) for o in outcomes) == 6
    assert outcomes.count(True) == 4


async def test_the_right_password_still_verifies() -> None:
    passwords = Passwords(CountingHasher())
    stored = await passwords.hash("correct horse battery")
    assert await passwords.verify(stored, "correct horse battery")
    assert not await passwords.verify(stored, "wrong")
    assert not await passwords.verify(None, "correct horse battery")


@pytest.mark.parametrize("in_flight", [1, 3])
async def test_the_bound_is_what_was_asked(in_flight: int) -> None:
    hasher = CountingHasher()
    passwords = Passwords(hasher, in_flight=in_flight)
    stored = await passwords.hash("x" * 10)
    await asyncio.gather(*(passwords.verify(stored, "y") for _ in range(12)))
    assert hasher.most == in_flight


_PEAK_OF_ONE_HASH = """
import asyncio
import subprocess
import sys
from reelarr.auth.passwords import Passwords

def peak_kib() -> int:
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM")

async def main() -> None:
    passwords = Passwords()
    before = peak_kib()
    stored = await passwords.hash("correct horse battery")
    assert await passwords.verify(stored, "correct horse battery")
    print(peak_kib() - before)

asyncio.run(main())
"""


def test_a_password_check_lifts_the_peak_by_at_most_twenty_megabytes() -> None:
    # In a process of its own: the peak (VmHWM) of this one has long been set by other tests.
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_OF_ONE_HASH], capture_output=True, text=True, check=True
    )
    assert int(done.stdout) < 21 * 1024


async def test_hashes_made_with_the_old_default_are_made_again() -> None:
    old = PasswordHasher().hash("correct horse battery")
    passwords = Passwords()
    assert await passwords.verify(old, "correct horse battery")
    assert passwords.needs_rehash(old)
    assert not passwords.needs_rehash(await passwords.hash("correct horse battery"))
