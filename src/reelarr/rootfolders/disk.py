"""Blocking file-system probes, run in a worker thread with a deadline (a dead network mount hangs)."""

from __future__ import annotations

import asyncio
import os
import pwd
import shutil
import tempfile
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

from reelarr.rootfolders.paths import is_ignored_folder

P = ParamSpec("P")
T = TypeVar("T")


class DiskProbes:
    """Runs blocking disk calls in worker threads, each awaited for at most `seconds` (else TimeoutError).

    A call on a hung network mount never returns and its thread cannot be stopped. So an identical
    call made while one is still running joins it instead of tying up one more thread: however
    often a dead disk is asked about, it holds one thread per distinct question.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._running: dict[Hashable, asyncio.Task[Any]] = {}

    async def run(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """The result of `function(*args, **kwargs)`, computed in a worker thread."""
        key: Hashable = (function, args, tuple(sorted(kwargs.items())))
        try:
            task = self._running.get(key)
        except TypeError:  # unhashable arguments: nothing to share
            key, task = None, None
        if task is None:
            task = asyncio.create_task(asyncio.to_thread(function, *args, **kwargs))
            if key is not None:
                self._running[key] = task
                task.add_done_callback(lambda done: self._finished(key, done))
        result: T = await asyncio.wait_for(asyncio.shield(task), self.seconds)
        return result

    def _finished(self, key: Hashable, task: asyncio.Task[Any]) -> None:
        if self._running.get(key) is task:
            del self._running[key]
        if not task.cancelled():
            task.exception()  # retrieved, so a late failure nobody awaits is not reported as lost


def json_safe(name: str) -> bool:
    """False for names with bytes that are not UTF-8 (decoded as surrogates, which JSON cannot carry)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class FolderDetails:
    """What a root folder looks like on disk right now."""

    accessible: bool
    free_space: int | None = None
    total_space: int | None = None
    subfolders: list[str] = field(default_factory=list)


def subfolder_names(path: str) -> list[str]:
    """Names of the folders (or links to folders) directly inside `path` that could hold a movie."""
    names = []
    with os.scandir(path) as entries:
        for entry in entries:
            if is_ignored_folder(entry.name) or not json_safe(entry.name):
                continue
            try:
                # d_type answers this without a stat for everything but symbolic links.
                if entry.is_dir():
                    names.append(entry.name)
            except OSError:
                continue
    return names


def folder_details(path: str, *, with_subfolders: bool) -> FolderDetails:
    """Space and (optionally) subfolders of a folder, or not accessible when it is gone or unreadable."""
    try:
        if not os.path.isdir(path):
            return FolderDetails(accessible=False)
        usage = shutil.disk_usage(path)
    except OSError:
        return FolderDetails(accessible=False)
    try:
        names = subfolder_names(path) if with_subfolders else []
    except OSError:
        # There but unreadable: still accessible (it has space), just nothing to suggest.
        names = []
    return FolderDetails(True, usage.free, usage.total, names)


def is_writable(path: str) -> bool:
    """True when this process can create (and remove) a file in the folder, as Radarr tests it."""
    try:
        handle, name = tempfile.mkstemp(prefix=".reelarr-write-test-", dir=path)
    except OSError:
        return False
    os.close(handle)
    try:
        os.unlink(name)
    except OSError:
        return False
    return True


def current_user() -> str:
    """The name of the user this process runs as."""
    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:
        return str(os.geteuid())


@dataclass(frozen=True, slots=True)
class PathState:
    """Where a path stands on disk: exists, is a folder, its real path with links resolved."""

    exists: bool
    is_folder: bool
    real_path: str


def path_state(path: str) -> PathState:
    """Look at a path once (following links)."""
    try:
        real = os.path.realpath(path)
        exists = os.path.exists(path)
        return PathState(exists, exists and os.path.isdir(path), real)
    except (OSError, ValueError):
        return PathState(False, False, path)
