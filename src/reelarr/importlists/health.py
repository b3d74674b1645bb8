"""Radarr's ImportListStatusCheck (import lists backed off after failures) and ImportListRootFolderCheck
(lists adding into a root folder that is gone)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Iterable, Sequence
from datetime import datetime

from reelarr.health.model import HealthLevel, HealthResult
from reelarr.importlists.cleanup import FETCH_FAILED
from reelarr.importlists.service import ImportListService
from reelarr.importlists.sync import LAST_FETCH, SIGN_IN_REFUSED
from reelarr.movies.paths import normalise

WIKI = "https://wiki.servarr.com/radarr/system"


class ImportListStatusCheck:
    """Enabled lists backed off after failures, worded as Radarr words it, with their last errors."""

    name = "ImportListStatusCheck"

    def __init__(self, lists: ImportListService, clock: Callable[[], datetime]) -> None:
        self._lists = lists
        self._clock = clock

    async def check(self) -> list[HealthResult]:
        """Report all lists or the ones backed off now."""
        enabled = await self._lists.enabled()
        if not enabled:
            return []
        statuses = await self._lists.statuses.of(d.id for d in enabled)
        now = self._clock()
        blocked = [(d, statuses[d.id]) for d in enabled if statuses[d.id].disabled(now)]
        if not blocked:
            return []
        if len(blocked) == len(enabled):
            return [
                HealthResult(
                    self.name,
                    HealthLevel.ERROR,
                    "All lists are unavailable due to failures",
                    f"{WIKI}#lists-are-unavailable-due-to-failures",
                )
            ]
        names = ", ".join(f"{d.name} ({s.last_error})" if s.last_error else d.name for d, s in blocked)
        return [
            HealthResult(
                self.name,
                HealthLevel.WARNING,
                f"Lists unavailable due to failures: {names}",
                f"{WIKI}#import-lists-are-unavailable-due-to-failures",
            )
        ]


class ImportListSignInCheck:
    """Reelarr's: enabled lists whose service refused their sign-in on the last fetch (a Simkl app
    disconnected), which only signing in again mends; told apart from lists that are merely down."""

    name = "ImportListSignInCheck"

    def __init__(self, lists: ImportListService) -> None:
        self._lists = lists

    async def check(self) -> list[HealthResult]:
        """One error naming every list to sign in again, or nothing."""
        enabled = await self._lists.enabled()
        statuses = await self._lists.statuses.of(d.id for d in enabled)
        refused = [
            d.name
            for d in enabled
            if (data := statuses[d.id].data or {}).get(LAST_FETCH) == FETCH_FAILED
            and data.get(SIGN_IN_REFUSED)
        ]
        if not refused:
            return []
        return [
            HealthResult(
                self.name,
                HealthLevel.ERROR,
                f"Lists whose sign-in was refused, sign in again: {', '.join(refused)}",
                f"{WIKI}#lists-are-unavailable-due-to-failures",
            )
        ]


def lists_missing_roots(
    lists: Iterable[tuple[str, str]], roots: Sequence[str], existing: set[str]
) -> dict[str, list[str]]:
    """Of (list name, root folder) pairs, the root folders that are not the library's or not on disk,
    each with the names of its lists."""
    known = {normalise(r) for r in roots}
    missing: dict[str, list[str]] = {}
    for name, path in lists:
        if path in missing or not path.strip() or normalise(path) not in known or path not in existing:
            missing.setdefault(path, []).append(name)
    return missing


def lists_missing_roots_message(missing: dict[str, list[str]]) -> str | None:
    """Radarr's words for the lists' missing root folders (None when there are none)."""
    described = [f"{path} ({', '.join(names)})" for path, names in missing.items()]
    if not described:
        return None
    if len(described) == 1:
        return f"Missing root folder for import list(s): {described[0]}"
    return f"Multiple root folders are missing for import lists: {' | '.join(described)}"


class ImportListRootFolderCheck:
    """Every list, enabled or not, adds its films into a root folder of the library that is on disk."""

    name = "ImportListRootFolderCheck"

    def __init__(self, lists: ImportListService, root_folders: Callable[[], Awaitable[list[str]]]) -> None:
        self._lists = lists
        self._root_folders = root_folders

    async def check(self) -> list[HealthResult]:
        """One error naming the missing root folders and their lists, or nothing."""
        pairs = [(d.name, d.options.root_folder_path) for d in await self._lists.providers.all()]
        paths = {path for _, path in pairs if path.strip()}
        existing = {p for p in paths if await asyncio.to_thread(os.path.isdir, p)}
        missing = lists_missing_roots(pairs, await self._root_folders(), existing)
        message = lists_missing_roots_message(missing)
        if message is None:
            return []
        anchor = f"{WIKI}#import-list-missing-root-folder"
        return [HealthResult(self.name, HealthLevel.ERROR, message, anchor)]
