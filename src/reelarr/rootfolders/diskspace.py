"""Free and total space of the file systems that matter (see `mounts` for which ones and why)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable
from typing import TypeVar

from reelarr.rootfolders.disk import DiskProbes
from reelarr.rootfolders.mounts import (
    DiskSpace,
    Mount,
    disk_labels,
    is_local_disk,
    label_for,
    measure,
    mount_of,
    read_mounts,
)
from reelarr.rootfolders.paths import normalise

T = TypeVar("T")


def _root_mounts(root_paths: list[str], mounts: list[Mount]) -> list[Mount]:
    found = []
    for path in root_paths:
        if not os.path.isdir(path):
            continue
        real = normalise(os.path.realpath(path)) or path
        # Without /proc/mounts (not Linux) the root folder stands for its own file system.
        found.append(mount_of(real, mounts) or Mount(path, path, ""))
    return found


async def _or_default(work: Awaitable[T], default: T) -> T:
    try:
        return await work
    except TimeoutError:
        return default


async def _measure(mount: Mount, probes: DiskProbes) -> tuple[Mount, tuple[int, int, int] | None]:
    try:
        return mount, await probes.run(measure, mount.path)
    except TimeoutError:
        return mount, None


async def disk_space(root_paths: list[str], probes: DiskProbes) -> list[DiskSpace]:
    """One entry per file system holding a root folder or being a local disk, sorted by path.

    A file system that does not answer in time is left out.
    """
    mounts = await _or_default(probes.run(read_mounts), [])
    important = await _or_default(probes.run(_root_mounts, root_paths, mounts), [])
    optional = sorted((m for m in mounts if is_local_disk(m)), key=lambda m: (len(m.path), m.path))
    measured = await asyncio.gather(*(_measure(m, probes) for m in [*important, *optional]))
    labels = await _or_default(probes.run(disk_labels), {})
    seen: set[int] = set()
    result = []
    for mount, numbers in measured:
        if numbers is None or numbers[0] in seen:
            continue
        device, free, total = numbers
        seen.add(device)
        result.append(DiskSpace(mount.path, label_for(mount, labels), free, total))
    return sorted(result, key=lambda d: d.path.casefold())
