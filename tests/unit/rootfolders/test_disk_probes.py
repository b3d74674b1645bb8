"""Disk probes: a call that hangs (a dead network mount) times out and holds one thread, not one per ask."""

from __future__ import annotations

import asyncio
import threading

import pytest

from reelarr.rootfolders.disk import DiskProbes


async def test_a_quick_call_returns_its_result() -> None:
    probes = DiskProbes(1.0)
    assert await probes.run(sum, [1, 2, 3]) == 6
    assert await probes.run(divmod, 7, 2) == (3, 1)


async def test_a_failing_call_raises_its_error() -> None:
    probes = DiskProbes(1.0)
    with pytest.raises(FileNotFoundError):
        await probes.run(open, "/no/such/file")


async def test_a_hung_call_times_out_and_is_joined_not_repeated() -> None:
    release = threading.Event()
    calls: list[str] = []

    def hang(path: str) -> str:
        calls.append(path)
        release.wait(10)
        return path

    probes = DiskProbes(0.1)
    for _ in range(5):
        with pytest.raises(TimeoutError):
            await probes.run(hang, "/mnt/dead")
    assert calls == ["/mnt/dead"]
    with pytest.raises(TimeoutError):
        await probes.run(hang, "/mnt/other")
    assert calls == ["/mnt/dead", "/mnt/other"]
    release.set()
    await asyncio.sleep(0.2)
    assert await probes.run(hang, "/mnt/dead") == "/mnt/dead"
    assert len(calls) == 3


async def test_concurrent_identical_calls_share_one_thread() -> None:
    calls: list[int] = []

    def slow(n: int) -> int:
        calls.append(n)
        threading.Event().wait(0.1)
        return n * 2

    probes = DiskProbes(5.0)
    results = await asyncio.gather(*(probes.run(slow, 4) for _ in range(10)))
    assert results == [8] * 10
    assert calls == [4]
